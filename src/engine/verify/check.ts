import { type Diagnostic, DiagnosticCode, diagnostic } from '../diagnostics.js';
import type { Expr } from '../latex/ast.js';
import { symbolNames, walk } from '../latex/walk.js';
import { NotCheckableError, UnsupportedError } from '../numeric/errors.js';
import { NotExactError, RationalOverflowError, SingularError } from '../numeric/field.js';
import { mixSeed } from '../numeric/prng.js';
import { drawSizes } from '../numeric/sample.js';
import type { OpSpec } from '../ops/define.js';
import type { ElementwiseName, SymbolDeclaration } from '../types/context.js';
import type { Dim } from '../types/dims.js';
import type { ShapeInfo } from '../types/infer.js';
import { ShapeInference } from '../types/infer.js';
import { compareMatrices, toNumberRows } from './compare.js';
import { isRationalFormula } from './mode.js';
import type { Prepared, Step } from './prepare.js';
import { indexRange } from '../numeric/evaluate.js';
import { freeIndices } from './indices.js';
import { type Trial, buildTrial, evaluateSideIn } from './trials.js';
import type { Counterexample, StepVerdict } from './verdict.js';

/** How often a trial is re-drawn when a sample is singular or outside a function's domain. */
export const MAX_REDRAWS = 12;
/** Alternative size draws tried when symbolic constraints (mn = pq) fail for a draw. */
export const MAX_SIZE_DRAWS = 6;
/** Wall-clock budget of one formula; later trials are skipped (and the verdict says how many ran). */
export const TIME_BUDGET_MS = 4000;

/** Options of one check. */
export interface CheckOptions {
  seed: number;
  trials: number;
  ops: ReadonlyMap<string, OpSpec>;
  functions: Readonly<Record<string, ElementwiseName>>;
  /** Force float mode (used after an exact attempt overflows). */
  forceFloat?: boolean;
}

/** The result of checking all steps of a prepared formula. */
export interface CheckResult {
  steps: StepVerdict[];
  mode: 'exact' | 'float';
  trials: number;
  diagnostics: Diagnostic[];
  /** The inferred shape of every symbol, as declarations (used to keep shapes fixed while trying fixes). */
  pinned: Record<string, SymbolDeclaration>;
}

/** A step's verdict while the trials run. */
export interface StepState {
  step: Step;
  verdict: StepVerdict;
  done: boolean;
  /** The step's free index letters (checked for every value), worked out once. */
  free: string[];
}

function withinSpan(inner: { start: number; end: number }, outer: { start: number; end: number }): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

/** Free index values a step is checked at: every combination, up to this many (then a spread-out subset). */
export const MAX_INDEX_ASSIGNMENTS = 24;

/** The values of the step's free indices to check: all combinations of their ranges (one empty map when none). */
function indexAssignments(letters: readonly string[], trial: Trial<unknown>): Map<string, number>[] {
  let out: Map<string, number>[] = [new Map()];
  for (const letter of letters) {
    const n = indexRange(trial.env.program, letter);
    out = out.flatMap((m) => Array.from({ length: n }, (_, k) => new Map([...m, [letter, k + 1]])));
  }
  if (out.length <= MAX_INDEX_ASSIGNMENTS) return out;
  const stride = out.length / MAX_INDEX_ASSIGNMENTS;
  return Array.from({ length: MAX_INDEX_ASSIGNMENTS }, (_, k) => out[Math.floor(k * stride)]);
}

function counterexample(trial: Trial<unknown>, sizes: Map<string, number>, left: unknown, right: unknown, indices: Map<string, number>): Counterexample {
  const F = trial.base;
  const inputs: Record<string, number[][]> = {};
  for (const [name, m] of trial.inputs) inputs[name] = toNumberRows(F, m);
  const named: Record<string, number> = {};
  for (const [k, v] of sizes) if (!k.startsWith('#')) named[k] = v;
  return {
    inputs,
    left: toNumberRows(F, left as never),
    right: toNumberRows(F, right as never),
    sizes: named,
    ...(indices.size ? { indices: Object.fromEntries(indices) } : {}),
  };
}

/**
 * The shapes of a prepared formula: every symbol and node, with its dimension names unified.
 *
 * @param prepared The prepared formula.
 * @param options Operators and elementwise functions in force.
 */
export function inferShapes(prepared: Prepared, options: Pick<CheckOptions, 'ops' | 'functions'>): ShapeInfo {
  const inference = new ShapeInference(prepared.ctx, { ops: options.ops, elementwise: new Set(Object.keys(options.functions)) });
  inference.inferClaims(prepared.claims);
  inference.settleOnes();
  return inference.info;
}

