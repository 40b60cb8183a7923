/**
 * A worker thread of the check pool (./pool.ts): it receives the list of verdict jobs, takes the
 * next job not yet taken (a shared counter) until none is left, derives each with its own engine
 * and the shared on-disk verdict cache (exactly as the main thread's checker does), and posts its
 * verdicts back with the cache hits and misses it made.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Verdict } from '../engine/index.js';
import { VerdictCache } from './cache.js';
import { createChecker } from './check-page.js';
import type { JobsReply, JobsRequest, PoolSetup } from './pool.js';

const setup = workerData as PoolSetup;
const cache = new VerdictCache<Verdict>(setup.cacheDir);
const checker = createChecker(cache, setup.engineFingerprint);
const port = parentPort;
if (!port) throw new Error('pool-worker.ts runs only as a worker thread');

port.on('message', ({ jobs, next }: JobsRequest) => {
  const verdicts: [string, Verdict][] = [];
  for (let index = Atomics.add(next, 0, 1); index < jobs.length; index = Atomics.add(next, 0, 1)) {
    const job = jobs[index];
    verdicts.push([job.key, checker.verify(job.latex, job.context, job.options)]);
  }
  const reply: JobsReply = { verdicts, stats: { ...cache.stats } };
  port.postMessage(reply);
});
