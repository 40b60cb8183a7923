import { type Diagnostic, DiagnosticCode, diagnostic } from '../diagnostics.js';
import type { FormulaTree } from '../latex/ast.js';
import { NotExactError, RationalOverflowError } from '../numeric/field.js';
import type { OpSpec } from '../ops/define.js';
import { type Context, DEFAULT_FUNCTIONS, type ElementwiseName } from '../types/context.js';
import { type CheckOptions, type CheckResult, checkPrepared } from './check.js';
import { type Prepared, prepare } from './prepare.js';
import { suggestFix } from './suggest.js';
import { type StepVerdict, type Verdict, combineStatus } from './verdict.js';

/** Default number of random trials per formula. */
export const DEFAULT_TRIALS = 3;
/** Default seed (any fixed number: same seed, same verdict). */
export const DEFAULT_SEED = 20240601;

/** Options of one verification. */
export interface VerifyOptions {
  /** Seed of the sampler: the same seed gives the same samples and verdict. */
  seed?: number;
  /** Number of random trials (distinct sizes per trial). */
  trials?: number;
  /** Search a *did you mean* for mismatched steps (default true; off for bulk runs). */
  suggest?: boolean;
}

/**
 * The elementwise functions in force: σ = logistic unless the context says otherwise. A default
 * function name declared with a shape (`sigma: m×m spd`) is that symbol, unless also declared a function.
 */
export function functionsOf(ctx: Context): Record<string, ElementwiseName> {
  const defaults: Record<string, ElementwiseName> = { ...DEFAULT_FUNCTIONS, tanh: 'tanh' };
  for (const name of Object.keys(defaults)) if (ctx.symbols?.[name]?.rows) delete defaults[name];
  return { ...defaults, ...ctx.functions };
}

function isParseError(d: Diagnostic): boolean {
  return d.severity === 'error' && d.code !== DiagnosticCode.shapeConflict;
}

function summarise(steps: StepVerdict[], status: Verdict['status'], result: CheckResult | null): string {
  const failing = steps.findIndex((s) => s.status === status);
  const counted = steps.filter((s) => s.status === 'verified').length;
  switch (status) {
    case 'verified':
      return `${counted} of ${steps.length} step${steps.length === 1 ? '' : 's'} hold on ${result?.trials ?? 0} samples (${result?.mode})`;
    case 'mismatch': {
      const s = steps[failing];
      return `step ${failing + 1} fails: ${s.reason}${s.suggestion ? `; ${s.suggestion}` : ''}`;
    }
    default: {
      const open = steps.findIndex((s) => s.status !== 'verified' && !s.premise);
      const k = open >= 0 ? open : failing;
      if (k < 0) return 'the formula states no relation to check';
      return counted && steps.length > 1 ? `step ${k + 1} is not checkable: ${steps[k].reason} (${counted} of ${steps.length} steps verified)` : steps[k].reason;
    }
  }
}

/** Check a parsed formula (shared by `verify` and `verifyCompiled`, which skips parsing). */
export function verifyTree(
  latex: string,
  tree: FormulaTree,
  parseDiagnostics: Diagnostic[],
  context: Context,
  ops: ReadonlyMap<string, OpSpec>,
  options: VerifyOptions = {},
): Verdict {
  const functions = functionsOf(context);
  const diagnostics = [...parseDiagnostics];
  const checkOptions: CheckOptions = { seed: options.seed ?? DEFAULT_SEED, trials: options.trials ?? DEFAULT_TRIALS, ops, functions };
  try {
    const prepared = prepare(latex, [...tree.claims], context, new Set(Object.keys(functions)));
    let result: CheckResult;
    try {
      result = checkPrepared(prepared, checkOptions);
    } catch (error) {
      if (!(error instanceof NotExactError || error instanceof RationalOverflowError)) throw error;
      checkOptions.forceFloat = true;
      result = checkPrepared(prepared, checkOptions);
      diagnostics.push(diagnostic(DiagnosticCode.rationalFallback, `Exact arithmetic was abandoned (${error.message}); the check ran in float64.`, { start: 0, end: latex.length }, 'info'));
    }
    diagnostics.push(...result.diagnostics.filter((d) => !diagnostics.includes(d)));
    const steps = result.steps;
    steps.forEach((s, k) => {
      if (s.status === 'mismatch' && options.suggest !== false) {
        const suggestion = suggestFix(prepared, prepared.steps[k], checkOptions, result.pinned);
        if (suggestion) s.suggestion = suggestion;
      }
    });
    let status = combineStatus(steps);
    const parseError = diagnostics.find(isParseError);
    if (parseError && status !== 'mismatch') status = 'unsupported';
    const reason = parseError && status === 'unsupported' && !steps.some((s) => s.status === 'unsupported')
      ? parseError.message
      : summarise(steps, status, result);
    const errors = steps.filter((s) => s.status === 'verified').map((s) => s.error);
    const verdict: Verdict = {
      status,
      reason,
      mode: result.mode,
      trials: result.trials,
      maxRelError: errors.length ? Math.max(...errors) : 0,
      steps,
      diagnostics,
    };
    carryRestatements(prepared, latex, (k) => steps[k].status === 'verified');
    if (Object.keys(prepared.defines).length) verdict.defines = prepared.defines;
    if (Object.keys(prepared.declares).length) verdict.declares = prepared.declares;
    return verdict;
  } catch (error) {
    return internalErrorVerdict(latex, error, diagnostics);
  }
}

/**
 * A restatement `l = … = E` of a defined l, once every step of it holds, carries E (its last form) to later
 * formulas: added to `prepared.defines`.
 *
 * @param prepared The prepared formula.
 * @param latex Its source.
 * @param holds Whether step k (of `prepared.steps`) holds.
 */
export function carryRestatements(prepared: Prepared, latex: string, holds: (k: number) => boolean): void {
  for (const claim of prepared.claims) {
    const [head] = claim.items;
    const last = claim.items.at(-1);
    if (!last || claim.items.length < 2 || head.kind !== 'symbol' || !prepared.ctx.definitions?.[head.name] || prepared.defines[head.name]) continue;
    const own = prepared.steps.flatMap((step, k) => (step.span.start >= claim.span.start && step.span.end <= claim.span.end ? [k] : []));
    if (own.length && own.every(holds)) prepared.defines[head.name] = { params: [], body: last, latex: latex.slice(last.span.start, last.span.end) };
  }
}

/**
 * The verdict for a bug of ours (never an author's mistake): `unsupported`, saying so.
 *
 * @param latex The formula being checked.
 * @param error What was thrown.
 * @param diagnostics Diagnostics gathered before the failure.
 */
export function internalErrorVerdict(latex: string, error: unknown, diagnostics: readonly Diagnostic[] = []): Verdict {
  const message = error instanceof Error ? error.message : String(error);
  return {
    status: 'unsupported',
    reason: `internal error in the checker: ${message}`,
    trials: 0,
    maxRelError: 0,
    steps: [],
    diagnostics: [...diagnostics, diagnostic(DiagnosticCode.evaluationFailed, `The checker failed: ${message}`, { start: 0, end: latex.length })],
  };
}
