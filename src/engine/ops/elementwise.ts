import type { Field } from '../numeric/field.js';
import { NotExactError } from '../numeric/field.js';
import { jetField, seedJet } from '../numeric/jet.js';
import { type Matrix, map } from '../numeric/matrix.js';
import type { ElementwiseName } from '../types/context.js';
import { defineOp } from './define.js';

/** A scalar function written once against any field, so jets differentiate it. */
export type ScalarFunction = <T>(F: Field<T>, x: T) => T;

function need<T>(f: ((a: T) => T) | undefined, what: string): (a: T) => T {
  if (!f) throw new NotExactError(what);
  return f;
}

/** The elementwise functions by name; σ defaults to `logistic`. */
export const SCALAR_FUNCTIONS: Record<ElementwiseName, ScalarFunction> = {
  logistic: (F, x) => F.div(F.one, F.add(F.one, need(F.exp, 'exp')(F.neg(x)))),
  exp: (F, x) => need(F.exp, 'exp')(x),
  log: (F, x) => need(F.log, 'log')(x),
  tanh(F, x) {
    const e2 = need(F.exp, 'exp')(F.mul(F.fromInt(2), x));
    return F.div(F.sub(e2, F.one), F.add(e2, F.one));
  },
  sin: (F) => {
    throw new NotExactError(`sin in ${F.name}`);
  },
  cos: (F) => {
    throw new NotExactError(`cos in ${F.name}`);
  },
  softplus: (F, x) => need(F.log, 'log')(F.add(F.one, need(F.exp, 'exp')(x))),
  square: (F, x) => F.mul(x, x),
  identity: (_F, x) => x,
};

/** Whether a named elementwise function stays rational (exact mode possible). */
export function isRationalFunction(name: ElementwiseName): boolean {
  return name === 'square' || name === 'identity';
}

const FACTORIALS = [1, 1, 2, 6, 24];

/** The k-th derivative of a scalar function, computed by a jet of order k (never by hand). */
export function derivativeOf(f: ScalarFunction, k: number): ScalarFunction {
  if (k === 0) return f;
  return <T>(F: Field<T>, x: T): T => {
    const J = jetField(F, k);
    const y = f(J, seedJet(F, k, x, F.one));
    return F.mul(F.fromInt(FACTORIALS[k] ?? 1), y[k]);
  };
}

/** Apply a scalar function to every entry. */
export function applyElementwise<T>(F: Field<T>, f: ScalarFunction, m: Matrix<T>): Matrix<T> {
  return map(m, (x) => f(F, x));
}

function softmax<T>(F: Field<T>, a: Matrix<T>): Matrix<T> {
  const exp = need(F.exp, 'exp');
  const e = map(a, exp);
  const total = e.data.reduce((s, x) => F.add(s, x), F.zero);
  return map(e, (x) => F.div(x, total));
}

/** `\exp`, `\log` (elementwise) and `softmax`. */
export const elementwiseOps = [
  defineOp({
    name: 'exp',
    label: 'exp',
    arity: 1,
    exact: false,
    shape: (_api, [a]) => a,
    evaluate: (F, [a]) => applyElementwise(F, SCALAR_FUNCTIONS.exp, a),
  }),
  defineOp({
    name: 'log',
    label: 'log',
    arity: 1,
    exact: false,
    shape: (_api, [a]) => a,
    evaluate: (F, [a]) => applyElementwise(F, SCALAR_FUNCTIONS.log, a),
  }),
  defineOp({
    name: 'softmax',
    label: 'softmax',
    arity: 1,
    exact: false,
    shape: (_api, [a]) => a,
    evaluate: (F, [a]) => softmax(F, a),
  }),
];
