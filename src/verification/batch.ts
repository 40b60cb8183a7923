/**
 * Checking many pages at once (the build's whole site). A page whose every verdict is already
 * cached is answered from the cache on this thread, deriving nothing. For the rest, when there are
 * enough formulas for workers to pay for their start, the verdicts their check will ask for are
 * predicted (speculate.ts) and derived by the worker pool, formula by formula — the formulas of one
 * long page spread over every worker — and each page is checked on this thread, exactly as without
 * workers, as soon as the verdicts predicted for it have arrived; a verdict that was not predicted
 * is derived then. Both paths run the same page check: the results are identical.
 */
import { availableParallelism } from 'node:os';
import type { Verdict } from '../engine/index.js';
import type { VerdictCache } from './cache.js';
import { verdictKey, type Checker, type PageCheckInput } from './check-page.js';
import { verifyPage, type FileVerification } from './page-result.js';
import { deriveInWorkers, workerBootstrap } from './pool.js';
import { predictedPageJobs } from './speculate.js';
/** When and how wide to check in parallel. */
export interface ParallelOptions {
  /** Worker threads (default: the machine's available parallelism). 1 or less: never parallel. */
  workers?: number;
  /** Least number of formulas on pages with uncached verdicts for the pool to start (default {@link PARALLEL_MIN_FORMULAS}). */
  minFormulas?: number;
}

/**
 * Starting a worker (loader, engine) costs about as much as deriving 20–40 formulas; below this
 * many formulas to check, one thread is as fast.
 */
export const PARALLEL_MIN_FORMULAS = 80;

/** What checking a batch needs from the site. */
export interface BatchSetup {
  checker: Checker;
  cache: VerdictCache<Verdict>;
  engineFingerprint: string;
  /** Absolute cache folder (workers open the same one), or undefined for memory only. */
  cacheDir?: string;
  parallel: ParallelOptions | false;
}

class CacheMiss extends Error {}

/** The page's verification from cached verdicts only, or undefined at the first verdict not cached. */
function fromCache(input: PageCheckInput, setup: BatchSetup): FileVerification | undefined {
  let hits = 0;
  const cachedOnly: Checker = {
    engine: setup.checker.engine,
    verify(latex, context, options) {
      const verdict = setup.cache.peek(verdictKey(latex, context, setup.engineFingerprint, options));
      if (verdict === undefined) throw new CacheMiss();
      hits += 1;
      return verdict;
    },
  };
  try {
    const result = verifyPage(input, cachedOnly);
    setup.cache.count(hits);
    return result;
  } catch (error) {
    if (error instanceof CacheMiss) return undefined;
    throw error;
  }
}

/**
 * How many threads should derive the verdicts of these pages: 1 (this thread) unless parallelism
 * is allowed and there are enough formulas to pay for starting workers. The default is one worker
 * per core but one: during a build the main thread renders pages (Vite) on a core of its own. On
 * two cores that means no workers, which measured the same wall time as two workers and about 1.5 s
 * less CPU on the real site (workers start cold, JIT included, and three threads shared two cores).
 *
 * @param pages Pages with uncached verdicts.
 * @param parallel The site's parallelism options.
 */
export function workerCount(pages: readonly PageCheckInput[], parallel: ParallelOptions | false): number {
  if (parallel === false) return 1;
  const formulas = pages.reduce((sum, page) => sum + page.formulas.length, 0);
  if (formulas < (parallel.minFormulas ?? PARALLEL_MIN_FORMULAS)) return 1;
  return Math.max(1, parallel.workers ?? availableParallelism() - 1);
}

/**
 * A checker that answers from verdicts the workers derived, counting each use as the one-thread
 * check would (the first is the worker's miss or hit, already counted; later ones are hits), and
 * derives what they did not on this thread.
 */
