/**
 * Check the formulas of one page: thread the context through the page (frontmatter convention,
 * declarations, definitions made by earlier formulas), ask the engine, apply the author's marks
 * (not-checkable, erratum), and turn verdicts into report records. Verdicts come from the cache
 * when the formula, its context, the seed and the engine are unchanged.
 */
import { createEngine, definedName, ENGINE_VERSION, mergeContext, type Context, type Definition, type Engine, type StepVerdict, type Verdict } from '../engine/index.js';
import { locate, type CollectedFormula } from './collect.js';
import { VerdictCache } from './cache.js';
import type { FormulaRecord, FormulaStatus, StepRecord } from './report.js';

/** The seed every build uses: the same input always gets the same verdict. */
export const BUILD_SEED = 20260101;

/** What a page check needs. */
export interface PageCheckInput {
  file: string;
  slug: string;
  lang: 'zh' | 'en';
  convention?: 'numerator' | 'denominator';
  formulas: readonly CollectedFormula[];
}

/** What a check may skip. */
export interface CheckOptions {
  /** Search a *did you mean* for a failing step (default true). */
  suggest?: boolean;
}

/** A verdict-producing function with the cache in front of it. */
export interface Checker {
  engine: Engine;
  verify(latex: string, context: Context, options?: CheckOptions): Verdict;
}

/**
 * A checker over an engine and a cache.
 *
 * @param cache The verdict cache (memory and disk).
 * @param engineFingerprint Identifies the engine's code beyond ENGINE_VERSION (a hash of its
 *   sources), so an edited engine never reads verdicts its previous self cached.
 */
export function createChecker(cache: VerdictCache<Verdict>, engineFingerprint = ''): Checker {
  const engine = createEngine();
  return {
    engine,
    verify: (latex, context, options = {}) =>
      cache.getOrCompute(verdictKey(latex, context, engineFingerprint, options), () =>
        engine.verify(latex, context, { seed: BUILD_SEED, ...(options.suggest === false ? { suggest: false } : {}) }),
      ),
  };
}

/**
 * The cache key of a formula's verdict: everything that decides it.
 *
 * @param latex The formula.
 * @param context The context it is checked in.
 * @param engineFingerprint See {@link createChecker}.
 * @param options What the check skipped (a verdict without a *did you mean* is another verdict).
 */
export function verdictKey(latex: string, context: Context, engineFingerprint = '', options: CheckOptions = {}): string {
  return VerdictCache.key({ latex, context, seed: BUILD_SEED, engine: ENGINE_VERSION, engineFingerprint, ...(options.suggest === false ? { suggest: false } : {}) });
}

function stepRecords(formula: Pick<CollectedFormula, 'latex' | 'lineStarts'>, steps: readonly StepVerdict[]): StepRecord[] {
  return steps.map((step) => ({
    status: step.status,
    ...locate(formula, step.span.start),
    latex: formula.latex.slice(step.span.start, step.span.end),
    reason: step.reason,
    // JSON has no Infinity (a shape conflict): null says "not comparable", the same after a cache round trip.
    error: Number.isFinite(step.error) ? step.error : null,
    ...(step.suggestion ? { suggestion: step.suggestion } : {}),
    ...(step.counterexample ? { counterexample: step.counterexample } : {}),
  }));
}

/** What a record is made of: a collected formula, or an erratum's original placed in its comment. */
type RecordSource = Pick<CollectedFormula, 'id' | 'latex' | 'display' | 'line' | 'column' | 'lineStarts'>;

function record(input: PageCheckInput, formula: RecordSource, status: FormulaStatus, reason: string, verdict: Verdict): FormulaRecord {
  return {
    id: formula.id,
    file: input.file,
    line: formula.line,
    column: formula.column,
    lang: input.lang,
    latex: formula.latex,
    status,
    reason,
    ...(verdict.mode ? { mode: verdict.mode } : {}),
    trials: verdict.trials,
    maxRelError: verdict.maxRelError,
    display: formula.display,
    slug: input.slug,
    steps: stepRecords(formula, verdict.steps),
  };
}

/**
 * Decide a formula's status from its verdict and the author's mark. A corrected formula is one
 * record (the correction, as published: `verified`, naming its erratum) and the source's original
 * is another (`erratum`, kept for the record next to its correction, placed where the comment
 * quotes it).
 */
