/**
 * What the build makes from the verification besides verdicts — the widgets' compiled formulas,
 * the report's JSON and its KaTeX — is cached beside the verdicts: a warm run reads it and makes nothing,
 * what it reads is what a fresh run makes, and a changed formula or engine makes it again.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { reportFormulaHtml, reportFormulasHtml } from '../../src/site/report-math.js';
import { formulaSectionsHtml } from '../../src/site/report-rows.js';
import { reportTables } from '../../src/site/report-tables.js';
import { writeDataFiles } from '../../src/site/data-files.js';
import { formulasPath } from '../../src/site/urls.js';
import { widgetFormulas, widgetFormulasJson, writeWidgetFormulas } from '../../src/verification/compiled.js';
import { DEFAULT_CACHE_DIR } from '../../src/verification/cache.js';
import { DerivedCache } from '../../src/verification/derived-cache.js';
import { createSiteVerification } from '../../src/verification/site.js';
import { unpackWidgetFormulas } from '../../src/widget/data.js';
import { ROOT } from '../helpers/site.js';

const NOTE = join('content', 'notes', 'fixture', 'zh.md');

/** A project holding one fixture note and a stand-in engine source (its hash is the engine fingerprint). */
/** Bytes of JSON (the widget data) as the text a reader's browser decodes. */
const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

function fixtureRoot(name: string): string {
  const root = mkdtempSync(join(tmpdir(), `derived-${name}-`));
  mkdirSync(join(root, 'content', 'notes', 'fixture'), { recursive: true });
  copyFileSync(join(ROOT, 'test', 'fixtures', 'verify', name, 'zh.md'), join(root, NOTE));
  mkdirSync(join(root, 'src', 'engine'), { recursive: true });
  writeFileSync(join(root, 'src', 'engine', 'version.ts'), "export const ENGINE_VERSION = 'a';\n");
  return root;
}

test('a warm run reads the widget data it cached, and it is what a fresh run compiles', async () => {
  const root = fixtureRoot('erratum');
  const cold = createSiteVerification({ root });
  const coldJson = text(await widgetFormulasJson(cold, NOTE));
  expect(cold.derived.stats()['widget-json']).toEqual({ hits: 0, misses: 1 });
  expect(unpackWidgetFormulas(JSON.parse(coldJson))).toEqual(JSON.parse(JSON.stringify(await widgetFormulas(cold, NOTE))));
  expect(Object.values(JSON.parse(coldJson).formulas).some((formula) => (formula as { status: string }).status === 'erratum')).toBe(true);

  // Stored as the bytes the page ships, not quoted again as a JSON string (read back without a parse).
  const folder = join(root, DEFAULT_CACHE_DIR, 'derived', 'widget-json');
  const files = (readdirSync(folder, { recursive: true }) as string[]).filter((file) => file.endsWith('.raw'));
  expect(files.map((file) => readFileSync(join(folder, file), 'utf8'))).toEqual([coldJson]);

  const warm = createSiteVerification({ root });
  expect(text(await widgetFormulasJson(warm, NOTE))).toBe(coldJson);
  expect(warm.derived.stats()['widget-json']).toEqual({ hits: 1, misses: 0 });
  expect(warm.cacheStats().misses).toBe(0);
});

test('a build writes the widget data and the report JSON as files: made and stored cold, copied from the cache warm, made without a cache', async () => {
  const root = fixtureRoot('erratum');
  const out = mkdtempSync(join(tmpdir(), 'derived-out-'));
  const reference = createSiteVerification({ root, cacheDir: false });
  const widget = text(await widgetFormulasJson(reference, NOTE));
  const report = text(await reference.reportJson());

  const cold = createSiteVerification({ root });
  await writeWidgetFormulas(cold, NOTE, join(out, 'cold.json'));
  await cold.writeReportJson(join(out, 'cold-report.json'));
  expect(cold.derived.stats()).toMatchObject({ 'widget-json': { hits: 0, misses: 1 }, 'report-json': { hits: 0, misses: 1 } });

  const warm = createSiteVerification({ root });
  await writeWidgetFormulas(warm, NOTE, join(out, 'warm.json'));
  await warm.writeReportJson(join(out, 'warm-report.json'));
  expect(warm.derived.stats()).toMatchObject({ 'widget-json': { hits: 1, misses: 0 }, 'report-json': { hits: 1, misses: 0 } });

  await writeWidgetFormulas(reference, NOTE, join(out, 'uncached.json'));
  await reference.writeReportJson(join(out, 'uncached-report.json'));
  for (const name of ['cold', 'warm', 'uncached']) {
    expect(readFileSync(join(out, `${name}.json`), 'utf8')).toBe(widget);
    expect(readFileSync(join(out, `${name}-report.json`), 'utf8')).toBe(report);
  }

  // A stored file that is gone is a miss: made again, stored and written (never an empty or missing output).
  const folder = join(root, DEFAULT_CACHE_DIR, 'derived', 'widget-json');
  for (const file of readdirSync(folder, { recursive: true }) as string[]) if (file.endsWith('.raw')) rmSync(join(folder, file));
  const emptied = createSiteVerification({ root });
  await writeWidgetFormulas(emptied, NOTE, join(out, 'remade.json'));
  expect(emptied.derived.stats()['widget-json']).toEqual({ hits: 0, misses: 1 });
  expect(readFileSync(join(out, 'remade.json'), 'utf8')).toBe(widget);
});

