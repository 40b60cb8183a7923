/**
 * `node --import tsx scripts/prefetch-verdicts.ts`: the verdict prefetch (src/verification/prefetch.ts),
 * as scripts/astro-build.mjs runs it beside `astro build`, in the project's folder, with the build's
 * VERDICT_CACHE_DIR; it stops once the file FORMULA_PREFETCH_STOP names exists. It prints one line
 * saying what it did; a failure is printed in one line too and leaves the build's check the work
 * (exit code 0 either way: the prefetch never decides a build).
 */
import { existsSync } from 'node:fs';
import { listNoteFiles } from '../src/site/notes.js';
import { verdictCacheDir } from '../src/verification/cache-dir.mjs';
import { engineFingerprint, PageCache, pipelineFingerprint } from '../src/verification/page-cache.js';

const root = process.cwd();
const cacheDir = verdictCacheDir(root);
const stopFile = process.env.FORMULA_PREFETCH_STOP;
const started = performance.now();
try {
  // A warm build's notes are all in the page cache: seen with light modules only, before the engine
  // and the Markdown pipeline load (they would take a second of the core Astro is starting on).
  const notes = listNoteFiles(root);
  const pages = new PageCache(cacheDir, pipelineFingerprint(root, engineFingerprint(root)));
  const whole = notes.every((note) => pages.has(note.path, note.text));
  const result = whole
    ? { derived: 0, cached: 0, notes: notes.length, wholeNotes: notes.length, derivedNotes: 0, stopped: false }
    : await (await import('../src/verification/prefetch.js')).prefetchVerdicts({ root, cacheDir, shouldStop: () => stopFile !== undefined && existsSync(stopFile) });
  const ms = Math.round(performance.now() - started);
  const end = result.stopped ? `stopped after ${ms} ms, when the build's check began` : `done in ${ms} ms, every note`;
  console.error(`verdict prefetch: ${result.derived} verdict(s) derived, ${result.cached} already cached, ${result.wholeNotes} note(s) cached whole, widget data and report formulas of ${result.derivedNotes} made; ${end}`);
} catch (error) {
  console.error(`verdict prefetch stopped by an error (the build's check does its work): ${error instanceof Error ? error.message : String(error)}`);
}
