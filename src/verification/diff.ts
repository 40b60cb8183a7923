/**
 * The verification diff: what a change did to the notes' correctness. Two reports (the base
 * branch's and the current one) are compared formula by formula — matched by note, language and
 * formula id (a hash of the LaTeX, so an edited formula is one removed and one added) — and the
 * result is printed as the Markdown a reviewer reads in the pull request's job summary.
 */
import { STATUSES, summarize, type FormulaRecord, type FormulaStatus, type VerificationReport } from './report.js';

/** What happened to one formula between the base and the current report. */
export type ChangeKind = 'added' | 'removed' | 'status';

/** One change, merged over the languages in which it happened identically. */
export interface FormulaChange {
  kind: ChangeKind;
  id: string;
  latex: string;
  /** Status in the base report (absent for an added formula). */
  before?: FormulaStatus;
  /** Status now (absent for a removed formula). */
  after?: FormulaStatus;
  /** The current reason (the base's for a removed formula). */
  reason: string;
  /** For a corrected formula: the source's formula as written. */
  original?: string;
  /** `file:line` of every language where the change happened. */
  places: string[];
}

/** The changes of one note, and its counts before and after. */
export interface NoteDiff {
  slug: string;
  before: Record<FormulaStatus, number>;
  after: Record<FormulaStatus, number>;
  changes: FormulaChange[];
}

/** The whole diff, note by note in the order of the current report (removed notes last). */
export interface ReportDiff {
  notes: NoteDiff[];
  before: Record<FormulaStatus, number>;
  after: Record<FormulaStatus, number>;
}

const KIND_ORDER: Record<ChangeKind, number> = { status: 0, added: 1, removed: 2 };
const MAX_LATEX = 90;

function key(record: FormulaRecord): string {
  return `${record.slug}\0${record.lang}\0${record.id}`;
}

function place(record: FormulaRecord): string {
  return `${record.file}:${record.line}`;
}

/**
 * Compare two reports formula by formula.
 *
 * @param base The base branch's report.
 * @param current The report of the change.
 */
export function diffReports(base: VerificationReport, current: VerificationReport): ReportDiff {
  const baseByKey = new Map(base.formulas.map((record) => [key(record), record]));
  const currentKeys = new Set(current.formulas.map(key));
  const raw: { slug: string; change: Omit<FormulaChange, 'places'>; place: string }[] = [];
  for (const record of current.formulas) {
    const old = baseByKey.get(key(record));
    // A corrected formula says what the source wrote; its erratum record's LaTeX is that already.
    const original = record.erratum ? record.original : undefined;
    if (!old) raw.push({ slug: record.slug, place: place(record), change: { kind: 'added', id: record.id, latex: record.latex, after: record.status, reason: record.reason, original } });
    else if (old.status !== record.status) {
      raw.push({ slug: record.slug, place: place(record), change: { kind: 'status', id: record.id, latex: record.latex, before: old.status, after: record.status, reason: record.reason, original } });
    }
  }
  for (const record of base.formulas) {
    if (!currentKeys.has(key(record))) raw.push({ slug: record.slug, place: place(record), change: { kind: 'removed', id: record.id, latex: record.latex, before: record.status, reason: record.reason } });
  }

  const slugs = [...new Set([...current.formulas.map((r) => r.slug), ...base.formulas.map((r) => r.slug)])];
  const notes = slugs.map((slug): NoteDiff => {
    const merged = new Map<string, FormulaChange>();
    for (const entry of raw.filter((item) => item.slug === slug)) {
      const { change } = entry;
      const mergeKey = [change.kind, change.id, change.before, change.after].join('\0');
      const existing = merged.get(mergeKey);
      if (existing) existing.places.push(entry.place);
      else merged.set(mergeKey, { ...change, places: [entry.place] });
    }
    const changes = [...merged.values()].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
    return {
      slug,
      before: summarize(base.formulas.filter((r) => r.slug === slug)),
      after: summarize(current.formulas.filter((r) => r.slug === slug)),
      changes,
    };
  });
  return { notes, before: summarize(base.formulas), after: summarize(current.formulas) };
}

/** Text that is safe inside a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');
}

/** LaTeX as an inline code span in a table cell, shortened when long. */
function code(latex: string): string {
  const flat = latex.replace(/\s+/g, ' ').trim();
  const short = flat.length > MAX_LATEX ? `${flat.slice(0, MAX_LATEX - 1)}…` : flat;
  const fence = short.includes('`') ? '``' : '`';
  return `${fence}${cell(short)}${fence}`;
}

function count(before: number, after: number): string {
  const delta = after - before;
  return delta === 0 ? String(after) : `${after} (${delta > 0 ? '+' : '−'}${Math.abs(delta)})`;
}

function countsRow(label: string, before: Record<FormulaStatus, number>, after: Record<FormulaStatus, number>): string {
  const total = (counts: Record<FormulaStatus, number>) => STATUSES.reduce((sum, status) => sum + counts[status], 0);
  return `| ${label} | ${STATUSES.map((status) => count(before[status], after[status])).join(' | ')} | ${count(total(before), total(after))} |`;
}

/** The one-line description of a change, in the reviewer's words. */
export function describeChange(change: FormulaChange): string {
  if (change.kind === 'added') return change.after === 'erratum' ? 'added (new erratum)' : 'added';
  if (change.kind === 'removed') return 'removed';
  if (change.after === 'erratum') return 'new erratum';
  if (change.after === 'not-checkable') return 'newly not-checkable';
  if (change.after === 'mismatch' || change.after === 'unsupported') return `now ${change.after}`;
  if (change.after === 'verified') return 'now verified';
  return 'changed status';
}

function status(value: FormulaStatus | undefined): string {
  if (!value) return '—';
  return value === 'mismatch' || value === 'unsupported' ? `**${value}**` : value;
}

/**
 * The diff as Markdown for a pull request's job summary: the counts per note (with the change
 * against the base in parentheses), then every changed formula, note by note.
 *
 * @param diff From {@link diffReports}.
 */
export function diffToMarkdown(diff: ReportDiff): string {
  const lines = ['## Formula verification', '', `| note | ${STATUSES.join(' | ')} | total |`, `| --- | ${STATUSES.map(() => '---:').join(' | ')} | ---: |`];
  for (const note of diff.notes) lines.push(countsRow(cell(note.slug), note.before, note.after));
  lines.push(countsRow('**all notes**', diff.before, diff.after));
  const changed = diff.notes.filter((note) => note.changes.length);
  if (!changed.length) {
    lines.push('', 'No formula was added, removed or changed status against the base.');
    return `${lines.join('\n')}\n`;
  }
  const total = changed.reduce((sum, note) => sum + note.changes.length, 0);
  lines.push('', `${total} change(s) against the base:`);
  for (const note of changed) {
    lines.push('', `### ${cell(note.slug)}`, '', '| change | where | formula | before | after | reason |', '| --- | --- | --- | --- | --- | --- |');
    for (const change of note.changes) {
      lines.push(`| ${describeChange(change)} | ${change.places.map((p) => `\`${cell(p)}\``).join('<br>')} | ${code(change.latex)} | ${status(change.before)} | ${status(change.after)} | ${change.original ? `the source wrote ${code(change.original)}: ` : ''}${cell(change.reason)} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Whether a value read from a file looks like a verification report.
 *
 * @param value Parsed JSON.
 */
export function isReport(value: unknown): value is VerificationReport {
  return typeof value === 'object' && value !== null && Array.isArray((value as VerificationReport).formulas);
}
