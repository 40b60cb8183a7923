import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BYTES_CODEC, DEFAULT_CACHE_DIR, VerdictCache } from '../../src/verification/cache.js';
import { createSiteVerification } from '../../src/verification/site.js';
import { githubAnnotation } from '../../src/verification/format.js';
import { ROOT } from '../helpers/site.js';
import type { PackedContext } from '../../src/engine/index.js';

function fixtureRoot(name: string): string {
  const root = mkdtempSync(join(tmpdir(), `cache-${name}-`));
  mkdirSync(join(root, 'content', 'notes', 'fixture'), { recursive: true });
  copyFileSync(join(ROOT, 'test', 'fixtures', 'verify', name, 'zh.md'), join(root, 'content', 'notes', 'fixture', 'zh.md'));
  return root;
}

test('a warm cache re-derives nothing unchanged; a changed formula is derived again', async () => {
  const root = fixtureRoot('deliberate-error');
  const cold = createSiteVerification({ root });
  await cold.report();
  expect(cold.cacheStats()).toEqual({ hits: 0, misses: 2 });

  const warm = createSiteVerification({ root });
  const report = await warm.report();
  expect(warm.cacheStats()).toEqual({ hits: 2, misses: 0 });
  expect(report.formulas.map((f) => f.status)).toEqual(['verified', 'mismatch']);

  const file = join(root, 'content', 'notes', 'fixture', 'zh.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace('= ba^T', '= ab^T'));
  const edited = createSiteVerification({ root });
  expect((await edited.report()).formulas.map((f) => f.status)).toEqual(['verified', 'verified']);
  expect(edited.cacheStats()).toEqual({ hits: 1, misses: 1 });
});

test('a note saved while the site verification lives (astro dev) is read and checked again, an edit of the same length included', async () => {
  const root = fixtureRoot('deliberate-error');
  const site = createSiteVerification({ root, cacheDir: false });
  const note = join('content', 'notes', 'fixture', 'zh.md');
  expect((await site.verifyFile(note)).records.map((f) => f.status)).toEqual(['verified', 'mismatch']);
  const before = site.readPage(note);
  expect((await site.report()).formulas.map((f) => f.status)).toEqual(['verified', 'mismatch']);

  const file = join(root, note);
  const edited = readFileSync(file, 'utf8').replace('= ba^T', '= ab^T');
  expect(edited.length).toBe(before.text.length);
  writeFileSync(file, edited);
  expect(site.readPage(note).key).not.toBe(before.key);
  expect((await site.verifyFile(note)).records.map((f) => f.status)).toEqual(['verified', 'verified']);
  expect((await site.report()).formulas.map((f) => f.status)).toEqual(['verified', 'verified']);
});

test('the two languages of a formula are derived once', async () => {
  const root = fixtureRoot('deliberate-error');
  const zh = join(root, 'content', 'notes', 'fixture', 'zh.md');
  writeFileSync(join(root, 'content', 'notes', 'fixture', 'en.md'), readFileSync(zh, 'utf8').replace('## 例子', '## Example'));
  const site = createSiteVerification({ root, cacheDir: false });
  const report = await site.report();
  expect(report.formulas).toHaveLength(4);
  expect(site.cacheStats().misses).toBe(2);
});

test('a GitHub annotation names file, line and column, and escapes its message', async () => {
  const site = createSiteVerification({ root: fixtureRoot('deliberate-error'), cacheDir: false });
  const [record] = (await site.problems()).records;
  const annotation = githubAnnotation(record);
  expect(annotation).toMatch(/^::error file=content\/notes\/fixture\/zh\.md,line=19,col=1,title=formula mismatch::/);
  expect(annotation).not.toContain('\n');
  expect(annotation).toContain('%0A  counterexample');
});

test("a page read back from the page cache has the check's contexts, their equal values shared", async () => {
  const root = fixtureRoot('deliberate-error');
  const cold = await createSiteVerification({ root }).verifyFile('content/notes/fixture/zh.md');
  const warm = await createSiteVerification({ root }).verifyFile('content/notes/fixture/zh.md');
  expect(warm).toEqual(cold);
  const [first, second] = Object.values(warm.contexts);
  expect(first.symbols).toEqual(second.symbols);
  // Records are stored entry by entry: each declaration is one object, whichever context holds it.
  const [name] = Object.keys(first.symbols ?? {});
  expect(first.symbols?.[name]).toBe(second.symbols?.[name]);
});

test('a page cache file holds each distinct part of its contexts once, and reads back as the check made it', async () => {
  const root = mkdtempSync(join(tmpdir(), 'page-parts-'));
  const slug = 'vector-and-matrix-differentials';
  const note = join('content', 'notes', slug, 'en.md');
  mkdirSync(join(root, 'content', 'notes', slug), { recursive: true });
  copyFileSync(join(ROOT, note), join(root, note));
  const cacheDir = join(root, '.cache');
  const cold = await createSiteVerification({ root, cacheDir, parallel: false }).verifyFile(note);
  const files = (readdirSync(join(cacheDir, 'pages'), { recursive: true }) as string[]).filter((file) => file.endsWith('.page'));
  expect(files).toHaveLength(1);
  // Two lines: the records and problems, then the contexts (parsed only when asked for).
  const [head, contexts, ...rest] = readFileSync(join(cacheDir, 'pages', files[0]), 'utf8').split('\n');
  expect(rest).toEqual([]);
  expect(JSON.parse(head).records).toEqual(JSON.parse(JSON.stringify(cold.records)));
  const stored = JSON.parse(contexts) as { parts: unknown[]; contexts: Record<string, PackedContext> };
  const texts = stored.parts.map((part) => JSON.stringify(part));
  expect(new Set(texts).size).toBe(texts.length);
  // A field's index, or a record field's index per entry.
  const fields = Object.values(stored.contexts).flatMap((context) => Object.values(context).flatMap((at) => (typeof at === 'number' ? [at] : Object.values(at))));
  // Formulas share most parts: far fewer parts than fields and entries.
  expect(stored.parts.length).toBeLessThan(fields.length / 3);
  expect(Object.keys(stored.contexts)).toEqual(Object.keys(cold.contexts));
  const warm = await createSiteVerification({ root, cacheDir, parallel: false }).verifyFile(note);
  expect(warm).toEqual(cold);
});

test('a warm page is checked from its records alone: its contexts are parsed only for what compiles from them (the widget data)', async () => {
  const root = fixtureRoot('deliberate-error');
  const cacheDir = join(root, DEFAULT_CACHE_DIR);
  const cold = createSiteVerification({ root });
  const report = await cold.report();
  // Damage the contexts line of the page file; the records line stays as written.
  const folder = join(cacheDir, 'pages');
  const [file] = (readdirSync(folder, { recursive: true }) as string[]).filter((name) => name.endsWith('.page'));
  const [head] = readFileSync(join(folder, file), 'utf8').split('\n');
  writeFileSync(join(folder, file), `${head}\n{"parts": [`);
  const warm = createSiteVerification({ root });
  expect(await warm.report()).toEqual(report);
  expect(warm.cacheStats().misses).toBe(0);
  const page = await warm.verifyFile('content/notes/fixture/zh.md');
  expect(() => page.contexts).toThrow(/page cache file .*\.page has unreadable contexts .*delete the verdict cache's pages\/ folder and build again/);
});

test('a value reads back from the cache as it was written, an infinite error included', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cache-round-trip-'));
  const value = { error: Number.POSITIVE_INFINITY, low: Number.NEGATIVE_INFINITY, nan: Number.NaN, steps: [{ error: 0.5 }, { error: Number.POSITIVE_INFINITY }], text: '$number' };
  const key = VerdictCache.key({ round: 'trip' });
  new VerdictCache<typeof value>(dir).getOrCompute(key, () => value);
  expect(new VerdictCache<typeof value>(dir).peek(key)).toEqual(value);
});

test('a page checked again from cached verdicts (its page cache gone) reports what the cold check did, a shape conflict included', async () => {
  const root = mkdtempSync(join(tmpdir(), 'verdicts-only-'));
  const slug = 'derivative-cheatsheet';
  mkdirSync(join(root, 'content', 'notes', slug), { recursive: true });
  for (const lang of ['zh', 'en']) copyFileSync(join(ROOT, 'content', 'notes', slug, `${lang}.md`), join(root, 'content', 'notes', slug, `${lang}.md`));
  const cacheDir = join(root, '.cache');
  const cold = await createSiteVerification({ root, cacheDir, parallel: false }).report();
  // The cheatsheet's erratum fails on a shape conflict: no finite error, so no originalError.
  expect(cold.formulas.some((f) => f.erratum && f.originalError === undefined)).toBe(true);
  rmSync(join(cacheDir, 'pages'), { recursive: true });
  const fromVerdicts = createSiteVerification({ root, cacheDir, parallel: false });
  expect(await fromVerdicts.report()).toEqual(cold);
  expect(fromVerdicts.cacheStats().misses).toBe(0);
});

describe('a stored file written out (VerdictCache.copyTo): linked, never written through', () => {
  const bytes = (text: string) => new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;
  const stored = (dir: string, key: string) => join(dir, key.slice(0, 2), `${key}.raw`);
  const other = '/dev/shm';
  const otherFileSystem = existsSync(other) && statSync(other).dev !== statSync(tmpdir()).dev;

  test.each([
    { where: 'beside the cache', out: () => mkdtempSync(join(tmpdir(), 'cache-out-')), linked: true },
    // Skipped where no second file system is mounted at /dev/shm: the copy then cannot be told from a link's fallback.
    ...(otherFileSystem ? [{ where: 'on another file system', out: () => mkdtempSync(join(other, 'cache-out-')), linked: false }] : []),
  ])('$where: a hit is a link when the file system allows one, else a copy, with the stored bytes', ({ out, linked }) => {
    const dir = mkdtempSync(join(tmpdir(), 'cache-link-'));
    const key = VerdictCache.key({ link: 1 });
    new VerdictCache(dir, { memory: false, codec: BYTES_CODEC }).getOrCompute(key, () => bytes('{"a":1}'));
    const dest = join(out(), 'page.json');
    const warm = new VerdictCache(dir, { memory: false, codec: BYTES_CODEC });
    warm.copyTo(key, () => bytes('never made'), dest);
    expect(warm.stats).toEqual({ hits: 1, misses: 0 });
    expect(readFileSync(dest, 'utf8')).toBe('{"a":1}');
    expect(statSync(dest).ino === statSync(stored(dir, key)).ino).toBe(linked);
  });

  test('a file written where a link to a stored file was replaces the link; the stored file keeps its bytes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cache-link-'));
    const first = VerdictCache.key({ link: 'first' });
    const second = VerdictCache.key({ link: 'second' });
    new VerdictCache(dir, { memory: false, codec: BYTES_CODEC }).getOrCompute(first, () => bytes('first'));
    const dest = join(mkdtempSync(join(tmpdir(), 'cache-out-')), 'page.json');
    const cache = new VerdictCache(dir, { memory: false, codec: BYTES_CODEC });
    cache.copyTo(first, () => bytes('never made'), dest);
    cache.copyTo(second, () => bytes('second, made'), dest); // A miss: made, stored and written.
    expect(cache.stats).toEqual({ hits: 1, misses: 1 });
    expect(readFileSync(dest, 'utf8')).toBe('second, made');
    expect(readFileSync(stored(dir, first), 'utf8')).toBe('first');
  });
});
