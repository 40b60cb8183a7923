import { add, hadamard, kron } from '../numeric/matrix.js';
import { mulDims } from '../types/dims.js';
import { defineOp, sameShape } from './define.js';

/** Kronecker `\otimes` and Hadamard `\odot`/`\circ` products. */
export const productOps = [
  defineOp({
    name: 'kron',
    label: 'a Kronecker product',
    arity: 2,
    exact: true,
    shape: (_api, [a, b]) => ({ rows: mulDims(a.rows, b.rows), cols: mulDims(a.cols, b.cols) }),
    evaluate: (F, [a, b]) => kron(F, a, b),
    derive: (F, [a, b], [da, db]) => add(F, kron(F, da, b), kron(F, a, db)),
  }),
  defineOp({
    name: 'hadamard',
    label: 'a Hadamard product',
    arity: 2,
    exact: true,
    shape: (api, [a, b]) => sameShape(api, a, b, 'A Hadamard product'),
    evaluate: (F, [a, b]) => hadamard(F, a, b),
    derive: (F, [a, b], [da, db]) => add(F, hadamard(F, da, b), hadamard(F, a, db)),
  }),
];