test('the widget data is cached under the note\'s text: any edit, even outside its formulas, compiles it again', async () => {
  const root = fixtureRoot('erratum');
  const json = text(await widgetFormulasJson(createSiteVerification({ root }), NOTE));
  const file = join(root, NOTE);
  writeFileSync(file, `${readFileSync(file, 'utf8')}\nOne more paragraph.\n`);
  const edited = createSiteVerification({ root });
  expect(text(await widgetFormulasJson(edited, NOTE))).toBe(json);
  expect(edited.derived.stats()['widget-json']).toEqual({ hits: 0, misses: 1 });
});

test('a changed formula or engine compiles the widget data again', async () => {
  const root = fixtureRoot('deliberate-error');
  await widgetFormulasJson(createSiteVerification({ root }), NOTE);

  const file = join(root, NOTE);
  writeFileSync(file, readFileSync(file, 'utf8').replace('= ba^T', '= ab^T'));
  const edited = createSiteVerification({ root });
  const editedJson = text(await widgetFormulasJson(edited, NOTE));
  expect(edited.derived.stats()['widget-json']).toEqual({ hits: 0, misses: 1 });
  // The corrected formula now verifies, so the widget data lists it.
  expect(Object.keys(JSON.parse(editedJson).formulas)).toHaveLength(2);

  writeFileSync(join(root, 'src', 'engine', 'version.ts'), "export const ENGINE_VERSION = 'b';\n");
  const newEngine = createSiteVerification({ root });
  expect(text(await widgetFormulasJson(newEngine, NOTE))).toBe(editedJson);
  expect(newEngine.derived.stats()['widget-json']).toEqual({ hits: 0, misses: 1 });
});

test("the report's JSON is read from the cache while no note changes, made again when one does", async () => {
  const root = fixtureRoot('deliberate-error');
  const cold = createSiteVerification({ root });
  const json = text(await cold.reportJson());
  expect(JSON.parse(json)).toEqual({ checked: true, ...JSON.parse(JSON.stringify(await cold.report())) });
  expect(cold.derived.stats()['report-json']).toEqual({ hits: 0, misses: 1 });

  const warm = createSiteVerification({ root });
  expect(text(await warm.reportJson())).toBe(json);
  expect(warm.derived.stats()['report-json']).toEqual({ hits: 1, misses: 0 });

  const file = join(root, NOTE);
  writeFileSync(file, readFileSync(file, 'utf8').replace('= ba^T', '= ab^T'));
  const edited = createSiteVerification({ root });
  const editedJson = JSON.parse(text(await edited.reportJson()));
  expect(edited.derived.stats()['report-json']).toEqual({ hits: 0, misses: 1 });
  expect(editedJson).toEqual({ checked: true, ...JSON.parse(JSON.stringify(await edited.report())) });
  expect(editedJson.summary).not.toEqual(JSON.parse(json).summary);
});

test("the report's KaTeX is read from the cache when the formulas are unchanged, rendered again when one changes", () => {
  const dir = mkdtempSync(join(tmpdir(), 'derived-katex-'));
  const latex = ['\\mathrm{d}(X^{-1}) = -X^{-1}(\\mathrm{d}X)X^{-1}', '\\frac{\\partial a^T x}{\\partial x} = a'];
  const cold = new DerivedCache(dir, 'pipeline');
  const html = reportFormulasHtml(latex, cold);
  expect(html).toEqual(latex.map(reportFormulaHtml));
  expect(html[0]).toContain('class="katex"');
  expect(cold.stats()['report-katex']).toEqual({ hits: 0, misses: 1 });

  const warm = new DerivedCache(dir, 'pipeline');
  expect(reportFormulasHtml(latex, warm)).toEqual(html);
  expect(warm.stats()['report-katex']).toEqual({ hits: 1, misses: 0 });

  const changed = [latex[0], '\\frac{\\partial x^T a}{\\partial x} = a'];
  expect(reportFormulasHtml(changed, warm)).toEqual(changed.map(reportFormulaHtml));
  expect(warm.stats()['report-katex']).toEqual({ hits: 1, misses: 1 });

  // Another pipeline (engine, Markdown, KaTeX package) never reads this one's values.
  const otherPipeline = new DerivedCache(dir, 'another pipeline');
  reportFormulasHtml(latex, otherPipeline);
  expect(otherPipeline.stats()['report-katex']).toEqual({ hits: 0, misses: 1 });
});

