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
  const constant = (c: T): Jet<T> => {
    const out = new Array<T>(size).fill(base.zero);
    out[0] = c;
    return out;
  };
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
  const zero = constant(base.zero);
  const { add, sub, mul, mulAdd } = kernels(base, size, zero);
  const field: Field<Jet<T>> = {
    name: `jet${order}(${base.name})`,
    exact: base.exact,
    zero,
    one: constant(base.one),
    fromInt: (n) => constant(base.fromInt(n)),
    fromRatio: (n, d) => constant(base.fromRatio(n, d)),
    add,
    sub,
    mul,
    mulAdd,
    div,
    neg: (a) => a.map((x) => base.neg(x)),
    toNumber: (a) => base.toNumber(a[0]),
    isZero: (a) => base.isZero(a[0]),
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

/** Sum, difference and product of jets: the innermost arithmetic of every derivative (plain loops, no closures per coefficient). */
interface Kernels<T> {
  add(a: Jet<T>, b: Jet<T>): Jet<T>;
  sub(a: Jet<T>, b: Jet<T>): Jet<T>;
  mul(a: Jet<T>, b: Jet<T>): Jet<T>;
  mulAdd(s: Jet<T>, a: Jet<T>, b: Jet<T>): Jet<T>;
}

/** The kernels for a base field: float64 with the operators inline, exact fields skipping zeros, else through the base's calls. */
function kernels<T>(base: Field<T>, size: number, zero: Jet<T>): Kernels<T> {
  if (base === (floatField as Field<unknown>)) return floatKernels(size) as unknown as Kernels<T>;
  if (!base.exact) return fieldKernels(base, size);
  return exactKernels(base, size, zero);
}

/** Over float64: `+` and `*` are floatField's own operations, in the same order as {@link fieldKernels}, so the same bits. */
function floatKernels(size: number): Kernels<number> {
  return {
    add(a, b) {
      const out = new Array<number>(size);
      for (let k = 0; k < size; k++) out[k] = a[k] + b[k];
      return out;
    },
    sub(a, b) {
      const out = new Array<number>(size);
      for (let k = 0; k < size; k++) out[k] = a[k] - b[k];
      return out;
    },
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
function fieldKernels<T>(base: Field<T>, size: number): Kernels<T> {
  return {
    add(a, b) {
      const out = new Array<T>(size);
      for (let k = 0; k < size; k++) out[k] = base.add(a[k], b[k]);
      return out;
    },
    sub(a, b) {
      const out = new Array<T>(size);
      for (let k = 0; k < size; k++) out[k] = base.sub(a[k], b[k]);
      return out;
    },
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
 * Over an exact field: terms with a zero coefficient (the base's zero object) are skipped, and an all-zero
 * result is the jet field's own zero, which the next jet level up skips in turn. Most coefficients of
 * constants and of unit directions are zeros; exact results are the same without them (not so over floats:
 * 0·∞ and −0 + 0 change the bits).
 */
function exactKernels<T>(base: Field<T>, size: number, zero: Jet<T>): Kernels<T> {
  const z = base.zero;
  const collapse = (out: T[]): Jet<T> => (out.every((x) => x === z) ? zero : out);
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
    return collapse(out);
  };
  return {
    add(a, b) {
      const out = new Array<T>(size);
      for (let k = 0; k < size; k++) out[k] = a[k] === z ? b[k] : b[k] === z ? a[k] : base.add(a[k], b[k]);
      return collapse(out);
    },
    sub(a, b) {
      const out = new Array<T>(size);
      for (let k = 0; k < size; k++) out[k] = b[k] === z ? a[k] : base.sub(a[k], b[k]);
      return collapse(out);
    },
    mul: (a, b) => mulAdd(zero, a, b),
    mulAdd,
  };
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
