/**
 * The check pool: worker threads that derive verdicts in parallel. Every worker gets the whole list
 * of verdict jobs (a formula and its context; see speculate.ts) and takes the next job not yet taken
 * from a shared counter, so the formulas of one long page spread over every worker and no worker
 * waits for the main thread (busy with Vite during a build) to hand out work. Each worker derives
 * with its own engine and the shared on-disk verdict cache, and sends each verdict back as it is
 * derived. Workers load the TypeScript sources through tsx's loader, so the pool runs the same
 * code under Astro, tsx and vitest.
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

/** The work sent to every worker: all jobs, and the shared counter of jobs taken. */
export interface JobsRequest {
  jobs: readonly VerdictJob[];
  /** One Int32 on a SharedArrayBuffer: the index of the next job to take. */
  next: Int32Array;
}

/** A worker's message: verdicts of jobs it took, by key, and the cache hits and misses they made; the last one says it is done. */
export interface JobsReply {
  verdicts: [string, Verdict][];
  stats: CacheStats;
  done?: true;
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

/**
 * Derive verdicts on `workers` worker threads.
 *
 * @param jobs The verdicts to derive (taken in this order).
 * @param setup Cache folder and engine fingerprint.
 * @param workers Number of worker threads.
 * @param bootstrap Worker source from {@link workerBootstrap}.
 * @param onVerdict Called with each verdict as it arrives (on this thread, between its other work), with the cache hit or miss it made.
 * @returns Every job's verdict by key, and the cache counts of all workers.
 */
export async function deriveInWorkers(
  jobs: readonly VerdictJob[],
  setup: PoolSetup,
  workers: number,
  bootstrap: string,
  onVerdict?: (key: string, verdict: Verdict, stats: CacheStats) => void,
): Promise<{ verdicts: Map<string, Verdict>; stats: CacheStats }> {
  const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const verdicts = new Map<string, Verdict>();
  const stats: CacheStats = { hits: 0, misses: 0 };
  const pool = Array.from({ length: Math.max(1, Math.min(workers, jobs.length)) }, () => new Worker(bootstrap, { eval: true, workerData: setup }));
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let answered = false;
            worker.on('message', (reply: JobsReply) => {
              stats.hits += reply.stats.hits;
              stats.misses += reply.stats.misses;
              for (const [key, verdict] of reply.verdicts) {
                verdicts.set(key, verdict);
                onVerdict?.(key, verdict, reply.stats);
              }
              if (!reply.done) return;
              answered = true;
              resolve();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (!answered) reject(new Error(`a check worker stopped (exit code ${code}) before its work was done`));
            });
            worker.postMessage({ jobs, next } satisfies JobsRequest);
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  if (verdicts.size < new Set(jobs.map((job) => job.key)).size) throw new Error('the check workers left verdicts underived');
  return { verdicts, stats };
}
