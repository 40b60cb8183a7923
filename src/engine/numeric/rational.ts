import { type Field, NotExactError, RationalOverflowError, SingularError } from './field.js';

/** An exact rational with a positive denominator, always in lowest terms. */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

/** Numbers whose numerator or denominator exceed this many bits trigger the float fallback. */
export const RATIONAL_BIT_CAP = 512n;
const CAP_VALUE = 1n << RATIONAL_BIT_CAP;

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
  if (n > CAP_VALUE || -n > CAP_VALUE || d > CAP_VALUE) throw new RationalOverflowError();
  return { n, d };
}

/** An integer product: no gcd to take, only the cap to check. */
function capped(n: bigint): Rational {
  if (n > CAP_VALUE || -n > CAP_VALUE) throw new RationalOverflowError();
  return { n, d: 1n };
}

const ZERO: Rational = { n: 0n, d: 1n };
const ONE: Rational = { n: 1n, d: 1n };

/** Exact rational arithmetic on bigints, with a size cap (see {@link RATIONAL_BIT_CAP}). */
export const rationalField: Field<Rational> = {
  name: 'exact',
  zero: ZERO,
  one: ONE,
  fromInt: (k) => ({ n: BigInt(k), d: 1n }),
  fromRatio: (n, d) => make(n, d),
  // Zeros and shared denominators are common (jets along unit directions, entries of an inverse over
  // one determinant): they skip the cross products and most gcds. Values are already in lowest terms.
  add: (a, b) => (b.n === 0n ? a : a.n === 0n ? b : a.d === b.d ? make(a.n + b.n, a.d) : make(a.n * b.d + b.n * a.d, a.d * b.d)),
  sub: (a, b) => (b.n === 0n ? a : a.n === 0n ? { n: -b.n, d: b.d } : a.d === b.d ? make(a.n - b.n, a.d) : make(a.n * b.d - b.n * a.d, a.d * b.d)),
  mul: (a, b) => (a.n === 0n || b.n === 0n ? ZERO : a.d === 1n && b.d === 1n ? capped(a.n * b.n) : make(a.n * b.n, a.d * b.d)),
  div(a, b) {
    if (b.n === 0n) throw new SingularError('division by zero');
    return make(a.n * b.d, a.d * b.n);
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
