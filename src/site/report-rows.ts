/**
 * The verification report's formula rows, as one HTML string per note. The report lists every
 * formula of the site: Astro's template renderer, which renders each row's elements and attributes
 * one at a time, took 1.33 s of a warm build of the 10,000-formula site for these rows alone (of
 * about 3.3 s the check costs that build; CPU profile, BENCHMARKS.md). The page's other parts stay
 * in its template (src/pages/[lang]/verification.astro); the HTML written is the same byte for byte.
 */
import type { Lang } from '../markdown/lang.js';
import type { FormulaRecord } from '../verification/report.js';
import { t } from './i18n.js';
import { notePath } from './urls.js';

/** How the report names each status, in each language. */
export const STATUS_LABEL: Record<string, Record<Lang, string>> = {
  verified: { zh: '已验证', en: 'verified' },
  mismatch: { zh: '不成立', en: 'mismatch' },
  'not-checkable': { zh: '不可检验', en: 'not checkable' },
  unsupported: { zh: '不支持', en: 'unsupported' },
  erratum: { zh: '勘误', en: 'erratum' },
  corrected: { zh: '已勘误', en: 'corrected' },
};

const ESCAPED: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text or an attribute value made safe for HTML, escaped as Astro's templates escape it.
 *
 * @param text Any text.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPED[char]);
}

/**
 * The detail cell: a verified formula's mode (exact) or largest relative error, otherwise why it has its status.
 *
 * @param formula The formula's record.
 * @param lang Page language.
 */
function detail(formula: FormulaRecord, lang: Lang): string {
  if (formula.status !== 'verified') return formula.reason;
  if (formula.mode === 'exact') return lang === 'zh' ? '精确' : 'exact';
  return formula.maxRelError.toExponential(1);
}

/**
 * The rows of one note's formula table: line (a link to the formula), the formula, its status, the detail.
 *
 * @param formulas The note's formulas in this language, in order.
 * @param html Each formula's cell HTML (KaTeX), in the same order.
 * @param lang Page language.
 * @param slug The note's slug.
 */
export function formulaRowsHtml(formulas: readonly FormulaRecord[], html: readonly string[], lang: Lang, slug: string): string {
  const page = notePath(lang, slug);
  const inline = `<small>${escapeHtml(t('inline', lang))}</small>`;
  const corrected = `<small>${escapeHtml(STATUS_LABEL.corrected[lang])}</small>`;
  return formulas
    .map((formula, i) => {
      const status = escapeHtml(formula.status);
      const erratum = formula.erratum ? `<a href="${escapeHtml(`${page}#${formula.erratum}`)}">${corrected}</a>` : '';
      return (
        `<tr data-status="${status}">` +
        `<td><a href="${escapeHtml(`${page}#${formula.id}`)}">${formula.line}</a></td>` +
        `<td class="formula-cell">${html[i] ?? ''}</td>` +
        `<td><span class="status status-${status}">${escapeHtml(STATUS_LABEL[formula.status][lang])}</span> ${formula.display ? '' : inline} ${erratum}</td>` +
        `<td>${escapeHtml(detail(formula, lang))}</td>` +
        `</tr>`
      );
    })
    .join('');
}
