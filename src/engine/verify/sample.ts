/**
 * One sample of a compiled formula, with every number a reader needs to see the check happen: the
 * sizes drawn, the inputs (and differential directions), and for each step both sides, their
 * difference and relative error. It runs the very code `verify` runs — the same preparation, shape
 * inference, size draws, trial seeds, sampler, evaluator and comparison — so for the same seed and
 * trial its numbers are the build's.
 */
import type { Expr, FormulaTree } from '../latex/ast.js';
import { some } from '../latex/walk.js';
import { NotCheckableError, UnsupportedError } from '../numeric/errors.js';
import { type Field, NotExactError, RationalOverflowError, SingularError } from '../numeric/field.js';
import type { Matrix } from '../numeric/matrix.js';
import type { Rational } from '../numeric/rational.js';
import { freeDimensions } from '../numeric/sample.js';
import type { OpSpec } from '../ops/define.js';
import { createOpTable } from '../ops/index.js';
import type { Context } from '../types/context.js';
import { dimSize } from '../types/dims.js';
import type { ShapeInfo } from '../types/infer.js';
import { type CheckOptions, MAX_REDRAWS, inferShapes, initialStates, trialSeed, trialSizes } from './check.js';
import { FLOAT_TOLERANCE, compareMatrices, toNumberRows } from './compare.js';
import { isRationalFormula } from './mode.js';
import { prepare } from './prepare.js';
import { type Trial, buildTrial, evaluateSide } from './trials.js';
import { type Status, combineStatus } from './verdict.js';
import { DEFAULT_SEED, DEFAULT_TRIALS, functionsOf } from './verify.js';

/** Sizes a reader may pick for a dimension name (checked against the formula's constraints). */
export const SIZE_CHOICES: readonly number[] = [2, 3, 4, 5, 6];

/** The part of a compiled formula a sample needs (`engine.compile` output, after a JSON round trip). */
export interface SampleSource {
  latex: string;
  tree: FormulaTree;
  context: Context;
}

/** Options of {@link sampleCompiled}. */
export interface SampleOptions {
  /** Seed of the sampler (the build's seed gives the build's numbers). Default: `verify`'s default. */
  seed?: number;
  /** Which trial of the check to show (0-based; trial t uses the build's sizes and seed for t). Default 0. */
  trial?: number;
  /** Sizes for some dimension names; the others keep the trial's sizes. */
  sizes?: Readonly<Record<string, number>>;
  /** Run in float64 even when the formula allows exact arithmetic. */
  forceFloat?: boolean;
  /** Operator table (default: the built-in operators). */
  ops?: ReadonlyMap<string, OpSpec>;
}

/** A sampled matrix: its numbers (rows) and, in exact mode, each entry as an exact fraction. */
export interface SampledMatrix {
  rows: number[][];
  exact?: string[][];
}

/** A dimension name a reader may resize. */
export interface SampledDimension {
  /** The dimension's name (`m`), or an internal name (`#3`) for a size no declaration names. */
  name: string;
  /** For an unnamed dimension: the symbol it sizes, and whether it is that symbol's order (square), rows or columns. */
  of?: { symbol: string; part: 'order' | 'rows' | 'cols' };
  size: number;
  /** Sizes from {@link SIZE_CHOICES} that keep the formula's shape constraints, the others unchanged. */
  allowed: number[];
}

/** How a side is computed: a derivative or differential is the engine's own (forward-mode AD). */
export type SideKind = 'derivative' | 'expression';

/** One step (`a = b`) at the sample. */
export interface SampledStep {
  /** LaTeX of the step and of each side. */
  latex: string;
  leftLatex: string;
  rightLatex: string;
  leftKind: SideKind;
  rightKind: SideKind;
  /** The step's status at this sample (verified or mismatch when evaluated; else why not, as the build says). */
  status: Status;
  /** Why a step shows no numbers (a definition, not checkable ...). */
  reason: string;
  /** A premise (definition, hypothesis) rather than a claim. */
  premise: boolean;
  /** Present when the step was evaluated at this sample. */
  values?: {
    left: SampledMatrix;
    right: SampledMatrix;
    difference: SampledMatrix;
    /** Relative error as the build computes it (0 when exactly equal in exact mode). */
    relError: number;
    /** Whether this sample passes (exactly equal, or within the float tolerance). */
    equal: boolean;
  };
}

