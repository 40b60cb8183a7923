/**
 * The report's formula tables are put into the written report pages at the end of a build
 * (src/site/report-tables.ts): where the page's marker is, byte for byte, once; a page without its
 * marker, or with two, fails the build rather than shipping a report without its tables.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { deferTables, spliceTables, TABLES_MARKER } from '../../src/site/report-tables.js';

/** A build output folder holding the report pages with the given HTML. */
function output(pages: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'report-tables-'));
  for (const [file, html] of Object.entries(pages)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), html);
  }
  return dir;
}

test('each held page gets its own tables where its marker is, and nothing is held afterwards', () => {
  const page = (lang: string) => `<html lang="${lang}"><main><h1>验证</h1><table class="counts"></table>${TABLES_MARKER}</main></html>`;
  const dir = output({ 'zh/verification/index.html': page('zh'), 'en/verification/index.html': page('en') });
  const tables = { zh: '<section id="note-a"><h2>矩阵 ∂</h2></section>', en: '<section id="note-a"><h2>Matrices</h2></section>' };
  for (const lang of ['zh', 'en'] as const) expect(deferTables(`/${lang}/verification/`, Buffer.from(tables[lang]))).toBe(TABLES_MARKER);

  expect(spliceTables(dir)).toBe(2);
  for (const lang of ['zh', 'en'] as const) {
    expect(readFileSync(join(dir, lang, 'verification', 'index.html'), 'utf8')).toBe(page(lang).replace(TABLES_MARKER, tables[lang]));
  }
  // A second build in the same process (astro dev after a build, a test) starts with nothing held.
  expect(spliceTables(dir)).toBe(0);
});

test.each([
  { name: 'without its marker', html: '<main></main>', found: 'nowhere' },
  { name: 'with the marker twice', html: `<main>${TABLES_MARKER}${TABLES_MARKER}</main>`, found: 'more than once' },
])('a page $name fails with the page named', ({ html, found }) => {
  const dir = output({ 'zh/verification/index.html': html });
  deferTables('/zh/verification/', Buffer.from('<section></section>'));
  expect(() => spliceTables(dir)).toThrow(`${join(dir, 'zh/verification/index.html')}: expected the verification tables' marker once, found it ${found}`);
  spliceTables(output({ 'zh/verification/index.html': TABLES_MARKER }));
});
