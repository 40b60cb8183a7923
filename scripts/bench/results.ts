/**
 * The benchmark's results: their shape (bench/results.json), the budgets of issue 6 evaluated on
 * them, and the Markdown tables of BENCHMARKS.md.
 */
import type { BuildMeasure } from './build.js';
import { medianInterval, type BuildKind, type Spread } from './ratios.js';
import type { ThroughputRow } from './engine.js';
import type { Bytes, PageWeight } from './weight.js';

/** Three builds of one site, and their ratios to the build without checking. */
export interface SiteResult {
  label: string;
  /** Notes (each in two languages). */
  notes: number;
  /** Display formulas per language (synthetic sites; the real notes' count comes from the check). */
  displayFormulas?: number;
  off: BuildMeasure;
  cold: BuildMeasure;
  warm: BuildMeasure;
  /** Wall-time and CPU-time ratios of the checked builds to the unchecked ones: the median of each build's time over the mean of the unchecked builds just before and after it. */
  ratios: { cold: number; warm: number; coldCpu?: number; warmCpu?: number };
  /** Slowest unchecked build over the fastest: how far the machine's speed drifted during the site's runs (1 = not at all). */
  offSpread?: number;
  /** Every build of the site in the order they ran (the rows above are the fastest of each kind), a checked build with its bracketed wall-time ratio. */
  runs: { kind: BuildKind; measure: BuildMeasure; ratio?: number }[];
}

/** Engine throughput on one set of formulas. */
export interface ThroughputResult {
  label: string;
  rows: ThroughputRow[];
  total: ThroughputRow;
}

/** One budget and whether this run met it. */
export interface Budget {
  name: string;
  limit: string;
  value: string;
  met: boolean;
}

/** Everything one `npm run bench` measured. */
export interface BenchResults {
  date: string;
  quick: boolean;
  machine: {
    cpus: number;
    model: string;
    memoryGb: number;
    node: string;
    loadAverage: { start: number[]; end: number[] };
    /** The noise probe (scripts/bench/noise.ts): times of one fixed piece of work, ms. */
    noise: Spread & { repetitions: number };
  };
  durationS: number;
  engine: ThroughputResult[];
  sites: SiteResult[];
  pageWeight: PageWeight & { engineBundle: Bytes };
  budgets: Budget[];
}

const ratio = (value: number) => `${value.toFixed(2)}×`;
/** A site's bracketed wall-time ratios of one kind, in the order the builds ran. */
function ratiosOf(site: SiteResult, kind: Exclude<BuildKind, 'off'>): number[] {
  return site.runs.filter((run) => run.kind === kind && run.ratio !== undefined).map((run) => run.ratio as number);
}

/**
 * A budget on a ratio: met when the median of its kind's brackets is at or under its limit, the
 * value shown to three decimals so that 1.054 against 1.05 does not read as 1.05. With five brackets
 * or more the value carries the range that holds the true median with at least 90% probability
 * ({@link medianInterval}): how far the run's noise leaves the median uncertain, and so whether a
 * second run could judge the budget the other way (it can when the range reaches past the limit).
 */
function ratioBudget(site: SiteResult, kind: Exclude<BuildKind, 'off'>, limit: number): Budget {
  const value = site.ratios[kind];
  const interval = medianInterval(ratiosOf(site, kind));
  const range = interval ? ` (${Math.round(interval.coverage * 100)}% range of the median ${interval.low.toFixed(3)}–${interval.high.toFixed(3)})` : '';
  return { name: `${site.label}: ${kind} build with checking / without`, limit: `≤ ${limit.toFixed(2)}×`, value: `${value.toFixed(3)}×${range}`, met: value <= limit };
}

/** The order of each site's builds: `real site: off, then cold, off, warm, off ×7; synthetic 1,000, …: off, cold, off, warm, off; …`. */
export function buildOrders(sites: readonly SiteResult[]): string {
  const orders = new Map<string, string[]>();
  for (const site of sites) {
    const kinds = site.runs.map((run) => run.kind);
    // A group repeated to the end reads better folded: `off, then cold, off, warm, off ×7`.
    let order = kinds.join(', ');
    fold: for (let prefix = 1; prefix < kinds.length - 3; prefix++) {
      const rest = kinds.slice(prefix);
      for (let size = 1; size <= rest.length / 2; size++) {
        const times = rest.length / size;
        if (Number.isInteger(times) && rest.every((kind, index) => kind === rest[index % size])) {
          order = `${kinds.slice(0, prefix).join(', ')}, then ${rest.slice(0, size).join(', ')} ×${times}`;
          break fold;
        }
      }
    }
    orders.set(order, [...(orders.get(order) ?? []), site.label]);
  }
  return [...orders].map(([order, labels]) => `${labels.join(', ')}: ${order}`).join('; ');
}

