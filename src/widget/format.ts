/** Numbers as the widget shows them: short for reading, full on hover or on request. */
import type { SampledMatrix } from '../engine/index.js';

/** Significant digits of a rounded entry. */
export const ROUNDED_DIGITS = 4;

/**
 * An entry, rounded for reading: exact fractions stay when short, others get 4 significant digits.
 *
 * @param value The entry as a number.
 * @param exact The exact fraction, in exact mode.
 */
export function roundedEntry(value: number, exact?: string): string {
  if (exact !== undefined && exact.length <= 7) return exact;
  if (value === 0) return '0';
  if (Number.isInteger(value) && Math.abs(value) < 1e6) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1e-3 && abs < 1e5) return String(Number(value.toPrecision(ROUNDED_DIGITS)));
  return value.toExponential(ROUNDED_DIGITS - 1);
}

/**
 * An entry at full precision: the exact fraction, or the shortest float64 text that round-trips.
 *
 * @param value The entry as a number.
 * @param exact The exact fraction, in exact mode.
 */
export function fullEntry(value: number, exact?: string): string {
  return exact ?? String(value);
}

/**
 * A relative error for reading.
 *
 * @param error The relative error.
 */
export function formatError(error: number): string {
  if (error === 0) return '0';
  if (!Number.isFinite(error)) return '∞';
  return error.toExponential(2);
}

/**
 * Whether two sampled matrices hold the same numbers.
 *
 * @param a A matrix.
 * @param b Another.
 */
export function sameMatrix(a: SampledMatrix | undefined, b: SampledMatrix | undefined): boolean {
  if (!a || !b || a.rows.length !== b.rows.length) return false;
  return a.rows.every((row, i) => row.length === b.rows[i].length && row.every((x, j) => Object.is(x, b.rows[i][j])));
}
