import type { Field } from '../numeric/field.js';
import type { Matrix } from '../numeric/matrix.js';

/** Relative tolerance of float64 comparisons (AD is exact up to rounding, so this is tight). */
export const FLOAT_TOLERANCE = 1e-8;
/** Values below this magnitude are compared absolutely. */
export const ABSOLUTE_FLOOR = 1e-6;

/** The outcome of comparing two sides at one sample. */
export interface Comparison {
  equal: boolean;
  error: number;
}

/** Compare two matrices of the base field: exactly in exact mode, relatively in float mode. */
export function compareMatrices<T>(F: Field<T>, a: Matrix<T>, b: Matrix<T>, exact: boolean): Comparison {
  if (a.rows !== b.rows || a.cols !== b.cols) return { equal: false, error: Number.POSITIVE_INFINITY };
  let diff = 0;
  let scale = 0;
  let exactlyEqual = true;
  for (let k = 0; k < a.data.length; k++) {
    const x = F.toNumber(a.data[k]);
    const y = F.toNumber(b.data[k]);
    if (!Number.isFinite(x) || !Number.isFinite(y)) return { equal: false, error: Number.POSITIVE_INFINITY };
    diff = Math.max(diff, Math.abs(x - y));
    scale = Math.max(scale, Math.abs(x), Math.abs(y));
    if (exact && !F.isZero(F.sub(a.data[k], b.data[k]))) exactlyEqual = false;
  }
  const error = diff / Math.max(scale, ABSOLUTE_FLOOR);
  if (exact) return { equal: exactlyEqual, error: exactlyEqual ? 0 : Math.max(error, Number.MIN_VALUE) };
  return { equal: error <= FLOAT_TOLERANCE, error };
}

/** Convert a matrix to plain nested number arrays (rows), for reports and the widget. */
export function toNumberRows<T>(F: Field<T>, m: Matrix<T>): number[][] {
  return Array.from({ length: m.rows }, (_, i) => Array.from({ length: m.cols }, (_, j) => F.toNumber(m.data[i + j * m.rows])));
}
