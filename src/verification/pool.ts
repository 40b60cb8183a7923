/**
 * The check pool: worker threads that check units of pages in parallel. A unit is a note's pages
 * (its languages), checked in order inside one worker: each page threads its own context, and the
 * second language's formulas are memory hits of the first's. Units go out largest first, each to
 * the next idle worker. Workers load the TypeScript sources through tsx's loader, so the pool runs
 * the same code under Astro, tsx and vitest.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CacheStats } from './cache.js';
import type { PageCheckInput } from './check-page.js';
import type { FileVerification } from './page-result.js';

/** What every worker needs to check like the main thread. */
export interface PoolSetup {
  /** Absolute verdict cache folder, or undefined for memory only. */
  cacheDir?: string;
  engineFingerprint: string;
}

/** A unit of work sent to a worker. */
export interface UnitRequest {
  unit: number;
  pages: readonly PageCheckInput[];
}

/** A worker's answer: the unit's page results, in order, and its cache counts. */
export interface UnitReply {
  unit: number;
  results: FileVerification[];
  stats: CacheStats;
}

const WORKER_ENTRY = new URL('./pool-worker.ts', import.meta.url);

/**
 * The source of a worker that registers tsx's loader, then runs pool-worker.ts; undefined when tsx
 * cannot be found (the caller then checks on the main thread).
 */
export function workerBootstrap(): string | undefined {
  let loader: string;
  try {
    loader = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href;
  } catch {
    return undefined;
  }
  return `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_ENTRY.href)}); });`;
}

function size(unit: readonly PageCheckInput[]): number {
  return unit.reduce((sum, page) => sum + page.formulas.length, 0);
}

/**
 * Check units of pages on `workers` worker threads.
 *
 * @param units Units of pages; the pages of a unit are checked in order in one worker.
 * @param setup Cache folder and engine fingerprint.
 * @param workers Number of worker threads (at most one per unit).
 * @param bootstrap Worker source from {@link workerBootstrap}.
 * @returns Each unit's page results (in the units' order) and the cache counts of all workers.
 */
export async function verifyInWorkers(
  units: readonly (readonly PageCheckInput[])[],
  setup: PoolSetup,
  workers: number,
  bootstrap: string,
): Promise<{ results: FileVerification[][]; stats: CacheStats }> {
  const queue = units.map((_, unit) => unit).sort((a, b) => size(units[b]) - size(units[a]));
  const results: FileVerification[][] = new Array(units.length);
  const stats: CacheStats = { hits: 0, misses: 0 };
  const pool = Array.from({ length: Math.max(1, Math.min(workers, units.length)) }, () => new Worker(bootstrap, { eval: true, workerData: setup }));
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const next = () => {
              const unit = queue.shift();
              if (unit === undefined) resolve();
              else worker.postMessage({ unit, pages: units[unit] } satisfies UnitRequest);
            };
            worker.on('message', (reply: UnitReply) => {
              results[reply.unit] = reply.results;
              stats.hits += reply.stats.hits;
              stats.misses += reply.stats.misses;
              next();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (queue.length || results.includes(undefined as never)) reject(new Error(`a check worker stopped (exit code ${code}) before its work was done`));
            });
            next();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  return { results, stats };
}
