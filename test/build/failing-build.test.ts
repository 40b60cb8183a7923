/**
 * The real build on a fixture site: a deliberate error fails `astro build` with the formula's
 * file:line:column, the counterexample and the did-you-mean, and (on GitHub Actions) an annotation.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from '../helpers/site.js';

function fixtureSite(fixture: string): string {
  const site = mkdtempSync(join(tmpdir(), 'failing-build-'));
  symlinkSync(join(ROOT, 'node_modules'), join(site, 'node_modules'));
  // Copied, not linked: Vite resolves a linked src/ to its real path and then misses the site's components.
  cpSync(join(ROOT, 'src'), join(site, 'src'), { recursive: true });
  for (const file of ['astro.config.mjs', 'package.json', 'tsconfig.json']) copyFileSync(join(ROOT, file), join(site, file));
  mkdirSync(join(site, 'content', 'notes', 'fixture'), { recursive: true });
  copyFileSync(join(ROOT, 'content', 'glossary.yaml'), join(site, 'content', 'glossary.yaml'));
  const note = join(ROOT, 'test', 'fixtures', 'verify', fixture, 'zh.md');
  copyFileSync(note, join(site, 'content', 'notes', 'fixture', 'zh.md'));
  copyFileSync(note, join(site, 'content', 'notes', 'fixture', 'en.md'));
  return site;
}

test('a wrong formula fails the build, with every problem placed and explained', () => {
  const site = fixtureSite('deliberate-error');
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
