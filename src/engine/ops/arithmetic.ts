import type { Field } from '../numeric/field.js';
import { type Matrix, add, matmul, scale, sub } from '../numeric/matrix.js';
import { tryScalar } from '../types/shape.js';
import { conflict, defineOp, productShape, sameShape } from './define.js';

function isOneByOne<T>(m: Matrix<T>): boolean {
  return m.rows === 1 && m.cols === 1;
}

/** Evaluate a product: matrix product when the sizes chain, else scaling by a 1×1 factor. */
export function multiply<T>(F: Field<T>, a: Matrix<T>, b: Matrix<T>): Matrix<T> {
  if (a.cols === b.rows) return matmul(F, a, b);
  if (isOneByOne(a)) return scale(F, a.data[0], b);
  if (isOneByOne(b)) return scale(F, b.data[0], a);
  throw new Error(`internal: product of ${a.rows}×${a.cols} and ${b.rows}×${b.cols}`);
}

/** Sum or difference of two matrices of equal size. */
function plus<T>(F: Field<T>, a: Matrix<T>, b: Matrix<T>, negate: boolean): Matrix<T> {
  return negate ? sub(F, a, b) : add(F, a, b);
}

/** `+`, `-`, unary minus, juxtaposition/`\cdot` products and division by a scalar. */
export const arithmeticOps = [
  defineOp({
    name: 'add',
    label: 'a sum',
    arity: 2,
    exact: true,
    shape: (api, [a, b]) => sameShape(api, a, b, 'A sum'),
    evaluate: (F, [a, b]) => plus(F, a, b, false),
    derive: (F, _args, [da, db]) => add(F, da, db),
  }),
  defineOp({
    name: 'sub',
    label: 'a difference',
    arity: 2,
    exact: true,
    shape: (api, [a, b]) => sameShape(api, a, b, 'A difference'),
    evaluate: (F, [a, b]) => plus(F, a, b, true),
    derive: (F, _args, [da, db]) => sub(F, da, db),
  }),
  defineOp({
    name: 'neg',
    label: 'a negation',
    arity: 1,
    exact: true,
    shape: (_api, [a]) => a,
    evaluate: (F, [a]) => scale(F, F.neg(F.one), a),
    derive: (F, _args, [da]) => scale(F, F.neg(F.one), da),
  }),
  defineOp({
    name: 'mul',
    label: 'a product',
    arity: 2,
    exact: true,
    shape: (api, [a, b]) => productShape(api, a, b),
    evaluate: (F, [a, b]) => multiply(F, a, b),
    derive: (F, [a, b], [da, db]) => add(F, multiply(F, da, b), multiply(F, a, db)),
  }),
  defineOp({
    name: 'div',
    label: 'a quotient',
    arity: 2,
    exact: true,
    shape(api, [a, b]) {
      if (tryScalar(api.u, b)) return a;
      // Elementwise division of equal shapes (`\frac{1}{1+\exp(-x)}`), a scalar numerator broadcast.
      if (tryScalar(api.u, a)) return b;
      const mark = api.u.mark();
      if (api.u.unify(a.rows, b.rows) && api.u.unify(a.cols, b.cols)) return a;
      api.u.undo(mark);
      return conflict(api, 'Division needs a scalar denominator or operands of the same shape.', a, b);
    },
    evaluate<T>(F: Field<T>, [a, b]: Matrix<T>[]): Matrix<T> {
      if (isOneByOne(b)) return scale(F, F.div(F.one, b.data[0]), a);
      return { rows: b.rows, cols: b.cols, data: b.data.map((y, k) => F.div(isOneByOne(a) ? a.data[0] : a.data[k], y)) };
    },
    derive(F, [a, b], [da, db]) {
      const inv = F.div(F.one, b.data[0]);
      return sub(F, scale(F, inv, da), scale(F, F.mul(F.mul(inv, inv), db.data[0]), a));
    },
  }),
];
