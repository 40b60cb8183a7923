import type { Expr } from '../latex/ast.js';
import { exprToLatex, mapTree, symbolNames } from '../latex/walk.js';
import type { Context } from '../types/context.js';

/** Inlining stops after this many nested definitions (a guard against cycles). */
const MAX_INLINE_DEPTH = 8;

/** Replace defined symbols by their bodies (except `keep`), so the expression is in terms of leaves. */
export function inlineDefinitions(e: Expr, ctx: Context, keep: string, depth = 0): Expr {
  if (depth > MAX_INLINE_DEPTH) return e;
  return mapTree(e, (n) => {
    // Entries stay (`X_{ij}` is not X's definition); a family member `a_{2,i}` inlines its member definition.
    if (n.kind !== 'symbol' || n.name === keep || n.entryOf) return n;
    const def = ctx.definitions?.[n.name];
    if (!def || def.params.length > 0) return n;
    return inlineDefinitions(def.body, ctx, keep, depth + 1);
  });
}

function factors(e: Expr): Expr[] {
  if (e.kind === 'op' && e.op === 'mul') return [...factors(e.args[0]), ...factors(e.args[1])];
  return [e];
}

function product(list: Expr[]): Expr {
  return list.reduce((acc, f) => ({ kind: 'op', op: 'mul', args: [acc, f], span: { start: acc.span.start, end: f.span.end } }));
}

/**
 * Rewrite `e` in terms of the defined symbol `name` by finding its definition inside `e`:
 * with `Y = B^TXA`, `F = D^TB^TXAC` folds to `D^T Y C`. Returns null when the body does not occur.
 */
export function foldDefinition(e: Expr, ctx: Context, name: string): Expr | null {
  const def = ctx.definitions?.[name];
  if (!def || def.params.length > 0) return null;
  const body = inlineDefinitions(def.body, ctx, name);
  const target = factors(body).map(exprToLatex);
  const whole = exprToLatex(body);
  let found = false;
  // A family member folds back as the member at the definition's index (`a_{2,i}` inside `\sum_i`).
  const symbol: Expr = { kind: 'symbol', name, span: body.span, ...(def.index ? { index: def.index } : {}) };
  const folded = mapTree(inlineDefinitions(e, ctx, name), (n) => {
    if (exprToLatex(n) === whole) {
      found = true;
      return symbol;
    }
    if (n.kind !== 'op' || n.op !== 'mul' || target.length < 2) return n;
    const list = factors(n);
    const texts = list.map(exprToLatex);
    for (let k = 0; k + target.length <= texts.length; k++) {
      if (target.every((t, j) => texts[k + j] === t)) {
        found = true;
        return product([...list.slice(0, k), symbol, ...list.slice(k + target.length)]);
      }
    }
    return n;
  });
  return found ? folded : null;
}

/** Does `e`, through definitions, mention `name` at all? */
export function mentions(e: Expr, ctx: Context, name: string): boolean {
  return symbolNames(inlineDefinitions(e, ctx, name)).has(name);
}