test("the report's tables are read from the cache while no note changes, made again when one does or the notes' order changes", async () => {
  const root = fixtureRoot('deliberate-error');
  /** The report's notes in a language, as the page lists them. */
  const notesOf = async (site: ReturnType<typeof createSiteVerification>, title = 'Fixture') => {
    const formulas = (await site.report()).formulas.filter((formula) => formula.lang === 'zh');
    return [{ slug: 'fixture', title, formulas }];
  };
  const expected = async (site: ReturnType<typeof createSiteVerification>) => {
    const notes = await notesOf(site);
    return formulaSectionsHtml(notes.map((note) => ({ ...note, cells: note.formulas.map((formula) => reportFormulaHtml(formula.latex)) })), 'zh');
  };

  const cold = createSiteVerification({ root });
  const tables = text(await reportTables(cold, await notesOf(cold), 'zh'));
  expect(tables).toBe(await expected(cold));
  expect(tables).toContain('<section id="note-fixture"');
  expect(cold.derived.stats()).toMatchObject({ 'report-tables': { hits: 0, misses: 1 }, 'report-katex': { hits: 0, misses: 1 } });

  // Warm: the tables' bytes, without the formulas' KaTeX or rows being made or read.
  const warm = createSiteVerification({ root });
  expect(text(await reportTables(warm, await notesOf(warm), 'zh'))).toBe(tables);
  expect(warm.derived.stats()).toEqual({ 'report-tables': { hits: 1, misses: 0 } });

  // Another language, or the notes in another order (a note added before this one), is another table.
  await reportTables(warm, await notesOf(warm), 'en');
  await reportTables(warm, [{ slug: 'another', title: 'Another', formulas: [] }, ...(await notesOf(warm))], 'zh');
  expect(warm.derived.stats()['report-tables']).toEqual({ hits: 1, misses: 2 });

  const file = join(root, NOTE);
  writeFileSync(file, readFileSync(file, 'utf8').replace('= ba^T', '= ab^T'));
  const edited = createSiteVerification({ root });
  const editedTables = text(await reportTables(edited, await notesOf(edited), 'zh'));
  expect(edited.derived.stats()['report-tables']).toEqual({ hits: 0, misses: 1 });
  expect(editedTables).toBe(await expected(edited));
  expect(editedTables).not.toBe(tables);
});

test('without a cache folder, values are made every time and nothing is kept', () => {
  const cache = new DerivedCache(undefined, 'pipeline');
  let made = 0;
  expect(cache.get('kind', { a: 1 }, () => ++made)).toBe(1);
  expect(cache.get('kind', { a: 1 }, () => ++made)).toBe(2);
  expect(cache.stats()).toEqual({ kind: { hits: 0, misses: 2 } });
});

test('a kind is stored with one codec: asking for it as bytes after JSON is an error, not a value of the wrong type', () => {
  for (const dir of [mkdtempSync(join(tmpdir(), 'derived-codec-')), undefined]) {
    const cache = new DerivedCache(dir, 'pipeline');
    expect(cache.get('kind', { a: 1 }, () => ({ made: true }))).toEqual({ made: true });
    expect(() => cache.bytes('kind', { a: 1 }, () => Buffer.from('bytes'))).toThrow('derived values of kind "kind" are stored as json, not raw');
    expect(text(cache.bytes('other', { a: 1 }, () => Buffer.from('bytes')))).toBe('bytes');
  }
});

test("a build's data files are the cache's files, linked; an unchecked build into the same folder replaces them and leaves the cache as it was", async () => {
  const root = fixtureRoot('erratum');
  const out = mkdtempSync(join(tmpdir(), 'derived-out-'));
  await writeDataFiles(root, out, true); // cold: made and stored
  const warm = await writeDataFiles(root, out, true);
  expect(warm.fromCache).toBe(warm.files);
  const folder = join(root, DEFAULT_CACHE_DIR, 'derived', 'widget-json');
  const [stored] = (readdirSync(folder, { recursive: true }) as string[]).filter((file) => file.endsWith('.raw')).map((file) => join(folder, file));
  const widget = join(out, formulasPath('zh', 'fixture'));
  expect(statSync(widget).ino).toBe(statSync(stored).ino);
  const bytes = readFileSync(stored, 'utf8');

  await writeDataFiles(root, out, false);
  expect(JSON.parse(readFileSync(widget, 'utf8')).formulas).toEqual({});
  expect(readFileSync(stored, 'utf8')).toBe(bytes);
});
