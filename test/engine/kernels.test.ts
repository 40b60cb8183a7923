import { describe, expect, test } from 'vitest';
import { type Field, SingularError } from '../../src/engine/numeric/field.js';
import { floatField } from '../../src/engine/numeric/float.js';
import { type Dual, dualField, type SecondOrderDual, secondOrderDualField, secondOrderIndex } from '../../src/engine/numeric/dual.js';
import { type Jet, jetField } from '../../src/engine/numeric/jet.js';
import { type Matrix, fromFunction, inverse } from '../../src/engine/numeric/matrix.js';
import { type Random, createRandom } from '../../src/engine/numeric/prng.js';
import { type Rational, rationalField } from '../../src/engine/numeric/rational.js';

const Q = rationalField;

/** A small exact number, zero one time in three (zeros take the kernels' shortcuts). */
function rational(rng: Random): Rational {
  return rng.int(0, 2) === 0 ? Q.zero : Q.fromRatio(BigInt(rng.int(-9, 9)), BigInt(rng.int(1, 6)));
}

/** A random jet of a jet field over the rationals (any nesting), built through the field's own constants and sums. */
function randomJet<T>(F: Field<T>, rng: Random, leaf: () => unknown): T {
  const jet = F.jet;
  if (!jet) return leaf() as T;
  const coefficients = Array.from({ length: jet.order + 1 }, () => randomJet(jet.base, rng, leaf));
  return rng.int(0, 3) === 0 ? F.zero : (coefficients as T);
}

/** The textbook jet product and sum, through the base field's calls: what the kernels must reproduce. */
function reference<T>(base: Field<T>) {
  return {
    add: (a: Jet<T>, b: Jet<T>) => a.map((x, k) => base.add(x, b[k])),
    sub: (a: Jet<T>, b: Jet<T>) => a.map((x, k) => base.sub(x, b[k])),
    mul: (a: Jet<T>, b: Jet<T>) =>
      a.map((_, k) => {
        let s = base.mul(a[0], b[k]);
        for (let j = 1; j <= k; j++) s = base.add(s, base.mul(a[j], b[k - j]));
        return s;
      }),
  };
}

describe('exact rationals', () => {
  const reduce = (n: bigint, d: bigint): Rational => {
    const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
    const g = gcd(n, d) * (d < 0n ? -1n : 1n);
    return { n: n / g, d: d / g };
  };

  test('sums, differences, products and quotients are the reduced textbook values', () => {
    const rng = createRandom(11);
    for (let i = 0; i < 2000; i++) {
      const a = rational(rng);
      const b = rational(rng);
      expect(Q.add(a, b)).toEqual(reduce(a.n * b.d + b.n * a.d, a.d * b.d));
      expect(Q.sub(a, b)).toEqual(reduce(a.n * b.d - b.n * a.d, a.d * b.d));
      expect(Q.mul(a, b)).toEqual(reduce(a.n * b.n, a.d * b.d));
      expect(Q.mulAdd(a, a, b)).toEqual(Q.add(a, Q.mul(a, b)));
      if (b.n !== 0n) expect(Q.div(a, b)).toEqual(reduce(a.n * b.d, a.d * b.n));
    }
  });
});

/** Every number spelled out (−0, NaN and the infinities too), so equal strings mean equal bits. */
const bits = (x: unknown): string => JSON.stringify(x, (_k, v) => (typeof v === 'number' ? (Object.is(v, -0) ? '-0' : String(v)) : v));

