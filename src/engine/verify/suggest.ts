import type { Claim, Expr } from '../latex/ast.js';
import type { SymbolDeclaration } from '../types/context.js';
import { exprToLatex, mapTree, symbolNames } from '../latex/walk.js';
import { type CheckOptions, checkPrepared } from './check.js';
import type { Prepared, Step } from './prepare.js';
import { slipCandidates } from './slips.js';

/** Wall-clock budget for searching a *did you mean* for one step. */
export const SUGGESTION_BUDGET_MS = 3000;

/** Dimension pairs for candidate commutation matrices, from the declared shapes of the step's symbols. */
function commutationDims(prepared: Prepared, step: Step): string[][] {
  const out: string[][] = [];
  for (const name of [...symbolNames(step.left), ...symbolNames(step.right)]) {
    const decl = prepared.ctx.symbols?.[name];
    if (!decl?.rows || decl.cols === '1') continue;
    for (const dims of [[decl.rows, decl.cols], [decl.cols, decl.rows]]) {
      if (!out.some((d) => d[0] === dims[0] && d[1] === dims[1])) out.push(dims);
    }
  }
  return out;
}

/** Push transposes down for display: (AB)^T → B^T A^T, (A^T)^T → A. */
function simplifyTransposes(e: Expr): Expr {
  return mapTree(e, (n) => {
    if (n.kind !== 'op' || n.op !== 'transpose') return n;
    const [a] = n.args;
    if (a.kind === 'number') return a;
    if (a.kind === 'op' && a.op === 'transpose') return a.args[0];
    if (a.kind === 'op' && a.op === 'mul') {
      const t = (x: Expr): Expr => simplifyTransposes({ kind: 'op', op: 'transpose', args: [x], span: x.span });
      return { ...a, args: [t(a.args[1]), t(a.args[0])] };
    }
    return n;
  });
}

/** Annotation-only claims (`a_{m\times 1}`) carry shape information a single step may need. */
function contextClaims(prepared: Prepared): Claim[] {
  return prepared.claims.filter((c) => c.relations.length === 0 || c.relations.every((r) => r.relation === 'in'));
}

/**
 * Find a common slip that, undone on the right side, makes a mismatched step hold on the same samples.
 * Returns the suggestion text, or undefined.
 */
export function suggestFix(
  prepared: Prepared,
  step: Step,
  options: CheckOptions,
  pinned: Record<string, SymbolDeclaration>,
): string | undefined {
  const start = Date.now();
  const ctx = { ...prepared.ctx, symbols: { ...prepared.ctx.symbols, ...pinned } };
  const extra = contextClaims(prepared);
  for (const candidate of slipCandidates(step.right, commutationDims(prepared, step))) {
    if (Date.now() - start > SUGGESTION_BUDGET_MS) return undefined;
    const claim: Claim = { items: [step.left, candidate.right], relations: [{ relation: '=', span: step.span }], connective: 'and', span: step.span };
    const single: Prepared = { ...prepared, ctx, claims: [...extra, claim], steps: [{ ...step, right: candidate.right }] };
    try {
      const result = checkPrepared(single, options);
      if (result.steps[0]?.status === 'verified' && result.trials > 0) {
        return `did you mean ${exprToLatex(simplifyTransposes(candidate.right))}? (${candidate.slip})`;
      }
    } catch {
      // A candidate that cannot be evaluated is simply not the fix.
    }
  }
  return undefined;
}
