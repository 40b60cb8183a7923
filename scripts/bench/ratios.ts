/**
 * Ratios of checked builds to unchecked ones, robust to the machine's drift. Each checked build
 * runs between two unchecked builds and is divided by their mean: when the machine slows down or
 * speeds up steadily over the minutes a bracket takes, the mean of the builds before and after is
 * what an unchecked build would have taken at the checked build's time (exactly so for a linear
 * drift). A single neighbour (a checked build at either end of the sequence) is used alone.
 */

/** The kinds of build the benchmark makes. */
export type BuildKind = 'off' | 'cold' | 'warm';

/**
 * Each build's time over the unchecked builds around it, in the order the builds ran.
 *
 * @param kinds The kinds of the builds, in the order they ran.
 * @param times Their times (wall or CPU), same order; undefined where not measured.
 * @returns For each checked build, its ratio; for unchecked builds, and checked builds with no
 *   measured unchecked neighbour, undefined.
 */
export function bracketedRatios(kinds: readonly BuildKind[], times: readonly (number | undefined)[]): (number | undefined)[] {
  const offTime = (at: number, step: 1 | -1): number | undefined => {
    for (let index = at + step; index >= 0 && index < kinds.length; index += step) {
      if (kinds[index] === 'off') return times[index];
    }
    return undefined;
  };
  return kinds.map((kind, index) => {
    const time = times[index];
    if (kind === 'off' || time === undefined) return undefined;
    const neighbours = [offTime(index, -1), offTime(index, 1)].filter((value): value is number => value !== undefined);
    if (!neighbours.length) return undefined;
    return time / (neighbours.reduce((sum, value) => sum + value, 0) / neighbours.length);
  });
}

/**
 * The median ratio of one kind of build.
 *
 * @param kinds The kinds of the builds, in the order they ran.
 * @param ratios Their bracketed ratios ({@link bracketedRatios}), same order.
 * @returns undefined when a build of that kind has no ratio (a time not measured).
 */
export function medianRatio(kinds: readonly BuildKind[], ratios: readonly (number | undefined)[], kind: Exclude<BuildKind, 'off'>): number | undefined {
  const ofKind = ratios.filter((_, index) => kinds[index] === kind);
  if (!ofKind.length || ofKind.some((value) => value === undefined)) return undefined;
  return median(ofKind as number[]);
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** How spread a list of times is: its median, extremes and coefficient of variation. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  /** Standard deviation over mean. */
  cv: number;
}

/**
 * The spread of a non-empty list of times.
 *
 * @param values Times of one fixed piece of work, repeated.
 */
export function spread(values: readonly number[]): Spread {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), cv: Math.sqrt(variance) / mean };
}
