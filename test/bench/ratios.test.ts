/**
 * The benchmark's ratios (scripts/bench/ratios.ts): a checked build over the unchecked builds
 * around it, so that a machine slowing down or speeding up steadily does not read as the check's
 * cost; and the build order as BENCHMARKS.md states it.
 */
import { describe, expect, test } from 'vitest';
import { bracketedRatios, median, medianInterval, medianRatio, spread, type BuildKind } from '../../scripts/bench/ratios.js';
import { parseGnuTime } from '../../scripts/bench/build.js';
import { buildOrders, evaluateBudgets, peakOf, type SiteResult } from '../../scripts/bench/results.js';

const SYNTHETIC: BuildKind[] = ['off', 'cold', 'off', 'warm', 'off', 'warm', 'off'];

describe('bracketed ratios', () => {
  test.each([
    {
      name: 'a steady machine: each checked build over the unchecked time',
      times: [100, 140, 100, 103, 100, 101, 100],
      ratios: [undefined, 1.4, undefined, 1.03, undefined, 1.01, undefined],
    },
    {
      // The machine slows 10 s per build: a warm build costing 2% more reads 1.02, where the
      // previous protocol's ratio to the first unchecked build would have read 1.33 and to the last 0.85.
      name: 'a linear drift cancels',
      times: [100, 110 * 1.4, 120, 130 * 1.02, 140, 150 * 1.02, 160],
      ratios: [undefined, 1.4, undefined, 1.02, undefined, 1.02, undefined],
    },
    {
      name: 'a machine speeding up cancels too',
      times: [160, 150, 140, 130, 120, 110, 100],
      ratios: [undefined, 1, undefined, 1, undefined, 1, undefined],
    },
  ])('$name', ({ times, ratios }) => {
    const measured = bracketedRatios(SYNTHETIC, times);
    expect(measured.map((value) => (value === undefined ? undefined : Number(value.toFixed(6))))).toEqual(ratios);
  });

  test('a checked build at an end is divided by its one unchecked neighbour', () => {
    expect(bracketedRatios(['cold', 'off', 'warm'], [150, 100, 105])).toEqual([1.5, undefined, 1.05]);
  });

  test('the nearest unchecked builds bracket, across checked builds between', () => {
    // cold and warm back to back: both over the mean of the off builds around the pair.
    expect(bracketedRatios(['off', 'cold', 'warm', 'off'], [100, 150, 105, 100])).toEqual([undefined, 1.5, 1.05, undefined]);
  });

  test('no ratio without an unchecked build, or without a time (no CPU measure)', () => {
    expect(bracketedRatios(['cold', 'warm'], [150, 100])).toEqual([undefined, undefined]);
    expect(bracketedRatios(['off', 'warm', 'off'], [100, undefined, 100])).toEqual([undefined, undefined, undefined]);
    expect(bracketedRatios(['off', 'warm', 'off'], [undefined, 101, 100])).toEqual([undefined, 1.01, undefined]);
    const kinds: BuildKind[] = ['off', 'warm', 'off', 'warm', 'off'];
    expect(medianRatio(kinds, bracketedRatios(kinds, [100, undefined, 100, 101, 100]), 'warm')).toBeUndefined();
  });

  test('the median of a kind', () => {
    const kinds: BuildKind[] = ['off', 'warm', 'off', 'warm', 'off', 'warm', 'off'];
    expect(medianRatio(kinds, bracketedRatios(kinds, [100, 130, 100, 101, 100, 99, 100]), 'warm')).toBe(1.01);
    const synthetic = bracketedRatios(SYNTHETIC, [100, 140, 100, 102, 100, 104, 100]);
    expect(medianRatio(SYNTHETIC, synthetic, 'warm')).toBeCloseTo(1.03, 10);
    expect(medianRatio(SYNTHETIC, synthetic, 'cold')).toBe(1.4);
    expect(median([3, 1, 2])).toBe(2);
  });
});

