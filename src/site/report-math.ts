/**
 * KaTeX for the verification report's formula cells, rendered a note at a time and cached (see
 * src/verification/derived-cache.ts) under the note's formulas, KaTeX's version and the options:
 * both languages' report pages list the same LaTeX, so the second page reads the first's HTML,
 * and a warm build renders nothing unchanged.
 */
import katex from 'katex';
import { DISPLAY_ONLY } from '../markdown/katex-macros.js';
import { KATEX_OPTIONS } from '../markdown/pipeline.js';
import type { DerivedCache } from '../verification/derived-cache.js';

/**
 * How a report cell is rendered: never failing the page (the report lists the problem), and as
 * MathML alone, which browsers lay out themselves. The report lists every formula of the site;
 * KaTeX's HTML layout beside the MathML took 5.7 times as long to render and made the page 5.8
 * times as large (measured on the 530 formulas of the real site: 783 vs 138 ms, 3.7 MB vs 0.6 MB),
 * which at 10,000 formulas was a 44 MB page per language. The notes keep KaTeX's full output.
 */
const REPORT_OPTIONS = { ...KATEX_OPTIONS, output: 'mathml', strict: 'ignore', throwOnError: false } as const;


/**
 * The KaTeX MathML of a formula, inline unless an environment needs display mode ('' when KaTeX cannot render it at all).
 *
 * @param latex The formula's LaTeX.
 */
export function reportFormulaHtml(latex: string): string {
  try {
    return katex.renderToString(latex, { ...REPORT_OPTIONS, displayMode: DISPLAY_ONLY.test(latex), macros: { ...REPORT_OPTIONS.macros } });
  } catch {
    return '';
  }
}

/**
 * The KaTeX MathML of a note's formulas (see {@link reportFormulaHtml}), in order, from the cache when it holds them.
 *
 * @param latex The formulas' LaTeX.
 * @param cache The site verification's derived cache.
 */
export function reportFormulasHtml(latex: readonly string[], cache: DerivedCache): string[] {
  return cache.get('report-katex', { katex: katex.version, options: REPORT_OPTIONS, latex }, () => latex.map(reportFormulaHtml));
}
