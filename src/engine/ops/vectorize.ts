import { commutation, fromFunction, identity, vec, zeros } from '../numeric/matrix.js';
import { constDim, mulDims } from '../types/dims.js';
import { defineOp } from './define.js';

/** `vec`, `diag`, the commutation matrix `K_{mn}`, and the constants `I`, `0`, `1`. */
export const vectorizeOps = [
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
