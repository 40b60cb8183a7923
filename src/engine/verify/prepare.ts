import type { Claim, Expr, Relation } from '../latex/ast.js';
import { mapTree, some, symbolNames, walk } from '../latex/walk.js';
import type { Span } from '../span.js';
import type { Context, Definition, SymbolDeclaration } from '../types/context.js';
import { isMemberName, markEntries } from './indices.js';

/** One relation to check: `left rel right`. */
export interface Step {
  left: Expr;
  right: Expr;
  relation: Relation;
  span: Span;
  /** Set when the step was recognised as a definition or hypothesis, not a claim. */
  skipReason?: string;
}

/** A formula ready for checking: the context it introduces and the steps it claims. */
export interface Prepared {
  ctx: Context;
  claims: Claim[];
  steps: Step[];
  defines: Record<string, Definition>;
  declares: Record<string, SymbolDeclaration>;
  vary: Set<string>;
  hasDifferentials: boolean;
}

const RESERVED = new Set(['I', 'K', 'e', 'E', 'O']);
const FACTORIAL: Record<number, string> = { 1: '1', 2: '2' };

function sliceLatex(source: string, span: Span): string {
  return source.slice(span.start, span.end).trim();
}

/** The name a differential is taken of, through transpose/vec wrappers: `\mathrm{d}\mathrm{vec}X^T` → X. */
function differentialAtom(e: Expr, ctx?: Context): string | null {
  if (e.kind === 'symbol' && !e.entryOf) return e.name;
  // `\mathrm{d}f(X)` of an f that is no definition (a function instantiated at random) moves its argument.
  if (e.kind === 'call' && ctx && !ctx.definitions?.[e.fn] && e.args.length === 1) return differentialAtom(e.args[0], ctx);
  if (e.kind === 'call') return e.fn;
  if (e.kind === 'op' && (e.op === 'transpose' || e.op === 'vec') && e.args.length === 1) return differentialAtom(e.args[0]);
  return null;
}

function isDefined(ctx: Context, name: string): boolean {
  return Boolean(ctx.definitions?.[name]);
}

/** Leaves (undefined symbols) a name depends on through definitions. */
function leavesOf(ctx: Context, name: string, seen = new Set<string>()): Set<string> {
  const def = ctx.definitions?.[name];
  if (!def) return new Set([name]);
  if (seen.has(name)) return new Set();
  seen.add(name);
  const out = new Set<string>();
  for (const n of symbolNames(def.body)) for (const leaf of leavesOf(ctx, n, seen)) out.add(leaf);
  return out;
}

/** Does the definition of `name` mention `other`, directly or through other definitions? */
function dependsOn(ctx: Context, name: string, other: string, seen = new Set<string>()): boolean {
  const def = ctx.definitions?.[name];
  if (!def || seen.has(name)) return false;
  seen.add(name);
  for (const n of symbolNames(def.body)) if (n === other || dependsOn(ctx, n, other, seen)) return true;
  return false;
}

/** Is `claim` an ordinary definition `f = ...` / `f(X) = ...` of a name not yet defined? */
function ordinaryDefinition(
  ctx: Context,
  claim: Claim,
  functions: ReadonlySet<string>,
  definedHere: ReadonlySet<string>,
): { name: string; params: string[] } | null {
  if (claim.relations[0]?.relation !== '=' || claim.items.length < 2) return null;
  const [left, right] = claim.items;
  let name: string;
  let params: string[] = [];
  // `a_{1,i} = W_1x_i + b_1` defines the family a_1 member by member.
  if (left.kind === 'symbol' && !left.entryOf) name = left.name;
  else if (left.kind === 'call' && left.prime === 0 && left.args.every((a) => a.kind === 'symbol')) {
    name = left.fn;
    params = left.args.map((a) => (a.kind === 'symbol' ? a.name : ''));
  } else return null;
  // `f(X) = ...` (function syntax) always (re)defines f; a bare `f = ...` only defines a new name.
  const redefinable = left.kind === 'call';
  // A name declared only `constant` (no shape) may still be defined: the definition ends its role as a constant.
  const declared = ctx.symbols?.[name];
  const onlyConstant = declared && !declared.rows && declared.properties.every((p) => p === 'constant');
  if (RESERVED.has(name) || functions.has(name) || (declared && !onlyConstant)) return null;
  if (isDefined(ctx, name) && !definedHere.has(name) && !redefinable) {
    // A bare `l = ...` restating a known l is a claim; one about other variables starts a new l.
    const before = leavesOf(ctx, name);
    const after = new Set([...symbolNames(right)].flatMap((n) => [...leavesOf(ctx, n)]));
    const same = before.size === after.size && [...before].every((n) => after.has(n));
    if (same) return null;
  } else if (isDefined(ctx, name) && !(redefinable && !definedHere.has(name))) return null;
  if (symbolNames(right).has(name) || some(right, (n) => n.kind === 'opaque')) return null;
  if (some(right, (n) => n.kind === 'differential')) return null;
  return { name, params };
}

