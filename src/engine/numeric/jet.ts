import { type Coefficients, coefficients, type Products } from './coefficients.js';
import { builtOnce, type Field } from './field.js';
import { floatField } from './float.js';

/**
 * A truncated Taylor series `c0 + c1 t + c2 t^2 + ...` in one direction parameter t.
 * Arithmetic on jets is forward-mode automatic differentiation: c1 is the directional derivative,
 * 2·c2 the second directional derivative. Jets nest (a jet over jets) for derivatives of derivatives.
 */
export type Jet<T> = readonly T[];

const jetFields = builtOnce((base, order) => buildJetField(base, order));

/** The jet field of the given truncation order over a base field (built once per base and order). */
export function jetField<T>(base: Field<T>, order: number): Field<Jet<T>> {
  return jetFields(base as Field<unknown>, order) as Field<Jet<T>>;
}

function buildJetField<T>(base: Field<T>, order: number): Field<Jet<T>> {
  const size = order + 1;
  const shared = coefficients(base, size);
  const inverseInts = Array.from({ length: size }, (_, k) => (k === 0 ? base.zero : base.fromRatio(1n, BigInt(k))));
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
    ...shared.linear,
    ...products(base, size, shared),
    div,
    jet: { base: base as Field<unknown>, order },
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

/** The products of jets: float64 with the operators inline, exact fields skipping zeros, else through the base's calls. */
function products<T>(base: Field<T>, size: number, shared: Coefficients<T>): Products<T> {
  if (base === (floatField as Field<unknown>)) return floatProducts(size) as unknown as Products<T>;
  if (!base.exact) return fieldProducts(base, size);
  return exactProducts(base, size, shared);
}

/** Over float64: `*` and `+` are floatField's own operations, in the same order as {@link fieldProducts}, so the same bits. */
function floatProducts(size: number): Products<number> {
  return {
    mul(a, b) {
      const out = new Array<number>(size);
      for (let k = 0; k < size; k++) {
        let s = a[0] * b[k];
        for (let j = 1; j <= k; j++) s = s + a[j] * b[k - j];
        out[k] = s;
      }
      return out;
    },
    mulAdd(s, a, b) {
      const out = new Array<number>(size);
      for (let k = 0; k < size; k++) {
        let p = a[0] * b[k];
        for (let j = 1; j <= k; j++) p = p + a[j] * b[k - j];
        out[k] = s[k] + p;
      }
      return out;
    },
  };
}

/** Through the base field's operations (`mulAdd` is exactly `add` after `mul`): for jets over float jets, where every operation must stay. */
function fieldProducts<T>(base: Field<T>, size: number): Products<T> {
  return {
    mul(a, b) {
      const out = new Array<T>(size);
      for (let k = 0; k < size; k++) {
        let s = base.mul(a[0], b[k]);
        for (let j = 1; j <= k; j++) s = base.mulAdd(s, a[j], b[k - j]);
        out[k] = s;
      }
      return out;
    },
    mulAdd(s, a, b) {
      const out = new Array<T>(size);
      for (let k = 0; k < size; k++) {
        let p = base.mul(a[0], b[k]);
        for (let j = 1; j <= k; j++) p = base.mulAdd(p, a[j], b[k - j]);
        out[k] = base.add(s[k], p);
      }
      return out;
    },
  };
}

/**
 * Over an exact field: terms with a zero coefficient are skipped and an all-zero result collapses
 * (coefficients.ts). Most coefficients of constants and of unit directions are zeros.
 */
function exactProducts<T>(base: Field<T>, size: number, shared: Coefficients<T>): Products<T> {
  const z = base.zero;
  const mulAdd = (s: Jet<T>, a: Jet<T>, b: Jet<T>): Jet<T> => {
    const out = new Array<T>(size);
    for (let k = 0; k < size; k++) {
      let acc = s[k];
      for (let j = 0; j <= k; j++) {
        const x = a[j];
        const y = b[k - j];
        if (x !== z && y !== z) acc = acc === z ? base.mul(x, y) : base.mulAdd(acc, x, y);
      }
      out[k] = acc;
    }
    return shared.collapse(out);
  };
  return { mul: (a, b) => mulAdd(shared.zero, a, b), mulAdd };
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
