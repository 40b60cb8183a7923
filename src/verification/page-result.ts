/**
 * One page's verification as the site keeps it: its records, its unreadable declarations, and the
 * context each formula was checked in. The same function runs on the main thread and in the check
 * pool's workers, so both paths give the same result by construction.
 */
import type { Context } from '../engine/index.js';
import { checkPage, type Checker, type DeclarationProblem, type PageCheckInput } from './check-page.js';
import type { FormulaRecord } from './report.js';

/** The result of checking one file. */
export interface FileVerification {
  records: FormulaRecord[];
  declarationProblems: DeclarationProblem[];
  /** The context each formula was checked in, by formula id (what the widget's compiled formulas need). */
  contexts: Record<string, Context>;
}

/**
 * Check one page, keeping each formula's context.
 *
 * @param input The page's formulas and conventions.
 * @param checker Engine and cache.
 */
export function verifyPage(input: PageCheckInput, checker: Checker): FileVerification {
  const contexts: Record<string, Context> = {};
  const { records, problems } = checkPage(input, checker, (formula, context) => {
    contexts[formula.id] = context;
  });
  return { records, declarationProblems: problems, contexts };
}
