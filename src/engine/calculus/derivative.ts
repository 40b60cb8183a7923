import type { DerivativeNode, WrtSpec } from '../latex/ast.js';
import { type Env, entryOffset, evaluate, memberKey } from '../numeric/evaluate.js';
import { dualField, secondOrderDualField, secondOrderIndex } from '../numeric/dual.js';
import { type Jet, jetField } from '../numeric/jet.js';
import { NotCheckableError, UnsupportedError } from '../numeric/errors.js';
import type { Field } from '../numeric/field.js';
import { type Matrix, add, fromFunction, map, scale, transpose } from '../numeric/matrix.js';
import { foldDefinition, mentions } from './fold.js';

/** Values lifted to constants of a jet or dual field, per field: the passes of a mixed entry derivative lift the same (immutable) values. */
const liftedValues = new WeakMap<Field<unknown>, WeakMap<Matrix<unknown>, Matrix<unknown>>>();

function liftValue<T, U>(J: Field<U>, v: Matrix<T>, constant: (x: T) => U): Matrix<U> {
  let cache = liftedValues.get(J as Field<unknown>);
  if (!cache) liftedValues.set(J as Field<unknown>, (cache = new WeakMap()));
  let lifted = cache.get(v) as Matrix<U> | undefined;
  if (!lifted) cache.set(v, (lifted = map(v, constant)));
  return lifted;
}

/**
 * An environment lifted into a field of coefficient arrays over its own (jets, duals): every value
 * constant, `[x, 0, …]`.
 *
 * @param env The environment.
 * @param J The field (a jet or dual field over env.F).
 * @param size The length of J's arrays.
 */
function liftInto<T>(env: Env<T>, J: Field<readonly T[]>, size: number): Env<readonly T[]> {
  const constant = (x: T): readonly T[] => {
    const out = new Array<T>(size).fill(env.F.zero);
    out[0] = x;
    return out;
  };
  const shift = env.shift;
  return {
    F: J,
    program: env.program,
    values: new Map([...env.values].map(([k, v]) => [k, liftValue(J, v, constant)])),
    cache: new Map(),
    shift: shift ? (x: readonly T[]) => x.map(shift) : null,
    fromNumber: (x) => constant(env.fromNumber(x)),
    indices: env.indices,
  };
}

/** Lift an environment into jets of the given order over its field (all values constant). */
export function liftEnv<T>(env: Env<T>, order: number): Env<Jet<T>> {
  return liftInto(env, jetField(env.F, order), order + 1);
}

/** The value of the variable a derivative is taken with respect to (a sampled or a defined symbol, or a family member). */
function variableValue<T>(env: Env<T>, node: DerivativeNode, wrt: WrtSpec, key: string): Matrix<T> {
  const v = env.values.get(key);
  if (v) return v;
  return evaluate({ kind: 'symbol', name: wrt.symbol, span: node.span, ...(wrt.index ? { index: wrt.index } : {}) }, env);
}

/** Where the variable's value lives: its name, or `a_2,i@k` for member k of a family. */
function variableKey<T>(env: Env<T>, node: DerivativeNode, wrt: WrtSpec): string {
  if (!wrt.index) return wrt.symbol;
  const k = env.indices.get(wrt.index);
  if (k === undefined) throw new NotCheckableError(`the index ${wrt.index} has no range here`, node.span);
  return memberKey(wrt.symbol, k);
}

/** The unit direction of entry `X_{ij}` (current index values) in vec X. */
function entryDirection<T>(env: Env<T>, node: DerivativeNode, wrt: WrtSpec, x: Matrix<T>): number[] {
  const offset = entryOffset(env, x, wrt.symbol, wrt.index, node, wrt.entryOf ?? wrt.symbol);
  return Array.from({ length: x.data.length }, (_, k) => (k === offset ? 1 : 0));
}

/**
 * `\frac{\partial F}{\partial X_{ij}}`: the derivative along one entry, shaped like F; with two entries of the same
 * matrix (`\partial x_i \partial x_j`) the mixed second derivative, by second-order jets and polarisation.
 */
function entryDerivative<T>(node: DerivativeNode, env: Env<T>): Matrix<T> {
  const [first, second] = node.wrt;
  const base = first.entryOf as string;
  const x = variableValue(env, node, { symbol: base, transposed: false, vec: false }, base);
  const a = entryDirection(env, node, first, x);
  if (!second) return map(along(env, node, base, x, a, 1), (c) => c[1]);
  if (second.entryOf !== base) throw new NotCheckableError('a mixed derivative with respect to entries of two different matrices', node.span);
  const b = entryDirection(env, node, second, x);
  const { F } = env;
  const twice = (direction: number[]) => map(along(env, node, base, x, direction, 2), (c) => F.mul(F.fromInt(2), c[2]));
  const both = twice(a.map((v, k) => v + b[k]));
  const onlyA = twice(a);
  const onlyB = twice(b);
  return fromFunction(both.rows, both.cols, (i, j) => {
    const k = i + j * both.rows;
    return F.div(F.sub(F.sub(both.data[k], onlyA.data[k]), onlyB.data[k]), F.fromInt(2));
  });
}

/** Evaluate `f` with variable `x` moved along `direction` (entries of vec x): a jet of the given order. */
function along<T>(env: Env<T>, node: DerivativeNode, name: string, x: Matrix<T>, direction: number[], order: number): Matrix<Jet<T>> {
  const lifted = liftEnv(env, order);
  const { F } = env;
  const seeded = fromFunction(x.rows, x.cols, (i, j) => {
    const k = i + j * x.rows;
    const out = new Array<T>(order + 1).fill(F.zero);
    out[0] = x.data[k];
    out[1] = direction[k] === 0 ? F.zero : F.fromInt(direction[k]);
    return out as Jet<T>;
  });
  lifted.values.set(name, seeded);
  return evaluate(node.of, lifted);
}

