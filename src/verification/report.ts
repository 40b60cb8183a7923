/**
 * The verification report: the contract other tools read (`npm run verify -- --json`, the built
 * site's /verification.json). Fields may be added; these keep their names and meanings.
 */

import type { Counterexample } from '../engine/index.js';

/** The status a displayed formula gets: exactly one. */
export type FormulaStatus = 'verified' | 'mismatch' | 'not-checkable' | 'unsupported' | 'erratum';

/** Every status, in the order reports list them. */
export const STATUSES: readonly FormulaStatus[] = ['verified', 'mismatch', 'not-checkable', 'unsupported', 'erratum'];

/** One checked step of a chain (`a = b = c` has two). */
export interface StepRecord {
  status: FormulaStatus;
  /** Where the step starts in the file. */
  line: number;
  column: number;
  latex: string;
  reason: string;
  /** Largest relative error seen; null when the two sides could not be compared (different shapes). */
  error: number | null;
  suggestion?: string;
  counterexample?: Counterexample;
}

/** One formula of one page. */
export interface FormulaRecord {
  /** Stable id, the same in both languages (`#f-…` on the page). */
  id: string;
  /** Path relative to the project root. */
  file: string;
  line: number;
  column: number;
  lang: 'zh' | 'en';
  latex: string;
  status: FormulaStatus;
  reason: string;
  mode?: 'exact' | 'float';
  trials: number;
  maxRelError: number;
  /** Added fields. */
  display: boolean;
  slug: string;
  steps: StepRecord[];
  /**
   * A corrected formula is published `verified` and names the record of the source's original
   * (`erratum`), which names it back (`correction`): an erratum is the source's wrong formula, kept
   * for the record next to its correction, placed in the file where the erratum comment quotes it.
   */
  erratum?: string;
  correction?: string;
  /** For a corrected formula and its erratum: the source's formula as written, which must still fail. */
  original?: string;
  /** For a corrected formula and its erratum: where the source's formula fails, and by how much (relative error). */
  originalCounterexample?: StepRecord['counterexample'];
  originalError?: number;
}

/** The whole report. */
export interface VerificationReport {
  summary: Record<FormulaStatus, number>;
  formulas: FormulaRecord[];
}

/**
 * Counts per status.
 *
 * @param formulas Records to count.
 */
export function summarize(formulas: readonly FormulaRecord[]): Record<FormulaStatus, number> {
  const summary = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<FormulaStatus, number>;
  for (const formula of formulas) summary[formula.status] += 1;
  return summary;
}

/**
 * The text of the built site's /verification.json: the report, and whether the build checked the
 * formulas at all (`FORMULA_CHECK=off` writes an empty report with `checked: false`).
 *
 * @param checked Whether the build checked.
 * @param report The report (empty when not checked).
 */
export function verificationJson(checked: boolean, report: VerificationReport): string {
  return JSON.stringify({ checked, ...report }, null, 1);
}

/**
 * Of the display formulas a page publishes, how many are `verified` (an erratum record is the
 * source's formula, kept beside the published correction, so it is not one of them).
 *
 * @param formulas Records to count.
 */
export function displayCoverage(formulas: readonly FormulaRecord[]): { verified: number; published: number; text: string } {
  const published = formulas.filter((formula) => formula.display && !formula.correction);
  const verified = published.filter((formula) => formula.status === 'verified').length;
  const percent = published.length ? ` (${((100 * verified) / published.length).toFixed(1)}%)` : '';
  return { verified, published: published.length, text: `${verified}/${published.length}${percent}` };
}

/** A record is a problem that fails the build: a mismatch, or an unsupported formula nobody marked. */
export function isProblem(record: FormulaRecord): boolean {
  return record.status === 'mismatch' || record.status === 'unsupported';
}
