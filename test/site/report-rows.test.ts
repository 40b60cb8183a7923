/**
 * The verification report's formula rows (src/site/report-rows.ts): what each cell says, and that
 * an author's text (a reason, a formula's id) cannot break the page's HTML.
 */
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { expect, test } from 'vitest';
import { escapeHtml, formulaRowsHtml, formulaSectionsHtml } from '../../src/site/report-rows.js';
import type { FormulaRecord } from '../../src/verification/report.js';

const base: FormulaRecord = {
  id: 'f-1',
  file: 'content/notes/demo/en.md',
  line: 12,
  column: 1,
  lang: 'en',
  latex: 'x',
  status: 'verified',
  reason: '',
  mode: 'float',
  trials: 20,
  maxRelError: 3.2e-15,
  display: true,
  slug: 'demo',
  steps: [],
};

function cells(html: string): string[][] {
  const table = fromHtml(`<table><tbody>${html}</tbody></table>`, { fragment: true });
  return selectAll('tr', table).map((row) => selectAll('td', row).map((cell) => toString(cell).trim()));
}

test.each([
  { name: 'a verified float formula shows its largest error', record: {}, lang: 'en', detail: '3.2e-15', status: 'verified' },
  { name: 'an exact one says so', record: { mode: 'exact' }, lang: 'zh', detail: '精确', status: '已验证' },
  { name: 'a mismatch shows why', record: { status: 'mismatch', reason: 'differs at step 2' }, lang: 'en', detail: 'differs at step 2', status: 'mismatch' },
  { name: 'an inline formula is marked inline', record: { display: false }, lang: 'en', detail: '3.2e-15', status: 'verified inline' },
  { name: 'an erratum links to its correction', record: { status: 'erratum', reason: 'a known error', erratum: 'f-2' }, lang: 'en', detail: 'a known error', status: 'erratum  corrected' },
] as const)('$name', ({ record, lang, detail, status }) => {
  const html = formulaRowsHtml([{ ...base, ...record, lang } as FormulaRecord], ['<math></math>'], lang, 'demo');
  expect(cells(html)).toEqual([['12', '', status, detail]]);
  expect(html).toContain(`href="/${lang}/demo/#f-1"`);
  if ('erratum' in record) expect(html).toContain(`href="/${lang}/demo/#f-2"`);
});

test("an author's text is escaped, not markup", () => {
  const html = formulaRowsHtml([{ ...base, status: 'not-checkable', reason: '<script>alert("x")</script> & more' } as FormulaRecord], [''], 'en', 'demo');
  expect(html).not.toContain('<script>');
  expect(cells(html)[0][3]).toBe('<script>alert("x")</script> & more');
  expect(escapeHtml(`a<b & "c" 'd'>`)).toBe('a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;');
});

test("each note's section: an anchor for the counts table, its title linking to the note, the column labels, its rows", () => {
  const notes = [
    { slug: 'a', title: 'Differentials & <Traces>', formulas: [base, { ...base, id: 'f-2', line: 14 }], cells: ['<math>1</math>', '<math>2</math>'] },
    { slug: 'b', title: 'Empty', formulas: [], cells: [] },
  ];
  const root = fromHtml(formulaSectionsHtml(notes, 'zh'), { fragment: true });
  const sections = selectAll('section', root);
  expect(sections.map((section) => [section.properties.id, section.properties.dataSlug])).toEqual([['note-a', 'a'], ['note-b', 'b']]);
  expect(selectAll('h2 a', root).map((link) => [link.properties.href, toString(link)])).toEqual([['/zh/a/', 'Differentials & <Traces>'], ['/zh/b/', 'Empty']]);
  expect(selectAll('th', sections[0]).map((cell) => toString(cell))).toEqual(['行', '公式', '状态', '误差或原因']);
  expect(selectAll('tbody tr', sections[0]).map((row) => selectAll('a', row)[0].properties.href)).toEqual(['/zh/a/#f-1', '/zh/a/#f-2']);
  expect(selectAll('tbody tr', sections[1])).toHaveLength(0);
});
