/**
 * The verification report's per-note sections and formula rows, as HTML strings. The report lists
 * every formula of the site: Astro's template renderer, which renders each row's elements and
 * attributes one at a time, took 1.33 s of a warm build of the 10,000-formula site for these rows
 * alone (of about 3.3 s the check costs that build; CPU profile, BENCHMARKS.md). The page's other
 * parts stay in its template (src/pages/[lang]/verification.astro); the HTML written is the same
 * byte for byte. The sections are cached and put into the built page whole (report-tables.ts).
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

/** One note's part of the report: its formulas in this language, in order, and each one's cell HTML. */
export interface ReportNote {
  slug: string;
  /** The note's title in this language. */
  title: string;
  formulas: readonly FormulaRecord[];
  /** Each formula's cell HTML (KaTeX), in the same order. */
  cells: readonly string[];
}

/**
 * The report's per-note sections: a heading linking to the note, and the table of its formulas.
 *
 * @param notes The notes, in the site's order.
 * @param lang Page language.
 */
export function formulaSectionsHtml(notes: readonly ReportNote[], lang: Lang): string {
  const head = `<thead><tr>${(['line', 'formula', 'status', 'detail'] as const).map((key) => `<th>${escapeHtml(t(key, lang))}</th>`).join('')}</tr></thead>`;
  return notes
    .map(({ slug, title, formulas, cells }) => {
      const id = escapeHtml(slug);
      return (
        `<section id="note-${id}" data-slug="${id}">` +
        `<h2><a href="${escapeHtml(notePath(lang, slug))}">${escapeHtml(title)}</a></h2>` +
        `<table class="formulas">${head}<tbody>${formulaRowsHtml(formulas, cells, lang, slug)}</tbody></table>` +
        `</section>`
      );
    })
    .join('');
}
