/**
 * Engine throughput on one core: every distinct (formula, context) the build checks — the real
 * notes', or a synthetic site's — verified once more by a fresh engine on this thread, timed one by
 * one and grouped by order (first or second derivative) and by mode (exact rational or float64;
 * "none" for formulas the engine does not evaluate: definitions, not-checkable, unsupported).
 */
import { createEngine, type Context } from '../../src/engine/index.js';
import { parseNote } from '../../src/markdown/parse-note.js';
import { listNoteFiles, loadReferences } from '../../src/site/notes.js';
import { VerdictCache } from '../../src/verification/cache.js';
import { BUILD_SEED, checkPage, createChecker, type Checker } from '../../src/verification/check-page.js';
import { collectFormulas } from '../../src/verification/collect.js';

/** Throughput of one group of formulas. */
export interface ThroughputRow {
  order: 'first' | 'second' | 'all';
  mode: 'exact' | 'float' | 'none' | 'all';
  formulas: number;
  ms: number;
  perSecond: number;
}

/** A formula as the build checks it. */
export interface CheckedFormula {
  latex: string;
  context: Context;
  /** Whether a *did you mean* is searched when it fails (not for errata's originals). */
  suggest: boolean;
}

const SECOND_ORDER = /\\partial\s*\^\s*\{?2|\\nabla\s*\^\s*\{?2|\\nabla\s*_\{?\w+\}?\s*\^\s*\{?2|\\mathrm\{d\}\s*\^\s*\{?2|\bH\s*[[(]|\\mathrm\{d\}\^2/;

/**
 * Whether a formula claims a second derivative (Hessian, `d²`).
 *
 * @param latex The formula.
 */
export function isSecondOrder(latex: string): boolean {
  return SECOND_ORDER.test(latex);
}

/**
 * Every distinct formula and context a project's build checks, in page order (erratum originals included).
 *
 * @param root The project root.
 */
export async function checkedFormulas(root: string): Promise<CheckedFormula[]> {
  const references = loadReferences(root);
  const inner = createChecker(new VerdictCache(undefined));
  const seen = new Map<string, CheckedFormula>();
  const recording: Checker = {
    engine: inner.engine,
    verify(latex, context, options) {
      const key = VerdictCache.key({ latex, context, options });
      if (!seen.has(key)) seen.set(key, { latex, context, suggest: options?.suggest !== false });
      return inner.verify(latex, context, options);
    },
  };
  for (const note of listNoteFiles(root)) {
    const { tree } = await parseNote(note.text, note.path, { references });
    const convention = note.frontmatter.convention as 'numerator' | 'denominator' | undefined;
    checkPage({ file: note.path, slug: note.slug, lang: note.lang, convention, formulas: collectFormulas(tree, note.text) }, recording);
  }
  return [...seen.values()];
}

/**
 * Time each formula on a fresh engine (the build's seed and options), grouped by order and mode.
 *
 * @param formulas From {@link checkedFormulas}.
 */
export function measureThroughput(formulas: readonly CheckedFormula[]): { rows: ThroughputRow[]; total: ThroughputRow } {
  const engine = createEngine();
  const groups = new Map<string, ThroughputRow>();
  for (const { latex, context, suggest } of formulas) {
    const started = performance.now();
    const verdict = engine.verify(latex, context, { seed: BUILD_SEED, suggest });
    const ms = performance.now() - started;
    const order = isSecondOrder(latex) ? 'second' : 'first';
    const mode = verdict.mode && (verdict.status === 'verified' || verdict.status === 'mismatch') ? verdict.mode : 'none';
    const key = `${order}/${mode}`;
    const row: ThroughputRow = groups.get(key) ?? { order, mode, formulas: 0, ms: 0, perSecond: 0 };
    row.formulas += 1;
    row.ms += ms;
    groups.set(key, row);
  }
  const rows = [...groups.values()].sort((a, b) => `${a.order}/${a.mode}`.localeCompare(`${b.order}/${b.mode}`));
  const total: ThroughputRow = { order: 'all', mode: 'all', formulas: 0, ms: 0, perSecond: 0 };
  for (const row of rows) {
    row.perSecond = row.formulas / (row.ms / 1000);
    total.formulas += row.formulas;
    total.ms += row.ms;
  }
  total.perSecond = total.formulas / (total.ms / 1000);
  return { rows, total };
}
