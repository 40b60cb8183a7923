/**
 * The real build on a fixture site: a deliberate error fails `astro build` with the formula's
 * file:line:column, the counterexample and the did-you-mean, and (on GitHub Actions) an annotation.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { fixtureSite } from '../helpers/fixture-site.js';
import { ROOT } from '../helpers/site.js';

const note = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'verify', name, 'zh.md'), 'utf8');

function build(site: string): { status: number | null; output: string } {
  const result = spawnSync('npx', ['astro', 'build'], {
    cwd: site,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_ACTIONS: 'true', VERDICT_CACHE_DIR: join(site, '.cache') },
    timeout: 240_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

test('a wrong formula fails the build, with every problem placed and explained', () => {
  const site = fixtureSite('failing-build-', note('deliberate-error'));
  const { status, output } = build(site);
  expect(status).not.toBe(0);
  // Only a check that passes stamps its inputs as checked (the next build's prefetch then starts).
  expect(existsSync(join(site, '.cache', 'inputs-stamp.json'))).toBe(false);
  expect(output).toContain('2 formula problem(s)');
  expect(output).toContain('content/notes/fixture/zh.md:19:1: mismatch:');
  expect(output).toContain('content/notes/fixture/en.md:19:1: mismatch:');
  expect(output).toMatch(/did you mean: .*transpose/);
  expect(output).toContain('counterexample');
  expect(output).toContain('::error file=content/notes/fixture/zh.md,line=19,col=1,title=formula mismatch::');
}, 300_000);

test('wrong formulas in two notes fail the build with both notes\' problems (and none of a correct third note)', () => {
  const wrong = note('deliberate-error');
  const right = wrong.replace(String.raw`= ba^T`, String.raw`= ab^T`);
  expect(right).not.toBe(wrong);
  const { status, output } = build(fixtureSite('failing-build-two-', wrong, { correct: right, second: wrong }));
  expect(status).not.toBe(0);
  // Every problem of every note in one message: the notes with problems wait for the whole site's check.
  expect(output).toContain('4 formula problem(s)');
  for (const file of ['fixture/zh.md', 'fixture/en.md', 'second/zh.md', 'second/en.md']) expect(output).toContain(`content/notes/${file}:19:1: mismatch:`);
  expect(output).not.toContain('content/notes/correct/');
}, 300_000);
