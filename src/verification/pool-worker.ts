/**
 * A worker thread of the check pool (./pool.ts): it receives units of pages (a note's languages),
 * checks each page in order with its own engine and the shared on-disk verdict cache, and posts the
 * results back with the cache hits and misses the unit made.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Verdict } from '../engine/index.js';
import { VerdictCache } from './cache.js';
import { createChecker } from './check-page.js';
import { verifyPage } from './page-result.js';
import type { PoolSetup, UnitReply, UnitRequest } from './pool.js';

const setup = workerData as PoolSetup;
const cache = new VerdictCache<Verdict>(setup.cacheDir);
const checker = createChecker(cache, setup.engineFingerprint);
const port = parentPort;
if (!port) throw new Error('pool-worker.ts runs only as a worker thread');

port.on('message', (request: UnitRequest) => {
  const { hits, misses } = cache.stats;
  const results = request.pages.map((page) => verifyPage(page, checker));
  const reply: UnitReply = { unit: request.unit, results, stats: { hits: cache.stats.hits - hits, misses: cache.stats.misses - misses } };
  port.postMessage(reply);
});