describe('jet kernels', () => {
  test.each([1, 2, 3])('over the rationals (order %i, and nested) they give the textbook values', (order) => {
    const rng = createRandom(order);
    for (const J of [jetField(Q, order), jetField(jetField(Q, 2), order)] as Field<Jet<unknown>>[]) {
      const ref = reference(J.jet?.base as Field<unknown>);
      for (let i = 0; i < 200; i++) {
        const [s, a, b] = [0, 1, 2].map(() => randomJet(J, rng, () => rational(rng)));
        expect(J.add(a, b)).toEqual(ref.add(a, b));
        expect(J.sub(a, b)).toEqual(ref.sub(a, b));
        expect(J.mul(a, b)).toEqual(ref.mul(a, b));
        expect(J.mulAdd(s, a, b)).toEqual(ref.add(s, ref.mul(a, b)));
      }
    }
  });

  test.each([1, 2, 3])('over float64 (order %i, and nested) they give the same bits, zeros and infinities included', (order) => {
    const rng = createRandom(10 + order);
    const specials = [0, -0, Infinity, -Infinity, NaN];
    const leaf = () => (rng.int(0, 4) === 0 ? specials[rng.int(0, specials.length - 1)] : rng.next() * 2 - 1);
    for (const J of [jetField(floatField, order), jetField(jetField(floatField, 2), order)] as Field<Jet<unknown>>[]) {
      const ref = reference(J.jet?.base as Field<unknown>);
      const same = (x: unknown, y: unknown) => expect(bits(x)).toBe(bits(y));
      for (let i = 0; i < 200; i++) {
        const [s, a, b] = [0, 1, 2].map(() => randomJet(J, rng, leaf));
        same(J.add(a, b), ref.add(a, b));
        same(J.sub(a, b), ref.sub(a, b));
        same(J.mul(a, b), ref.mul(a, b));
        same(J.mulAdd(s, a, b), ref.add(s, ref.mul(a, b)));
      }
    }
  });
});

/** Both computations give the same value, or both throw SingularError (a singular primal). */
function expectSameOrBothSingular(actual: () => unknown, expected: () => unknown): void {
  let wanted: unknown;
  try {
    wanted = expected();
  } catch (error) {
    if (!(error instanceof SingularError)) throw error;
    expect(actual).toThrow(SingularError);
    return;
  }
  expect(actual()).toEqual(wanted);
}

describe('inverse of exact jets', () => {
  /** The same field without its jet structure: `inverse` then eliminates over the jets themselves. */
  const opaque = <T>(J: Field<T>): Field<T> => ({ ...J, jet: undefined });
  const randomMatrix = <T>(J: Field<T>, rng: Random, n: number): Matrix<T> =>
    fromFunction(n, n, () => randomJet(J, rng, () => Q.fromInt(rng.int(-4, 4))));

  test.each([1, 2])('coefficient by coefficient equals elimination over jets (order %i, and nested)', (order) => {
    const rng = createRandom(20 + order);
    for (const J of [jetField(Q, order), jetField(jetField(Q, 1), order)] as Field<Jet<unknown>>[]) {
      for (let i = 0; i < 30; i++) {
        const m = randomMatrix(J, rng, rng.int(1, 4));
        expectSameOrBothSingular(() => inverse(J, m), () => inverse(opaque(J), m));
      }
    }
  });

  test('a primal inverted before is reused only for the very same entries', () => {
    const J = jetField(Q, 2);
    const rng = createRandom(5);
    const primal = fromFunction(3, 3, (i, j) => Q.fromInt(i === j ? 3 : rng.int(-1, 1)));
    const along = (k: number) => ({ ...primal, data: primal.data.map((x, i) => [x, Q.fromInt(i === k ? 1 : 0), Q.zero]) });
    for (const k of [0, 4, 8]) expect(inverse(J, along(k))).toEqual(inverse(opaque(J), along(k)));
    const other = { ...primal, data: primal.data.map((x, i) => [i === 0 ? Q.add(x, Q.one) : x, Q.zero, Q.one]) };
    expect(inverse(J, other)).toEqual(inverse(opaque(J), other));
  });

  test('a singular primal throws as elimination does, whatever the higher coefficients', () => {
    const J = jetField(Q, 2);
    const m = fromFunction(2, 2, (i, j) => [Q.fromInt(i + 1), Q.fromInt(i === j ? 1 : 0), Q.zero]);
    expect(() => inverse(opaque(J), m)).toThrow(SingularError);
    expect(() => inverse(J, m)).toThrow(SingularError);
  });
});

/** A random value of a field of coefficient arrays (a dual): its zero one time in four, else coefficients zero one time in three. */
function randomCoefficients<T>(D: Field<readonly T[]>, size: number, rng: Random, leaf: () => T, zero: T): readonly T[] {
  return rng.int(0, 3) === 0 ? D.zero : Array.from({ length: size }, () => (rng.int(0, 2) === 0 ? zero : leaf()));
}

/** Exact bases to build duals over: the rationals, and jets of the given order over them (nesting). */
function exactBases(rng: Random, innerOrder: number): [Field<unknown>, () => unknown][] {
  const inner = jetField(Q, innerOrder);
  return [
    [Q, () => rational(rng)],
    [inner, () => randomJet(inner, rng, () => rational(rng))],
  ];
}

