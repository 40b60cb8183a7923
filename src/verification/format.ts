/**
 * Problems as people and CI read them: `file:line:column`, what failed, the counterexample, the
 * *did you mean*; and, on GitHub Actions, `::error file=…,line=…,col=…::` annotations.
 */
import type { FormulaRecord, StepRecord } from './report.js';

const MAX_MATRIX_ROWS = 4;
const DIGITS = 4;

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(DIGITS);
}

/**
 * A small matrix on one line: `[[1, 2], [3, 4]]`, long ones cut.
 *
 * @param matrix Rows of numbers.
 */
export function formatMatrix(matrix: number[][]): string {
  const rows = matrix.slice(0, MAX_MATRIX_ROWS).map((row) => `[${row.slice(0, MAX_MATRIX_ROWS).map(formatNumber).join(', ')}${row.length > MAX_MATRIX_ROWS ? ', …' : ''}]`);
  return `[${rows.join(', ')}${matrix.length > MAX_MATRIX_ROWS ? ', …' : ''}]`;
}

function failingStep(record: FormulaRecord): StepRecord | undefined {
  return record.steps.find((step) => step.status === record.status) ?? record.steps[0];
}

/**
 * A problem as lines for a terminal: location, status, reason, counterexample, suggestion.
 *
 * @param record A formula whose status is a problem.
 */
export function formatProblem(record: FormulaRecord): string {
  const step = failingStep(record);
  const at = step ? `${record.file}:${step.line}:${step.column}` : `${record.file}:${record.line}:${record.column}`;
  // A step that holds (a stale erratum's) does not explain the problem: the record's reason does.
  const reason = step && step.status === record.status ? step.reason : record.reason;
  const lines = [`${at}: ${record.status}: ${reason}`, `  formula: ${record.latex.replace(/\s+/g, ' ').trim()}`];
  if (step && step.latex !== record.latex) lines.push(`  failing step: ${step.latex.replace(/\s+/g, ' ').trim()}`);
  const example = step?.counterexample;
  if (example) {
    const sizes = Object.entries(example.sizes).map(([name, size]) => `${name}=${size}`).join(', ');
    lines.push(`  counterexample${sizes ? ` (${sizes})` : ''}:`);
    for (const [name, value] of Object.entries(example.inputs)) lines.push(`    ${name} = ${formatMatrix(value)}`);
    lines.push(`    left  = ${formatMatrix(example.left)}`, `    right = ${formatMatrix(example.right)}`);
    if (step.error && Number.isFinite(step.error)) lines.push(`    relative error ${step.error.toExponential(2)}`);
  }
  if (step?.suggestion) lines.push(`  did you mean: ${step.suggestion}`);
  return lines.join('\n');
}

function escapeAnnotation(text: string, property = false): string {
  const escaped = text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  return property ? escaped.replace(/:/g, '%3A').replace(/,/g, '%2C') : escaped;
}

/**
 * A GitHub Actions workflow command that annotates the formula's line in a pull request.
 *
 * @param record A formula whose status is a problem.
 */
export function githubAnnotation(record: FormulaRecord): string {
  const step = failingStep(record);
  const line = step?.line ?? record.line;
  const column = step?.column ?? record.column;
  const title = `formula ${record.status}`;
  const message = formatProblem(record).split('\n').slice(0).join('\n');
  return `::error file=${escapeAnnotation(record.file, true)},line=${line},col=${column},title=${escapeAnnotation(title, true)}::${escapeAnnotation(message)}`;
}