/**
 * Numerator-layout Jacobian ∂vec f / ∂(vec x)^T: one forward pass over first-order duals in every
 * direction of vec x at once (numeric/dual.ts), the same values as one jet pass per direction.
 */
export function jacobian<T>(env: Env<T>, node: DerivativeNode, name: string, x: Matrix<T>): Matrix<T> {
  const n = x.data.length;
  const f = evaluate(node.of, inEveryDirection(env, dualField(env.F, n), n + 1, name, x));
  return fromFunction(f.data.length, n, (i, j) => f.data[i][j + 1]);
}

/**
 * Hessian ∂²f / ∂vec x ∂(vec x)^T of a scalar f: one forward pass over second-order duals in every
 * direction of vec x at once (numeric/dual.ts), the Hessian read off their second-order part.
 */
export function hessian<T>(env: Env<T>, node: DerivativeNode, name: string, x: Matrix<T>): Matrix<T> {
  const { F } = env;
  const n = x.data.length;
  const f = evaluate(node.of, inEveryDirection(env, secondOrderDualField(F, n), 1 + n + (n * (n + 1)) / 2, name, x));
  if (f.data.length !== 1) throw new UnsupportedError('a Hessian of a function that is not scalar', node.span);
  const c = f.data[0];
  const two = F.fromInt(2);
  return fromFunction(n, n, (i, j) => (i === j ? F.mul(two, c[secondOrderIndex(n, i, i)]) : c[secondOrderIndex(n, Math.min(i, j), Math.max(i, j))]));
}

/**
 * The environment lifted into a dual field (first or second order) in every direction of vec x:
 * entry k of x moves along direction k, `[x_k, 0, …, 1 (at 1 + k), …, 0]`.
 *
 * @param env The environment.
 * @param D The dual field over env.F, in x.data.length directions.
 * @param size The length of D's arrays.
 * @param name Where x's value lives.
 * @param x The variable's value.
 */
function inEveryDirection<T>(env: Env<T>, D: Field<readonly T[]>, size: number, name: string, x: Matrix<T>): Env<readonly T[]> {
  const { F } = env;
  const lifted = liftInto(env, D, size);
  const unit = F.fromInt(1);
  lifted.values.set(
    name,
    fromFunction(x.rows, x.cols, (i, j) => {
      const k = i + j * x.rows;
      const out = new Array<T>(size).fill(F.zero);
      out[0] = x.data[k];
      out[1 + k] = unit;
      return out;
    }),
  );
  return lifted;
}

/**
 * A derivative with respect to an intermediate variable `Y` (defined on the page) of an expression
 * written without `Y`: fold `Y`'s definition into it first (chain rule by substitution).
 */
function withIntermediate<T>(node: DerivativeNode, env: Env<T>): DerivativeNode {
  const name = node.wrt[0].symbol;
  const ctx = env.program.ctx;
  if (!ctx.definitions?.[name] || mentions(node.of, ctx, name)) return node;
  const folded = foldDefinition(node.of, ctx, name);
  return folded ? { ...node, of: folded } : node;
}

/** Apply the declared convention for a gradient with respect to a symmetric matrix. */
function symmetricConvention<T>(F: Field<T>, g: Matrix<T>, convention: string | undefined): Matrix<T> {
  if (convention === 'cookbook') {
    const sum = add(F, g, transpose(g));
    return fromFunction(g.rows, g.cols, (i, j) => (i === j ? F.sub(sum.data[i + j * g.rows], g.data[i + j * g.rows]) : sum.data[i + j * g.rows]));
  }
  if (convention === 'sym') return scale(F, F.fromRatio(1n, 2n), add(F, g, transpose(g)));
  return g;
}

/**
 * Evaluate a derivative node: compute the Jacobian (or Hessian) by forward-mode AD from the
 * differentiated expression itself, then arrange it as the notation and the layout say.
 */
export function evaluateDerivative<T>(given: DerivativeNode, env: Env<T>): Matrix<T> {
  const wrt = given.wrt[0];
  if (wrt.entryOf) return entryDerivative(given, env);
  const key = variableKey(env, given, wrt);
  const x = variableValue(env, given, wrt, key);
  const node = withIntermediate(given, env);
  if (node.style === 'hessian') return hessian(env, node, key, x);
  const jac = jacobian(env, node, key, x);
  const scalarOf = jac.rows === 1;
  let gradientForm: Matrix<T>;
  if (scalarOf && !wrt.vec) {
    gradientForm = { rows: x.rows, cols: x.cols, data: jac.data };
    const decl = env.program.ctx.symbols?.[wrt.symbol];
    if (decl?.properties.includes('symmetric') || decl?.properties.includes('positive-definite')) {
      gradientForm = symmetricConvention(env.F, gradientForm, env.program.ctx.symmetricDerivative);
    }
  } else if (scalarOf) gradientForm = { rows: x.data.length, cols: 1, data: jac.data };
  else gradientForm = transpose(jac);
  const numeratorForm = node.style === 'jacobian' || (node.style === 'partial' && env.program.ctx.layout === 'numerator');
  return numeratorForm !== wrt.transposed ? transpose(gradientForm) : gradientForm;
}
