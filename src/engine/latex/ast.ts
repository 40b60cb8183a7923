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
  /** Present when the subscript is an element index such as `X_{ij}`. */
  index?: string;
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
