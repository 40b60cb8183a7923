/** Whether a formula states a relation (and so is a claim to check), as opposed to naming a term. */

const RELATION = /=|\\iff|\\implies|\\Rightarrow|\\Leftrightarrow|\\Longleftrightarrow|\\ne\b|\\neq/;
const TEXT = /\\text\{[^{}]*\}/g;

/**
 * True when the LaTeX states a relation (`=`, `\iff`, `\Rightarrow` …) outside `\text{}`.
 *
 * @param latex A formula.
 */
export function statesRelation(latex: string): boolean {
  return RELATION.test(latex.replace(TEXT, ''));
}
