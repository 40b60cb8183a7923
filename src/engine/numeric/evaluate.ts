import type { BuildAxis, BuildNode, CallNode, CellsNode, DerivativeNode, Expr, OpNode, SumNode } from '../latex/ast.js';
import type { OpSpec } from '../ops/define.js';
import { SCALAR_FUNCTIONS, applyElementwise, derivativeOf } from '../ops/elementwise.js';
import type { Context, ElementwiseName } from '../types/context.js';
import { type Dim, dimSize } from '../types/dims.js';
import { namedDim } from '../ops/define.js';
import type { ShapeInfo } from '../types/infer.js';
import type { Shape } from '../types/shape.js';
import { NotCheckableError, UnsupportedError } from './errors.js';
import type { Field } from './field.js';
import { type Matrix, fromFunction, map } from './matrix.js';
import { indexLetters } from '../latex/script.js';
import { rationalFromDecimal } from './rational.js';

/** A random scalar test function standing in for an undefined `f(x)`: c + u·x + x·Qx/2. */
export interface PlaceholderFunction {
  c: number;
  u: number[];
  q: number[][];
}

/** Computes derivative nodes (supplied by `calculus/`, so evaluation stays layered). */
export type DerivativeHook = <T>(node: DerivativeNode, env: Env<T>) => Matrix<T>;

/** What is fixed for one trial: context, operators, shapes and drawn sizes. */
export interface Program {
  readonly ctx: Context;
  readonly ops: ReadonlyMap<string, OpSpec>;
  readonly shapes: ShapeInfo;
  readonly sizes: ReadonlyMap<string, number>;
  readonly functions: Readonly<Record<string, ElementwiseName>>;
  readonly derivative: DerivativeHook;
  /** Random scalar functions for undefined function names, created on demand. */
  placeholder(name: string, inputSize: number): PlaceholderFunction;
  /** Values of indexed symbols inside sums: `x_i` for i = 1..N, created on demand. */
  indexed(name: string, k: number): Matrix<number> | undefined;
}

/** An evaluation environment over one field. */
export interface Env<T> {
  readonly F: Field<T>;
  readonly program: Program;
  readonly values: Map<string, Matrix<T>>;
  readonly cache: Map<string, Matrix<T>>;
  /** The differential `d` at this field level (null when the formula has no differentials). */
  readonly shift: ((x: T) => T) | null;
  /** Lift a plain number into this field (for index-sampled values). */
  readonly fromNumber: (x: number) => T;
  /** Current values of sum indices. */
  readonly indices: Map<string, number>;
}

/** The concrete size of a dimension for this trial. */
export function sizeOf(program: Program, d: Dim): number {
  return dimSize(program.shapes.unifier.resolve(d), program.sizes);
}

/** The concrete rows × cols of a node for this trial. */
export function nodeSize(program: Program, shape: Shape): [number, number] {
  return [sizeOf(program, shape.rows), sizeOf(program, shape.cols)];
}

function shapeOf(program: Program, e: Expr): [number, number] {
  const s = program.shapes.nodes.get(e);
  if (!s) throw new Error(`internal: no shape for ${e.kind}`);
  return nodeSize(program, s);
}

function evaluateNumber<T>(env: Env<T>, e: Extract<Expr, { kind: 'number' }>): Matrix<T> {
  const { F } = env;
  let value: T;
  if (e.value === 'pi') value = env.fromNumber(Math.PI);
  else {
    const r = rationalFromDecimal(e.value);
    value = F.fromRatio(r.n, r.d);
  }
  const [rows, cols] = shapeOf(env.program, e);
  return fromFunction(rows, cols, () => value);
}

/** The value of an index letter (from 1), bound by a sum, a built matrix or the step's loop over free indices. */
export function indexValue<T>(env: Env<T>, letter: string, e: Expr): number {
  if (/^[0-9]$/.test(letter)) return Number(letter);
  const k = env.indices.get(letter);
  if (k === undefined) throw new NotCheckableError(`the index ${letter} has no range here`, e.span);
  return k;
}