/** A sample of a formula: sizes, inputs and each step's values. */
export interface FormulaSample {
  seed: number;
  trial: number;
  mode: 'exact' | 'float';
  /** Whether the formula allows exact rational arithmetic (float is always possible). */
  canExact: boolean;
  /** Set when exact arithmetic overflowed and the sample ran in float64, as the build does. */
  fellBackToFloat: boolean;
  /** Relative tolerance of float comparisons. */
  tolerance: number;
  /** Sizes of the named dimensions. */
  sizes: Record<string, number>;
  /** Dimension names a reader may change, with the sizes allowed. */
  dimensions: SampledDimension[];
  /** Inputs by name, including differential directions `dX`. */
  inputs: Record<string, SampledMatrix>;
  steps: SampledStep[];
  /** Status of the formula at this sample, combined from its steps as `verify` combines them. */
  status: Status;
  /** Set when no sample could be drawn (sizes violate a constraint, every sample singular). */
  problem?: 'sizes' | 'singular';
}

const defaultOps = new Map<string, ReadonlyMap<string, OpSpec>>();

function builtinOps(): ReadonlyMap<string, OpSpec> {
  let ops = defaultOps.get('builtin');
  if (!ops) {
    ops = createOpTable([]);
    defaultOps.set('builtin', ops);
  }
  return ops;
}

function isRational(x: unknown): x is Rational {
  return typeof x === 'object' && x !== null && typeof (x as Rational).n === 'bigint';
}

function sampled<T>(F: Field<T>, m: Matrix<T>, exact: boolean): SampledMatrix {
  const rows = toNumberRows(F, m);
  if (!exact) return { rows };
  const text = (x: unknown) => (isRational(x) ? (x.d === 1n ? String(x.n) : `${x.n}/${x.d}`) : String(F.toNumber(x as T)));
  return { rows, exact: Array.from({ length: m.rows }, (_, i) => Array.from({ length: m.cols }, (_, j) => text(m.data[i + j * m.rows]))) };
}

function sideKind(e: Expr): SideKind {
  return some(e, (n) => n.kind === 'derivative' || n.kind === 'differential') ? 'derivative' : 'expression';
}

function satisfies(info: ShapeInfo, sizes: ReadonlyMap<string, number>): boolean {
  return info.unifier.pending.every(([a, b]) => dimSize(info.unifier.resolve(a), sizes) === dimSize(info.unifier.resolve(b), sizes));
}

/** The trial's sizes with the reader's overrides, or null when they break a constraint. */
function chosenSizes(info: ShapeInfo, t: number, requested: Readonly<Record<string, number>> = {}): Map<string, number> | null {
  const sizes = trialSizes(info, t, DEFAULT_TRIALS);
  if (!sizes) return null;
  for (const [name, size] of Object.entries(requested)) {
    if (sizes.has(name) && Number.isInteger(size) && size > 0) sizes.set(name, size);
  }
  return satisfies(info, sizes) ? sizes : null;
}

/** The symbol an unnamed dimension sizes: its order when square, else its rows or columns. */
function sizedSymbol(info: ShapeInfo, name: string): SampledDimension['of'] {
  for (const [symbol, shape] of [...info.symbols].sort(([a], [b]) => a.localeCompare(b))) {
    const rows = info.unifier.resolve(shape.rows).vars;
    const cols = info.unifier.resolve(shape.cols).vars;
    const isRows = rows.length === 1 && rows[0] === name;
    const isCols = cols.length === 1 && cols[0] === name;
    if (isRows || isCols) return { symbol, part: isRows && isCols ? 'order' : isRows ? 'rows' : 'cols' };
  }
  return undefined;
}

function dimensionsOf(info: ShapeInfo, sizes: ReadonlyMap<string, number>): SampledDimension[] {
  return freeDimensions(info).vars.map((name) => ({
    name,
    ...(name.startsWith('#') ? { of: sizedSymbol(info, name) } : {}),
    size: sizes.get(name) ?? 0,
    allowed: SIZE_CHOICES.filter((n) => satisfies(info, new Map([...sizes, [name, n]]))),
  }));
}

/**
 * Sample a compiled formula: the same numbers `verify` computes for that seed and trial.
 *
 * @param compiled Output of `engine.compile` (tree + context), possibly after a JSON round trip.
 * @param options Seed, trial, sizes, float mode.
 * @returns Sizes, inputs and each step's values; `problem` when no sample could be drawn.
 */
export function sampleCompiled(compiled: SampleSource, options: SampleOptions = {}): FormulaSample {
  try {
    return sampleIn(compiled, options, Boolean(options.forceFloat), false);
  } catch (error) {
    // As `verify` does: exact arithmetic that overflows (or meets an inexact operation) falls back to float.
    if (!(error instanceof NotExactError || error instanceof RationalOverflowError)) throw error;
    return sampleIn(compiled, options, true, true);
  }
}