describe('the range of a median', () => {
  const ascending = (n: number) => Array.from({ length: n }, (_, index) => 1 + index / 100);
  test.each([
    // k-th smallest and largest of n, and the chance the range covers the median: 1 − 2·P(Binomial(n, 1/2) ≤ k − 1).
    { n: 5, k: 1, coverage: 1 - 2 / 32 },
    { n: 9, k: 2, coverage: 1 - (2 * 10) / 512 },
    { n: 11, k: 3, coverage: 1 - (2 * 67) / 2048 },
    { n: 22, k: 7, coverage: 1 - (2 * 110056) / 4194304 },
  ])('$n samples: the $k-th smallest to the $k-th largest', ({ n, k, coverage }) => {
    const values = ascending(n).reverse();
    const interval = medianInterval(values);
    expect(interval).toMatchObject({ low: 1 + (k - 1) / 100, high: 1 + (n - k) / 100 });
    expect(interval?.coverage).toBeCloseTo(coverage, 12);
    expect(interval?.coverage).toBeGreaterThanOrEqual(0.9);
  });

  test('too few samples for 90% even from the extremes: no range', () => {
    expect(medianInterval(ascending(4))).toBeUndefined();
    expect(medianInterval([1.02])).toBeUndefined();
    expect(medianInterval(ascending(4), 0.8)).toMatchObject({ low: 1, high: 1.03 });
  });

  test('covers the true median of skewed noise at least as often as it says', () => {
    // Ratios 1.02 times a build's noise: exponential slow-downs (a machine's other work only adds
    // time), so the mean is far from the median. Seeded: the same draws every run.
    let state = 12345;
    const uniform = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) + 0.5) / 2 ** 32;
    const trueMedian = 1.02 * (1 + 0.05 * Math.LN2);
    let covered = 0;
    const trials = 4000;
    for (let trial = 0; trial < trials; trial++) {
      const ratios = Array.from({ length: 11 }, () => 1.02 * (1 - 0.05 * Math.log(uniform())));
      const interval = medianInterval(ratios);
      if (interval && interval.low <= trueMedian && trueMedian <= interval.high) covered++;
    }
    expect(covered / trials).toBeGreaterThan(0.91);
    expect(covered / trials).toBeLessThan(0.96);
  });
});

describe('the build order, as BENCHMARKS.md states it', () => {
  const site = (label: string, kinds: BuildKind[]) => ({ label, runs: kinds.map((kind) => ({ kind })) }) as unknown as SiteResult;
  const short: BuildKind[] = ['off', 'cold', 'off', 'warm', 'off'];
  test('a group repeated to the end folds, after what comes before it; sites with one order share a line', () => {
    const real = site('real site', ['off', ...Array.from({ length: 7 }, () => ['cold', 'off', 'warm', 'off'] as BuildKind[]).flat()]);
    const largest = site('synthetic 10,000', ['off', 'cold', 'off', ...Array.from({ length: 5 }, () => ['warm', 'off'] as BuildKind[]).flat()]);
    expect(buildOrders([real, site('synthetic 1,000', short), site('synthetic 5,000', short), largest])).toBe(
      'real site: off, then cold, off, warm, off ×7; synthetic 1,000, synthetic 5,000: off, cold, off, warm, off; synthetic 10,000: off, cold, off, then warm, off ×5',
    );
  });
  test('a group that does not repeat to the end stays unfolded', () => {
    expect(buildOrders([site('s', ['off', 'warm', 'off', 'warm', 'off', 'cold'])])).toBe('s: off, warm, off, warm, off, cold');
  });
});

describe('the spread of repeated times (the noise probe)', () => {
  test('median, extremes, and standard deviation over the mean', () => {
    expect(spread([200, 200, 200])).toEqual({ median: 200, min: 200, max: 200, cv: 0 });
    const measured = spread([100, 300, 200, 200]);
    expect(measured).toMatchObject({ median: 200, min: 100, max: 300 });
    expect(measured.cv).toBeCloseTo(Math.sqrt(5000) / 200, 12);
  });
});