describe('duals: first-order AD in many directions at once', () => {
  /** Direction k of a dual: the first-order jet (a0, ak). */
  const along = <T>(a: Dual<T>, k: number): Jet<T> => [a[0], a[k]];
  const randomDual = <T>(D: Field<Dual<T>>, rng: Random, leaf: () => T): Dual<T> => randomCoefficients(D, (D.dual?.directions ?? 0) + 1, rng, leaf, D.dual?.base.zero as T);

  test.each([1, 4, 9])('over float64 (%i directions, and over float jets) each direction is the first-order jet, to the bit', (n) => {
    const rng = createRandom(30 + n);
    const specials = [0, -0, Infinity, -Infinity, NaN];
    const number = () => (rng.int(0, 4) === 0 ? specials[rng.int(0, specials.length - 1)] : rng.next() * 2 - 1);
    const inner = jetField(floatField, 2);
    const cases: [Field<unknown>, () => unknown][] = [
      [floatField, number],
      [inner, () => [number(), number(), number()]],
    ];
    for (const [base, leaf] of cases) {
      const D = dualField(base, n) as Field<Dual<unknown>>;
      const J = jetField(base, 1) as Field<Jet<unknown>>;
      const same = (x: unknown, y: unknown) => expect(bits(x)).toBe(bits(y));
      for (let i = 0; i < 100; i++) {
        const [s, a, b] = [0, 1, 2].map(() => randomDual(D, rng, leaf));
        const positive = a.map((x, k) => (k === 0 ? rng.next() + 0.5 : x));
        for (let k = 1; k <= n; k++) {
          same(along(D.add(a, b), k), J.add(along(a, k), along(b, k)));
          same(along(D.sub(a, b), k), J.sub(along(a, k), along(b, k)));
          same(along(D.mul(a, b), k), J.mul(along(a, k), along(b, k)));
          same(along(D.mulAdd(s, a, b), k), J.mulAdd(along(s, k), along(a, k), along(b, k)));
          same(along(D.neg(a), k), J.neg(along(a, k)));
          if (base === floatField) {
            same(along(D.exp!(a), k), J.exp!(along(a, k)));
            same(along(D.log!(positive), k), J.log!(along(positive, k)));
            if (b[0] !== 0) same(along(D.div(a, b), k), J.div(along(a, k), along(b, k)));
          }
        }
      }
    }
  });

  test.each([1, 4, 9])('over the rationals (%i directions, and over exact jets) each direction is the first-order jet', (n) => {
    const rng = createRandom(40 + n);
    for (const [base, leaf] of exactBases(rng, 2)) {
      const D = dualField(base, n) as Field<Dual<unknown>>;
      const J = jetField(base, 1) as Field<Jet<unknown>>;
      for (let i = 0; i < 100; i++) {
        const [s, a, b] = [0, 1, 2].map(() => randomDual(D, rng, leaf));
        for (let k = 1; k <= n; k++) {
          expect(along(D.add(a, b), k)).toEqual(J.add(along(a, k), along(b, k)));
          expect(along(D.sub(a, b), k)).toEqual(J.sub(along(a, k), along(b, k)));
          expect(along(D.mul(a, b), k)).toEqual(J.mul(along(a, k), along(b, k)));
          expect(along(D.mulAdd(s, a, b), k)).toEqual(J.mulAdd(along(s, k), along(a, k), along(b, k)));
          if (!base.isZero(b[0])) expect(along(D.div(a, b), k)).toEqual(J.div(along(a, k), along(b, k)));
        }
      }
    }
  });

  test('the inverse of a matrix of exact duals is, direction by direction, the inverse over first-order jets', () => {
    const rng = createRandom(50);
    for (let i = 0; i < 30; i++) {
      const size = rng.int(1, 4);
      const n = rng.int(1, 6);
      const D = dualField(Q, n);
      const J = jetField(Q, 1);
      const m = fromFunction(size, size, () => randomDual(D, rng, () => Q.fromInt(rng.int(-4, 4))));
      const directions = Array.from({ length: n }, (_, k) => k + 1);
      expectSameOrBothSingular(
        () => directions.map((k) => inverse(D, m).data.map((x) => along(x, k))),
        () => directions.map((k) => inverse(J, { ...m, data: m.data.map((x) => along(x, k)) }).data),
      );
    }
  });
});

