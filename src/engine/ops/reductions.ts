import { type Matrix, determinant, hadamard, inverse, matmul, trace } from '../numeric/matrix.js';
import type { Field } from '../numeric/field.js';
import { SCALAR } from '../types/shape.js';
import { defineOp, sameShape, squareShape } from './define.js';

function scalar<T>(x: T): Matrix<T> {
  return { rows: 1, cols: 1, data: [x] };
}

function sumAll<T>(F: Field<T>, m: Matrix<T>): T {
  return m.data.reduce((s, x) => F.add(s, x), F.zero);
}

/** Trace, determinant, Frobenius inner product `<A,B>` and squared norm `\|x\|^2`. */
export const reductionOps = [
  defineOp({
    name: 'trace',
    label: 'a trace',
    arity: 1,
    exact: true,
    shape(api, [a]) {
      squareShape(api, a, 'A trace');
      return SCALAR;
    },
    evaluate: (F, [a]) => scalar(trace(F, a)),
    derive: (F, _args, [da]) => scalar(trace(F, da)),
  }),
  defineOp({
    name: 'det',
    label: 'a determinant',
    arity: 1,
    exact: true,
    shape(api, [a]) {
      squareShape(api, a, 'A determinant');
      return SCALAR;
    },
    evaluate: (F, [a]) => scalar(determinant(F, a)),
    derive: (F, [a], [da]) => scalar(F.mul(determinant(F, a), trace(F, matmul(F, inverse(F, a), da)))),
  }),
  defineOp({
    name: 'inner',
    label: 'an inner product',
    arity: 2,
    exact: true,
    shape(api, [a, b]) {
      sameShape(api, a, b, 'An inner product');
      return SCALAR;
    },
    evaluate: (F, [a, b]) => scalar(sumAll(F, hadamard(F, a, b))),
  }),
  defineOp({
    name: 'normsq',
    label: 'a squared norm',
    arity: 1,
    exact: true,
    shape: () => SCALAR,
    evaluate: (F, [a]) => scalar(sumAll(F, hadamard(F, a, a))),
    derive: (F, [a], [da]) => scalar(F.mul(F.fromInt(2), sumAll(F, hadamard(F, a, da)))),
  }),
];
