import { type Coefficients, coefficients, type Products } from './coefficients.js';
import { builtOnce, type Field } from './field.js';
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

const dualFields = builtOnce((base, directions) => buildDualField(base, directions));

/**
 * The field of first-order duals in `directions` directions over a base field (built once per base and count).
 *
 * @param base The coefficients' field (float64, the rationals, or a jet or dual field over them).
 * @param directions How many directions (the length of vec x for a Jacobian with respect to x).
 */
export function dualField<T>(base: Field<T>, directions: number): Field<Dual<T>> {
  return dualFields(base as Field<unknown>, directions) as Field<Dual<T>>;
}

function buildDualField<T>(base: Field<T>, directions: number): Field<Dual<T>> {
  const size = directions + 1;
  const z = base.zero;
  const shared = coefficients(base, size);
  const one = base.fromInt(1);
  const inverseOne = base.fromRatio(1n, 1n);
  const field: Field<Dual<T>> = {
    name: `dual${directions}(${base.name})`,
    ...shared.linear,
    ...(base.exact ? exactProducts(base, size, shared) : base === (floatField as Field<unknown>) ? (floatProducts(size) as unknown as Products<T>) : fieldProducts(base, size)),
    // The jet's quotient: out1 = (a1 − b1·out0) / b0.
    div: (a, b) => {
      const out = new Array<T>(size);
      out[0] = base.div(a[0], b[0]);
      for (let k = 1; k < size; k++) out[k] = base.exact && b[k] === z ? (a[k] === z ? z : base.div(a[k], b[0])) : base.div(base.sub(a[k], base.mul(b[k], out[0])), b[0]);
      return shared.collapse(out);
    },
    dual: { base: base as Field<unknown>, directions, order: 1 },
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

/** Over float64: the operators inline, in the order of {@link fieldProducts} (and of the jets' float kernels), so the same bits. */
function floatProducts(size: number): Products<number> {
  const product = (a: Dual<number>, b: Dual<number>, out: number[]): number[] => {
    const a0 = a[0];
    const b0 = b[0];
    out[0] = a0 * b0;
    for (let k = 1; k < size; k++) out[k] = a0 * b[k] + a[k] * b0;
    return out;
  };
  return {
    mul: (a, b) => product(a, b, new Array<number>(size)),
    mulAdd(s, a, b) {
      const out = product(a, b, new Array<number>(size));
      for (let k = 0; k < size; k++) out[k] = s[k] + out[k];
      return out;
    },
  };
}

/** Through the base's operations, as the first-order jet kernels do them: a product's component k is `a0·bk + ak·b0`. */
function fieldProducts<T>(base: Field<T>, size: number): Products<T> {
  const product = (a: Dual<T>, b: Dual<T>, out: T[]): T[] => {
    out[0] = base.mul(a[0], b[0]);
    for (let k = 1; k < size; k++) out[k] = base.mulAdd(base.mul(a[0], b[k]), a[k], b[0]);
    return out;
  };
  return {
    mul: (a, b) => product(a, b, new Array<T>(size)),
    mulAdd(s, a, b) {
      const out = product(a, b, new Array<T>(size));
      for (let k = 0; k < size; k++) out[k] = base.add(s[k], out[k]);
      return out;
    },
  };
}

/** Over an exact field: terms with a zero factor are skipped, an all-zero result collapses (coefficients.ts); the values are the same. */
function exactProducts<T>(base: Field<T>, size: number, shared: Coefficients<T>): Products<T> {
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
    return shared.collapse(out);
  };
  return { mul: (a, b) => mulAdd(shared.zero, a, b), mulAdd };
}

/**
 * Second-order forward-mode AD along many directions at once, for a Hessian in one pass:
 * `[v, g1, …, gn, c11, c12, …, c1n, c22, …, cnn]` stands for the Taylor polynomial
 * `v + Σk gk tk + Σ(k≤l) ckl tk tl` of f(x + Σk tk ek), truncated after the second order. The
 * Hessian is `Hkl = ckl` off the diagonal and `Hkk = 2 ckk`. Before, a Hessian took one
 * second-order jet pass per pair of directions (n(n+1)/2 passes, polarisation): 45 for a 3×3
 * matrix, each computing the primal and first-order parts again.
 */
export type SecondOrderDual<T> = readonly T[];

/** Where c_kl (k ≤ l, 0-based) sits in a second-order dual of n directions. */
export function secondOrderIndex(n: number, k: number, l: number): number {
  return 1 + n + k * n - (k * (k - 1)) / 2 + (l - k);
}

const secondOrderDualFields = builtOnce((base, directions) => buildSecondOrderDualField(base, directions));

/**
 * The field of second-order duals in `directions` directions over a base field (built once per base and count).
 *
 * @param base The coefficients' field.
 * @param directions How many directions (the length of vec x for a Hessian with respect to x).
 */
export function secondOrderDualField<T>(base: Field<T>, directions: number): Field<SecondOrderDual<T>> {
  return secondOrderDualFields(base as Field<unknown>, directions) as Field<SecondOrderDual<T>>;
}

function buildSecondOrderDualField<T>(base: Field<T>, n: number): Field<SecondOrderDual<T>> {
  const size = 1 + n + (n * (n + 1)) / 2;
  const z = base.zero;
  // The (k, l) pair of each second-order slot, in slot order.
  const pairK: number[] = [];
  const pairL: number[] = [];
  for (let k = 0; k < n; k++) for (let l = k; l < n; l++) (pairK.push(k), pairL.push(l));
  const shared = coefficients(base, size);
  const exact = base.exact;
  /** acc + x·y, a term with an exact zero factor skipped (exact fields only: over floats 0·∞ must stay NaN). */
  const term = exact ? (acc: T, x: T, y: T): T => (x === z || y === z ? acc : acc === z ? base.mul(x, y) : base.mulAdd(acc, x, y)) : (acc: T, x: T, y: T): T => base.mulAdd(acc, x, y);
  /** s + a·b: value, gradient, then each c_kl = a0 b_kl + a_kl b0 + (a_k b_l + a_l b_k, or a_k b_k on the diagonal). */
  const mulAdd = (s: SecondOrderDual<T>, a: SecondOrderDual<T>, b: SecondOrderDual<T>): SecondOrderDual<T> => {
    const out = new Array<T>(size);
    const a0 = a[0];
    const b0 = b[0];
    out[0] = term(s[0], a0, b0);
    for (let k = 1; k <= n; k++) out[k] = term(term(s[k], a0, b[k]), a[k], b0);
    for (let p = 0, slot = 1 + n; slot < size; p++, slot++) {
      const k = 1 + pairK[p];
      const l = 1 + pairL[p];
      let acc = term(term(s[slot], a0, b[slot]), a[slot], b0);
      acc = term(acc, a[k], b[l]);
      if (k !== l) acc = term(acc, a[l], b[k]);
      out[slot] = acc;
    }
    return shared.collapse(out);
  };
  const half = base.fromRatio(1n, 2n);
  const field: Field<SecondOrderDual<T>> = {
    name: `dual2x${n}(${base.name})`,
    ...shared.linear,
    mul: (a, b) => mulAdd(shared.zero, a, b),
    mulAdd,
    // q = a / b from a = q·b: q_k = (a_k − b_k q0) / b0, c_kl(q) = (c_kl(a) − c_kl(b) q0 − b_k q_l − b_l q_k) / b0.
    div(a, b) {
      const out = new Array<T>(size);
      const b0 = b[0];
      const q0 = base.div(a[0], b0);
      out[0] = q0;
      const minus = (x: T, y: T, w: T): T => (exact && (y === z || w === z) ? x : base.sub(x, base.mul(y, w)));
      for (let k = 1; k <= n; k++) out[k] = base.div(minus(a[k], b[k], q0), b0);
      for (let p = 0, slot = 1 + n; slot < size; p++, slot++) {
        const k = 1 + pairK[p];
        const l = 1 + pairL[p];
        let s = minus(a[slot], b[slot], q0);
        s = minus(s, b[k], out[l]);
        if (k !== l) s = minus(s, b[l], out[k]);
        out[slot] = exact && s === z ? z : base.div(s, b0);
      }
      return shared.collapse(out);
    },
    dual: { base: base as Field<unknown>, directions: n, order: 2 },
  };
  /** Σ over the second-order part of the square of the gradient part: a_k a_l off the diagonal, a_k²/2 on it. */
  const gradientSquare = (a: SecondOrderDual<T>, p: number): T => {
    const k = 1 + pairK[p];
    const l = 1 + pairL[p];
    return k === l ? base.mul(half, base.mul(a[k], a[k])) : base.mul(a[k], a[l]);
  };
  const baseExp = base.exp?.bind(base);
  const baseLog = base.log?.bind(base);
  if (baseExp) {
    // exp: e0 = exp(a0), e_k = e0 a_k, c_kl = e0 (c_kl(a) + a_k a_l, or a_k²/2).
    field.exp = (a) => {
      const out = new Array<T>(size);
      const e0 = baseExp(a[0]);
      out[0] = e0;
      for (let k = 1; k <= n; k++) out[k] = base.mul(e0, a[k]);
      for (let p = 0, slot = 1 + n; slot < size; p++, slot++) out[slot] = base.mul(e0, base.add(a[slot], gradientSquare(a, p)));
      return out;
    };
  }
  if (baseLog) {
    // log: l0 = log a0, l_k = a_k / a0, c_kl = c_kl(a) / a0 − (a_k a_l, or a_k²/2) / a0².
    field.log = (a) => {
      const out = new Array<T>(size);
      const a0 = a[0];
      out[0] = baseLog(a0);
      const a0Squared = base.mul(a0, a0);
      for (let k = 1; k <= n; k++) out[k] = base.div(a[k], a0);
      for (let p = 0, slot = 1 + n; slot < size; p++, slot++) out[slot] = base.sub(base.div(a[slot], a0), base.div(gradientSquare(a, p), a0Squared));
      return out;
    };
  }
  return field;
}
