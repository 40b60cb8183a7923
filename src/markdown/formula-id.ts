/**
 * Stable formula ids: a hash of the formula's normalised LaTeX, so the same formula has the same
 * id in both languages and keeps it when text around it changes.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const TEXT_ARGUMENT = /\\text\{[^{}]*\}/g;

/**
 * LaTeX as compared between languages: whitespace collapsed, and the prose inside `\text{…}`
 * masked (it is translated with the page, the mathematics is not).
 *
 * @param latex The formula as written.
 */
export function normaliseLatex(latex: string): string {
  return latex.replace(TEXT_ARGUMENT, '\\text{…}').replace(/\s+/g, ' ').trim();
}

/**
 * 32-bit FNV-1a hash of a string, in base 36.
 *
 * @param text Any string.
 */
export function fnv1a(text: string): string {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME) >>> 0;
  }
  return hash.toString(36).padStart(7, '0');
}

/** Hands out ids for the formulas of one page, in document order. */
export class FormulaIds {
  private readonly seen = new Map<string, number>();

  /**
   * The id of the next formula.
   *
   * @param latex The formula as written.
   */
  next(latex: string): string {
    const base = `f-${fnv1a(normaliseLatex(latex))}`;
    const count = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  }
}