/**
 * Where entry `name` (index letters `index`, at their current values) lies in `value`, as an offset into its
 * column-major data: `X_{ij}` → (i, j); `x_i` → row i of a column (column i of a row).
 */
export function entryOffset<T>(env: Env<T>, value: Matrix<unknown>, name: string, index: string | undefined, node: Expr, base: string): number {
  const ks = indexLetters(index).map((l) => indexValue(env, l, node) - 1);
  const [r, c] = ks.length === 2 ? ks : value.rows === 1 ? [0, ks[0]] : [ks[0], 0];
  if (r >= value.rows || c >= value.cols) throw new NotCheckableError(`the entry ${name} lies outside ${base}`, node.span);
  return r + c * value.rows;
}

/** `X_{ij}`: entry (i, j) of X; `x_i`: entry i of a vector. */
function evaluateEntry<T>(env: Env<T>, e: Extract<Expr, { kind: 'symbol' }>, base: string): Matrix<T> {
  const value = evaluateSymbol(env, { kind: 'symbol', name: base, span: e.span });
  return { rows: 1, cols: 1, data: [value.data[entryOffset(env, value, e.name, e.index, e, base)]] };
}

/** The key of family member k in value maps: `a_2,i@3` (what a derivative with respect to that member moves). */
export function memberKey(name: string, k: number): string {
  return `${name}@${k}`;
}

/** `x_i`, `a_{2,i}` (no whole `x`, `a_2`): member i of a family, defined per member or sampled. */
function evaluateMember<T>(env: Env<T>, e: Extract<Expr, { kind: 'symbol' }>): Matrix<T> {
  if (indexLetters(e.index).length === 2) throw new NotCheckableError(`${e.name} is an entry of a matrix that is not named here`, e.span);
  const k = indexValue(env, e.index ?? '', e);
  const key = memberKey(e.name, k);
  const value = env.values.get(key) ?? env.cache.get(key);
  if (value) return value;
  const def = env.program.ctx.definitions?.[e.name];
  if (def) {
    const indices = new Map(env.indices);
    indices.set(def.index ?? (e.index as string), k);
    const v = throughDefinition(e.name, e.span, () => evaluate(def.body, { ...env, indices, cache: new Map() }));
    env.cache.set(key, v);
    return v;
  }
  const sampled = env.program.indexed(e.name, k);
  if (!sampled) throw new NotCheckableError(`the family member ${e.name}`, e.span);
  return map(sampled, env.fromNumber);
}

function evaluateSymbol<T>(env: Env<T>, e: Extract<Expr, { kind: 'symbol' }>): Matrix<T> {
  if (e.entryOf) return evaluateEntry(env, e, e.entryOf);
  if (e.index) return evaluateMember(env, e);
  const value = env.values.get(e.name) ?? env.cache.get(e.name);
  if (value) return value;
  const def = env.program.ctx.definitions?.[e.name];
  if (def) {
    const v = throughDefinition(e.name, e.span, () => evaluate(def.body, env));
    env.cache.set(e.name, v);
    return v;
  }
  throw new Error(`internal: no value for symbol ${e.name}`);
}

function evaluateOp<T>(env: Env<T>, e: OpNode): Matrix<T> {
  const spec = env.program.ops.get(e.op);
  if (!spec) throw new UnsupportedError(`operator ${e.op}`, e.span);
  const args = e.args.map((a) => evaluate(a, env));
  // Nodes built after inference (a folded product) have no shape; only constants need one.
  const known = env.program.shapes.nodes.has(e) || spec.arity === 0;
  const [rows, cols] = known ? shapeOf(env.program, e) : [args[0]?.rows ?? 0, args.at(-1)?.cols ?? 0];
  const dims = (e.dims ?? []).map((d) => sizeOf(env.program, namedDim(d)));
  if (dims.length < (spec.dimCount ?? 0)) {
    if (e.op === 'commutation') throw new UnsupportedError('K without its two dimensions', e.span);
  }
  return spec.evaluate(env.F, args, { dims, rows, cols });
}

