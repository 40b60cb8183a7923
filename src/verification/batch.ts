/**
 * Checking many pages at once (the build's whole site). A page whose every verdict is already
 * cached is answered from the cache on this thread, deriving nothing. The rest are grouped by note
 * (its languages share formulas, so the second language is served by the first's verdicts) and
 * checked on this thread, or by the worker pool when there are enough formulas left to derive for
 * the workers to pay for their start. Both paths run the same page check: the results are identical.
 */
import { availableParallelism } from 'node:os';
import type { Verdict } from '../engine/index.js';
import type { VerdictCache } from './cache.js';
import { verdictKey, type Checker, type PageCheckInput } from './check-page.js';
import { verifyPage, type FileVerification } from './page-result.js';
import { verifyInWorkers, workerBootstrap } from './pool.js';

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

/** Pages grouped by note, in first-seen order. */
function unitsOf(pages: readonly PageCheckInput[]): PageCheckInput[][] {
  const bySlug = new Map<string, PageCheckInput[]>();
  for (const page of pages) bySlug.set(page.slug, [...(bySlug.get(page.slug) ?? []), page]);
  return [...bySlug.values()];
}

/**
 * How many threads should check these units: 1 (this thread) unless parallelism is allowed, there
 * are two units or more, and enough formulas to pay for starting workers.
 *
 * @param units Pages grouped by note, each with uncached verdicts.
 * @param parallel The site's parallelism options.
 */
export function workerCount(units: readonly (readonly PageCheckInput[])[], parallel: ParallelOptions | false): number {
  if (parallel === false || units.length < 2) return 1;
  const formulas = units.flat().reduce((sum, page) => sum + page.formulas.length, 0);
  if (formulas < (parallel.minFormulas ?? PARALLEL_MIN_FORMULAS)) return 1;
  return Math.max(1, Math.min(parallel.workers ?? availableParallelism(), units.length));
}

/**
 * Check pages; results in the order of the input.
 *
 * @param inputs The pages.
 * @param setup Checker, cache and parallelism.
 */
export async function verifyPages(inputs: readonly PageCheckInput[], setup: BatchSetup): Promise<FileVerification[]> {
  const results = new Map<PageCheckInput, FileVerification>();
  const pending: PageCheckInput[] = [];
  for (const input of inputs) {
    const cached = fromCache(input, setup);
    if (cached) results.set(input, cached);
    else pending.push(input);
  }
  const units = unitsOf(pending);
  const workers = workerCount(units, setup.parallel);
  const bootstrap = workers > 1 ? workerBootstrap() : undefined;
  if (bootstrap) {
    const { results: byUnit, stats } = await verifyInWorkers(units, { cacheDir: setup.cacheDir, engineFingerprint: setup.engineFingerprint }, workers, bootstrap);
    units.forEach((unit, i) => unit.forEach((page, j) => results.set(page, byUnit[i][j])));
    setup.cache.count(stats.hits, stats.misses);
  } else {
    for (const page of pending) results.set(page, verifyPage(page, setup.checker));
  }
  return inputs.map((input) => results.get(input) as FileVerification);
}
