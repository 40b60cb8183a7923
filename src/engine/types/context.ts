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
  /** The function a rule schema's hypothesis describes (`dF = A(dX)B`): kept for a later `given: F`, not carried by itself. */
  schema?: boolean;
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
  /** In a patch only: names whose definitions and declarations end here (`forget: f, F`). */
  forget?: string[];
  /** In a patch only: functions described by an earlier hypothesis (`dF = …` as a schema) that the next formulas take as given. */
  given?: string[];
}

/** A partial context, e.g. from one declaration comment; merged with {@link mergeContext}. */
export type ContextPatch = Context;

/** Merge a patch into a base context (later declarations override earlier ones, symbol by symbol). */
export function mergeContext(given: Context, patch: ContextPatch): Context {
  const base = patch.forget?.length ? forgetNames(given, new Set(patch.forget)) : given;
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

/** The name a `define:` declaration defines: `f(X) = …` → f, `l_{2} = …` → l_2, `\bar{x} = …` → bar:x. */
export function definedName(text: string): string {
  const head = text.split(/=|\(|\\left\(/)[0].trim();
  const bar = /^\\bar\{(\w)\}$/.exec(head);
  if (bar) return `bar:${bar[1]}`;
  return head.replace(/^\\/, '').replace(/[{}\s]/g, '');
}

/** The context without the definitions, `define:` texts and declarations of `names`. */
function forgetNames(ctx: Context, names: ReadonlySet<string>): Context {
  const keep = <T>(record: Record<string, T> | undefined) => Object.fromEntries(Object.entries(record ?? {}).filter(([name]) => !names.has(name)));
  const { forget: _ignored, ...rest } = ctx;
  return {
    ...rest,
    symbols: keep(ctx.symbols),
    definitions: keep(ctx.definitions),
    ...(ctx.define ? { define: ctx.define.filter((text) => !names.has(definedName(text))) } : {}),
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
