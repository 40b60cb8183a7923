/**
 * What every KaTeX rendering of the site shares, in a module light enough for the widget: the one
 * macro table for rendering and for the formula engine's parser (commands the notes use that KaTeX
 * does not know), and which formulas KaTeX renders only in display mode.
 */
export const KATEX_MACROS: Readonly<Record<string, string>> = {
  // 001 writes Obsidian/MathJax's `\part` for the partial-derivative sign.
  '\\part': '\\partial',
};

/**
 * What KaTeX renders in display mode only (in line it fails): some environments, and `\tag`. The
 * report's cells and the widget's steps set a formula in line unless it matches.
 */
export const DISPLAY_ONLY = /\\begin\{(?:align|alignat|gather|equation|multline|flalign|split)\*?\}|\\tag\b/;