/**
 * The sizes trial `t` of `trials` draws (trying other draws when symbolic constraints fail), or null.
 *
 * @param info Inferred shapes.
 * @param t Trial index.
 * @param trials Number of trials of the check.
 */
export function trialSizes(info: ShapeInfo, t: number, trials: number): Map<string, number> | null {
  let sizes: Map<string, number> | null = null;
  for (let k = 0; k < MAX_SIZE_DRAWS && !sizes; k++) sizes = drawSizes(info, t + k * trials);
  return sizes;
}

/**
 * The seed of attempt `attempt` (re-draws after a singular sample) of trial `t`.
 *
 * @param seed The check's seed.
 * @param t Trial index.
 * @param attempt Re-draw number, from 0.
 */
export function trialSeed(seed: number, t: number, attempt: number): number {
  return mixSeed(seed, t * 97 + attempt);
}

/**
 * Each step's verdict before any sample: premises, relations that are not equations, opaque or
 * undefined constructs and shape conflicts are settled (`done`); the rest await the trials.
 *
 * @param prepared The prepared formula.
 * @param info Its inferred shapes.
 * @param options Operators and functions in force.
 */
export function initialStates(prepared: Prepared, info: ShapeInfo, options: Pick<CheckOptions, 'ops' | 'functions'>): StepState[] {
  const states: StepState[] = prepared.steps.map((step) => ({
    step,
    verdict: { status: 'verified', span: step.span, reason: '', error: 0 },
    done: false,
    free: [...new Set([...freeIndices(step.left), ...freeIndices(step.right)])].sort(),
  }));
  for (const s of states) {
    if (s.step.skipReason) {
      s.verdict = { ...s.verdict, status: 'not-checkable', reason: s.step.skipReason, premise: true };
      s.done = true;
    } else if (s.step.relation === 'other') {
      s.verdict = { ...s.verdict, status: 'not-checkable', reason: 'the relation is not an equation' };
      s.done = true;
    } else if (opaqueReason(s.step)) {
      s.verdict = { ...s.verdict, status: opaqueStatus(s.step), reason: opaqueReason(s.step) as string };
      s.done = true;
    } else if (undefinedFunctionReason(s.step, prepared, options)) {
      s.verdict = { ...s.verdict, status: 'not-checkable', reason: undefinedFunctionReason(s.step, prepared, options) as string };
      s.done = true;
    } else if (blockConvention(s.step, info)) {
      s.verdict = { ...s.verdict, status: 'not-checkable', reason: blockConvention(s.step, info) as string };
      s.done = true;
    } else {
      const conflict = info.diagnostics.find((d) => withinSpan(d.span, s.step.span));
      if (conflict) {
        s.verdict = { ...s.verdict, status: 'mismatch', reason: conflict.message, error: Number.POSITIVE_INFINITY };
        s.done = true;
      }
    }
  }
  return states;
}

/** Check every step of a prepared formula on seeded random samples. */
export function checkPrepared(prepared: Prepared, options: CheckOptions): CheckResult {
  const info = inferShapes(prepared, options);
  const diagnostics: Diagnostic[] = [...info.diagnostics];
  const roots: Expr[] = prepared.steps.flatMap((s) => [s.left, s.right]);
  const exact = !options.forceFloat && isRationalFormula(roots, prepared.ctx, options.ops, options.functions);
  const states = initialStates(prepared, info, options);
  const setup = {
    ctx: prepared.ctx,
    ops: options.ops,
    info,
    functions: options.functions,
    vary: prepared.vary,
    hasDifferentials: prepared.hasDifferentials,
    exact,
  };
  const start = Date.now();
  let trialsRun = 0;
  for (let t = 0; t < options.trials && states.some((s) => !s.done); t++) {
    if (t > 0 && Date.now() - start > TIME_BUDGET_MS) break;
    const sizes = trialSizes(info, t, options.trials);
    if (!sizes) {
      diagnostics.push(diagnostic(DiagnosticCode.shapeConflict, 'No sizes satisfy the dimension constraints of this formula.', prepared.steps[0]?.span ?? { start: 0, end: 0 }));
      for (const s of states) if (!s.done) Object.assign(s, { done: true, verdict: { ...s.verdict, status: 'mismatch', reason: 'inconsistent dimensions' } });
      break;
    }
    if (runTrial(states, setup, sizes, options.seed, t)) trialsRun++;
  }
  for (const s of states) {
    if (s.verdict.status === 'verified' && !s.verdict.reason) {
      s.verdict.reason = trialsRun > 0 ? `holds on ${trialsRun} random samples (${exact ? 'exact' : 'float'})` : 'no sample could be drawn';
      if (trialsRun === 0) s.verdict.status = 'not-checkable';
    }
  }
  return { steps: states.map((s) => s.verdict), mode: exact ? 'exact' : 'float', trials: trialsRun, diagnostics, pinned: pinShapes(info, prepared) };
}

