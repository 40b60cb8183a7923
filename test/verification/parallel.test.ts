/**
 * Checking in parallel (worker threads) gives exactly what checking on one thread gives: the same
 * records, problems and per-formula contexts, on real notes (definitions, errata, declarations), a
 * deliberate error and synthetic notes, also when one long page is spread over the workers; the
 * predicted verdicts are the ones the check asks for; and the pool starts only when it can pay.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeSyntheticNotes } from '../../scripts/bench/synthetic-site.js';
import { parseNote } from '../../src/markdown/parse-note.js';
import { listNoteFiles } from '../../src/site/notes.js';
import { verifyEachPage, workerCount } from '../../src/verification/batch.js';
import type { Verdict } from '../../src/engine/index.js';
import { VerdictCache } from '../../src/verification/cache.js';
import { createChecker, type PageCheckInput } from '../../src/verification/check-page.js';
import { collectFormulas } from '../../src/verification/collect.js';
import { verifyPage } from '../../src/verification/page-result.js';
import { deriveInWorkers, workerBootstrap } from '../../src/verification/pool.js';
import { predictedPageJobs } from '../../src/verification/speculate.js';
import { verdictKey } from '../../src/verification/check-page.js';
import { createSiteVerification } from '../../src/verification/site.js';
import { ROOT } from '../helpers/site.js';

/** Notes whose formulas each check well inside the engine's time budget (so trials never depend on load). */
const REAL_NOTES = ['derivative-cheatsheet', 'vector-and-matrix-differentials'];

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'parallel-check-'));
  for (const slug of REAL_NOTES) cpSync(join(ROOT, 'content', 'notes', slug), join(root, 'content', 'notes', slug), { recursive: true });
  cpSync(join(ROOT, 'content', 'references.yaml'), join(root, 'content', 'references.yaml'));
  mkdirSync(join(root, 'content', 'notes', 'fixture'), { recursive: true });
  const deliberate = join(ROOT, 'test', 'fixtures', 'verify', 'deliberate-error', 'zh.md');
  cpSync(deliberate, join(root, 'content', 'notes', 'fixture', 'zh.md'));
  cpSync(deliberate, join(root, 'content', 'notes', 'fixture', 'en.md'));
  writeSyntheticNotes(root, { formulas: 90, pages: 3, seed: 3 });
  return root;
}

async function pageInputs(root: string): Promise<PageCheckInput[]> {
  return Promise.all(
    listNoteFiles(root).map(async (note) => {
      const { tree } = await parseNote(note.text, note.path, { references: {} });
      return { file: note.path, slug: note.slug, lang: note.lang, convention: note.frontmatter.convention as 'denominator' | undefined, formulas: collectFormulas(tree, note.text) };
    }),
  );
}

