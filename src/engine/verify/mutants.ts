/**
 * Mutants of a formula for the mutation check (`npm run mutate`): the formula's LaTeX with one
 * common slip applied to the right side of one step — a transpose dropped or added, factors swapped,
 * a sign, a factor 2, the Kronecker order — the same slips the *did you mean* undoes. Only the right
 * item's source text is replaced; the rest of the formula stays as the author wrote it.
 */
import type { FormulaTree } from '../latex/ast.js';
import { exprToLatex } from '../latex/walk.js';
import { slipCandidates } from './slips.js';

/** One mutant: which step, which slip, and the whole formula with it. */
export interface Mutant {
  /** 0-based index of the `=` step (over the whole formula) whose right side was changed. */
  step: number;
  slip: string;
  latex: string;
  /** The step's left item, its right item as written, and the right item with the slip (LaTeX). */
  left: string;
  right: string;
  mutated: string;
  /** Where the changed right item is in the original formula. */
  rightSpan: { start: number; end: number };
}

/**
 * Every mutant of a formula, in order of steps.
 *
 * @param latex The formula as written.
 * @param tree Its parse (from `compile`).
 */
export function mutantsOf(latex: string, tree: FormulaTree): Mutant[] {
  const mutants: Mutant[] = [];
  let step = 0;
  for (const claim of tree.claims) {
    claim.relations.forEach((relation, k) => {
      const right = claim.items[k + 1];
      if (relation.relation !== '=' || !right) return;
      const left = claim.items[k];
      for (const candidate of slipCandidates(right, [])) {
        const replaced = `{${exprToLatex(candidate.right)}}`;
        mutants.push({
          step,
          slip: candidate.slip,
          latex: latex.slice(0, right.span.start) + replaced + latex.slice(right.span.end),
          left: latex.slice(left.span.start, left.span.end),
          right: latex.slice(right.span.start, right.span.end),
          mutated: replaced,
          rightSpan: right.span,
        });
      }
      step += 1;
    });
  }
  return mutants;
}
