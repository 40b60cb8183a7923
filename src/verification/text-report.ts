/**
 * What `npm run verify` prints for people: one line per formula (`file:line:column status detail`),
 * every bad declaration and every problem in full, and a summary line. The authoring guide shows
 * this same text for its example notes.
 */
import type { DeclarationProblem } from './check-page.js';
import { formatProblem } from './format.js';
import { displayCoverage, isProblem, summarize, type FormulaRecord } from './report.js';

/**
 * The line of one formula.
 *
 * @param formula A record of the report.
 */
export function formulaLine(formula: FormulaRecord): string {
  const detail = formula.status === 'verified' ? `${formula.mode}, ${formula.trials} trials, max rel. error ${formula.maxRelError.toExponential(1)}` : formula.reason;
  const corrected = formula.erratum ? '; corrects the source, whose formula is the erratum below' : '';
  return `${formula.file}:${formula.line}:${formula.column} ${formula.status} ${detail}${corrected}`;
}

/**
 * A declaration the engine could not read, as one line.
 *
 * @param problem From the page check.
 */
export function declarationLine(problem: DeclarationProblem): string {
  return `${problem.file}:${problem.line}:1: bad declaration: ${problem.message}`;
}

/**
 * The whole text of a verify run.
 *
 * @param formulas Every checked formula, in file and page order.
 * @param declarationProblems Declarations that could not be read.
 * @param fileCount How many files were checked.
 */
export function verifyText(formulas: readonly FormulaRecord[], declarationProblems: readonly DeclarationProblem[], fileCount: number): string {
  const lines = formulas.map(formulaLine);
  for (const problem of declarationProblems) lines.push('', declarationLine(problem));
  for (const problem of formulas.filter(isProblem)) lines.push('', formatProblem(problem));
  const summary = Object.entries(summarize(formulas)).map(([status, count]) => `${count} ${status}`).join(', ');
  lines.push('', `${formulas.length} formulas in ${fileCount} file(s): ${summary}; display formulas verified: ${displayCoverage(formulas).text}`);
  return lines.join('\n');
}
