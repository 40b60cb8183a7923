/**
 * The verdict prefetch (src/verification/prefetch.ts) derives, into the verdict cache, exactly the
 * verdicts the build's check would derive, in the check's order, and stops before its next verdict
 * when told: whenever it stops, the check afterwards derives only the rest — together each verdict
 * once — and reports exactly what a check without a prefetch reports.
 */
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { listNoteFiles } from '../../src/site/notes.js';
import { reportFormulasHtml } from '../../src/site/report-math.js';
import { widgetFormulasJson } from '../../src/verification/compiled.js';
import { prefetchVerdicts } from '../../src/verification/prefetch.js';
import { createSiteVerification } from '../../src/verification/site.js';
import { ROOT } from '../helpers/site.js';

/** A project with one real note (definitions, an erratum) and a note with a wrong formula. */
function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'prefetch-'));
  cpSync(join(ROOT, 'content', 'notes', 'derivative-cheatsheet'), join(root, 'content', 'notes', 'derivative-cheatsheet'), { recursive: true });
  cpSync(join(ROOT, 'content', 'references.yaml'), join(root, 'content', 'references.yaml'));
  mkdirSync(join(root, 'content', 'notes', 'fixture'), { recursive: true });
  for (const lang of ['zh', 'en']) cpSync(join(ROOT, 'test', 'fixtures', 'verify', 'deliberate-error', 'zh.md'), join(root, 'content', 'notes', 'fixture', `${lang}.md`));
  return root;
}

describe('the verdict prefetch', () => {
  const root = project();
  const reference = createSiteVerification({ root, cacheDir: false, parallel: false });
  const expected = reference.report();

  test.each([
    ['never stopped', () => false, false],
    ['stopped before it starts', () => true, true],
    ['stopped after its first verdict', (asked: number) => asked > 1, true],
    ['stopped after twenty verdicts', (asked: number) => asked > 20, true],
  ] as const)('%s: the check then derives only the rest, and reports what a check alone reports', async (_, stopAfter, stops) => {
    const report = await expected;
    const distinct = reference.cacheStats().misses;
    const cacheDir = mkdtempSync(join(tmpdir(), 'prefetch-cache-'));
    let asked = 0;
    const prefetched = await prefetchVerdicts({ root, cacheDir, shouldStop: () => stopAfter(++asked) });
    expect(prefetched.stopped).toBe(stops);
    if (!stops) expect(prefetched.derived).toBe(distinct);
    const check = createSiteVerification({ root, cacheDir, parallel: false });
    expect(await check.report()).toEqual(report);
    // Each verdict derived once: by the prefetch or by the check.
    expect(prefetched.derived + check.cacheStats().misses).toBe(distinct);
  }, 120_000);

  test('a warm cache leaves it nothing to read or derive', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'prefetch-warm-'));
    await createSiteVerification({ root, cacheDir, parallel: false }).report();
    const prefetched = await prefetchVerdicts({ root, cacheDir, shouldStop: () => false });
    // Every note is in the page cache: none is even parsed.
    expect(prefetched).toEqual({ derived: 0, cached: 0, notes: 4, wholeNotes: 4, derivedNotes: 0, stopped: false });
  }, 120_000);

  test('a prefetch that finishes leaves the build nothing to make: verdicts, pages, widget data, report formulas', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'prefetch-all-'));
    const prefetched = await prefetchVerdicts({ root, cacheDir, shouldStop: () => false });
    expect(prefetched).toMatchObject({ notes: 4, wholeNotes: 0, derivedNotes: 4, stopped: false });
    const site = createSiteVerification({ root, cacheDir, parallel: false });
    const report = await site.report();
    expect(report).toEqual(await expected);
    // Every page came whole from the page cache: no verdict derived, none even looked up alone.
    expect(site.cacheStats().misses).toBe(0);
    for (const note of listNoteFiles(root)) {
      const made = await widgetFormulasJson(site, note.path);
      // The same data a build without a prefetch makes.
      expect(made).toEqual(await widgetFormulasJson(reference, note.path));
      reportFormulasHtml(report.formulas.filter((formula) => formula.file === note.path).map((formula) => formula.latex), site.derived);
    }
    expect(site.derived.stats()).toEqual({ 'widget-json': { hits: 4, misses: 0 }, 'report-katex': { hits: 4, misses: 0 } });
  }, 120_000);
});
