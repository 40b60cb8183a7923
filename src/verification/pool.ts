/**
 * The check pool: worker threads that derive verdicts in parallel. Work goes out in small batches
 * of verdict jobs (a formula and its context; see speculate.ts), each to the next idle worker, so
 * the formulas of one long page spread over every worker. Each worker derives with its own engine
 * and the shared on-disk verdict cache, and sends the verdicts back. Workers load the TypeScript
 * sources through tsx's loader, so the pool runs the same code under Astro, tsx and vitest.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Verdict } from '../engine/index.js';
import type { CacheStats } from './cache.js';
import type { VerdictJob } from './speculate.js';

/** What every worker needs to derive like the main thread. */
export interface PoolSetup {
  /** Absolute verdict cache folder, or undefined for memory only. */
  cacheDir?: string;
  engineFingerprint: string;
}

/** A batch of jobs sent to a worker. */
export interface BatchRequest {
  batch: number;
  jobs: readonly VerdictJob[];
}

/** A worker's answer: each job's verdict by key, and its cache counts. */
export interface BatchReply {
  batch: number;
  verdicts: [string, Verdict][];
  stats: CacheStats;
}

/** Jobs per message: small enough to balance uneven formulas, large enough to keep messages few. */
export const JOBS_PER_BATCH = 4;

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

/**
 * Derive verdicts on `workers` worker threads.
 *
 * @param jobs The verdicts to derive (in the order they are wanted: batches go out in this order).
 * @param setup Cache folder and engine fingerprint.
 * @param workers Number of worker threads.
 * @param bootstrap Worker source from {@link workerBootstrap}.
 * @returns Every job's verdict by key, and the cache counts of all workers.
 */
export async function deriveInWorkers(
  jobs: readonly VerdictJob[],
  setup: PoolSetup,
  workers: number,
  bootstrap: string,
): Promise<{ verdicts: Map<string, Verdict>; stats: CacheStats }> {
  const batches: VerdictJob[][] = [];
  for (let start = 0; start < jobs.length; start += JOBS_PER_BATCH) batches.push(jobs.slice(start, start + JOBS_PER_BATCH));
  const queue = batches.map((_, batch) => batch);
  const answered = new Set<number>();
  const verdicts = new Map<string, Verdict>();
  const stats: CacheStats = { hits: 0, misses: 0 };
  const pool = Array.from({ length: Math.max(1, Math.min(workers, batches.length)) }, () => new Worker(bootstrap, { eval: true, workerData: setup }));
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const next = () => {
              const batch = queue.shift();
              if (batch === undefined) resolve();
              else worker.postMessage({ batch, jobs: batches[batch] } satisfies BatchRequest);
            };
            worker.on('message', (reply: BatchReply) => {
              answered.add(reply.batch);
              for (const [key, verdict] of reply.verdicts) verdicts.set(key, verdict);
              stats.hits += reply.stats.hits;
              stats.misses += reply.stats.misses;
              next();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (answered.size < batches.length) reject(new Error(`a check worker stopped (exit code ${code}) before its work was done`));
            });
            next();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  return { verdicts, stats };
}
