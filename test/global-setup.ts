/**
 * Vitest global setup: the site tests read dist/, so build it first when it is missing
 * (CI builds before testing; this keeps `npm test` alone working on a fresh clone).
 */
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function setup(): void {
  const root = join(import.meta.dirname, '..');
  if (existsSync(join(root, 'dist', 'index.html'))) return;
  console.log('dist/ is missing: running `npm run build` once before the tests');
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}
