/**
 * KaTeX for the verification report's formula cells, rendered once per formula: both languages'
 * report pages list the same LaTeX, so the second page reuses the first's HTML.
 */
import katex from 'katex';
import { KATEX_OPTIONS } from '../markdown/pipeline.js';

const rendered = new Map<string, string>();

/**
 * The inline KaTeX HTML of a formula ('' when KaTeX cannot render it at all).
 *
 * @param latex The formula's LaTeX.
 */
export function reportFormulaHtml(latex: string): string {
  let html = rendered.get(latex);
  if (html === undefined) {
    try {
      html = katex.renderToString(latex, { ...KATEX_OPTIONS, macros: { ...KATEX_OPTIONS.macros }, displayMode: false, strict: 'ignore', throwOnError: false });
    } catch {
      html = '';
    }
    rendered.set(latex, html);
  }
  return html;
}
