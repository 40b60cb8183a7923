/**
 * KaTeX for the verification report's formula cells, rendered a note at a time and cached (see
 * src/verification/derived-cache.ts) under the note's formulas, KaTeX's version and the options:
 * both languages' report pages list the same LaTeX, so the second page reads the first's HTML,
 * and a warm build renders nothing unchanged.
 */
import katex from 'katex';
import { KATEX_OPTIONS } from '../markdown/pipeline.js';
import type { DerivedCache } from '../verification/derived-cache.js';

/** How a report cell is rendered: inline, and never failing the page (the report lists the problem). */
const REPORT_OPTIONS = { ...KATEX_OPTIONS, displayMode: false, strict: 'ignore', throwOnError: false } as const;

/**
 * The inline KaTeX HTML of a formula ('' when KaTeX cannot render it at all).
 *
 * @param latex The formula's LaTeX.
 */
export function reportFormulaHtml(latex: string): string {
  try {
    return katex.renderToString(latex, { ...REPORT_OPTIONS, macros: { ...REPORT_OPTIONS.macros } });
  } catch {
    return '';
  }
}

/**
 * The inline KaTeX HTML of a note's formulas, in order, from the cache when it holds them.
 *
 * @param latex The formulas' LaTeX.
 * @param cache The site verification's derived cache.
 */
export function reportFormulasHtml(latex: readonly string[], cache: DerivedCache): string[] {
  return cache.get('report-katex', { katex: katex.version, options: REPORT_OPTIONS, latex }, () => latex.map(reportFormulaHtml));
}
