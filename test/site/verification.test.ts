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
import { STATUSES, summarize, type FormulaRecord, type VerificationReport } from '../../src/verification/report.js';

const report = JSON.parse(readFileSync(join(DIST, 'verification.json'), 'utf8')) as VerificationReport & { checked: boolean };
const slugs = [...new Set(report.formulas.map((formula) => formula.slug))];

test('verification.json follows the report contract', () => {
  expect(report.checked).toBe(true);
  expect(Object.keys(report.summary).sort()).toEqual([...STATUSES].sort());
  expect(report.formulas.length).toBeGreaterThan(400);
  for (const formula of report.formulas) {
    expect(formula).toMatchObject({
      id: expect.stringMatching(/^[fi]-[0-9a-z]+(-\d+)?$/),
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
      if (record!.status === 'erratum') expect(select('.erratum-note', figure)).toBeTruthy();
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
