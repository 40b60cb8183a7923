import type { Field } from './field.js';
import { floatField } from './float.js';

/**
 * What the fields of coefficient arrays share — truncated Taylor jets (jet.ts), first- and
 * second-order duals (dual.ts): a value is an array of coefficients over a base field whose first
 * is the primal value, and constants, sums, differences and negations go coefficient by
 * coefficient. Products, quotients and the transcendental functions differ, and stay with each field.
 *
 * Over float64 the operators are inline; over an exact field, terms with a zero coefficient (the
 * base's zero object) are skipped and an all-zero result is the field's own zero, which the level
 * above skips in turn (exact values are the same without those terms; over floats 0·∞ and −0 + 0
 * would change the bits, so nothing is skipped there).
 */
export interface Coefficients<T> {
  /** The field's zero: every coefficient the base's zero. */
  zero: readonly T[];
  /** `[c, 0, …, 0]`. */
  constant(c: T): readonly T[];
  /** An exact result whose every coefficient is the base's zero object becomes {@link zero} (others are kept as they are). */
  collapse(out: T[]): readonly T[];
  /** The members of the field that go coefficient by coefficient, or read the primal value. */
  linear: Pick<Field<readonly T[]>, 'exact' | 'zero' | 'one' | 'fromInt' | 'fromRatio' | 'add' | 'sub' | 'neg' | 'toNumber' | 'isZero'>;
}

/** The product kernels each field of coefficient arrays supplies. */
export interface Products<T> {
  mul(a: readonly T[], b: readonly T[]): readonly T[];
  mulAdd(s: readonly T[], a: readonly T[], b: readonly T[]): readonly T[];
}

/**
 * The shared part of a field of `size` coefficients over a base field.
 *
 * @param base The coefficients' field.
 * @param size How many coefficients a value has.
 */
export function coefficients<T>(base: Field<T>, size: number): Coefficients<T> {
  const z = base.zero;
  const constant = (c: T): readonly T[] => {
    const out = new Array<T>(size).fill(z);
    out[0] = c;
    return out;
  };
  const zero = constant(z);
  const collapse = base.exact ? (out: T[]): readonly T[] => (out.every((x) => x === z) ? zero : out) : (out: T[]): readonly T[] => out;
  const { add, sub, neg } = base.exact ? exactLinear(base, size, collapse) : base === (floatField as Field<unknown>) ? (floatLinear(size) as unknown as Linear<T>) : fieldLinear(base, size);
  return {
    zero,
    constant,
    collapse,
    linear: {
      exact: base.exact,
      zero,
      one: constant(base.one),
      fromInt: (n) => constant(base.fromInt(n)),
      fromRatio: (n, d) => constant(base.fromRatio(n, d)),
      add,
      sub,
      neg,
      toNumber: (a) => base.toNumber(a[0]),
      isZero: (a) => base.isZero(a[0]),
    },
  };
}

type Linear<T> = Pick<Field<readonly T[]>, 'add' | 'sub' | 'neg'>;

function floatLinear(size: number): Linear<number> {
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
    neg: (a) => a.map((x) => -x),
  };
}

/** Through the base field's operations: for coefficients that are jets or duals over floats themselves. */
function fieldLinear<T>(base: Field<T>, size: number): Linear<T> {
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
    neg: (a) => a.map((x) => base.neg(x)),
  };
}

function exactLinear<T>(base: Field<T>, size: number, collapse: (out: T[]) => readonly T[]): Linear<T> {
  const z = base.zero;
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
    neg: (a) => collapse(a.map((x) => (x === z ? z : base.neg(x)))),
  };
}