function firstOpaque(step: Step): Extract<Expr, { kind: 'opaque' }> | null {
  let found: Extract<Expr, { kind: 'opaque' }> | null = null;
  for (const side of [step.left, step.right]) {
    walk(side, (n) => {
      if (!found && n.kind === 'opaque') found = n;
    });
  }
  return found;
}

/** Steps with `\cdots` that follow no pattern, limits or unknown commands are not evaluated. */
function opaqueReason(step: Step): string | null {
  const found = firstOpaque(step);
  if (!found) return null;
  return found.status === 'unsupported' ? `${found.reason} (at ${found.span.start}–${found.span.end})` : found.reason;
}

function opaqueStatus(step: Step): 'not-checkable' | 'unsupported' {
  return firstOpaque(step)?.status ?? 'not-checkable';
}

/** Names that may stand for an arbitrary scalar function in a rule schema (instantiated at random). */
const PLACEHOLDER_FUNCTION = /^(?:[fgh]|phi|psi)(?:_\w+)?$/;

function undefinedCalls(e: Expr, prepared: Prepared, options: Pick<CheckOptions, 'functions'>): Set<string> {
  const out = new Set<string>();
  walk(e, (n) => {
    if (n.kind === 'call' && !options.functions[n.fn] && !prepared.ctx.definitions?.[n.fn]) out.add(n.fn);
  });
  return out;
}

/**
 * A derivative or differential of an expression in which nothing varies — no variable of
 * differentiation, nothing defined in terms of one — is a vacuous zero unless its symbols are
 * declared: `\partial y^T/\partial x` with `y` undefined says nothing checkable about `y(x)`.
 */
function differentiatedUnknown(e: Expr, prepared: Prepared): string | null {
  let found: string | null = null;
  walk(e, (n) => {
    const target = n.kind === 'derivative' ? n.of : n.kind === 'differential' ? n.body : null;
    if (found || !target || (target.kind === 'symbol' && target.entryOf)) return;
    const names = [...symbolNames(target)];
    const varies = (name: string) =>
      Boolean(prepared.ctx.definitions?.[name]) ||
      (n.kind === 'differential' && prepared.vary.has(name)) ||
      (n.kind === 'derivative' && n.wrt.some((w) => (w.entryOf ?? w.symbol) === name));
    if (names.some(varies)) return;
    const unknown = names.find((name) => !prepared.ctx.symbols?.[name]);
    if (unknown) found = unknown;
  });
  return found;
}

/** An undefined function is instantiated at random only when both sides use it (a rule schema). */
/**
 * A Hessian or a vec-Jacobian with respect to a matrix declared symmetric acts only on symmetric
 * directions, where its matrix is not unique (K_{nn}(A⊗A) and A⊗A agree there): comparing two such
 * matrices entry by entry would call a right formula wrong, so the step is not checkable.
 */
function symmetricVecDerivative(step: Step, prepared: Prepared): string | null {
  let found: string | null = null;
  for (const side of [step.left, step.right]) {
    walk(side, (n) => {
      if (found || n.kind !== 'derivative' || !(n.style === 'hessian' || n.wrt.some((w) => w.vec))) return;
      const symmetric = n.wrt.find((w) => prepared.ctx.symbols?.[w.symbol]?.properties.includes('symmetric'));
      if (symmetric) found = `a Hessian (vec-Jacobian) with respect to the symmetric matrix ${symmetric.symbol}: on symmetric directions its matrix is not unique, so it cannot be compared entry by entry`;
    });
  }
  return found;
}

/**
 * `\left[ \frac{\partial F_{kl}}{\partial X} \right]`: a matrix whose blocks are derivatives is another convention for
 * the derivative of a matrix by a matrix (blocks arranged by F's or X's entries), not the vec-based one the page uses.
 */
function blockConvention(step: Step, info: ShapeInfo): string | null {
  let found: string | null = null;
  for (const side of [step.left, step.right]) {
    walk(side, (n) => {
      if (found || n.kind !== 'build' || n.body.kind !== 'derivative') return;
      const body = info.nodes.get(n.body);
      const scalar = body && info.unifier.isConst(body.rows, 1) && info.unifier.isConst(body.cols, 1);
      if (!scalar) found = 'a matrix of derivative blocks: a block convention for the derivative of a matrix by a matrix, not the vec-based one this page uses';
    });
  }
  return found;
}