function sampleIn(compiled: SampleSource, options: SampleOptions, forceFloat: boolean, fellBackToFloat: boolean): FormulaSample {
  const ops = options.ops ?? builtinOps();
  const seed = options.seed ?? DEFAULT_SEED;
  const t = options.trial ?? 0;
  const functions = functionsOf(compiled.context);
  const checkOptions: CheckOptions = { seed, trials: DEFAULT_TRIALS, ops, functions, forceFloat };
  const prepared = prepare(compiled.latex, [...compiled.tree.claims], compiled.context, new Set(Object.keys(functions)));
  const info = inferShapes(prepared, checkOptions);
  // Which steps are claims with numbers is decided as the build decides it, before any sample.
  const states = initialStates(prepared, info, checkOptions);
  const roots = prepared.steps.flatMap((s) => [s.left, s.right]);
  const canExact = isRationalFormula(roots, prepared.ctx, ops, functions);
  const exact = canExact && !forceFloat;
  const slice = (e: Expr) => compiled.latex.slice(e.span.start, e.span.end).trim();
  const steps: SampledStep[] = states.map(({ step, verdict }) => ({
    latex: compiled.latex.slice(step.span.start, step.span.end).trim(),
    leftLatex: slice(step.left),
    rightLatex: slice(step.right),
    leftKind: sideKind(step.left),
    rightKind: sideKind(step.right),
    status: verdict.status,
    reason: verdict.reason,
    premise: Boolean(verdict.premise),
  }));
  const evaluated = states.flatMap((s, k) => (s.done ? [] : [k]));
  const sizes = chosenSizes(info, t, options.sizes);
  const base: FormulaSample = {
    seed,
    trial: t,
    mode: exact ? 'exact' : 'float',
    canExact,
    fellBackToFloat,
    tolerance: FLOAT_TOLERANCE,
    sizes: {},
    dimensions: [],
    inputs: {},
    steps,
    status: 'not-checkable',
  };
  if (!sizes) {
    const fallback = trialSizes(info, t, DEFAULT_TRIALS);
    return { ...base, problem: 'sizes', dimensions: fallback ? dimensionsOf(info, fallback) : [] };
  }
  for (const [name, size] of sizes) if (!name.startsWith('#')) base.sizes[name] = size;
  base.dimensions = dimensionsOf(info, sizes);
  const setup = { ctx: prepared.ctx, ops, info, functions, vary: prepared.vary, hasDifferentials: prepared.hasDifferentials, exact };
  for (let attempt = 0; attempt < MAX_REDRAWS; attempt++) {
    const trial = buildTrial(setup, sizes, trialSeed(seed, t, attempt));
    const values = evaluateSteps(trial, prepared.steps, evaluated, steps);
    if (!values) continue;
    for (const [name, m] of trial.inputs) base.inputs[name] = sampled(trial.base, m, exact);
    for (const { k, left, right } of values) {
      const cmp = compareMatrices(trial.base, left, right, exact);
      const difference = { ...left, data: left.data.map((x, i) => trial.base.sub(x, right.data[i])) };
      steps[k].status = cmp.equal ? 'verified' : 'mismatch';
      steps[k].values = {
        left: sampled(trial.base, left, exact),
        right: sampled(trial.base, right, exact),
        difference: sampled(trial.base, difference, exact),
        relError: cmp.error,
        equal: cmp.equal,
      };
    }
    for (const k of evaluated) if (!steps[k].values && !steps[k].reason) steps[k].status = 'not-checkable';
    base.status = combineStatus(steps.map((s, k) => ({ ...states[k].verdict, status: s.status })));
    return base;
  }
  return { ...base, problem: 'singular' };
}

/** Evaluate the steps to show; null when the sample is singular (the caller re-draws, as the build does). */
function evaluateSteps(trial: Trial<unknown>, all: ReturnType<typeof prepare>['steps'], evaluated: number[], steps: SampledStep[]) {
  const out: { k: number; left: Matrix<unknown>; right: Matrix<unknown> }[] = [];
  for (const k of evaluated) {
    try {
      const left = evaluateSide(trial, all[k].left);
      const right = evaluateSide(trial, all[k].right);
      if (left.rows === right.rows && left.cols === right.cols) out.push({ k, left, right });
    } catch (error) {
      if (error instanceof SingularError) return null;
      if (error instanceof NotExactError || error instanceof RationalOverflowError) throw error;
      if (error instanceof NotCheckableError || error instanceof UnsupportedError) steps[k].reason = error.reason;
      else throw error;
    }
  }
  return out;
}
