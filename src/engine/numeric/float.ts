import { type Field, SingularError } from './field.js';

/** Below this magnitude a float pivot counts as zero (inputs are O(1), so this means singular). */
export const FLOAT_PIVOT_EPSILON = 1e-11;

/** Float64 arithmetic. */
export const floatField: Field<number> = {
  name: 'float',
  exact: false,
  zero: 0,
  one: 1,
  fromInt: (n) => n,
  fromRatio: (n, d) => Number(n) / Number(d),
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  mulAdd: (s, a, b) => s + a * b,
  div(a, b) {
    if (b === 0) throw new SingularError('division by zero');
    return a / b;
  },
  neg: (a) => -a,
  exp: Math.exp,
  log(a) {
    if (!(a > 0)) throw new SingularError('log of a non-positive number');
    return Math.log(a);
  },
  toNumber: (a) => a,
  isZero: (a) => Math.abs(a) < FLOAT_PIVOT_EPSILON,
};
