import type { Span } from '../span.js';

/** A shape written in the source: `A_{m\times n}` or `\in \mathbb{R}^{m\times n}` (dimension names). */
export interface ShapeAnnotation {
  rows: string;
  cols: string;
}

/** A named variable or constant, e.g. `X`, `W_1`, `a_{2,i}` (name `a_2,i`). */
export interface SymbolNode {
  kind: 'symbol';
  name: string;
  span: Span;
  /**
   * The index letters of an indexed symbol: `ij` in `X_{ij}`, `i` in `x_i` and in a family member `a_{2,i}`
   * (name `a_2,i`). Whether it is an entry of a matrix or a member of a family is settled by `entryOf`.
   */
  index?: string;
  /** Set (by the checker) when the indexed symbol is an entry of the named matrix or vector: `X_{ij}` of `X`. */
  entryOf?: string;
  /** Present when the source annotates the shape, e.g. `x_{m\times n}`. */
  annotation?: ShapeAnnotation;
}

/** A numeric literal (decimal text, kept exact). */
export interface NumberNode {
  kind: 'number';
  value: string;
  span: Span;
}

/** An application of a registered operator (see `ops/`), e.g. `transpose`, `kron`, `trace`. */
export interface OpNode {
  kind: 'op';
  op: string;
  args: Expr[];
  span: Span;
  /** Dimension names for constants: `K_{mn}` → ["m","n"], `I_n` → ["n"], `0_{m\times n}` → ["m","n"]. */
  dims?: string[];
}

/** `f(x)`, `\sigma(X)`, `\sigma'(X)`: a named function applied to arguments. */
export interface CallNode {
  kind: 'call';
  fn: string;
  args: Expr[];
  /** Number of primes: `\sigma'` → 1. */
  prime: number;
  span: Span;
}

/** `\mathrm{d}E` (order 1) or `\mathrm{d}^2 E` (order 2). */
export interface DifferentialNode {
  kind: 'differential';
  order: number;
  body: Expr;
  span: Span;
}

/** What a derivative is taken with respect to: `X`, `X^T`, `\mathrm{vec}X`, `(\mathrm{vec}X)^T`. */
export interface WrtSpec {
  symbol: string;
  transposed: boolean;
  vec: boolean;
  /** Element index (`\partial X_{ij}`) makes the derivative element-wise. */
  index?: string;
  /** Set (by the checker) when `symbol` is an entry of this matrix or vector (`\partial X_{ij}`). */
  entryOf?: string;
}

/** The notations of a derivative; their meaning depends on the layout in the context. */
export type DerivativeStyle = 'partial' | 'jacobian' | 'gradient' | 'hessian';

/** `\frac{\partial F}{\partial X}`, `\mathrm{D}_X F`, `\nabla_X f`, `\nabla^2_X f`, `H[f(X)]`, ... */
export interface DerivativeNode {
  kind: 'derivative';
  style: DerivativeStyle;
  of: Expr;
  /** One entry for first derivatives, two for `\partial x \partial x^T`. */
  wrt: WrtSpec[];
  span: Span;
}

/** `\sum_{i=1}^{N} body`. */
export interface SumNode {
  kind: 'sum';
  index: string;
  upper?: string;
  body: Expr;
  span: Span;
}

/** One index of a matrix built from its entries: the letter and, when written, the last value (`n`, `3`). */
export interface BuildAxis {
  index: string;
  /** The last value of the index (from 1); absent when the index's own use fixes the range (`X_{ij}` → rows of X). */
  last?: string;
}

/**
 * A matrix written by its generic entry: `\left[ \frac{\partial f}{\partial X_{ij}} \right]`, or a matrix
 * written entry by entry with ellipses. Rows (and columns) run over the axes, outer first; a body that is itself
 * a matrix is a block.
 */
export interface BuildNode {
  kind: 'build';
  body: Expr;
  rows: BuildAxis[];
  cols: BuildAxis[];
  /** Cells written off the pattern, at their row and column values (`2`, `m`): the matrix as written has them. */
  written?: { row?: string; col?: string; body: Expr }[];
  /** The LaTeX it was read from (printing it back must re-read the same matrix). */
  source?: string;
  span: Span;
}

/** A matrix written out cell by cell with no ellipsis (an empty cell is 0): `\begin{matrix} 1 & 0 \\ 0 & 1 \end{matrix}`. */
export interface CellsNode {
  kind: 'cells';
  cells: Expr[][];
  /** The LaTeX it was read from. */
  source?: string;
  span: Span;
}

/** `\mathbb{R}^{m\times n}` on the right of `\in`. */
export interface SpaceNode {
  kind: 'space';
  annotation: ShapeAnnotation;
  span: Span;
}

/** A part the engine cannot check (`\cdots`, `\lim`) or does not know (an unknown command). */
export interface OpaqueNode {
  kind: 'opaque';
  status: 'not-checkable' | 'unsupported';
  reason: string;
  span: Span;
}

/** The semantic expression tree, a discriminated union on `kind`. */
export type Expr =
  | SymbolNode
  | NumberNode
  | OpNode
  | CallNode
  | DifferentialNode
  | DerivativeNode
  | SumNode
  | BuildNode
  | CellsNode
  | SpaceNode
  | OpaqueNode;

/** Relations between the items of a claim. */
export type Relation = '=' | 'in' | 'other';

/** Connectives between claims. */
export type Connective = 'iff' | 'implies' | 'and';

/** One claim: items joined by relations, e.g. `a = b = c` (two steps). */
export interface Claim {
  items: Expr[];
  relations: { relation: Relation; span: Span }[];
  /** How this claim is joined to the previous one in the formula. */
  connective: Connective;
  span: Span;
}

/** A parsed formula: its claims in source order. */
export interface FormulaTree {
  claims: Claim[];
}
