/**
 * The one macro table for rendering (KaTeX) and for the formula engine's parser: commands the
 * notes use that KaTeX does not know.
 */
export const KATEX_MACROS: Readonly<Record<string, string>> = {
  // 001 writes Obsidian/MathJax's `\part` for the partial-derivative sign.
  '\\part': '\\partial',
};
