import type { Expr } from '../latex/ast.js';

/** Which way derivatives of vectors are laid out (see README, "Layout"). */
export type Layout = 'numerator' | 'denominator';

/** Convention for a derivative with respect to a symmetric matrix: cookbook `G + G^T - G∘I`, or `sym(G)`. */
export type SymmetricConvention = 'cookbook' | 'sym' | 'none';

/** Properties a symbol can be declared with; sampling respects them. */
export type SymbolProperty =
  | 'symmetric'
  | 'positive-definite'
  | 'invertible'
  | 'orthogonal'
  | 'diagonal'
  | 'one-hot'
  | 'probability'
  | 'identity'
  | 'constant'
  | 'positive';

/** The declared shape and properties of one symbol. Dimensions are names (`m`) or numbers (`3`). */
export interface SymbolDeclaration {
  /** Row dimension; empty when only properties were declared (the shape is then inferred). */
  rows: string;
  cols: string;
  properties: SymbolProperty[];
}

/** Elementwise scalar functions the engine can evaluate. */
export type ElementwiseName = 'logistic' | 'exp' | 'log' | 'tanh' | 'sin' | 'cos' | 'softplus' | 'square' | 'identity';

/** A definition made earlier on the page: `f = a^T X b` or `f(X) = ...` (params are the argument names). */
export interface Definition {
  params: string[];
  body: Expr;
  /** The LaTeX the body came from (for messages and the widget). */
  latex: string;
  /** For a family defined member by member (`a_{1,i} = W_1x_i + b_1`): the index letter of the definition. */
  index?: string;
}

/** Everything the engine knows when it checks one formula. JSON-serialisable. */
export interface Context {
  layout?: Layout;
  symmetricDerivative?: SymmetricConvention;
  symbols?: Record<string, SymbolDeclaration>;
  functions?: Record<string, ElementwiseName>;
  definitions?: Record<string, Definition>;
  /** Variables of differentiation; when absent the engine infers them from the formula's `d` terms. */
  vary?: string[];
  /** Definitions written in declarations (`define: f(X) = \log|X|`), as LaTeX; the engine parses them. */
  define?: string[];
}

/** A partial context, e.g. from one declaration comment; merged with {@link mergeContext}. */
export type ContextPatch = Context;

/** Merge a patch into a base context (later declarations override earlier ones, symbol by symbol). */
export function mergeContext(base: Context, patch: ContextPatch): Context {
  return {
    ...base,
    ...(patch.layout ? { layout: patch.layout } : {}),
    ...(patch.symmetricDerivative ? { symmetricDerivative: patch.symmetricDerivative } : {}),
    symbols: mergeSymbols(base.symbols ?? {}, patch.symbols ?? {}),
    functions: { ...base.functions, ...patch.functions },
    definitions: { ...base.definitions, ...patch.definitions },
    ...(patch.vary ? { vary: patch.vary.length ? patch.vary : undefined } : base.vary ? { vary: base.vary } : {}),
    ...(base.define || patch.define ? { define: [...(base.define ?? []), ...(patch.define ?? [])] } : {}),
  };
}

function mergeSymbols(
  base: Record<string, SymbolDeclaration>,
  patch: Record<string, SymbolDeclaration>,
): Record<string, SymbolDeclaration> {
  const out = { ...base };
  for (const [name, decl] of Object.entries(patch)) {
    const prev = base[name];
    out[name] = prev && !decl.rows
      ? { rows: prev.rows, cols: prev.cols, properties: [...new Set([...prev.properties, ...decl.properties])] }
      : decl;
  }
  return out;
}

/** Default elementwise functions: σ is the logistic function unless declared otherwise. */
export const DEFAULT_FUNCTIONS: Record<string, ElementwiseName> = { sigma: 'logistic' };
