import type { Field } from './field.js';

/**
 * A truncated Taylor series `c0 + c1 t + c2 t^2 + ...` in one direction parameter t.
 * Arithmetic on jets is forward-mode automatic differentiation: c1 is the directional derivative,
 * 2·c2 the second directional derivative. Jets nest (a jet over jets) for derivatives of derivatives.
 */
export type Jet<T> = readonly T[];

/** Build the jet field of the given truncation order over a base field. */
export function jetField<T>(base: Field<T>, order: number): Field<Jet<T>> {
  const size = order + 1;
  const constant = (c: T): Jet<T> => {
    const out = new Array<T>(size).fill(base.zero);
    out[0] = c;
    return out;
  };
  const inverseInts = Array.from({ length: size }, (_, k) => (k === 0 ? base.zero : base.fromRatio(1n, BigInt(k))));
  const mul = (a: Jet<T>, b: Jet<T>): Jet<T> => {
    const out = new Array<T>(size);
    for (let k = 0; k < size; k++) {
      let s = base.mul(a[0], b[k]);
      for (let j = 1; j <= k; j++) s = base.add(s, base.mul(a[j], b[k - j]));
      out[k] = s;
    }
    return out;
  };
  // Plain loops (not map with a closure): jets are the innermost arithmetic of every derivative.
  const add = (a: Jet<T>, b: Jet<T>): Jet<T> => {
    const out = new Array<T>(size);
    for (let k = 0; k < size; k++) out[k] = base.add(a[k], b[k]);
    return out;
  };
  const sub = (a: Jet<T>, b: Jet<T>): Jet<T> => {
    const out = new Array<T>(size);
    for (let k = 0; k < size; k++) out[k] = base.sub(a[k], b[k]);
    return out;
  };
  const div = (a: Jet<T>, b: Jet<T>): Jet<T> => {
    const out = new Array<T>(size);
    for (let k = 0; k < size; k++) {
      let s = a[k];
      for (let j = 1; j <= k; j++) s = base.sub(s, base.mul(b[j], out[k - j]));
      out[k] = base.div(s, b[0]);
    }
    return out;
  };
  const field: Field<Jet<T>> = {
    name: `jet${order}(${base.name})`,
    zero: constant(base.zero),
    one: constant(base.one),
    fromInt: (n) => constant(base.fromInt(n)),
    fromRatio: (n, d) => constant(base.fromRatio(n, d)),
    add,
    sub,
    mul,
    div,
    neg: (a) => a.map((x) => base.neg(x)),
    toNumber: (a) => base.toNumber(a[0]),
    isZero: (a) => base.isZero(a[0]),
  };
  const baseExp = base.exp?.bind(base);
  const baseLog = base.log?.bind(base);
  if (baseExp) {
    field.exp = (a) => {
      const out = new Array<T>(size);
      out[0] = baseExp(a[0]);
      for (let k = 1; k < size; k++) {
        let s = base.zero;
        for (let j = 1; j <= k; j++) s = base.add(s, base.mul(base.fromInt(j), base.mul(a[j], out[k - j])));
        out[k] = base.mul(s, inverseInts[k]);
      }
      return out;
    };
  }
  if (baseLog) {
    field.log = (a) => {
      const out = new Array<T>(size);
      out[0] = baseLog(a[0]);
      for (let k = 1; k < size; k++) {
        let s = base.zero;
        for (let j = 1; j < k; j++) s = base.add(s, base.mul(base.fromInt(j), base.mul(out[j], a[k - j])));
        out[k] = base.div(base.sub(a[k], base.mul(s, inverseInts[k])), a[0]);
      }
      return out;
    };
  }
  return field;
}

/** The jet `c + t·v` (a variable moving along direction v). */
export function seedJet<T>(base: Field<T>, order: number, value: T, direction: T): Jet<T> {
  const out = new Array<T>(order + 1).fill(base.zero);
  out[0] = value;
  if (order >= 1) out[1] = direction;
  return out;
}

/** Differentiate a jet in t: the Taylor coefficients of its derivative (order is kept, top term becomes 0). */
export function shiftJet<T>(base: Field<T>, a: Jet<T>): Jet<T> {
  return a.map((_, k) => (k + 1 < a.length ? base.mul(base.fromInt(k + 1), a[k + 1]) : base.zero));
}
