/**
 * A step's LaTeX typeset in the widget as the page's formulas are: KaTeX, the notes' macros, and the
 * page's own KaTeX styles and fonts. A chunk of its own, fetched beside the page's formula data when
 * a reader first opens a widget; until then, or if it cannot load, a step shows its LaTeX source.
 */
import katex from 'katex';
import { DISPLAY_ONLY, KATEX_MACROS } from '../markdown/katex-macros.js';

/** Typeset LaTeX, or undefined where KaTeX cannot read it. */
export type Typesetter = (latex: string) => HTMLElement | undefined;

function render(latex: string, displayMode: boolean): HTMLElement | undefined {
  const element = document.createElement('span');
  element.className = 'check-tex';
  try {
    // DOM nodes, not an HTML string.
    katex.render(latex, element, { displayMode, throwOnError: true, macros: { ...KATEX_MACROS }, strict: 'ignore' });
  } catch {
    return undefined;
  }
  element.title = latex;
  return element;
}

/** What each LaTeX source typeset to: a re-roll or resize shows the same steps again, copied, not re-typeset. */
const typesetCache = new Map<string, HTMLElement | undefined>();

/**
 * Typeset a step's LaTeX: in line, in display style (its fractions at the size the page shows them),
 * or, for a whole display with `align` or `\tag` (which KaTeX reads only in display mode), as a display.
 *
 * @param latex The step's LaTeX, as the widget data carries it.
 */
export const typeset: Typesetter = (latex) => {
  if (!typesetCache.has(latex)) typesetCache.set(latex, DISPLAY_ONLY.test(latex) ? render(latex, true) : render(`\\displaystyle ${latex}`, false));
  return typesetCache.get(latex)?.cloneNode(true) as HTMLElement | undefined;
};