describe('second-order duals: a Hessian in one pass', () => {
  /**
   * The second-order jet of f along direction d, read off f's second-order dual: [v, Σ g_k d_k, Σ(k≤l) c_kl d_k d_l].
   * Reading along a direction commutes with every operation, so each operation must agree with the jets'.
   */
  const alongDirection = <T>(base: Field<T>, n: number, a: SecondOrderDual<T>, d: readonly T[]): Jet<T> => {
    let first = base.zero;
    let second = base.zero;
    for (let k = 0; k < n; k++) {
      first = base.add(first, base.mul(a[1 + k], d[k]));
      for (let l = k; l < n; l++) second = base.add(second, base.mul(a[secondOrderIndex(n, k, l)], base.mul(d[k], d[l])));
    }
    return [a[0], first, second];
  };
  const randomDual2 = <T>(D: Field<SecondOrderDual<T>>, n: number, rng: Random, leaf: () => T, zero: T): SecondOrderDual<T> =>
    randomCoefficients(D, 1 + n + (n * (n + 1)) / 2, rng, leaf, zero);

  test.each([1, 3, 6])('over the rationals (%i directions, and over exact jets) every operation agrees with second-order jets along any direction', (n) => {
    const rng = createRandom(60 + n);
    for (const [base, leaf] of exactBases(rng, 1)) {
      const D = secondOrderDualField(base, n) as Field<SecondOrderDual<unknown>>;
      const J = jetField(base, 2) as Field<Jet<unknown>>;
      for (let i = 0; i < 60; i++) {
        const [s, a, b] = [0, 1, 2].map(() => randomDual2(D, n, rng, leaf, base.zero));
        const d = Array.from({ length: n }, () => base.fromInt(rng.int(-3, 3)));
        const P = (x: SecondOrderDual<unknown>) => alongDirection(base, n, x, d);
        expect(P(D.add(a, b))).toEqual(J.add(P(a), P(b)));
        expect(P(D.sub(a, b))).toEqual(J.sub(P(a), P(b)));
        expect(P(D.mul(a, b))).toEqual(J.mul(P(a), P(b)));
        expect(P(D.mulAdd(s, a, b))).toEqual(J.mulAdd(P(s), P(a), P(b)));
        expect(P(D.neg(a))).toEqual(J.neg(P(a)));
        if (!base.isZero(b[0])) expect(P(D.div(a, b))).toEqual(J.div(P(a), P(b)));
      }
    }
  });

  test('over float64, exp and log agree with second-order jets along any direction (to rounding)', () => {
    const rng = createRandom(70);
    const n = 4;
    const D = secondOrderDualField(floatField, n);
    const J = jetField(floatField, 2);
    for (let i = 0; i < 200; i++) {
      const a = randomDual2(D, n, rng, () => rng.next() * 2 - 1, 0).map((x, k) => (k === 0 ? rng.next() + 0.5 : x));
      const d = Array.from({ length: n }, () => rng.int(-3, 3));
      const P = (x: SecondOrderDual<number>) => alongDirection(floatField, n, x, d);
      for (const [viaDual, viaJet] of [
        [P(D.exp!(a)), J.exp!(P(a))],
        [P(D.log!(a)), J.log!(P(a))],
      ]) {
        viaDual.forEach((x, k) => expect(x).toBeCloseTo(viaJet[k], 12));
      }
    }
  });

  test('the inverse of a matrix of exact second-order duals agrees with the jets\' inverse along any direction', () => {
    const rng = createRandom(80);
    for (let i = 0; i < 30; i++) {
      const size = rng.int(1, 3);
      const n = rng.int(1, 4);
      const D = secondOrderDualField(Q, n);
      const J = jetField(Q, 2);
      const m = fromFunction(size, size, () => randomDual2(D, n, rng, () => Q.fromInt(rng.int(-4, 4)), Q.zero));
      const d = Array.from({ length: n }, () => Q.fromInt(rng.int(-3, 3)));
      const P = (x: SecondOrderDual<Rational>) => alongDirection(Q, n, x, d);
      expectSameOrBothSingular(() => inverse(D, m).data.map(P), () => inverse(J, { ...m, data: m.data.map(P) }).data);
    }
  });
});