/**
 * `\sigma = S` alone, with σ a declared (sampled, undefined) symbol that the right side does not depend on:
 * no identity can say that of a free variable, so it is an equation (the value σ takes), not a claim.
 */
function solvedFor(ctx: Context, claim: Claim): string | null {
  if (claim.relations.length !== 1 || claim.relations[0].relation !== '=') return null;
  const [left, right] = claim.items;
  if (left.kind !== 'symbol' || left.index || RESERVED.has(left.name) || isDefined(ctx, left.name) || !ctx.symbols?.[left.name]?.rows) return null;
  const leaves = new Set([...symbolNames(right)].flatMap((n) => [...leavesOf(ctx, n)]));
  return leaves.has(left.name) || some(right, (n) => n.kind === 'opaque') ? null : left.name;
}

/** Replace each `d E` by `E` (the function whose differential a schema states). */
function integrate(e: Expr): Expr {
  return mapTree(e, (n) => (n.kind === 'differential' ? n.body : n));
}

/** Collect names declared by `X \in \mathbb{R}^{m\times n}`. */
function collectDeclarations(claims: readonly Claim[]): Record<string, SymbolDeclaration> {
  const declares: Record<string, SymbolDeclaration> = {};
  let pending: string[] = [];
  for (const claim of claims) {
    const [only] = claim.items;
    if (claim.items.length === 1 && only.kind === 'symbol' && !only.index) {
      pending.push(only.name);
      continue;
    }
    claim.relations.forEach((rel, k) => {
      const left = claim.items[k];
      const right = claim.items[k + 1];
      if (rel.relation === 'in' && right?.kind === 'space' && left.kind === 'symbol') {
        // `B, C \in \mathbb{R}^{n\times m}` declares B as well as C.
        for (const name of [...(k === 0 ? pending : []), left.name]) {
          declares[name] = { rows: right.annotation.rows, cols: right.annotation.cols, properties: [] };
        }
      }
    });
    pending = [];
  }
  return declares;
}

