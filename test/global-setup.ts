/**
 * Vitest global setup: the site tests read dist/, so build it first when it is missing
 * (CI builds before testing; this keeps `npm test` alone working on a fresh clone). The tests make
 * throwaway projects, caches and sites in the system's temporary folder: they all go in one folder
 * of this run (TMPDIR, which the test workers and every process they start inherit), removed when
 * the run ends, so that a run leaves nothing behind however its tests end.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = join(import.meta.dirname, '..');
  if (!existsSync(join(root, 'dist', 'index.html'))) {
    console.log('dist/ is missing: running `npm run build` once before the tests');
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  }
  const scratch = mkdtempSync(join(tmpdir(), 'matrix-calculus-tests-'));
  process.env.TMPDIR = scratch;
  return () => rmSync(scratch, { recursive: true, force: true });
}
