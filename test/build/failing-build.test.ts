/**
 * The real build on a fixture site: a deliberate error fails `astro build` with the formula's
 * file:line:column, the counterexample and the did-you-mean, and (on GitHub Actions) an annotation.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { fixtureSite } from '../helpers/fixture-site.js';
import { ROOT } from '../helpers/site.js';

function fixture(name: string): string {
  return fixtureSite('failing-build-', readFileSync(join(ROOT, 'test', 'fixtures', 'verify', name, 'zh.md'), 'utf8'));
}

test('a wrong formula fails the build, with every problem placed and explained', () => {
  const site = fixture('deliberate-error');
  const result = spawnSync('npx', ['astro', 'build'], {
    cwd: site,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_ACTIONS: 'true', VERDICT_CACHE_DIR: join(site, '.cache') },
    timeout: 240_000,
  });
  const output = `${result.stdout}\n${result.stderr}`;
  expect(result.status).not.toBe(0);
  expect(output).toContain('2 formula problem(s)');
  expect(output).toContain('content/notes/fixture/zh.md:19:1: mismatch:');
  expect(output).toContain('content/notes/fixture/en.md:19:1: mismatch:');
  expect(output).toMatch(/did you mean: .*transpose/);
  expect(output).toContain('counterexample');
  expect(output).toContain('::error file=content/notes/fixture/zh.md,line=19,col=1,title=formula mismatch::');
}, 300_000);
