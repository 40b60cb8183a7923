/**
 * The verdicts a page check will ask for, worked out before any is derived, so that the formulas of
 * one page can be derived in parallel. A formula's context depends on what earlier formulas of its
 * page define and declare, and that comes from their verdicts; but it is decided almost entirely by
 * the formulas' syntax (`f(X) = …` defines f, `x \in \mathbb{R}^n` declares x), which the engine's
 * own preparation step reads without checking anything. Threading the page with those predictions
 * gives the (formula, context) pairs the real check will most likely need; they are derived in
 * parallel, and the real check then runs in page order as always, finding them cached. A wrong
 * prediction costs time, never a different verdict: the real check derives whatever it does not
 * find.
 */
import type { Context, Engine, Expr, Verdict } from '../engine/index.js';
import { some } from '../engine/latex/walk.js';
import { prepare } from '../engine/verify/prepare.js';
import { carryRestatements, functionsOf } from '../engine/verify/verify.js';
import { checkPage, verdictKey, type CheckOptions, type Checker, type PageCheckInput } from './check-page.js';

/** One verdict to derive: a formula in a context, with the check's options. */
export interface VerdictJob {
  /** Its cache key ({@link verdictKey}). */
  key: string;
  latex: string;
  context: Context;
  options: CheckOptions;
}

/** Whether an expression holds a part the engine cannot evaluate (a tuple, `\cdots` ...): a step with one does not verify. */
function hasOpaque(e: Expr): boolean {
  return some(e, (n) => n.kind === 'opaque');
}

/** What a formula will most likely define and declare, read from its syntax alone. */
function predictedVerdict(engine: Engine, latex: string, context: Context): Verdict {
  const guess: Verdict = { status: 'verified', reason: '', trials: 0, maxRelError: 0, steps: [], diagnostics: [] };
  try {
    const compiled = engine.compile(latex, context);
    const prepared = prepare(latex, [...compiled.tree.claims], compiled.context, new Set(Object.keys(functionsOf(compiled.context))));
    // A restatement `s = … = E` of a defined s redefines s when it verifies: predict that it does
    // unless a step is a premise or cannot be evaluated (the same rule as the engine's).
    carryRestatements(prepared, latex, (k) => !prepared.steps[k].skipReason && !hasOpaque(prepared.steps[k].left) && !hasOpaque(prepared.steps[k].right));
    const defines = { ...prepared.defines };
    if (Object.keys(defines).length) guess.defines = defines;
    if (Object.keys(prepared.declares).length) guess.declares = prepared.declares;
  } catch {
    // Unreadable: predict nothing (the real check says what it is).
  }
  return guess;
}

/**
 * The verdicts checking these pages will most likely ask for, each once, in page order; and for
 * each page the keys of the verdicts its check will most likely ask for (a page whose verdicts are
 * all derived can be checked while the others still are).
 *
 * @param pages The pages.
 * @param engine An engine (for parsing and preparing only).
 * @param engineFingerprint As for the verdict cache's keys.
 */
export function predictedPageJobs(pages: readonly PageCheckInput[], engine: Engine, engineFingerprint: string): { jobs: VerdictJob[]; pageKeys: Set<string>[] } {
  const jobs = new Map<string, VerdictJob>();
  let keys = new Set<string>();
  const predicting: Checker = {
    engine,
    verify(latex, context, options = {}) {
      const key = verdictKey(latex, context, engineFingerprint, options);
      if (!jobs.has(key)) jobs.set(key, { key, latex, context, options });
      keys.add(key);
      return predictedVerdict(engine, latex, context);
    },
  };
  const pageKeys = pages.map((page) => {
    keys = new Set<string>();
    checkPage(page, predicting);
    return keys;
  });
  return { jobs: [...jobs.values()], pageKeys };
}