/** Work out definitions, declarations, the variables of differentials, and the steps to check. */
export function prepare(source: string, given: Claim[], base: Context, functions: ReadonlySet<string>): Prepared {
  let claims = bareCallsAsCalls(given, base, functions);
  markEntries(claims, base);
  const declares = collectDeclarations(claims);
  const ctx: Context = {
    ...base,
    symbols: { ...base.symbols, ...declares },
    definitions: { ...base.definitions },
  };
  const defines: Record<string, Definition> = {};
  const steps: Step[] = [];
  const definitionClaims = new Map<Claim, string>();
  for (const claim of claims) {
    const def = ordinaryDefinition(ctx, claim, functions, new Set(Object.keys(defines)));
    if (!def) {
      const unknown = claims.length === 1 ? solvedFor(ctx, claim) : null;
      if (unknown) definitionClaims.set(claim, `an equation for ${unknown} (a value it takes, such as where a derivative vanishes), not an identity`);
      continue;
    }
    const body = claim.items[1];
    const head = claim.items[0];
    const definition: Definition = { params: def.params, body, latex: sliceLatex(source, body.span) };
    if (head.kind === 'symbol' && head.index) definition.index = head.index;
    ctx.definitions = { ...ctx.definitions, [def.name]: definition };
    defines[def.name] = definition;
    definitionClaims.set(claim, `defines ${def.name}`);
  }
  // Schema heads `dF = R` whose F is unknown: F is defined by integrating R (when R is a pure differential form).
  const schemaHeads = new Map<Claim, string>();
  const headCount = new Map<string, number>();
  for (let c = 0; c < claims.length; c++) {
    const [left, right] = claims[c].items;
    if (claims[c].relations[0]?.relation !== '=' || !right || left.kind !== 'differential') continue;
    const atom = differentialAtom(left.body);
    // `dF = A(dX)B \iff d\mathrm{vec}F = (B^T\otimes A)d\mathrm{vec}X`: after \iff / \implies, a differential of the
    // schema just stated is a consequence to check, not a new schema.
    if (atom && claims[c].connective !== 'and' && [...schemaHeads.values()].includes(atom)) continue;
    if (atom && !isDefined(ctx, atom) && !ctx.symbols?.[atom] && !functions.has(atom) && !symbolNames(right).has(atom)) {
      const count = (headCount.get(atom) ?? 0) + 1;
      headCount.set(atom, count);
      // A second schema for the same name in one formula is a separate instance: rename from here on.
      const alias = count === 1 ? atom : `${atom}#${count}`;
      if (count > 1) for (let k = c; k < claims.length; k++) claims[k] = renameInClaim(claims[k], atom, alias);
      schemaHeads.set(claims[c], alias);
    }
  }
  const schemaNames = new Set(schemaHeads.values());
  const vary = varyingSymbols(ctx, claims, schemaNames);
  let hasDifferentials = false;
  for (const claim of claims) for (const item of claim.items) if (some(item, (n) => n.kind === 'differential')) hasDifferentials = true;
  for (const [claim, name] of schemaHeads) {
    const right = claim.items[1];
    const left = claim.items[0];
    const order = left.kind === 'differential' ? left.order : 1;
    // Integrating is only sound when every coefficient outside the differentials is constant.
    let bareVariable = false;
    const moves = (name: string) => [...leavesOf(ctx, name)].some((leaf) => vary.has(leaf));
    walkOutsideDifferentials(right, (n) => {
      if (n.kind === 'symbol' && moves(n.name)) bareVariable = true;
      if (n.kind === 'derivative' && [...symbolNames(n.of)].some(moves)) bareVariable = true;
    });
    if (bareVariable || vary.size === 0) {
      definitionClaims.set(claim, `${name} is only described by its differential here (a hypothesis, not a claim)`);
      continue;
    }
    let body = integrate(right);
    if (order > 1) body = { kind: 'op', op: 'div', args: [body, { kind: 'number', value: FACTORIAL[order] ?? '2', span: right.span }], span: right.span };
    const instance: Definition = { params: [], body, latex: sliceLatex(source, right.span) };
    ctx.definitions = { ...ctx.definitions, [name]: instance };
    // "If dF = A dX B, then …": a later formula may take this F as given (declaration `given: F`).
    if (!name.includes('#')) defines[name] = { ...instance, schema: true };
    definitionClaims.set(claim, `instantiates the schema: ${name} is the function whose differential is stated`);
  }
  for (const claim of claims) {
    const skip = definitionClaims.get(claim);
    claim.relations.forEach((rel, k) => {
      const left = claim.items[k];
      const right = claim.items[k + 1];
      if (!right || rel.relation === 'in') return;
      const step: Step = { left, right, relation: rel.relation, span: { start: left.span.start, end: right.span.end } };
      if (k === 0 && skip) step.skipReason = skip;
      const named = namesEntries(left, right);
      if (named) step.skipReason = `names the entries of ${named} (notation, not a claim)`;
      steps.push(step);
    });
  }
  return { ctx, claims, steps, defines, declares, vary, hasDifferentials };
}

/**
 * `\frac{\partial^2 f}{\partial x_1 \partial x_2}` next to `f(x)` in the same formula: the bare `f` of an undefined
 * function is that function at the same argument (so a random instance of f stands for both).
 */
function bareCallsAsCalls(claims: Claim[], ctx: Context, functions: ReadonlySet<string>): Claim[] {
  const calls = new Map<string, Expr>();
  for (const claim of claims) {
    for (const item of claim.items) {
      walk(item, (n) => {
        if (n.kind === 'call' && n.prime === 0 && n.args.length === 1 && !functions.has(n.fn) && !ctx.definitions?.[n.fn] && !ctx.symbols?.[n.fn]) {
          if (!calls.has(n.fn)) calls.set(n.fn, n);
        }
      });
    }
  }
  const replace = (n: Expr): Expr => {
    const entry = n.kind === 'call' ? entryCall(n, ctx) : null;
    if (entry) return entry;
    const call = n.kind === 'symbol' && !n.annotation ? calls.get(n.name) : undefined;
    return call ? { ...call, span: n.span } : n;
  };
  return claims.map((claim) => ({ ...claim, items: claim.items.map((item) => mapTree(item, replace)) }));
}

