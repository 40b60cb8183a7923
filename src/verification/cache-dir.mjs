// @ts-check
/**
 * Where a build's verdict cache lives: `VERDICT_CACHE_DIR`, else `.cache/verdicts`, relative to the
 * project root. Plain JavaScript, so that the build launcher (scripts/astro-build.mjs) finds the
 * cache as the build and the verdict prefetch do, without a TypeScript loader.
 */
import { join, resolve } from 'node:path';

/** The verdict cache folder when `VERDICT_CACHE_DIR` is not set, relative to the project root. */
export const DEFAULT_CACHE_DIR = join('.cache', 'verdicts');

/**
 * The absolute verdict cache folder of a project's build.
 *
 * @param {string} root Project root.
 * @returns {string}
 */
export function verdictCacheDir(root) {
  return resolve(root, process.env.VERDICT_CACHE_DIR ?? DEFAULT_CACHE_DIR);
}
