/**
 * `npm run bench [-- --quick]`: what checking formulas costs, measured in one run, written to
 * bench/results.json and BENCHMARKS.md (see scripts/bench/results.ts for both):
 *
 * - engine throughput on one core, on the real notes' formulas and a synthetic set;
 * - the real site built without checking, with checking and an empty verdict cache (cold), and
 *   again with the cache that left (warm), as ratios to the unchecked build;
 * - the same for synthetic sites of 1,000, 5,000 and 10,000 display formulas (20, 100 and 200
 *   notes in two languages), with peak memory; `--quick` uses 200, 500 and 1,000;
 * - the weight of a typical note page and of the engine bundled for the browser;
 * - the budgets of issue 6, met or not.
 *
 * Throwaway projects and verdict caches live in the system's temporary folder and are removed.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { measureBuild, type BuildMeasure } from './bench/build.js';
import { checkedFormulas, measureThroughput } from './bench/engine.js';
import { realProject, syntheticProject, type BenchProject } from './bench/project.js';
import { benchmarksMarkdown, evaluateBudgets, type BenchResults, type SiteResult, type ThroughputResult } from './bench/results.js';
import { engineBundle, noteSlugs, typicalNotePage, weighPage } from './bench/weight.js';

const ROOT = process.cwd();
const QUICK = process.argv.includes('--quick');
/** Display formulas per language of the synthetic sites. */
const SIZES = QUICK ? [200, 500, 1000] : [1000, 5000, 10000];
const FORMULAS_PER_NOTE = 50;
/** Synthetic formulas for the engine's throughput table. */
const THROUGHPUT_FORMULAS = QUICK ? 300 : 1000;
/**
 * Runs of one build of each kind, interleaved, on the real site and on each synthetic site: times
 * are the fastest of each kind (other processes only ever add time), ratios the median over runs of
 * each checked build to its own run's unchecked build. The real site's builds take seconds and its
 * warm budget is 5%, about as much as two identical builds differ: seven runs make the median hold.
 */
const REAL_SITE_RUNS = 7;
const SYNTHETIC_RUNS = 2;
/**
 * The order of the builds in a run, by turns: the unchecked build before, after and between the
 * checked ones (a cold build comes before its warm one), so that what ran just before a build
 * (a cold build's cache writes, say) favours no kind.
 */
const RUN_ORDERS = [
  ['off', 'cold', 'warm'],
  ['cold', 'warm', 'off'],
  ['cold', 'off', 'warm'],
] as const;

const started = performance.now();
const log = (message: string) => console.error(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);

async function throughput(label: string, project: BenchProject): Promise<ThroughputResult> {
  const formulas = await checkedFormulas(project.root);
  log(`engine throughput: ${label} (${formulas.length} distinct formulas)`);
  return { label, ...measureThroughput(formulas) };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function fastest(measures: readonly BuildMeasure[]): BuildMeasure {
  return measures.reduce((best, measure) => (measure.wallMs < best.wallMs ? measure : best));
}

/** Off, cold and warm builds of a project, `runs` times each, interleaved (see {@link RUN_ORDERS}). */
async function buildSite(label: string, project: BenchProject, runs: number): Promise<SiteResult> {
  const all: SiteResult['runs'] = [];
  for (let run = 0; run < runs; run++) {
    const cache = mkdtempSync(join(tmpdir(), 'bench-verdicts-'));
    try {
      for (const kind of RUN_ORDERS[run % RUN_ORDERS.length]) {
        const measure = await measureBuild(project, { check: kind !== 'off', verdictCache: cache });
        all.push({ kind, measure });
        const check = measure.check ? `, ${measure.check.formulas} formulas checked, ${measure.check.derived} derived by the check and ${measure.check.prefetched} by the prefetch, ${measure.check.hits} cache hits` : '';
        log(`${label} ${kind}: ${(measure.wallMs / 1000).toFixed(1)} s, ${Math.round(measure.peakMb)} MB${check}`);
      }
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  }
  const of = (kind: 'off' | 'cold' | 'warm') => all.filter((run) => run.kind === kind).map((run) => run.measure);
  const [offs, colds, warms] = [of('off'), of('cold'), of('warm')];
  // Each checked build against the unchecked build of its own run, minutes apart rather than
  // across the whole benchmark: on a shared machine the speed drifts (two identical 10k unchecked
  // builds of one run measured 121.5 and 155.6 s), and the fastest of each kind can mix builds
  // taken before and after a slowdown.
  const paired = (checked: BuildMeasure[], time: (measure: BuildMeasure) => number | undefined) => {
    const ratios = checked.map((measure, run) => (time(measure) ?? NaN) / (time(offs[run]) ?? NaN));
    return ratios.some(Number.isNaN) ? undefined : median(ratios);
  };
  const wall = (measure: BuildMeasure) => measure.wallMs;
  const cpu = (measure: BuildMeasure) => measure.cpuMs;
  return {
    label,
    notes: noteSlugs(project.root).length,
    ...(project.formulas !== undefined ? { displayFormulas: project.formulas } : {}),
    off: fastest(offs),
    cold: fastest(colds),
    warm: fastest(warms),
    ratios: { cold: paired(colds, wall) as number, warm: paired(warms, wall) as number, coldCpu: paired(colds, cpu), warmCpu: paired(warms, cpu) },
    offSpread: Math.max(...offs.map(wall)) / Math.min(...offs.map(wall)),
    runs: all,
  };
}

async function main(): Promise<void> {
  const loadStart = loadavg();
  log(`${QUICK ? 'quick run' : 'full run'}: synthetic sites of ${SIZES.join(', ')} display formulas`);

  const real = realProject(ROOT);
  const throughputSet = syntheticProject(ROOT, { formulas: THROUGHPUT_FORMULAS, pages: THROUGHPUT_FORMULAS / FORMULAS_PER_NOTE, seed: 7 });
  let engine: ThroughputResult[];
  let realSite: SiteResult;
  let pageWeight: BenchResults['pageWeight'];
  try {
    engine = [await throughput('the notes', real), await throughput(`synthetic (${THROUGHPUT_FORMULAS})`, throughputSet)];
    realSite = await buildSite('real site', real, REAL_SITE_RUNS);
    // The last build of the real site checked formulas: its pages are what readers get.
    const dist = join(real.root, 'dist');
    pageWeight = { ...weighPage(dist, typicalNotePage(dist, noteSlugs(real.root))), engineBundle: await engineBundle(ROOT) };
  } finally {
    real.dispose();
    throughputSet.dispose();
  }

  const synthetic: SiteResult[] = [];
  for (const formulas of SIZES) {
    const project = syntheticProject(ROOT, { formulas, pages: formulas / FORMULAS_PER_NOTE });
    const label = `synthetic ${formulas.toLocaleString('en')}`;
    try {
      log(`synthetic site: ${project.formulas} display formulas in ${formulas / FORMULAS_PER_NOTE} notes (${project.root})`);
      synthetic.push(await buildSite(label, project, SYNTHETIC_RUNS));
    } finally {
      project.dispose();
    }
  }

  const results: BenchResults = {
    date: new Date().toISOString(),
    quick: QUICK,
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, loadAverage: { start: loadStart, end: loadavg() } },
    durationS: (performance.now() - started) / 1000,
    engine,
    sites: [realSite, ...synthetic],
    pageWeight,
    budgets: evaluateBudgets(realSite, synthetic),
  };
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 1)}\n`);
  const markdown = benchmarksMarkdown(results);
  writeFileSync(join(ROOT, 'BENCHMARKS.md'), markdown);
  console.log(markdown);
}

await main();
