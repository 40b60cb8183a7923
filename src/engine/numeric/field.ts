/**
 * The scalar arithmetic every kernel is written against. Float64, exact rationals and truncated
 * Taylor jets (forward-mode AD, any order, nestable) all implement it, so one matrix kernel serves all.
 */
export interface Field<T> {
  readonly name: string;
  /** Whether the arithmetic is exact (rationals, and jets over them): kernels may then reorder it freely; float bits depend on the order. */
  readonly exact: boolean;
  readonly zero: T;
  readonly one: T;
  fromInt(n: number): T;
  /** Exact `num/den` where the field allows it. */
  fromRatio(num: bigint, den: bigint): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  /** `s + a·b` (a step of a dot product): exactly `add(s, mul(a, b))`, but jets build one result instead of two. */
  mulAdd(s: T, a: T, b: T): T;
  /** Throws {@link SingularError} on division by an exact zero. */
  div(a: T, b: T): T;
  neg(a: T): T;
  /** Transcendental functions: absent in exact fields. */
  exp?(a: T): T;
  log?(a: T): T;
  /** The float value of the primal (constant) part, for pivoting and reporting. */
  toNumber(a: T): number;
  /** Whether the primal part is exactly zero (exact fields) or negligible (floats). */
  isZero(a: T): boolean;
  /** For a field of truncated Taylor jets: its coefficients' field and its order (kernels may then work coefficient-wise). */
  readonly jet?: { readonly base: Field<unknown>; readonly order: number };
  /** For a field of first- or second-order duals in many directions (dual.ts): its coefficients' field, the number of directions and the order. */
  readonly dual?: { readonly base: Field<unknown>; readonly directions: number; readonly order: 1 | 2 };
}

/**
 * A builder of fields over a base field, remembered per base and parameter (an order, a number of
 * directions): every derivative asks for one, and building one creates a score of closures.
 *
 * @param build Builds the field over a base for a parameter.
 */
export function builtOnce<U>(build: (base: Field<unknown>, parameter: number) => Field<U>): (base: Field<unknown>, parameter: number) => Field<U> {
  const built = new WeakMap<Field<unknown>, Map<number, Field<U>>>();
  return (base, parameter) => {
    let byParameter = built.get(base);
    if (!byParameter) built.set(base, (byParameter = new Map()));
    let field = byParameter.get(parameter);
    if (!field) byParameter.set(parameter, (field = build(base, parameter)));
    return field;
  };
}

/** Raised by kernels on a singular pivot: the sampler re-draws the inputs. */
export class SingularError extends Error {
  constructor(message = 'singular matrix') {
    super(message);
    this.name = 'SingularError';
  }
}

/** Raised when exact numbers grow past the size cap: the verifier falls back to float. */
export class RationalOverflowError extends Error {
  constructor() {
    super('rational numbers grew past the size cap');
    this.name = 'RationalOverflowError';
  }
}

/** Raised when an exact field is asked for exp/log: the verifier then uses float64. */
export class NotExactError extends Error {
  constructor(what: string) {
    super(`${what} has no exact rational value`);
    this.name = 'NotExactError';
  }
}