function evaluateCall<T>(env: Env<T>, e: CallNode): Matrix<T> {
  const { F, program } = env;
  const fnName = program.functions[e.fn];
  if (fnName) {
    if (e.args.length !== 1) throw new UnsupportedError(`${e.fn} with ${e.args.length} arguments`, e.span);
    return applyElementwise(F, derivativeOf(SCALAR_FUNCTIONS[fnName], e.prime), evaluate(e.args[0], env));
  }
  const def = program.ctx.definitions?.[e.fn];
  if (def && def.params.length === 0 && e.prime === 0) return evaluateSymbol(env, { kind: 'symbol', name: e.fn, span: e.span });
  if (def && def.params.length === e.args.length && e.prime === 0) {
    const values = new Map(env.values);
    def.params.forEach((p, k) => values.set(p, evaluate(e.args[k], env)));
    return evaluate(def.body, { ...env, values, cache: new Map() });
  }
  if (e.prime > 0 || e.args.length !== 1) throw new NotCheckableError(`the undefined function ${e.fn}`, e.span);
  const [rows, cols] = shapeOf(program, e);
  if (rows !== 1 || cols !== 1) throw new NotCheckableError(`the undefined matrix function ${e.fn}`, e.span);
  return evaluatePlaceholder(env, program.placeholder(e.fn, evaluate(e.args[0], env).data.length), evaluate(e.args[0], env));
}

function evaluatePlaceholder<T>(env: Env<T>, f: PlaceholderFunction, x: Matrix<T>): Matrix<T> {
  const { F } = env;
  const int = (k: number) => F.fromInt(k);
  let s = int(f.c);
  x.data.forEach((xi, i) => {
    s = F.add(s, F.mul(int(f.u[i]), xi));
    x.data.forEach((xj, j) => {
      s = F.add(s, F.mul(F.fromRatio(BigInt(f.q[i][j]), 2n), F.mul(xi, xj)));
    });
  });
  return { rows: 1, cols: 1, data: [s] };
}

/** How many values an index letter takes: its range when one is known, else {@link DEFAULT_SUM_LENGTH} (samples of a family). */
export function indexRange(program: Program, letter: string): number {
  const d = program.shapes.indices.get(letter);
  const n = d ? sizeOf(program, d) : 0;
  return n > 0 ? n : DEFAULT_SUM_LENGTH;
}

function evaluateSum<T>(env: Env<T>, e: SumNode): Matrix<T> {
  const upper = e.upper && /^[A-Za-z]$/.test(e.upper) ? sizeOf(env.program, namedDim(e.upper)) : Number(e.upper ?? NaN);
  const count = Number.isFinite(upper) && upper > 0 ? upper : indexRange(env.program, e.index);
  const terms: Matrix<T>[] = [];
  for (let k = 1; k <= count; k++) {
    const indices = new Map(env.indices);
    indices.set(e.index, k);
    terms.push(evaluate(e.body, { ...env, indices, cache: new Map() }));
  }
  if (terms.length === 0) throw new NotCheckableError('an empty sum', e.span);
  return terms.reduce((acc, term) => ({ rows: acc.rows, cols: acc.cols, data: acc.data.map((x, j) => env.F.add(x, term.data[j])) }));
}

/** Every combination of values of `axes` (outer first), each value from 1. */
function* combinations(program: Program, axes: readonly BuildAxis[]): Generator<number[]> {
  const ranges = axes.map((a) => (a.last && /^[0-9]+$/.test(a.last) ? Number(a.last) : a.last ? sizeOf(program, namedDim(a.last)) : indexRange(program, a.index)));
  const current = ranges.map(() => 1);
  if (ranges.some((n) => n < 1)) return;
  for (;;) {
    yield [...current];
    let k = current.length - 1;
    while (k >= 0 && current[k] === ranges[k]) current[k--] = 1;
    if (k < 0) return;
    current[k]++;
  }
}

