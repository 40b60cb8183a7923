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

/** A range that holds the true median of what was sampled with at least the stated probability. */
export interface MedianInterval {
  low: number;
  high: number;
  /** The probability the range holds the true median (at least the confidence asked for). */
  coverage: number;
}

/**
 * A distribution-free confidence interval for the median of independent samples: the k-th smallest
 * and k-th largest values, with k the largest for which the range still covers the true median with
 * the probability asked. The count of samples below the true median is Binomial(n, 1/2), so the range
 * misses it with probability 2·P(X ≤ k − 1). Nothing is assumed about the noise's shape, which on this
 * machine is skewed (a build is slowed by other work far more often than sped up).
 *
 * @param values The samples (a kind's bracketed ratios).
 * @param confidence The least probability of covering the median (default 0.9).
 * @returns undefined when too few samples give that confidence even from the extremes (4 or fewer for 0.9).
 */
export function medianInterval(values: readonly number[], confidence = 0.9): MedianInterval | undefined {
  const n = values.length;
  const sorted = [...values].sort((a, b) => a - b);
  // below[j] = P(X <= j) for X ~ Binomial(n, 1/2).
  const below: number[] = [];
  let term = 0.5 ** n;
  let sum = 0;
  for (let j = 0; j <= n; j++) {
    sum += term;
    below.push(sum);
    term = (term * (n - j)) / (j + 1);
  }
  let chosen: number | undefined;
  for (let k = 1; k <= n >> 1; k++) {
    if (2 * below[k - 1] <= 1 - confidence) chosen = k;
  }
  if (chosen === undefined) return undefined;
  return { low: sorted[chosen - 1], high: sorted[n - chosen], coverage: 1 - 2 * below[chosen - 1] };
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