/** The heap bound of the builds, as a line of Markdown. */
function heapLine(sites: readonly SiteResult[]): string[] {
  const bounds = [...new Set(sites.flatMap((site) => site.runs.map((run) => run.measure.heapMb)))];
  const text = bounds.every((bound) => bound !== undefined) ? bounds.map((bound) => `${bound} MB`).join(', ') : 'not reported';
  return [
    `**Memory.** Every build runs as \`npm run build\` runs it (scripts/astro-build.mjs): Node's heap bounded at ${text}.`,
    'Unbounded, V8 grows the heap toward a quarter of the machine\'s memory before it collects, so peaks',
    'then measure garbage not yet collected more than what a build needs (README, "Build speed"). A peak is the',
    'larger of two measures. One is the build\'s processes together (the launcher, Astro, and the verdict prefetch',
    'beside Astro\'s start): their proportional set sizes summed (pages they share count once), sampled every 200 ms.',
    'The other is the kernel\'s high-water mark of the largest process\'s resident set (GNU time): the memory peaks',
    'when Astro\'s bundler finishes, for less than half a second, which the samples can miss.',
    '',
  ];
}

/**
 * Evaluate the budgets.
 *
 * @param real The real site's builds.
 * @param synthetic The synthetic sites' builds, smallest first.
 */
export function evaluateBudgets(real: SiteResult, synthetic: readonly SiteResult[]): Budget[] {
  const small = synthetic[0];
  const large = synthetic[synthetic.length - 1];
  const peak = peakOf(large);
  const growth = large.cold.wallMs / small.cold.wallMs;
  const sizeRatio = (large.displayFormulas ?? 0) / (small.displayFormulas ?? 1);
  return [
    ratioBudget(real, 'cold', 1.3),
    ratioBudget(large, 'cold', 2),
    ratioBudget(real, 'warm', 1.05),
    ratioBudget(large, 'warm', 1.05),
    {
      name: `growth: cold checked build, ${large.label} / ${small.label}`,
      limit: `≤ ${((12 * sizeRatio) / 10).toFixed(1)}× (12× for 10× the formulas)`,
      value: ratio(growth),
      met: growth <= (12 * sizeRatio) / 10,
    },
    { name: `peak memory, ${large.label} (largest of its builds)`, limit: '< 1536 MB', value: `${Math.round(peak)} MB`, met: peak < 1536 },
    ...[real, ...synthetic].map((site) => ({
      name: `${site.label}: warm build derives nothing`,
      limit: '0 derived',
      value: `${derivedText(site.warm)} derived, ${site.warm.check?.hits ?? '?'} cache hits`,
      met: site.warm.check?.derived === 0 && !site.warm.check.prefetched,
    })),
  ];
}