/** `f_j(x)` with `f(x)` defined (a vector function): entry j of f at its own variable. */
function entryCall(n: Extract<Expr, { kind: 'call' }>, ctx: Context): Expr | null {
  const m = /^(.+)_([ijkl]{1,2}|[ijkl],[ijkl])$/.exec(n.fn);
  const def = m ? ctx.definitions?.[m[1]] : undefined;
  if (!m || !def || n.prime > 0 || def.params.length !== n.args.length) return null;
  if (!n.args.every((a, k) => a.kind === 'symbol' && !a.index && a.name === def.params[k])) return null;
  return { kind: 'symbol', name: n.fn, index: m[2], span: n.span };
}

/** `y = (y_1; \vdots; y_N)`: a matrix or vector set equal to the matrix of its own entries only names them. */
function namesEntries(left: Expr, right: Expr): string | null {
  if (left.kind !== 'symbol' || left.index || right.kind !== 'build' || right.written?.length) return null;
  const body = right.body;
  return body.kind === 'symbol' && body.entryOf === left.name ? left.name : null;
}

function renameInClaim(claim: Claim, from: string, to: string): Claim {
  const rename = (n: Expr): Expr => {
    if (n.kind === 'symbol' && n.name === from) return { ...n, name: to };
    if (n.kind === 'call' && n.fn === from) return { ...n, fn: to };
    if (n.kind === 'derivative') return { ...n, wrt: n.wrt.map((w) => (w.symbol === from ? { ...w, symbol: to } : w)) };
    return n;
  };
  return { ...claim, items: claim.items.map((item) => mapTree(item, rename)) };
}

function walkOutsideDifferentials(e: Expr, visit: (n: Expr) => void): void {
  if (e.kind === 'differential') return;
  visit(e);
  if (e.kind === 'op' || e.kind === 'call') e.args.forEach((a) => walkOutsideDifferentials(a, visit));
  if (e.kind === 'derivative') walkOutsideDifferentials(e.of, visit);
  if (e.kind === 'sum') walkOutsideDifferentials(e.body, visit);
}

/**
 * The variables a differential moves: declared (`vary:`), else the undefined symbols written under a `d`,
 * else the leaves of defined ones; constants (declared `constant`) never move.
 */
function varyingSymbols(ctx: Context, claims: readonly Claim[], exclude: ReadonlySet<string>): Set<string> {
  if (ctx.vary) return new Set(ctx.vary);
  const direct = new Set<string>();
  const definedAtoms = new Set<string>();
  const under = new Set<string>();
  for (const claim of claims) {
    for (const item of claim.items) {
      walk(item, (n) => {
        if (n.kind !== 'differential') return;
        const atom = differentialAtom(n.body, ctx);
        if (atom && !exclude.has(atom)) {
          if (isDefined(ctx, atom)) definedAtoms.add(atom);
          else direct.add(atom);
        }
        for (const name of symbolNames(n.body)) for (const l of leavesOf(ctx, name)) under.add(l);
      });
    }
  }
  // `df` and `dY` with f defined through Y: Y is the more specific atom, so only Y's leaves move.
  const indirect = new Set<string>();
  for (const atom of definedAtoms) {
    const dependsOnOther = [...definedAtoms].some((other) => other !== atom && dependsOn(ctx, atom, other));
    if (!dependsOnOther) for (const l of leavesOf(ctx, atom)) indirect.add(l);
  }
  const chosen = direct.size > 0 ? direct : indirect.size > 0 ? indirect : under;
  const constant = (name: string) => ctx.symbols?.[name]?.properties.includes('constant') ?? false;
  // Samples of a family (`x_i`) are data, never variables of a differential.
  return new Set([...chosen].filter((n) => !constant(n) && !exclude.has(n) && !isMemberName(n)));
}
