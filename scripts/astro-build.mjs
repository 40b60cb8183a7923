/**
 * `npm run build` runs `astro build` through this launcher, with Node's heap bounded.
 *
 * Left to itself, V8 grows the heap of a long build toward its default limit (a quarter of the
 * machine's memory) before it collects: the benchmark's 10,000-formula site peaked at 2.2 GB with
 * checking off, though it builds with the heap capped at 500 MB in the same time — the rest was
 * garbage not yet collected. A bound makes V8 collect it. `BUILD_HEAP_MB` sets the bound (default
 * {@link DEFAULT_HEAP_MB}); a site that outgrows it fails with a message that says so and what to
 * set, not with V8's stack dump alone. Arguments are passed on to `astro build`.
 *
 * Beside the build it starts the verdict prefetch (scripts/prefetch-verdicts.ts, see
 * src/verification/prefetch.ts): while Astro starts on one core, the prefetch derives verdicts on
 * another into the verdict cache, and stops when the build's own check begins (the integration
 * creates the file FORMULA_PREFETCH_STOP names). Not with `FORMULA_CHECK=off` (nothing to check)
 * or `FORMULA_PREFETCH=off` (to measure what it saves), and not when nothing the verdict cache was
 * made from changed since the last build whose check passed (src/verification/input-stamp.mjs: the
 * prefetch would find every note cached whole).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { verdictCacheDir } from '../src/verification/cache-dir.mjs';
import { inputsUnchanged } from '../src/verification/input-stamp.mjs';

/** The default bound of the old-generation heap, MB (see BENCHMARKS.md for what builds need). */
const DEFAULT_HEAP_MB = 512;

const heapMb = Number(process.env.BUILD_HEAP_MB ?? DEFAULT_HEAP_MB);
if (!Number.isInteger(heapMb) || heapMb < 128) {
  console.error(`BUILD_HEAP_MB must be a whole number of megabytes, at least 128 (got ${JSON.stringify(process.env.BUILD_HEAP_MB)})`);
  process.exit(2);
}
console.error(`astro build, Node's heap bounded at ${heapMb} MB (BUILD_HEAP_MB)`);
const astro = join(dirname(createRequire(join(process.cwd(), 'package.json')).resolve('astro/package.json')), 'bin', 'astro.mjs');

/** The prefetch, started beside the build, and the folder of its stop file. */
function startPrefetch() {
  const folder = mkdtempSync(join(tmpdir(), 'verdict-prefetch-'));
  const stopFile = join(folder, 'stop');
  const script = fileURLToPath(new URL('./prefetch-verdicts.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, FORMULA_PREFETCH_STOP: stopFile } });
  return { child, folder, stopFile };
}
/** Whether to start the prefetch, or why not (printed). */
function prefetchWanted() {
  if (process.env.FORMULA_CHECK === 'off' || process.env.FORMULA_PREFETCH === 'off') return false;
  if (inputsUnchanged(process.cwd(), verdictCacheDir(process.cwd()))) {
    console.error('verdict prefetch: not started, no note or checking source changed since the last checked build (the verdict cache holds every note)');
    return false;
  }
  return true;
}
const prefetch = prefetchWanted() ? startPrefetch() : undefined;

const child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, astro, 'build', ...process.argv.slice(2)], {
  stdio: ['inherit', 'inherit', 'pipe'],
  env: prefetch ? { ...process.env, FORMULA_PREFETCH_STOP: prefetch.stopFile } : process.env,
});
// Passed through as it comes; the end is kept to recognise V8's out-of-memory report.
let tail = '';
child.stderr.on('data', (chunk) => {
  process.stderr.write(chunk);
  tail = (tail + chunk).slice(-4096);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => [child, prefetch?.child].forEach((process) => process?.kill(signal)));
child.on('close', (code, signal) => {
  // Whatever it has not derived by now, the build did: a prefetch still running has nothing left to save.
  if (prefetch) {
    prefetch.child.kill();
    rmSync(prefetch.folder, { recursive: true, force: true });
  }
  if (/heap out of memory|Reached heap limit/.test(tail)) {
    console.error(`\nThe build ran out of its ${heapMb} MB heap. A larger site needs more: BUILD_HEAP_MB=${heapMb * 2} npm run build`);
  }
  process.exit(code ?? (signal ? 1 : 0));
});
