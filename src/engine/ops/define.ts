import type { OpNode } from '../latex/ast.js';
import type { Field } from '../numeric/field.js';
import type { Matrix } from '../numeric/matrix.js';
import { type Dim, type DimUnifier, constDim, varDim } from '../types/dims.js';
import { type Shape, ShapeConflict, isScalar, shapeToString, tryScalar } from '../types/shape.js';

/** What a shape rule may do: unify, create dimensions, and report a conflict naming both shapes. */
export interface ShapeRuleApi {
  readonly u: DimUnifier;
  /** Dimensions named in the node (`K_{mn}` → m, n), or fresh ones when absent. */
  readonly dims: Dim[];
}

/** Sizes an evaluation needs beyond its arguments: the node's named dimensions and its result size. */
export interface EvalInfo {
  dims: number[];
  rows: number;
  cols: number;
}

/** One operator: its shape rule, evaluation (generic over the field) and forward derivative, side by side. */
export interface OpSpec {
  name: string;
  /** Number of arguments (constants have 0). */
  arity: number;
  /** Number of dimension names the node carries (`K_{mn}`: 2, `I_n`: 1); missing ones are fresh. */
  dimCount?: number;
  /** Whether exact rational arithmetic can evaluate it (no exp/log). */
  exact: boolean | ((node: OpNode) => boolean);
  /** Human name used in messages. */
  label: string;
  shape(api: ShapeRuleApi, args: Shape[]): Shape;
  evaluate<T>(F: Field<T>, args: Matrix<T>[], info: EvalInfo): Matrix<T>;
  /**
   * The differential rule: the tangent of the result from the arguments and their tangents.
   * Not used as the oracle (jets are); tests use it as an independent cross-check.
   */
  derive?<T>(F: Field<T>, args: Matrix<T>[], tangents: Matrix<T>[], info: EvalInfo): Matrix<T>;
}

/** Typed helper for operator records. */
export function defineOp(spec: OpSpec): OpSpec {
  return spec;
}

/** Throw a shape conflict that names both operands and their shapes. */
export function conflict(api: ShapeRuleApi, message: string, a: Shape, b: Shape): never {
  throw new ShapeConflict(message, shapeToString(api.u, a), shapeToString(api.u, b));
}

/** Dimension for a name in a node (`3` → constant, `m` → the named variable). */
export function namedDim(name: string): Dim {
  return /^[0-9]+$/.test(name) ? constDim(Number(name)) : varDim(name);
}

/** The shape of a product `a b`: a matrix product, or scaling when one side is (or can be) a scalar. */
export function productShape(api: ShapeRuleApi, a: Shape, b: Shape): Shape {
  const { u } = api;
  if (isScalar(u, a)) return b;
  if (isScalar(u, b)) return a;
  // A column times something whose rows are still open: a leading coefficient is more often a scalar.
  if (u.isConst(a.cols, 1) && !u.isConst(b.rows, 1) && u.freeVars(a.rows).length > 0 && tryScalar(u, a)) return b;
  const mark = u.mark();
  if (u.unify(a.cols, b.rows)) return { rows: a.rows, cols: b.cols };
  u.undo(mark);
  if (tryScalar(u, a)) return b;
  if (tryScalar(u, b)) return a;
  return conflict(api, 'A product needs the columns of the left factor to match the rows of the right factor.', a, b);
}

/** Require two shapes to be equal (sums, Hadamard products, inner products). */
export function sameShape(api: ShapeRuleApi, a: Shape, b: Shape, what: string): Shape {
  const mark = api.u.mark();
  if (api.u.unify(a.rows, b.rows) && api.u.unify(a.cols, b.cols)) return a;
  api.u.undo(mark);
  return conflict(api, `${what} needs operands of the same shape.`, a, b);
}

/** Require a square shape. */
export function squareShape(api: ShapeRuleApi, a: Shape, what: string): Shape {
  if (!api.u.unify(a.rows, a.cols)) throw new ShapeConflict(`${what} needs a square matrix, but its operand is ${shapeToString(api.u, a)}.`, shapeToString(api.u, a), '');
  return a;
}