function undefinedFunctionReason(step: Step, prepared: Prepared, options: Pick<CheckOptions, 'functions'>): string | null {
  const symmetric = symmetricVecDerivative(step, prepared);
  if (symmetric) return symmetric;
  const left = undefinedCalls(step.left, prepared, options);
  const right = undefinedCalls(step.right, prepared, options);
  const lonely = [...left].filter((f) => !right.has(f)).concat([...right].filter((f) => !left.has(f)));
  if (lonely.length) return `the function ${lonely[0]} is not defined on this page`;
  const vectorValued = [...left].find((f) => !PLACEHOLDER_FUNCTION.test(f));
  if (vectorValued) return `the function ${vectorValued} is not defined on this page (only scalar f, g, h are instantiated at random)`;
  const unknown = differentiatedUnknown(step.left, prepared) ?? differentiatedUnknown(step.right, prepared);
  return unknown ? `${unknown} is differentiated but not defined on this page` : null;
}

function dimName(info: ShapeInfo, d: Dim): string | null {
  const r = info.unifier.resolve(d);
  if (r.vars.length === 0) return String(r.coef);
  if (r.vars.length === 1 && r.coef === 1) return r.vars[0].replace('#', '~');
  return null;
}

/** Resolved symbol shapes as declarations, so a re-check keeps every symbol's shape. */
function pinShapes(info: ShapeInfo, prepared: Prepared): Record<string, SymbolDeclaration> {
  const out: Record<string, SymbolDeclaration> = {};
  for (const [name, shape] of info.symbols) {
    if (prepared.ctx.definitions?.[name]) continue;
    const rows = dimName(info, shape.rows);
    const cols = dimName(info, shape.cols);
    if (rows && cols) out[name] = { rows, cols, properties: prepared.ctx.symbols?.[name]?.properties ?? [] };
  }
  return out;
}

/** Run one trial (re-drawing singular samples); returns whether it completed. */
function runTrial(states: StepState[], setup: Parameters<typeof buildTrial>[0], sizes: Map<string, number>, seed: number, t: number): boolean {
  for (let attempt = 0; attempt < MAX_REDRAWS; attempt++) {
    const trial = buildTrial(setup, sizes, trialSeed(seed, t, attempt));
    const results: { state: StepState; left: unknown; right: unknown; indices: Map<string, number> }[] = [];
    let singular = false;
    for (const state of states) {
      if (state.done) continue;
      try {
        for (const indices of indexAssignments(state.free, trial)) {
          const env = indices.size ? { ...trial.env, indices, cache: new Map() } : trial.env;
          const left = evaluateSideIn(trial, env, state.step.left);
          const right = evaluateSideIn(trial, env, state.step.right);
          results.push({ state, left, right, indices });
        }
      } catch (error) {
        if (error instanceof SingularError) {
          singular = true;
          break;
        }
        if (error instanceof NotExactError || error instanceof RationalOverflowError) throw error;
        settleWithError(state, error);
      }
    }
    if (singular) continue;
    for (const { state, left, right, indices } of results) {
      if (state.done) continue;
      const cmp = compareMatrices(trial.base, left as never, right as never, setup.exact);
      state.verdict.error = Math.max(state.verdict.error, cmp.error);
      if (!cmp.equal) {
        state.done = true;
        state.verdict.status = 'mismatch';
        state.verdict.reason = `the two sides differ (relative error ${cmp.error.toPrecision(3)})`;
        state.verdict.counterexample = counterexample(trial, sizes, left, right, indices);
      }
    }
    return true;
  }
  for (const state of states) {
    if (state.done) continue;
    state.done = true;
    state.verdict.status = 'not-checkable';
    state.verdict.reason = 'every sample was singular or outside the domain of a function';
  }
  return false;
}

function settleWithError(state: StepState, error: unknown): void {
  state.done = true;
  if (error instanceof NotCheckableError) {
    state.verdict.status = 'not-checkable';
    state.verdict.reason = error.reason;
  } else if (error instanceof UnsupportedError) {
    state.verdict.status = 'unsupported';
    state.verdict.reason = `${error.reason} at ${error.span.start}–${error.span.end}`;
  } else {
    state.verdict.status = 'unsupported';
    state.verdict.reason = `internal error: ${error instanceof Error ? error.message : String(error)}`;
  }
}
