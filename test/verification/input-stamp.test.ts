/**
 * The stamp of a verdict cache's inputs (src/verification/input-stamp.mjs): unchanged files read as
 * unchanged, and every kind of change an author or a checkout makes to the notes or the checking
 * sources reads as changed — the launcher then starts the verdict prefetch.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { inputsUnchanged, STAMP_FILE, stampInputs, writeStamp } from '../../src/verification/input-stamp.mjs';
import { pageCacheInputs } from '../../src/verification/page-cache.js';

const INPUTS = { folders: ['notes', 'engine'], files: ['references.yaml', 'package-lock.json'] };

/** A project with a note, an engine source and one of the two stamped files (the lock file is missing). */
function project(): { root: string; cacheDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'input-stamp-'));
  mkdirSync(join(root, 'notes', 'a'), { recursive: true });
  mkdirSync(join(root, 'engine'), { recursive: true });
  writeFileSync(join(root, 'notes', 'a', 'zh.md'), '# 笔记\n\n$$x=x$$\n');
  writeFileSync(join(root, 'engine', 'index.ts'), 'export const one = 1;\n');
  writeFileSync(join(root, 'references.yaml'), 'a: {}\n');
  const cacheDir = join(root, 'cache');
  writeStamp(cacheDir, stampInputs(root, INPUTS));
  return { root, cacheDir };
}

describe('the input stamp', () => {
  test('files as stamped read as unchanged', () => {
    const { root, cacheDir } = project();
    expect(inputsUnchanged(root, cacheDir)).toBe(true);
  });

  const later = new Date(Date.now() + 5000);
  test.each<[string, (root: string) => void]>([
    ['a note edited', (root) => writeFileSync(join(root, 'notes', 'a', 'zh.md'), '# 笔记\n\n$$x=y$$\n')],
    ['a note saved again with the same text (its time changes)', (root) => utimesSync(join(root, 'notes', 'a', 'zh.md'), later, later)],
    ['a note added', (root) => writeFileSync(join(root, 'notes', 'a', 'en.md'), '# Note\n')],
    ['a note folder added', (root) => mkdirSync(join(root, 'notes', 'b'))],
    ['a note deleted', (root) => rmSync(join(root, 'notes', 'a', 'zh.md'))],
    ['an engine source edited to the same size', (root) => writeFileSync(join(root, 'engine', 'index.ts'), 'export const one = 2;\n')],
    ['a stamped file deleted', (root) => rmSync(join(root, 'references.yaml'))],
    ['a stamped file that was missing appears', (root) => writeFileSync(join(root, 'package-lock.json'), '{}\n')],
    ['a stamped folder deleted', (root) => rmSync(join(root, 'engine'), { recursive: true })],
  ])('%s: changed', (_, change) => {
    const { root, cacheDir } = project();
    change(root);
    expect(inputsUnchanged(root, cacheDir)).toBe(false);
  });

  test.each<[string, (cacheDir: string) => void]>([
    ['no stamp', (cacheDir) => rmSync(join(cacheDir, STAMP_FILE))],
    ['no verdict cache', (cacheDir) => rmSync(cacheDir, { recursive: true })],
    ['a stamp cut short', (cacheDir) => writeFileSync(join(cacheDir, STAMP_FILE), '{"folders":{')],
    ['a stamp of something else', (cacheDir) => writeFileSync(join(cacheDir, STAMP_FILE), '[]')],
  ])('%s: read as changed', (_, damage) => {
    const { root, cacheDir } = project();
    damage(cacheDir);
    expect(inputsUnchanged(root, cacheDir)).toBe(false);
  });

  test('the site stamps the notes, the engine, the pipeline and the files its page cache keys read', () => {
    const inputs = pageCacheInputs();
    expect(inputs.folders).toEqual([join('content', 'notes'), join('src', 'engine'), join('src', 'markdown'), join('src', 'verification')]);
    expect(inputs.files).toEqual(expect.arrayContaining([join('content', 'references.yaml'), 'package-lock.json']));
  });
});
