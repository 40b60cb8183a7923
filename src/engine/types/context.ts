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

/**
 * A context written compactly: each field as an index into a list of values shared with other
 * contexts, and a record field (symbols, functions, definitions) entry by entry, so a page's
 * contexts, whose records grow by one definition or declaration at a time, share each entry.
 */
export type PackedContext = Record<string, number | Record<string, number>>;

/** Contexts being packed: the distinct values met so far, and the packing of one context. */
export interface ContextPacker {
  /** The distinct values of the packed contexts' fields and record entries, in the order first met. */
  readonly parts: unknown[];
  /** A context as indexes into {@link ContextPacker.parts} (equal values, found by their JSON, share one). */
  pack(context: Context): PackedContext;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Pack the contexts of one page. Its formulas mostly share their symbols, definitions and
 * conventions, so each distinct value written once makes the page's contexts a fraction of their
 * size written one by one: the page cache and the widget data both store them so.
 *
 * @param stringify How a value is written (equal text, one part): JSON by default.
 */
export function contextPacker(stringify: (value: unknown) => string = (value) => JSON.stringify(value)): ContextPacker {
  const parts: unknown[] = [];
  const byValue = new Map<unknown, number>();
  const byText = new Map<string, number>();
  const index = (value: unknown): number => {
    // A check's contexts already share most parts by reference: those are not written out to compare.
    let at = byValue.get(value);
    if (at === undefined) {
      const text = stringify(value);
      at = byText.get(text);
      if (at === undefined) byText.set(text, (at = parts.push(value) - 1));
      if (typeof value === 'object' && value !== null) byValue.set(value, at);
    }
    return at;
  };
  const field = (value: unknown): number | Record<string, number> =>
    isRecord(value) ? Object.fromEntries(Object.entries(value).map(([name, entry]) => [name, index(entry)])) : index(value);
  return {
    parts,
    pack: (context) => Object.fromEntries(Object.entries(context).map(([name, value]) => [name, field(value)])),
  };
}

/**
 * A packed context back (its values the parts themselves, shared with every context that uses them).
 *
 * @param parts The parts it was packed into.
 * @param packed From {@link ContextPacker.pack}.
 */
export function unpackContext(parts: readonly unknown[], packed: PackedContext): Context {
  const part = (at: unknown, where: string): unknown => {
    if (!Number.isInteger(at) || (at as number) < 0 || (at as number) >= parts.length) throw new Error(`packed context: ${where} points at part ${String(at)}, and there are ${parts.length}`);
    return parts[at as number];
  };
  const context: Record<string, unknown> = {};
  for (const [field, at] of Object.entries(packed)) {
    context[field] = isRecord(at) ? Object.fromEntries(Object.entries(at).map(([name, entry]) => [name, part(entry, `field ${field}.${name}`)])) : part(at, `field ${field}`);
  }
  return context as Context;
}
