import type { Field } from './field.js';
import { floatField } from './float.js';

/**
 * First-order forward-mode AD along many directions at once: `[v, d1, …, dn]` stands for
 * `v + d1 ε1 + … + dn εn` with every product `εj εk` zero. A Jacobian takes one evaluation over
 * these instead of one first-order jet evaluation per direction (calculus/derivative.ts): what does
 * not depend on the direction — the primal values, a matrix inverse's primal part — is computed once.
 *
 * Component k of every operation is the arithmetic the first-order jet along direction k does
 * (numeric/jet.ts), through the same base operations in the same order, so over float64 a
 * Jacobian's entries are the same bits as before; over exact fields zero terms are skipped, as
 * the exact jet kernels skip them, which leaves the values unchanged.
 */
export type Dual<T> = readonly T[];

/** Dual fields built so far, per base field and number of directions. */
const built = new WeakMap<Field<unknown>, Map<number, Field<Dual<unknown>>>>();

/**
 * The field of first-order duals in `directions` directions over a base field (built once per base and count).
 *
 * @param base The coefficients' field (float64, the rationals, or a jet or dual field over them).
 * @param directions How many directions (the length of vec x for a Jacobian with respect to x).
 */
export function dualField<T>(base: Field<T>, directions: number): Field<Dual<T>> {
  let byCount = built.get(base as Field<unknown>);
  if (!byCount) built.set(base as Field<unknown>, (byCount = new Map()));
  let field = byCount.get(directions);
  if (!field) byCount.set(directions, (field = buildDualField(base as Field<unknown>, directions)));
  return field as Field<Dual<T>>;
}

function buildDualField<T>(base: Field<T>, directions: number): Field<Dual<T>> {
  const size = directions + 1;
  const z = base.zero;
  const constant = (c: T): Dual<T> => {
    const out = new Array<T>(size).fill(z);
    out[0] = c;
    return out;
  };
  const zero = constant(z);
  // Over an exact field, an all-zero result is the field's own zero, which a level above skips in turn.
  const collapse = base.exact ? (out: T[]): Dual<T> => (out.every((x) => x === z) ? zero : out) : (out: T[]): Dual<T> => out;
  const { add, sub, mul, mulAdd } = base.exact
    ? exactKernels(base, size, collapse)
    : base === (floatField as Field<unknown>)
      ? (floatKernels(size) as unknown as Kernels<T>)
      : kernels(base, size);
  const one = base.fromInt(1);
  const inverseOne = base.fromRatio(1n, 1n);
  const field: Field<Dual<T>> = {
    name: `dual${directions}(${base.name})`,
    exact: base.exact,
    zero,
    one: constant(base.one),
    fromInt: (n) => constant(base.fromInt(n)),
    fromRatio: (n, d) => constant(base.fromRatio(n, d)),
    add,
    sub,
    mul,
    mulAdd,
    // The jet's quotient: out1 = (a1 − b1·out0) / b0.
    div: (a, b) => {
      const out = new Array<T>(size);
      out[0] = base.div(a[0], b[0]);
      for (let k = 1; k < size; k++) out[k] = base.exact && b[k] === z ? (a[k] === z ? z : base.div(a[k], b[0])) : base.div(base.sub(a[k], base.mul(b[k], out[0])), b[0]);
      return collapse(out);
    },
    neg: (a) => collapse(a.map((x) => base.neg(x))),
    toNumber: (a) => base.toNumber(a[0]),
    isZero: (a) => base.isZero(a[0]),
    dual: { base: base as Field<unknown>, directions },
  };
  const baseExp = base.exp?.bind(base);
  const baseLog = base.log?.bind(base);
  // The jet's first coefficient, operation for operation: exp gives ((0 + 1·(a1·e)) · 1), log gives (a1 − 0·1) / a0.
  if (baseExp) {
    field.exp = (a) => {
      const out = new Array<T>(size);
      out[0] = baseExp(a[0]);
      for (let k = 1; k < size; k++) out[k] = base.mul(base.add(z, base.mul(one, base.mul(a[k], out[0]))), inverseOne);
      return out;
    };
  }
  if (baseLog) {
    field.log = (a) => {
      const out = new Array<T>(size);
      out[0] = baseLog(a[0]);
      for (let k = 1; k < size; k++) out[k] = base.div(base.sub(a[k], base.mul(z, inverseOne)), a[0]);
      return out;
    };
  }
  return field;
}

interface Kernels<T> {
  add(a: Dual<T>, b: Dual<T>): Dual<T>;
  sub(a: Dual<T>, b: Dual<T>): Dual<T>;
  mul(a: Dual<T>, b: Dual<T>): Dual<T>;
  mulAdd(s: Dual<T>, a: Dual<T>, b: Dual<T>): Dual<T>;
}

/** Over float64: the operators inline, in the order of {@link kernels} (and of the jets' float kernels), so the same bits. */
function floatKernels(size: number): Kernels<number> {
  const product = (a: Dual<number>, b: Dual<number>, out: number[]): number[] => {
    const a0 = a[0];
    const b0 = b[0];
    out[0] = a0 * b0;
    for (let k = 1; k < size; k++) out[k] = a0 * b[k] + a[k] * b0;
    return out;
  };
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
    mul: (a, b) => product(a, b, new Array<number>(size)),
    mulAdd(s, a, b) {
      const out = product(a, b, new Array<number>(size));
      for (let k = 0; k < size; k++) out[k] = s[k] + out[k];
      return out;
    },
  };
}

/** Through the base's operations, as the first-order jet kernels do them: a product's component k is `a0·bk + ak·b0`. */
function kernels<T>(base: Field<T>, size: number): Kernels<T> {
  const product = (a: Dual<T>, b: Dual<T>, out: T[]): T[] => {
    out[0] = base.mul(a[0], b[0]);
    for (let k = 1; k < size; k++) out[k] = base.mulAdd(base.mul(a[0], b[k]), a[k], b[0]);
    return out;
  };
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
    mul: (a, b) => product(a, b, new Array<T>(size)),
    mulAdd(s, a, b) {
      const out = product(a, b, new Array<T>(size));
      for (let k = 0; k < size; k++) out[k] = base.add(s[k], out[k]);
      return out;
    },
  };
}

/** Over an exact field: terms with a zero factor (the base's zero object) are skipped; the values are the same. */
function exactKernels<T>(base: Field<T>, size: number, collapse: (out: T[]) => Dual<T>): Kernels<T> {
  const z = base.zero;
  const mulAdd = (s: Dual<T>, a: Dual<T>, b: Dual<T>): Dual<T> => {
    const out = new Array<T>(size);
    const a0 = a[0];
    const b0 = b[0];
    out[0] = a0 === z || b0 === z ? s[0] : s[0] === z ? base.mul(a0, b0) : base.mulAdd(s[0], a0, b0);
    for (let k = 1; k < size; k++) {
      let acc = s[k];
      if (a0 !== z && b[k] !== z) acc = acc === z ? base.mul(a0, b[k]) : base.mulAdd(acc, a0, b[k]);
      if (a[k] !== z && b0 !== z) acc = acc === z ? base.mul(a[k], b0) : base.mulAdd(acc, a[k], b0);
      out[k] = acc;
    }
    return collapse(out);
  };
  const zero = collapse(new Array<T>(size).fill(z));
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
