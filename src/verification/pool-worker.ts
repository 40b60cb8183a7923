/**
 * A worker thread of the check pool (./pool.ts): it receives batches of verdict jobs, derives each
 * with its own engine and the shared on-disk verdict cache (exactly as the main thread's checker
 * does), and posts the verdicts back with the cache hits and misses the batch made.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Verdict } from '../engine/index.js';
import { VerdictCache } from './cache.js';
import { createChecker } from './check-page.js';
import type { BatchReply, BatchRequest, PoolSetup } from './pool.js';

const setup = workerData as PoolSetup;
const cache = new VerdictCache<Verdict>(setup.cacheDir);
const checker = createChecker(cache, setup.engineFingerprint);
const port = parentPort;
if (!port) throw new Error('pool-worker.ts runs only as a worker thread');

port.on('message', (request: BatchRequest) => {
  const { hits, misses } = cache.stats;
  const verdicts = request.jobs.map((job): [string, Verdict] => [job.key, checker.verify(job.latex, job.context, job.options)]);
  const reply: BatchReply = { batch: request.batch, verdicts, stats: { hits: cache.stats.hits - hits, misses: cache.stats.misses - misses } };
  port.postMessage(reply);
});