function judge(input: PageCheckInput, formula: CollectedFormula, verdict: Verdict, checker: Checker, context: Context): FormulaRecord[] {
  const mark = formula.mark;
  if (mark?.kind === 'erratum') {
    // The source's formula must fail; its *did you mean* is never shown (the correction is the fix), so it is not searched.
    const original = checker.verify(mark.original, context, { suggest: false });
    if (verdict.status !== 'verified') {
      return [record(input, formula, verdict.status === 'mismatch' ? 'mismatch' : 'unsupported', `the correction of an erratum must verify: ${verdict.reason}`, verdict)];
    }
    if (original.status !== 'mismatch') {
      return [{
        ...record(input, formula, 'mismatch', `stale erratum: the source's formula \`${mark.original}\` does not fail (${original.status}: ${original.reason}); remove the erratum or fix its original`, verdict),
        original: mark.original,
      }];
    }
    const failing = original.steps.find((step) => step.status === 'mismatch');
    const reason = failing?.reason ?? original.reason;
    // A shape conflict has no finite error (and JSON has no Infinity): then the field is absent.
    const originalError = failing?.error ?? original.maxRelError;
    const about = {
      original: mark.original,
      ...(failing?.counterexample ? { originalCounterexample: failing.counterexample } : {}),
      ...(Number.isFinite(originalError) ? { originalError } : {}),
    };
    const placed: RecordSource = { id: `${formula.id}-erratum`, latex: mark.original, display: formula.display, lineStarts: mark.lineStarts, ...locate(mark, 0) };
    const erratum: FormulaRecord = {
      ...record(input, placed, 'erratum', reason, original),
      ...about,
      // What failed: the largest relative error of its steps (none when the sides cannot be compared; the reason says so).
      maxRelError: Math.max(0, ...original.steps.map((step) => step.error).filter(Number.isFinite)),
      correction: formula.id,
    };
    return [{ ...record(input, formula, 'verified', verdict.reason, verdict), ...about, erratum: erratum.id }, erratum];
  }
  if (mark?.kind === 'not-checkable' && (verdict.status === 'unsupported' || verdict.status === 'not-checkable')) {
    return [record(input, formula, 'not-checkable', mark.reason, verdict)];
  }
  return [record(input, formula, verdict.status, verdict.reason, verdict)];
}

/** A declaration the engine could not read, placed in the file. */
export interface DeclarationProblem {
  file: string;
  line: number;
  message: string;
}

/**
 * Check every formula of a page, in order, carrying context forward.
 *
 * @param input The page's formulas and conventions.
 * @param checker Engine and cache.
 * @param observe Called with each formula, the context it was checked in, and its record.
 */
export function checkPage(
  input: PageCheckInput,
  checker: Checker,
  observe?: (formula: CollectedFormula, context: Context, record: FormulaRecord) => void,
): { records: FormulaRecord[]; problems: DeclarationProblem[] } {
  // What the author declared holds to the end of the page; what formulas define, to the end of their section.
  let declared: Context = input.convention ? { layout: input.convention } : {};
  let learned: Context = {};
  /** The functions the rule schemas so far described (`dF = A(dX)B`), for `given: F`. */
  const hypotheses: Record<string, Definition> = {};
  let section = -1;
  const records: FormulaRecord[] = [];
  const problems: DeclarationProblem[] = [];
  for (const formula of input.formulas) {
    if (formula.section !== section) {
      section = formula.section;
      learned = { ...learned, definitions: {} };
    }
    for (const annotation of formula.declarations) {
      if (annotation.kind !== 'declarations') continue;
      const parsed = checker.engine.parseDeclarations(annotation.text);
      for (const diagnostic of parsed.diagnostics) {
        const line = annotation.line + annotation.text.slice(0, diagnostic.span.start).split('\n').length - 1;
        problems.push({ file: input.file, line, message: diagnostic.message });
      }
      declared = mergeContext(declared, parsed.context);
      // `forget: f` ends what formulas defined too, not only declarations.
      if (parsed.context.forget?.length) learned = mergeContext(learned, { forget: parsed.context.forget });
      for (const name of parsed.context.given ?? []) {
        const hypothesis = hypotheses[name];
        if (hypothesis) learned = mergeContext(learned, { definitions: { [name]: { ...hypothesis, schema: false } } });
        else problems.push({ file: input.file, line: annotation.line, message: `"given: ${name}": no earlier formula on this page states a hypothesis d${name} = … to take ${name} from.` });
      }
    }
    const context = mergeContext(learned, declared);
    const verdict = checker.verify(formula.latex, context);
    const judged = judge(input, formula, verdict, checker, context);
    records.push(...judged);
    observe?.(formula, context, judged[0]);
    if (verdict.defines || verdict.declares) {
      const defines = Object.entries(verdict.defines ?? {});
      for (const [name, definition] of defines) if (definition.schema) hypotheses[name] = definition;
      learned = mergeContext(learned, { definitions: Object.fromEntries(defines.filter(([, d]) => !d.schema)), symbols: verdict.declares ?? {} });
      // A formula that defines a name again ends a `define:` declaration of that name (else it would override the formula).
      const redefined = new Set(Object.keys(verdict.defines ?? {}));
      if (declared.define?.some((text) => redefined.has(definedName(text)))) {
        declared = { ...declared, define: declared.define.filter((text) => !redefined.has(definedName(text))) };
      }
    }
  }
  return { records, problems };
}

