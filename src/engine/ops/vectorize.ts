import { commutation, fromFunction, identity, vec, zeros } from '../numeric/matrix.js';
import { type Dim, constDim, mulDims } from '../types/dims.js';
import { unifyShapes } from '../types/shape.js';
import { UnsupportedError } from '../numeric/errors.js';
import { conflict, defineOp, namedDim } from './define.js';

/** A size written in a dimension note, `m·n` (from `mn`), as the product of its named dimensions. */
function noteDim(d: Dim): Dim {
  const name = d.vars.length === 1 && d.coef === 1 ? d.vars[0] : '';
  return name.includes('·') ? name.split('·').map(namedDim).reduce(mulDims) : d;
}

/** `vec`, `diag`, the commutation matrix `K_{mn}`, and the constants `I`, `0`, `1`. */
export const vectorizeOps = [
  defineOp({
    // `E\left( \mathrm{dim}: mn\times pq \right)`: E is mn×pq (checked as a shape), and is E.
    name: 'shaped',
    label: 'a dimension note',
    arity: 1,
    dimCount: 2,
    exact: true,
    shape: (api, [a]) => {
      const stated = { rows: noteDim(api.dims[0]), cols: noteDim(api.dims[1]) };
      // Products of named sizes (m·n against p·q) are not settled by unification: compare them as written.
      const known = (d: Dim) => api.u.resolve(d).vars.every((v) => !v.startsWith('#'));
      const same = (x: Dim, y: Dim) => {
        const [rx, ry] = [api.u.resolve(x), api.u.resolve(y)];
        return rx.coef === ry.coef && [...rx.vars].sort().join() === [...ry.vars].sort().join();
      };
      const differs = (x: Dim, y: Dim) => known(x) && known(y) && !same(x, y);
      if (differs(a.rows, stated.rows) || differs(a.cols, stated.cols) || !unifyShapes(api.u, a, stated)) {
        conflict(api, 'The size stated by "(dim: …)" is not the size of the expression before it.', a, stated);
      }
      return a;
    },
    evaluate: (_F, [a]) => a,
    derive: (_F, _args, [da]) => da,
  }),
  defineOp({
    name: 'dimnote',
    label: 'a dimension note',
    arity: 0,
    exact: true,
    shape: () => ({ rows: constDim(1), cols: constDim(1) }),
    evaluate: () => {
      throw new UnsupportedError('a dimension note "(dim: …)" with no expression before it', { start: 0, end: 0 });
    },
  }),
  defineOp({
    name: 'vec',
    label: 'vec',
    arity: 1,
    exact: true,
    shape: (_api, [a]) => ({ rows: mulDims(a.rows, a.cols), cols: constDim(1) }),
    evaluate: (_F, [a]) => vec(a),
    derive: (_F, _args, [da]) => vec(da),
  }),
  defineOp({
    name: 'diag',
    label: 'diag',
    arity: 1,
    exact: true,
    shape(_api, [a]) {
      const n = mulDims(a.rows, a.cols);
      return { rows: n, cols: n };
    },
    evaluate: (F, [a]) => fromFunction(a.data.length, a.data.length, (i, j) => (i === j ? a.data[i] : F.zero)),
  }),
  defineOp({
    name: 'commutation',
    dimCount: 2,
    label: 'a commutation matrix',
    arity: 0,
    exact: true,
    shape({ dims: [m, n] }) {
      const size = mulDims(m, n);
      return { rows: size, cols: size };
    },
    evaluate: (F, _args, info) => commutation(F, info.dims[0], info.dims[1]),
  }),
  defineOp({
    name: 'identity',
    dimCount: 1,
    label: 'an identity matrix',
    arity: 0,
    exact: true,
    shape: ({ dims: [n] }) => ({ rows: n, cols: n }),
    evaluate: (F, _args, info) => identity(F, info.rows),
  }),
  defineOp({
    name: 'zeros',
    dimCount: 2,
    label: 'a zero matrix',
    arity: 0,
    exact: true,
    shape: ({ dims: [r, c] }) => ({ rows: r, cols: c }),
    evaluate: (F, _args, info) => zeros(F, info.rows, info.cols),
  }),
  defineOp({
    name: 'ones',
    dimCount: 1,
    label: 'a vector of ones',
    arity: 0,
    exact: true,
    shape: ({ dims: [n] }) => ({ rows: n, cols: constDim(1) }),
    evaluate: (F, _args, info) => fromFunction(info.rows, info.cols, () => F.one),
  }),
];
