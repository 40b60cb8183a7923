import type { OpNode } from '../latex/ast.js';
import type { Field } from '../numeric/field.js';
import { type Matrix, add, determinant, identity, inverse, matmul, scale, transpose } from '../numeric/matrix.js';
import { isScalar, tryScalar } from '../types/shape.js';
import { conflict, defineOp, squareShape } from './define.js';
import { multiply } from './arithmetic.js';

const MAX_INTEGER_POWER = 8;

function integerPower<T>(F: Field<T>, base: Matrix<T>, k: number): Matrix<T> {
  const b = k < 0 ? inverse(F, base) : base;
  let out = identity(F, base.rows);
  for (let i = 0; i < Math.abs(k); i++) out = matmul(F, out, b);
  return out;
}

function exponentOf<T>(F: Field<T>, e: Matrix<T>): number {
  return F.toNumber(e.data[0]);
}

function isIntegerLiteral(node: OpNode): boolean {
  const e = node.args[1];
  return e?.kind === 'number' && /^-?[0-9]+$/.test(e.value) && Math.abs(Number(e.value)) <= MAX_INTEGER_POWER;
}

/** Transpose, inverse, adjugate, `sym`, and powers. */
export const inverseOps = [
  defineOp({
    name: 'transpose',
    label: 'a transpose',
    arity: 1,
    exact: true,
    shape: (_api, [a]) => ({ rows: a.cols, cols: a.rows }),
    evaluate: (_F, [a]) => transpose(a),
    derive: (_F, _args, [da]) => transpose(da),
  }),
  defineOp({
    name: 'inv',
    label: 'an inverse',
    arity: 1,
    exact: true,
    shape: (api, [a]) => squareShape(api, a, 'An inverse'),
    evaluate: (F, [a]) => inverse(F, a),
    derive(F, [a], [da]) {
      const ai = inverse(F, a);
      return scale(F, F.neg(F.one), matmul(F, matmul(F, ai, da), ai));
    },
  }),
  defineOp({
    name: 'adj',
    label: 'an adjugate',
    arity: 1,
    exact: true,
    shape: (api, [a]) => squareShape(api, a, 'An adjugate'),
    evaluate: (F, [a]) => scale(F, determinant(F, a), inverse(F, a)),
  }),
  defineOp({
    name: 'sym',
    label: 'a symmetric part',
    arity: 1,
    exact: true,
    shape: (api, [a]) => squareShape(api, a, 'sym'),
    evaluate: (F, [a]) => scale(F, F.fromRatio(1n, 2n), add(F, a, transpose(a))),
  }),
  defineOp({
    name: 'pow',
    label: 'a power',
    arity: 2,
    exact: isIntegerLiteral,
    shape(api, [a, e]) {
      if (!tryScalar(api.u, e)) return conflict(api, 'An exponent must be a scalar.', a, e);
      if (isScalar(api.u, a)) return a;
      return squareShape(api, a, 'A matrix power');
    },
    evaluate<T>(F: Field<T>, [a, e]: Matrix<T>[]): Matrix<T> {
      const k = exponentOf(F, e);
      if (Number.isInteger(k) && Math.abs(k) <= MAX_INTEGER_POWER) return integerPower(F, a, k);
      if (a.rows !== 1 || a.cols !== 1 || !F.exp || !F.log) throw new Error('internal: non-integer matrix power');
      return { rows: 1, cols: 1, data: [F.exp(F.mul(e.data[0], F.log(a.data[0])))] };
    },
    derive<T>(F: Field<T>, [a, e]: Matrix<T>[], [da]: Matrix<T>[]): Matrix<T> {
      const k = exponentOf(F, e);
      let sum = scale(F, F.zero, a);
      for (let i = 0; i < k; i++) {
        sum = add(F, sum, multiply(F, multiply(F, integerPower(F, a, i), da), integerPower(F, a, k - 1 - i)));
      }
      return sum;
    },
  }),
];
