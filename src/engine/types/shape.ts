import { type Dim, type DimUnifier, constDim, dimToString } from './dims.js';

/** The shape of a value: rows × cols, symbolically. Scalars are 1×1, column vectors n×1. */
export interface Shape {
  readonly rows: Dim;
  readonly cols: Dim;
}

export const SCALAR: Shape = { rows: constDim(1), cols: constDim(1) };

/** Print a shape for messages: `m×n`. */
export function shapeToString(u: DimUnifier, s: Shape): string {
  return `${dimToString(u.resolve(s.rows))}×${dimToString(u.resolve(s.cols))}`;
}

/** Is the shape known to be 1×1? */
export function isScalar(u: DimUnifier, s: Shape): boolean {
  return u.isConst(s.rows, 1) && u.isConst(s.cols, 1);
}

/** Try to unify two shapes; on failure nothing is bound. */
export function unifyShapes(u: DimUnifier, a: Shape, b: Shape): boolean {
  const mark = u.mark();
  if (u.unify(a.rows, b.rows) && u.unify(a.cols, b.cols)) return true;
  u.undo(mark);
  return false;
}

/** Try to make a shape 1×1; on failure nothing is bound. */
export function tryScalar(u: DimUnifier, s: Shape): boolean {
  return unifyShapes(u, s, SCALAR);
}

/** Raised inside shape rules; the inference pass turns it into a diagnostic with both shapes named. */
export class ShapeConflict extends Error {
  constructor(
    message: string,
    readonly left: string,
    readonly right: string,
  ) {
    super(message);
    this.name = 'ShapeConflict';
  }
}