describe('the memory budget', () => {
  test('bounds every build of the largest site, not only the fastest of each kind', () => {
    const measure = (wallMs: number, peakMb: number, check = true) => ({ wallMs, peakMb, ...(check ? { check: { formulas: 1, ms: 1, hits: 1, derived: 0, prefetched: 0 } } : {}) });
    const runs = [
      { kind: 'off' as const, measure: measure(100, 1400, false) },
      { kind: 'warm' as const, measure: measure(95, 1200) },
      { kind: 'off' as const, measure: measure(90, 1300, false) },
    ];
    const site = { label: 'large', notes: 1, displayFormulas: 10, off: runs[2].measure, cold: runs[1].measure, warm: runs[1].measure, ratios: { cold: 1, warm: 1 }, runs } as SiteResult;
    const small = { ...site, label: 'small', displayFormulas: 1 };
    expect(peakOf(site, 'off')).toBe(1400);
    expect(peakOf(site, 'warm')).toBe(1200);
    expect(peakOf(site)).toBe(1400);
    const memory = evaluateBudgets(site, [small, site]).find((budget) => budget.name.startsWith('peak memory'));
    expect(memory).toMatchObject({ value: '1400 MB', met: true });
    runs[0].measure.peakMb = 1600;
    expect(evaluateBudgets(site, [small, site]).find((budget) => budget.name.startsWith('peak memory'))).toMatchObject({ value: '1600 MB', met: false });
  });
});

describe('the ratio budgets', () => {
  test('a median just over its limit is not met, and reads as over it', () => {
    const measure = { wallMs: 100, peakMb: 1000, check: { formulas: 1, ms: 1, hits: 1, derived: 0, prefetched: 0 } };
    const site = { label: 'large', notes: 1, displayFormulas: 10, off: measure, cold: measure, warm: measure, ratios: { cold: 1.5, warm: 1.0538 }, runs: [] } as SiteResult;
    const small = { ...site, label: 'small', displayFormulas: 1, ratios: { cold: 1.2, warm: 1.05 } };
    const budgets = evaluateBudgets(small, [small, site]);
    expect(budgets.find((budget) => budget.name === 'large: warm build with checking / without')).toMatchObject({ value: '1.054×', met: false });
    expect(budgets.find((budget) => budget.name === 'small: warm build with checking / without')).toMatchObject({ limit: '≤ 1.05×', value: '1.050×', met: true });
  });

  test('with five brackets or more the value carries the range of its median', () => {
    const measure = { wallMs: 100, peakMb: 1000, check: { formulas: 1, ms: 1, hits: 1, derived: 0, prefetched: 0 } };
    const warm = [1.04, 0.98, 1.07, 1.01, 1.03];
    const runs = warm.map((ratio) => ({ kind: 'warm' as const, measure, ratio }));
    const site = { label: 'real', notes: 1, displayFormulas: 10, off: measure, cold: measure, warm: measure, ratios: { cold: 1.2, warm: median(warm) }, runs } as SiteResult;
    const budget = evaluateBudgets(site, [site, site]).find((entry) => entry.name === 'real: warm build with checking / without');
    expect(budget).toMatchObject({ value: '1.030× (94% range of the median 0.980–1.070)', met: true });
    expect(evaluateBudgets(site, [site, site]).find((entry) => entry.name === 'real: cold build with checking / without')?.value).toBe('1.200×');
  });
});

describe("GNU time's report", () => {
  // A report as /usr/bin/time -v writes it (trimmed of the lines the benchmark does not read).
  const report = [
    '\tCommand being timed: "node scripts/astro-build.mjs --config bench.config.mjs"',
    '\tUser time (seconds): 99.21',
    '\tSystem time (seconds): 6.61',
    '\tElapsed (wall clock) time (h:mm:ss or m:ss): 1:28.18',
    '\tAverage resident set size (kbytes): 0',
    '\tMaximum resident set size (kbytes): 1208604',
    '\tExit status: 0',
  ].join('\n');

  test('CPU time is user plus system; the high-water mark is the maximum resident set, not the average', () => {
    const parsed = parseGnuTime(report);
    expect(parsed.cpuMs).toBeCloseTo(105820, 6);
    expect(parsed.highWaterMb).toBeCloseTo(1208604 / 1024, 9);
  });

  test('a report without the memory line gives no high-water mark rather than NaN', () => {
    expect(parseGnuTime(report.replace(/.*Maximum resident.*\n/, ''))).toEqual({ cpuMs: expect.closeTo(105820, 6) });
  });
});