describe('the check pool', () => {
  const root = project();

  test('workers derive the verdicts one thread derives, and the predictions are the verdicts the check asks for', async () => {
    const inputs = await pageInputs(root);
    const serialChecker = createChecker(new VerdictCache(undefined), 'test');
    const asked = new Set<string>();
    const recording = { ...serialChecker, verify: (latex: string, context: never, options?: never) => (asked.add(verdictKey(latex, context, 'test', options)), serialChecker.verify(latex, context, options)) };
    const serial = inputs.map((input) => verifyPage(input, recording));
    const { jobs } = predictedPageJobs(inputs, serialChecker.engine, 'test');
    // Every verdict the check asks for was predicted, and nothing else (on these notes).
    expect(new Set(jobs.map((job) => job.key))).toEqual(asked);
    const bootstrap = workerBootstrap();
    expect(bootstrap).toBeDefined();
    const { verdicts, stats } = await deriveInWorkers(jobs, { engineFingerprint: 'test' }, 2, bootstrap as string);
    expect(stats).toEqual({ hits: 0, misses: jobs.length });
    for (const job of jobs) expect(verdicts.get(job.key), job.latex).toEqual(serialChecker.verify(job.latex, job.context, job.options));
    expect(serial.flatMap((page) => page.records.map((record) => record.status))).toContain('mismatch');
    expect(serial.flatMap((page) => page.records.map((record) => record.status))).toContain('erratum');
  }, 120_000);

  test('one long page spread over the workers reports exactly what a serial check reports', async () => {
    const single = mkdtempSync(join(tmpdir(), 'parallel-one-page-'));
    cpSync(join(ROOT, 'content', 'notes', REAL_NOTES[1]), join(single, 'content', 'notes', REAL_NOTES[1]), { recursive: true });
    cpSync(join(ROOT, 'content', 'references.yaml'), join(single, 'content', 'references.yaml'));
    const serial = createSiteVerification({ root: single, cacheDir: false, parallel: false });
    const parallel = createSiteVerification({ root: single, cacheDir: false, parallel: { workers: 2, minFormulas: 1 } });
    expect(await parallel.report()).toEqual(await serial.report());
    for (const note of listNoteFiles(single)) expect(await parallel.verifyFile(note.path)).toEqual(await serial.verifyFile(note.path));
    expect(parallel.cacheStats()).toEqual(serial.cacheStats());
  }, 120_000);

  test('the whole site checked in parallel reports exactly what a serial check reports', async () => {
    const serial = createSiteVerification({ root, cacheDir: false, parallel: false });
    const parallel = createSiteVerification({ root, cacheDir: false, parallel: { workers: 2, minFormulas: 1 } });
    const [serialReport, parallelReport] = [await serial.report(), await parallel.report()];
    expect(parallelReport).toEqual(serialReport);
    expect(await parallel.problems()).toEqual(await serial.problems());
    for (const note of listNoteFiles(root)) expect(await parallel.verifyFile(note.path)).toEqual(await serial.verifyFile(note.path));
    // A note's second language is served by the first's verdicts in both: the same verdicts are derived.
    expect(parallel.cacheStats()).toEqual(serial.cacheStats());
  }, 120_000);

  test('each page settles as soon as its verdicts are in, while the workers still derive the others', async () => {
    const inputs = await pageInputs(root);
    const cache = new VerdictCache<Verdict>(undefined);
    let arrived = 0;
    const count = cache.count.bind(cache);
    cache.count = (hits = 0, misses = 0) => {
      arrived += misses;
      count(hits, misses);
    };
    const checker = createChecker(cache, 'test');
    const settledAfter: number[] = [];
    const pages = verifyEachPage(inputs, { checker, cache, engineFingerprint: 'test', parallel: { workers: 2, minFormulas: 1 } });
    pages.forEach((page, i) => void page.then(() => (settledAfter[i] = arrived)));
    const results = await Promise.all(pages);
    const jobs = predictedPageJobs(inputs, checker.engine, 'test').jobs.length;
    expect(arrived).toBe(jobs);
    // The first page was checked when part of the site's verdicts had arrived, not all of them.
    expect(settledAfter[0]).toBeLessThan(jobs);
    expect(results).toEqual(inputs.map((input) => verifyPage(input, createChecker(new VerdictCache(undefined), 'test'))));
  }, 120_000);

  test('a warm cache answers every page without deriving or parsing anything', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'parallel-cache-'));
    const cold = createSiteVerification({ root, cacheDir, parallel: { workers: 2, minFormulas: 1 } });
    const coldReport = await cold.report();
    expect(cold.cacheStats().misses).toBeGreaterThan(0);
    const warm = createSiteVerification({ root, cacheDir, parallel: { workers: 2, minFormulas: 1 } });
    expect(await warm.report()).toEqual(coldReport);
    expect(warm.cacheStats().misses).toBe(0);
    // Whole pages come from the page cache, contexts included.
    for (const note of listNoteFiles(root)) expect(await warm.verifyFile(note.path)).toEqual(await cold.verifyFile(note.path));
    expect(readdirSync(join(cacheDir, 'pages'), { recursive: true }).filter((file) => String(file).endsWith('.page'))).toHaveLength(listNoteFiles(root).length);
  }, 120_000);
});

describe('when the pool starts', () => {
  const page = (slug: string, formulas: number) => ({ file: `${slug}.md`, slug, lang: 'zh' as const, formulas: new Array(formulas).fill(undefined) });

  test.each([
    ['parallelism off', [page('a', 500), page('b', 500)], false, 1],
    ['too few formulas', [page('a', 10), page('b', 10)], { workers: 4 }, 1],
    ['one long page', [page('a', 500)], { workers: 4 }, 4],
    ['enough formulas', [page('a', 100), page('b', 100)], { workers: 2 }, 2],
    // A build's main thread renders pages meanwhile: a worker per core but that one (none on two cores).
    ['by default', [page('a', 100), page('b', 100)], {}, Math.max(1, availableParallelism() - 1)],
  ] as const)('%s', (_, pages, parallel, expected) => {
    expect(workerCount(pages as unknown as PageCheckInput[], parallel)).toBe(expected);
  });
});
