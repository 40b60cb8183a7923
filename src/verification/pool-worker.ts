/**
 * A worker thread of the check pool (./pool.ts): it receives the list of verdict jobs, takes the
 * next job not yet taken (a shared counter) until none is left, derives each with its own engine
 * and the shared on-disk verdict cache (exactly as the main thread's checker does), posts each
 * verdict back as it is derived, with the cache hit or miss it made, then says it is done.
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
  for (let index = Atomics.add(next, 0, 1); index < jobs.length; index = Atomics.add(next, 0, 1)) {
    const job = jobs[index];
    // Each verdict as soon as it is derived (posting never waits): a page whose verdicts are all in can be checked while the rest are derived.
    const before = { ...cache.stats };
    const verdict = checker.verify(job.latex, job.context, job.options);
    const reply: JobsReply = { verdicts: [[job.key, verdict]], stats: { hits: cache.stats.hits - before.hits, misses: cache.stats.misses - before.misses } };
    port.postMessage(reply);
  }
  const done: JobsReply = { verdicts: [], stats: { hits: 0, misses: 0 }, done: true };
  port.postMessage(done);
});
