import { type Field, NotExactError, RationalOverflowError, SingularError } from './field.js';

/** An exact rational with a positive denominator, always in lowest terms. */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

/** Numbers whose numerator or denominator exceed this many bits trigger the float fallback. */
export const RATIONAL_BIT_CAP = 512n;
const CAP_VALUE = 1n << RATIONAL_BIT_CAP;
/** The lower bound as a constant: comparing against it does not allocate the negated numerator. */
const NEG_CAP_VALUE = -CAP_VALUE;

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function make(n: bigint, d: bigint): Rational {
  if (d === 0n) throw new SingularError('division by zero');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  if (d !== 1n) {
    const g = gcd(n, d);
    if (g !== 1n) {
      n /= g;
      d /= g;
    }
  }
  if (n > CAP_VALUE || n < NEG_CAP_VALUE || d > CAP_VALUE) throw new RationalOverflowError();
  return { n, d };
}

/** A result already in lowest terms (an integer product, a sum or product by Henrici's method): only the cap to check. */
function reduced(n: bigint, d: bigint): Rational {
  if (n > CAP_VALUE || n < NEG_CAP_VALUE || d > CAP_VALUE) throw new RationalOverflowError();
  return { n, d };
}

/**
 * a + bn/bd with distinct denominators, in lowest terms by Henrici's method: the gcds are taken of the
 * denominators and of their gcd, far smaller than the cross products a single reduction would need.
 */
function sum(a: Rational, bn: bigint, bd: bigint): Rational {
  const g = gcd(a.d, bd);
  if (g === 1n) return reduced(a.n * bd + bn * a.d, a.d * bd);
  const ad = a.d / g;
  const t = a.n * (bd / g) + bn * ad;
  if (t === 0n) return ZERO;
  const h = gcd(t, g);
  return h === 1n ? reduced(t, ad * bd) : reduced(t / h, ad * (bd / h));
}

/** (an/ad)·(bn/bd) for nonzero lowest-terms factors (bd > 0): cancelling crosswise first leaves the product in lowest terms. */
function product(an: bigint, ad: bigint, bn: bigint, bd: bigint): Rational {
  const g = bd === 1n ? 1n : gcd(an, bd);
  const h = ad === 1n ? 1n : gcd(bn, ad);
  if (g !== 1n) {
    an /= g;
    bd /= g;
  }
  if (h !== 1n) {
    bn /= h;
    ad /= h;
  }
  return reduced(an * bn, ad * bd);
}

const ZERO: Rational = { n: 0n, d: 1n };
const ONE: Rational = { n: 1n, d: 1n };

// Zeros and shared denominators are common (jets along unit directions, entries of an inverse over
// one determinant): they skip the cross products and most gcds. Values are already in lowest terms.
const add = (a: Rational, b: Rational): Rational => (b.n === 0n ? a : a.n === 0n ? b : a.d === b.d ? make(a.n + b.n, a.d) : sum(a, b.n, b.d));
const mul = (a: Rational, b: Rational): Rational =>
  a.n === 0n || b.n === 0n ? ZERO : a.d === 1n && b.d === 1n ? reduced(a.n * b.n, 1n) : product(a.n, a.d, b.n, b.d);

/** Exact rational arithmetic on bigints, with a size cap (see {@link RATIONAL_BIT_CAP}). */
export const rationalField: Field<Rational> = {
  name: 'exact',
  exact: true,
  zero: ZERO,
  one: ONE,
  fromInt: (k) => ({ n: BigInt(k), d: 1n }),
  fromRatio: (n, d) => make(n, d),
  add,
  sub: (a, b) => (b.n === 0n ? a : a.n === 0n ? { n: -b.n, d: b.d } : a.d === b.d ? make(a.n - b.n, a.d) : sum(a, -b.n, b.d)),
  mul,
  mulAdd: (s, a, b) => add(s, mul(a, b)),
  div(a, b) {
    if (b.n === 0n) throw new SingularError('division by zero');
    if (a.n === 0n) return ZERO;
    return b.n < 0n ? product(a.n, a.d, -b.d, -b.n) : product(a.n, a.d, b.d, b.n);
  },
  neg: (a) => ({ n: -a.n, d: a.d }),
  exp() {
    throw new NotExactError('exp');
  },
  log() {
    throw new NotExactError('log');
  },
  toNumber: (a) => Number(a.n) / Number(a.d),
  isZero: (a) => a.n === 0n,
};

/** Parse a decimal literal such as `2` or `0.5` into an exact rational. */
export function rationalFromDecimal(text: string): Rational {
  const [int, frac = ''] = text.split('.');
  const den = 10n ** BigInt(frac.length);
  return make(BigInt(int + frac), den);
}