/** A matrix of its generic entry (or block): rows over the row axes, columns over the column axes. */
function evaluateBuild<T>(env: Env<T>, e: BuildNode): Matrix<T> {
  const rowCombos = [...combinations(env.program, e.rows)];
  const colCombos = [...combinations(env.program, e.cols)];
  let blockRows = 0;
  let blockCols = 0;
  const blocks: Matrix<T>[][] = rowCombos.map((rc) =>
    colCombos.map((cc) => {
      const indices = new Map(env.indices);
      e.rows.forEach((a, k) => indices.set(a.index, rc[k]));
      e.cols.forEach((a, k) => indices.set(a.index, cc[k]));
      const block = evaluate(e.body, { ...env, indices, cache: new Map() });
      blockRows = block.rows;
      blockCols = block.cols;
      return block;
    }),
  );
  // Cells written off the pattern replace the pattern's value at their place (the matrix as written).
  const place = (value: string | undefined, axes: readonly BuildAxis[]) =>
    value === undefined || axes.length === 0 ? 0 : (/^[0-9]+$/.test(value) ? Number(value) : sizeOf(env.program, namedDim(value))) - 1;
  for (const w of e.written ?? []) {
    const r = place(w.row, e.rows);
    const c = place(w.col, e.cols);
    if (blocks[r]?.[c]) blocks[r][c] = evaluate(w.body, env);
  }
  return fromFunction(rowCombos.length * blockRows, colCombos.length * blockCols, (i, j) => {
    const block = blocks[Math.floor(i / blockRows)][Math.floor(j / blockCols)];
    return block.data[(i % blockRows) + (j % blockCols) * blockRows];
  });
}

/** A matrix written cell by cell: each cell a number. */
function evaluateCells<T>(env: Env<T>, e: CellsNode): Matrix<T> {
  const values = e.cells.map((row) => row.map((c) => evaluate(c, env).data[0]));
  return fromFunction(values.length, values[0]?.length ?? 0, (i, j) => values[i][j]);
}

/** Number of samples in `\sum_i` when no upper limit names a dimension. */
export const DEFAULT_SUM_LENGTH = 3;

/** Nesting of definitions being evaluated; a cycle (`A = [a_i^T]` with `a_i` defined from `A`) stops here. */
const MAX_DEFINITION_DEPTH = 64;
let definitionDepth = 0;

/** Evaluate a definition's body one level deeper, turning a cycle of definitions into a reason. */
function throughDefinition<T>(name: string, span: Expr['span'], run: () => Matrix<T>): Matrix<T> {
  if (definitionDepth >= MAX_DEFINITION_DEPTH) throw new NotCheckableError(`the definition of ${name} refers back to itself`, span);
  definitionDepth++;
  try {
    return run();
  } finally {
    definitionDepth--;
  }
}

/** Evaluate an expression in an environment (any field: float, exact, jets). */
export function evaluate<T>(e: Expr, env: Env<T>): Matrix<T> {
  switch (e.kind) {
    case 'number':
      return evaluateNumber(env, e);
    case 'symbol':
      return evaluateSymbol(env, e);
    case 'op':
      return evaluateOp(env, e);
    case 'call':
      return evaluateCall(env, e);
    case 'differential': {
      const shift = env.shift;
      if (!shift) throw new Error('internal: differential without a jet field');
      let v = evaluate(e.body, env);
      for (let k = 0; k < e.order; k++) v = map(v, shift);
      return v;
    }
    case 'derivative':
      return env.program.derivative(e, env);
    case 'sum':
      return evaluateSum(env, e);
    case 'build':
      return evaluateBuild(env, e);
    case 'cells':
      return evaluateCells(env, e);
    case 'space':
      throw new NotCheckableError('a space outside "\\in"', e.span);
    case 'opaque':
      if (e.status === 'unsupported') throw new UnsupportedError(e.reason, e.span);
      throw new NotCheckableError(e.reason, e.span);
  }
}
