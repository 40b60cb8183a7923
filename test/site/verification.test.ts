/**
 * The built site's verification: /verification.json follows the report contract, the real notes
 * have no problem, every display formula carries its status, and the report pages count what the
 * JSON counts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { select, selectAll } from 'hast-util-select';
import { describe, expect, test } from 'vitest';
import { builtPage, DIST } from '../helpers/site.js';
import { TABLES_MARKER } from '../../src/site/report-tables.js';
import { displayCoverage, STATUSES, summarize, type FormulaRecord, type VerificationReport } from '../../src/verification/report.js';

const report = JSON.parse(readFileSync(join(DIST, 'verification.json'), 'utf8')) as VerificationReport & { checked: boolean };
const slugs = [...new Set(report.formulas.map((formula) => formula.slug))];

test('verification.json follows the report contract', () => {
  expect(report.checked).toBe(true);
  expect(Object.keys(report.summary).sort()).toEqual([...STATUSES].sort());
  expect(report.formulas.length).toBeGreaterThan(400);
  for (const formula of report.formulas) {
    expect(formula).toMatchObject({
      id: expect.stringMatching(/^[fi]-[0-9a-z]+(-\d+)?(-erratum)?$/),
      file: expect.stringMatching(/^content\/notes\/[^/]+\/(zh|en)\.md$/),
      line: expect.any(Number),
      column: expect.any(Number),
      lang: expect.stringMatching(/^(zh|en)$/),
      latex: expect.any(String),
      status: expect.stringMatching(/^(verified|mismatch|not-checkable|unsupported|erratum)$/),
      reason: expect.any(String),
      trials: expect.any(Number),
      maxRelError: expect.any(Number),
    });
    if (formula.status === 'verified') expect(formula.mode).toMatch(/^(exact|float)$/);
  }
  expect(report.summary).toEqual(summarize(report.formulas));
});

test('the real site has no wrong formula and no unmarked unsupported one', () => {
  expect(report.summary.mismatch).toBe(0);
  expect(report.summary.unsupported).toBe(0);
});

test('at least 90% of the display formulas each language publishes are verified; every erratum sits next to its verified correction', () => {
  for (const lang of ['zh', 'en'] as const) {
    const mine = report.formulas.filter((f) => f.lang === lang);
    const coverage = displayCoverage(mine);
    expect(coverage.published).toBe(134);
    expect(coverage.verified / coverage.published, coverage.text).toBeGreaterThanOrEqual(0.9);
    const byId = new Map(mine.map((f) => [`${f.slug}/${f.id}`, f]));
    for (const erratum of mine.filter((f) => f.status === 'erratum')) {
      const correction = byId.get(`${erratum.slug}/${erratum.correction}`);
      expect(correction, erratum.id).toMatchObject({ status: 'verified', erratum: erratum.id, original: erratum.latex });
    }
    expect(mine.filter((f) => f.erratum).length).toBe(report.summary.erratum / 2);
  }
});

test('both languages are checked, with the same verdict for the same formula', () => {
  const byKey = new Map<string, FormulaRecord>();
  for (const formula of report.formulas.filter((f) => f.lang === 'zh')) byKey.set(`${formula.slug}/${formula.id}`, formula);
  const english = report.formulas.filter((f) => f.lang === 'en');
  expect(english.length).toBe(byKey.size);
  for (const formula of english) {
    expect(byKey.get(`${formula.slug}/${formula.id}`)?.status).toBe(formula.status);
  }
});

describe.each(slugs)('%s', (slug) => {
  test.each(['zh', 'en'] as const)('every display formula of the %s page shows its status', (lang) => {
    const page = builtPage(`${lang}/${slug}/`);
    const records = new Map(report.formulas.filter((f) => f.slug === slug && f.lang === lang).map((f) => [f.id, f]));
    const figures = selectAll(`.pane[data-lang="${lang}"] figure.formula`, page);
    for (const figure of figures) {
      const record = records.get(String(figure.properties.id));
      expect(record, String(figure.properties.id)).toBeDefined();
      expect(figure.properties.dataStatus).toBe(record!.status);
      const badge = select('.formula-tools .badge', figure);
      expect(badge, `badge of ${record!.id}`).toBeTruthy();
      if (record!.erratum) {
        // The corrected formula: verified, with the erratum record's note (its anchor) under it.
        expect(record!.status).toBe('verified');
        expect(figure.properties.dataErratum).toBe(record!.erratum);
        expect(select(`.erratum-note[id="${record!.erratum}"], .erratum-note[data-alt-id="${record!.erratum}"]`, figure)).toBeTruthy();
        expect(records.get(record!.erratum)).toMatchObject({ status: 'erratum', correction: record!.id, latex: record!.original });
      }
    }
  });

  test.each(['zh', 'en'] as const)('the %s report page counts what verification.json counts', (lang) => {
    const page = builtPage(`${lang}/verification/`);
    const row = select(`table.counts tr[data-slug="${slug}"]`, page);
    expect(row).toBeTruthy();
    const counts = summarize(report.formulas.filter((f) => f.slug === slug && f.lang === lang));
    for (const status of STATUSES) {
      const cell = select(`td[data-status="${status}"]`, row!);
      expect(Number((cell?.children[0] as { value?: string } | undefined)?.value), `${slug} ${status}`).toBe(counts[status]);
    }
  });
});

test.each(['zh', 'en'] as const)('the %s report shows every formula as MathML, none as a KaTeX error', (lang) => {
  const page = builtPage(`${lang}/verification/`);
  const cells = selectAll('td.formula-cell', page);
  expect(cells).toHaveLength(report.formulas.filter((formula) => formula.lang === lang).length);
  for (const cell of cells) {
    // MathML alone (the browser lays it out): no KaTeX HTML layout, and no error shown as red source.
    expect(select('math', cell), JSON.stringify(cell.children).slice(0, 200)).toBeTruthy();
    expect(select('.katex-html, .katex-error', cell)).toBeUndefined();
  }
});

test.each(['zh', 'en'] as const)("the %s report lists each note's formulas in order under the note's heading, the tables put into the page whole", (lang) => {
  const html = readFileSync(join(DIST, lang, 'verification', 'index.html'), 'utf8');
  expect(html).not.toContain(TABLES_MARKER);
  const page = builtPage(`${lang}/verification/`);
  for (const slug of slugs) {
    const section = select(`main section#note-${slug}`, page);
    expect(section, slug).toBeTruthy();
    expect(select('h2 a', section!)?.properties.href).toBe(`/${lang}/${slug}/`);
    const links = selectAll('table.formulas tbody tr > td:first-child a', section!).map((link) => String(link.properties.href));
    const formulas = report.formulas.filter((formula) => formula.slug === slug && formula.lang === lang);
    expect(links).toEqual(formulas.map((formula) => `/${lang}/${slug}/#${formula.id}`));
  }
  // The page ends as a page: the tables sit inside <main>, before its close.
  expect(html.indexOf('</section></main>')).toBeGreaterThan(html.indexOf('<section id="note-'));
});