function withDerived(setup: BatchSetup, derived: Map<string, Verdict>): Checker {
  const used = new Set<string>();
  return {
    engine: setup.checker.engine,
    verify(latex, context, options) {
      const key = verdictKey(latex, context, setup.engineFingerprint, options);
      const verdict = derived.get(key);
      if (verdict === undefined) return setup.checker.verify(latex, context, options);
      if (used.has(key)) setup.cache.count(1);
      else used.add(key);
      return verdict;
    },
  };
}

/**
 * Check pages, one promise per page (in the order of the input), each settled as soon as its page
 * is checked: with workers, a page is checked (on this thread) once every verdict predicted for it
 * has arrived, while the workers derive the other pages' — so a build can render the first notes
 * while the last are still being derived.
 *
 * @param inputs The pages.
 * @param setup Checker, cache and parallelism.
 */
export function verifyEachPage(inputs: readonly PageCheckInput[], setup: BatchSetup): Promise<FileVerification>[] {
  const settle = new Map<PageCheckInput, { resolve: (result: FileVerification) => void; reject: (error: unknown) => void }>();
  const promises = inputs.map((input) => new Promise<FileVerification>((resolve, reject) => settle.set(input, { resolve, reject })));
  const check = (page: PageCheckInput, checker: Checker) => {
    try {
      settle.get(page)?.resolve(verifyPage(page, checker));
    } catch (error) {
      settle.get(page)?.reject(error);
    }
  };
  const pending: PageCheckInput[] = [];
  for (const input of inputs) {
    const cached = fromCache(input, setup);
    if (cached) settle.get(input)?.resolve(cached);
    else pending.push(input);
  }
  const workers = workerCount(pending, setup.parallel);
  const bootstrap = workers > 1 ? workerBootstrap() : undefined;
  if (!bootstrap) {
    for (const page of pending) check(page, setup.checker);
    return promises;
  }
  const { jobs: predicted, pageKeys } = predictedPageJobs(pending, setup.checker.engine, setup.engineFingerprint);
  // The cache is asked once per predicted verdict (a miss is a look on disk).
  const jobs = predicted.filter((job) => setup.cache.peek(job.key) === undefined);
  const toDerive = new Set(jobs.map((job) => job.key));
  const derived = new Map<string, Verdict>();
  const checker = withDerived(setup, derived);
  // Per page, how many of its predicted verdicts are still to come; per verdict, the pages waiting for it.
  const remaining = new Map<PageCheckInput, number>();
  const waitingFor = new Map<string, PageCheckInput[]>();
  pending.forEach((page, i) => {
    const keys = [...pageKeys[i]].filter((key) => toDerive.has(key));
    remaining.set(page, keys.length);
    for (const key of keys) {
      const pages = waitingFor.get(key);
      if (pages) pages.push(page);
      else waitingFor.set(key, [page]);
    }
  });
  const checkIfReady = (page: PageCheckInput) => {
    if (remaining.get(page) !== 0) return;
    remaining.delete(page);
    check(page, checker);
  };
  const arrived = (key: string) => {
    for (const page of waitingFor.get(key) ?? []) {
      const left = remaining.get(page);
      if (left === undefined) continue;
      remaining.set(page, left - 1);
      checkIfReady(page);
    }
    waitingFor.delete(key);
  };
  // Pages whose verdicts are all cached already.
  for (const page of [...remaining.keys()]) checkIfReady(page);
  if (!jobs.length) return promises;
  deriveInWorkers(jobs, { cacheDir: setup.cacheDir, engineFingerprint: setup.engineFingerprint }, workers, bootstrap, (key, verdict, stats) => {
    // Counted as it arrives, so the counts are whole when the last page settles.
    setup.cache.count(stats.hits, stats.misses);
    derived.set(key, verdict);
    arrived(key);
  }).then(
    () => {
      // Whatever was mispredicted is derived on this thread by the page check.
      for (const page of remaining.keys()) check(page, checker);
      remaining.clear();
    },
    (error: unknown) => {
      for (const page of remaining.keys()) settle.get(page)?.reject(error);
      remaining.clear();
    },
  );
  return promises;
}