/** Verdicts a build derived: by its check, and by the prefetch beside it when it derived any (`267 (221 prefetched)`). */
function derivedText(measure: BuildMeasure): string {
  if (!measure.check) return '?';
  const { derived, prefetched = 0 } = measure.check;
  return prefetched ? `${derived + prefetched} (${prefetched} prefetched)` : String(derived);
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

function throughputTable(results: readonly ThroughputResult[]): string[] {
  const lines = ['| formulas | order | mode | count | ms per formula | formulas/s |', '| --- | --- | --- | ---: | ---: | ---: |'];
  for (const result of results) {
    for (const row of [...result.rows, result.total]) {
      lines.push(`| ${result.label} | ${row.order} | ${row.mode} | ${row.formulas} | ${(row.ms / row.formulas).toFixed(1)} | ${row.perSecond.toFixed(0)} |`);
    }
  }
  return lines;
}

/** The highest peak of a site's builds, or of its builds of one kind, MB (not the fastest build's: a budget bounds every build). */
export function peakOf(site: SiteResult, kind?: BuildKind): number {
  return Math.max(...site.runs.filter((run) => kind === undefined || run.kind === kind).map((run) => run.measure.peakMb));
}

function buildTable(sites: readonly SiteResult[]): string[] {
  const lines = [
    '| site | notes | formulas checked (both languages) | off: s (spread) | cold: s (× off) | warm: s (× off) | CPU cold × off | CPU warm × off | verdicts derived cold / warm | highest peak MB (off / cold / warm) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const site of sites) {
    const cpu = (value?: number) => (value === undefined ? '–' : ratio(value));
    lines.push(
      `| ${site.label} | ${site.notes} | ${site.cold.check?.formulas ?? '?'} | ${seconds(site.off.wallMs)}${site.offSpread ? ` (${ratio(site.offSpread)})` : ''} | ${seconds(site.cold.wallMs)} (${ratio(site.ratios.cold)}) | ${seconds(site.warm.wallMs)} (${ratio(site.ratios.warm)}) | ${cpu(site.ratios.coldCpu)} | ${cpu(site.ratios.warmCpu)} | ${derivedText(site.cold)} / ${derivedText(site.warm)} | ${(['off', 'cold', 'warm'] as const).map((kind) => Math.round(peakOf(site, kind))).join(' / ')} |`,
    );
  }
  return lines;
}

/** What the noise probe measured, and what it means for a ratio. */
function noiseLines(noise: BenchResults['machine']['noise']): string[] {
  return [
    `**Noise.** A fixed piece of single-core work, repeated ${noise.repetitions} times at the start of the run (scripts/bench/noise.ts),`,
    `took ${noise.min.toFixed(0)} to ${noise.max.toFixed(0)} ms (median ${noise.median.toFixed(0)} ms; standard deviation ${(noise.cv * 100).toFixed(0)}% of the mean): the machine's speed`,
    'moves from one second to the next by more than the 5% warm budget. Brackets cancel a steady drift, not this jitter; a',
    'ratio budget is judged on the median of several brackets, and every bracket is listed below the builds table. Beside',
    'the median is the range that holds the true median with at least 90% probability (the k-th smallest to the k-th',
    'largest bracket, from the binomial distribution; nothing assumed about the noise\'s shape): where it reaches past',
    'a limit, another run of the same code could judge that budget the other way.',
    '',
  ];
}

/** Every checked build's bracketed ratio, in the order they ran: what each median is the median of. */
function ratioLines(sites: readonly SiteResult[]): string[] {
  return sites.map((site) => {
    const of = (kind: Exclude<BuildKind, 'off'>) => ratiosOf(site, kind).map((value) => value.toFixed(2)).join(', ');
    return `- ${site.label}: cold ${of('cold')}; warm ${of('warm')}`;
  });
}

function weightTable(weight: BenchResults['pageWeight']): string[] {
  const row = (name: string, bytes: Bytes) => `| ${name} | ${bytes.files} | ${kb(bytes.raw)} | ${kb(bytes.gzip)} |`;
  return [
    `Typical note page (median HTML size): \`${weight.page}\`.`,
    '',
    '| part | files | KB | KB gzipped |',
    '| --- | ---: | ---: | ---: |',
    row('HTML', weight.html),
    row('CSS', weight.css),
    row('JS run on load', weight.js),
    row('JS loaded on demand (check widget)', weight.jsOnDemand),
    ...(weight.jsOnDemandNested ? [row('JS the widget loads beside its data (KaTeX typesetter)', weight.jsOnDemandNested)] : []),
    row('fonts referenced (woff2, sent as is; upper bound)', weight.fonts),
    row('engine bundle (esbuild, minified)', weight.engineBundle),
  ];
}

/**
 * BENCHMARKS.md.
 *
 * @param results This run's results.
 */
export function benchmarksMarkdown(results: BenchResults): string {
  const { machine } = results;
  return [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (scripts/bench.ts; `-- --quick` for smaller sizes). Numbers from one run; the',
    'raw data is in bench/results.json. Builds are `astro build` of throwaway copies of the project (the real',
    'notes, or synthetic notes of true identities: 50 display formulas per note, each note in Chinese and',
    'English), each starting without dist/ and Astro caches: *off* is `FORMULA_CHECK=off`, *cold* checks with',
    'an empty verdict cache, *warm* checks again with the cache the cold build left. Each site is built',
    `in this order (${buildOrders(results.sites)}). Every checked build runs between two unchecked ones, and its`,
    'ratio is its time over their mean: the machine\'s speed drifts (*spread* is the slowest unchecked build over the',
    'fastest), and the builds just before and after tell what an unchecked build would have taken at the checked',
    'build\'s time. A ratio in the tables is the median of its kind\'s; times are the fastest of each kind (other processes',
    'only ever add time).',
    '',
    `Machine: ${machine.cpus} × ${machine.model}, ${machine.memoryGb} GB, Node ${machine.node}; load average ${machine.loadAverage.start.map((l) => l.toFixed(1)).join(' ')} at the start, ${machine.loadAverage.end.map((l) => l.toFixed(1)).join(' ')} at the end (other processes share the machine: wall and CPU times both carry their noise). Run of ${results.date}${results.quick ? ' (--quick)' : ''}, ${Math.round(results.durationS / 60)} min.`,
    '',
    ...noiseLines(machine.noise),
    '## Budgets',
    '',
    '| budget | limit | this run | met |',
    '| --- | --- | --- | :---: |',
    ...results.budgets.map((budget) => `| ${budget.name} | ${budget.limit} | ${budget.value} | ${budget.met ? 'yes' : '**no**'} |`),
    '',
    '## Builds',
    '',
    ...buildTable(results.sites),
    '',
    'Each checked build\'s wall time over the mean of the unchecked builds before and after it, in the order they ran:',
    '',
    ...ratioLines(results.sites),
    '',
    ...heapLine(results.sites),
    '## Engine throughput (one core)',
    '',
    'Each distinct formula and context the build checks, verified once by a fresh engine with the build\'s',
    'seed; "none" are formulas the engine does not evaluate (definitions, not-checkable).',
    '',
    ...throughputTable(results.engine),
    '',
    '## Page weight',
    '',
    ...weightTable(results.pageWeight),
    '',
  ].join('\n');
}
