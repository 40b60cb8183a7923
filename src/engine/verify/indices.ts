import type { Claim, Expr, SymbolNode, WrtSpec } from '../latex/ast.js';
import { indexLetters } from '../latex/script.js';
import { walk } from '../latex/walk.js';
import type { Context } from '../types/context.js';

/**
 * Indexed symbols come in two kinds. An entry: `X_{ij}` or `x_i` where `X`, `x` is a matrix or vector the formula
 * or the page knows whole. A family member: `x_i`, `a_{2,i}` (member i of the family `a_2`) where nothing whole
 * has that name — samples such as the training pairs `(x_i, y_i)`.
 */

/** The name an entry belongs to: `X_ij` → `X`, `x_i` → `x`. */
function baseOf(name: string): string {
  return name.slice(0, name.lastIndexOf('_'));
}

/** Is `index` (as the parser stored it) the index of a family member, like the `i` of `a_{2,i}`? */
function isFamilyName(name: string): boolean {
  return /_[^,]*[^,ijkl][^,]*,[ijkl]$|_[0-9]+,[ijkl]$/.test(name);
}

/** Names the formula itself uses whole: symbols, functions, derivative variables. */
function wholeInFormula(claims: readonly Claim[]): Set<string> {
  const whole = new Set<string>();
  for (const claim of claims) {
    for (const item of claim.items) {
      walk(item, (n) => {
        if (n.kind === 'symbol' && !n.index) whole.add(n.name);
        // `A_{ij}` written: remembered as `A_` (see the lowercase-entry convention below).
        if (n.kind === 'symbol' && n.index && /^[A-Z]_/.test(n.name)) whole.add(n.name.slice(0, 2));
        if (n.kind === 'call') whole.add(n.fn);
        if (n.kind === 'derivative') for (const w of n.wrt) if (!w.index) whole.add(w.symbol);
      });
    }
  }
  return whole;
}

/** Is `name` a family member's name (`x_i`, `a_2,i`)? Entries are named by their matrix in symbol lists, so never match. */
export function isMemberName(name: string): boolean {
  return /_(?:[^,]*,)?[ijkl]$/.test(name);
}

/**
 * One name per family whatever letter indexes it: `x_j` and `x_i` are the same samples, `a_{1,j}` is a member of
 * the family defined by `a_{1,i} = …`. The letter itself stays in `index`.
 */
export function familyName(name: string): string {
  return name.replace(/[ijkl]$/, 'i');
}

function classify(target: SymbolNode | WrtSpec, name: string, whole: ReadonlySet<string>, here: ReadonlySet<string>): string {
  if (!target.index) return name;
  const base = baseOf(name);
  // `A_{12}` is entry (1, 2) of A only next to a whole A in the same formula; else `W_1`, `x_2` are names.
  if (/^[0-9]+$/.test(target.index)) {
    if (here.has(base)) target.entryOf = base;
    else delete target.index;
    return name;
  }
  if (!isFamilyName(name) && whole.has(base)) {
    target.entryOf = base;
    return name;
  }
  // `a_{ij}` for the entries of a matrix `A` (a common convention), when no `a` is known and `A_{ij}` is not
  // written too (`\partial|W|/\partial w_{ij} = W_{ij}` with W_{ij} a cofactor: two different things).
  const upper = base.toUpperCase();
  if (/^[a-z]$/.test(base) && indexLetters(target.index).length === 2 && whole.has(upper) && !whole.has(`${upper}_`)) {
    target.entryOf = upper;
    return name;
  }
  // `f_{kl}` with no whole `f` is just a name; only one-letter and `a_{2,i}` indices make a family.
  return /^[ijkl]$/.test(target.index) ? familyName(name) : name;
}

/** Mark every indexed symbol and derivative variable of the claims that is an entry (sets `entryOf`); name family members by their family. */
export function markEntries(claims: readonly Claim[], ctx: Context): void {
  const here = wholeInFormula(claims);
  const whole = new Set<string>([...here, ...Object.keys(ctx.definitions ?? {})]);
  for (const [name, decl] of Object.entries(ctx.symbols ?? {})) if (decl.rows) whole.add(name);
  for (const claim of claims) {
    for (const item of claim.items) {
      walk(item, (n) => {
        if (n.kind === 'symbol') n.name = classify(n, n.name, whole, here);
        if (n.kind === 'derivative') for (const w of n.wrt) w.symbol = classify(w, w.symbol, whole, here);
      });
    }
  }
}

/** Index letters of one indexed symbol or derivative variable: `ij` → i, j; a family member's single letter. */
export function lettersOf(index: string | undefined, entry: boolean): string[] {
  if (!index) return [];
  return (entry ? indexLetters(index) : [index]).filter((l) => !/^[0-9]+$/.test(l));
}

/**
 * The index letters a side uses without binding them (no enclosing sum or built matrix): the step holds for
 * every value of them (`\frac{\partial l}{\partial h_{1,i}} = W_2^T \frac{\partial l}{\partial a_{2,i}}` for each i).
 */
export function freeIndices(e: Expr, bound: ReadonlySet<string> = new Set()): Set<string> {
  const out = new Set<string>();
  const visit = (n: Expr, inner: ReadonlySet<string>): void => {
    if (n.kind === 'symbol') for (const l of lettersOf(n.index, Boolean(n.entryOf))) if (!inner.has(l)) out.add(l);
    if (n.kind === 'derivative') for (const w of n.wrt) for (const l of lettersOf(w.index, Boolean(w.entryOf))) if (!inner.has(l)) out.add(l);
    if (n.kind === 'sum') return visit(n.body, new Set([...inner, n.index]));
    if (n.kind === 'build') return visit(n.body, new Set([...inner, ...n.rows.map((a) => a.index), ...n.cols.map((a) => a.index)]));
    const children: Expr[] =
      n.kind === 'op' || n.kind === 'call' ? n.args : n.kind === 'differential' ? [n.body] : n.kind === 'derivative' ? [n.of] : n.kind === 'cells' ? n.cells.flat() : [];
    for (const c of children) visit(c, inner);
  };
  visit(e, bound);
  return out;
}
