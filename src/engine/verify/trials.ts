import { evaluateDerivative } from '../calculus/derivative.js';
import { type Env, type PlaceholderFunction, type Program, evaluate, nodeSize } from '../numeric/evaluate.js';
import type { Field } from '../numeric/field.js';
import { floatField } from '../numeric/float.js';
import { type Jet, jetField, shiftJet } from '../numeric/jet.js';
import { type Matrix, map } from '../numeric/matrix.js';
import { type Random, createRandom, mixSeed } from '../numeric/prng.js';
import { type Rational, rationalField } from '../numeric/rational.js';
import { drawMatrix } from '../numeric/sample.js';
import type { OpSpec } from '../ops/define.js';
import type { Context, ElementwiseName } from '../types/context.js';
import type { ShapeInfo } from '../types/infer.js';

/** Truncation order of the differential jet: enough for `\mathrm{d}^2 f`. */
export const DIFFERENTIAL_ORDER = 2;

/** A sampled trial: environment over the top field plus helpers to read primal values. */
export interface Trial<B> {
  base: Field<B>;
  env: Env<unknown>;
  /** Primal (base-field) value of a top-level result. */
  primal(m: Matrix<unknown>): Matrix<B>;
  /** The sampled leaf inputs (and differential directions `dX`), for counterexamples. */
  inputs: Map<string, Matrix<B>>;
}

/** Everything a trial needs to draw its inputs. */
export interface TrialSetup {
  ctx: Context;
  ops: ReadonlyMap<string, OpSpec>;
  info: ShapeInfo;
  functions: Readonly<Record<string, ElementwiseName>>;
  vary: ReadonlySet<string>;
  hasDifferentials: boolean;
  exact: boolean;
}

function placeholderFactory(rng: Random): (name: string, n: number) => PlaceholderFunction {
  const cache = new Map<string, PlaceholderFunction>();
  return (name, n) => {
    const key = `${name}/${n}`;
    let f = cache.get(key);
    if (!f) {
      const q = Array.from({ length: n }, () => Array.from({ length: n }, () => 0));
      for (let i = 0; i < n; i++) for (let j = i; j < n; j++) q[i][j] = q[j][i] = rng.int(-2, 2);
      f = { c: rng.int(1, 3), u: Array.from({ length: n }, () => rng.int(-2, 2)), q };
      cache.set(key, f);
    }
    return f;
  };
}

/** Build one trial: draw every leaf symbol, seed the differential directions, wire the derivative hook. */
export function buildTrial(setup: TrialSetup, sizes: Map<string, number>, seed: number): Trial<unknown> {
  const rng = createRandom(seed);
  const base = (setup.exact ? rationalField : floatField) as Field<unknown>;
  const lift = (m: Matrix<Rational>): Matrix<unknown> => map(m, (r) => base.fromRatio(r.n, r.d));
  const inputs = new Map<string, Matrix<unknown>>();
  const indexedCache = new Map<string, Matrix<number>>();
  const program: Program = {
    ctx: setup.ctx,
    ops: setup.ops,
    shapes: setup.info,
    sizes,
    functions: setup.functions,
    derivative: evaluateDerivative,
    placeholder: placeholderFactory(createRandom(mixSeed(seed, 7))),
    indexed(name, k) {
      const key = `${name}#${k}`;
      let v = indexedCache.get(key);
      const shape = setup.info.symbols.get(name);
      if (!v && shape) {
        const [rows, cols] = nodeSize(program, shape);
        const props = setup.ctx.symbols?.[name]?.properties ?? [];
        const drawn = drawMatrix(createRandom(mixSeed(seed, 1000 + k * 31 + name.length)), rows, cols, props, setup.exact);
        v = map(drawn, (r) => Number(r.n) / Number(r.d));
        indexedCache.set(key, v);
      }
      return v;
    },
  };
  // Every symbol used as a value is drawn, even one whose name is also a function (σ as a matrix).
  const leaves = [...setup.info.symbols.keys()].filter((name) => !setup.ctx.definitions?.[name]);
  const values = new Map<string, Matrix<unknown>>();
  const directions = new Map<string, Matrix<unknown>>();
  for (const name of leaves.sort()) {
    const shape = setup.info.symbols.get(name);
    if (!shape) continue;
    const [rows, cols] = nodeSize(program, shape);
    const props = setup.ctx.symbols?.[name]?.properties ?? [];
    const value = lift(drawMatrix(rng, rows, cols, props, setup.exact));
    values.set(name, value);
    inputs.set(name, value);
    if (setup.hasDifferentials && setup.vary.has(name)) {
      const dirProps = props.filter((p) => p === 'symmetric' || p === 'diagonal');
      const direction = lift(drawMatrix(rng, rows, cols, dirProps, setup.exact));
      directions.set(name, direction);
      inputs.set(`d${name}`, direction);
    }
  }
  const fromNumber = (x: number): unknown => (setup.exact && Number.isInteger(x) ? base.fromInt(x) : base.fromRatio(BigInt(Math.round(x * 2 ** 20)), 2n ** 20n));
  if (!setup.hasDifferentials) {
    const env: Env<unknown> = { F: base, program, values, cache: new Map(), shift: null, fromNumber, indices: new Map() };
    return { base, env, primal: (m) => m, inputs };
  }
  const J = jetField(base, DIFFERENTIAL_ORDER) as Field<unknown>;
  const constant = (x: unknown): Jet<unknown> => [x, base.zero, base.zero];
  const jetValues = new Map<string, Matrix<unknown>>();
  for (const [name, v] of values) {
    const dir = directions.get(name);
    jetValues.set(name, dir ? { ...v, data: v.data.map((x, k) => [x, dir.data[k], base.zero]) } : map(v, constant));
  }
  const env: Env<unknown> = {
    F: J,
    program,
    values: jetValues,
    cache: new Map(),
    shift: (x) => shiftJet(base, x as Jet<unknown>),
    fromNumber: (x) => constant(fromNumber(x)),
    indices: new Map(),
  };
  return { base, env, primal: (m) => map(m, (x) => (x as Jet<unknown>)[0]), inputs };
}

/** Evaluate one side in an environment of the trial (e.g. with free indices bound) and return its primal value. */
export function evaluateSideIn(trial: Trial<unknown>, env: Env<unknown>, side: Parameters<typeof evaluate>[0]): Matrix<unknown> {
  return trial.primal(evaluate(side, env));
}

/** Evaluate one side in a trial and return its primal value. */
export function evaluateSide(trial: Trial<unknown>, side: Parameters<typeof evaluate>[0]): Matrix<unknown> {
  return trial.primal(evaluate(side, trial.env));
}
