import type { Expr } from '../latex/ast.js';
import { walk } from '../latex/walk.js';
import type { OpSpec } from '../ops/define.js';
import { isRationalFunction } from '../ops/elementwise.js';
import type { Context, ElementwiseName } from '../types/context.js';

/** Can every operation reachable from these expressions be done in exact rational arithmetic? */
export function isRationalFormula(
  roots: readonly Expr[],
  ctx: Context,
  ops: ReadonlyMap<string, OpSpec>,
  functions: Readonly<Record<string, ElementwiseName>>,
): boolean {
  const seen = new Set<string>();
  let exact = true;
  const visit = (e: Expr): void => {
    walk(e, (n) => {
      if (!exact) return;
      if (n.kind === 'number' && n.value === 'pi') exact = false;
      if (n.kind === 'op') {
        const spec = ops.get(n.op);
        const ok = spec ? (typeof spec.exact === 'function' ? spec.exact(n) : spec.exact) : false;
        if (!ok) exact = false;
      }
      const name = n.kind === 'symbol' ? n.name : n.kind === 'call' ? n.fn : null;
      if (n.kind === 'call' && functions[n.fn] && !isRationalFunction(functions[n.fn])) exact = false;
      if (name && !seen.has(name) && ctx.definitions?.[name]) {
        seen.add(name);
        visit(ctx.definitions[name].body);
      }
    });
  };
  roots.forEach(visit);
  return exact;
}
