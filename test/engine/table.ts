import { type Context, type Verdict, createEngine, mergeContext, parseDeclarations } from '../../src/engine/index.js';
import { TABLE_PART_1, type TableEntry } from './formulas.js';
import { TABLE_PART_2 } from './formulas2.js';

/** The whole reference table. */
export const TABLE: TableEntry[] = [...TABLE_PART_1, ...TABLE_PART_2];

const engine = createEngine();

/** The context of an entry: its declarations, denominator layout by default, and its setup definitions. */
export function contextOf(entry: TableEntry, seed?: number): Context {
  let ctx: Context = { layout: 'denominator' };
  if (entry.decl) ctx = mergeContext(ctx, parseDeclarations(entry.decl).context);
  for (const formula of entry.setup ?? []) {
    const v = engine.verify(formula, ctx, seed === undefined ? {} : { seed });
    ctx = mergeContext(ctx, { definitions: v.defines ?? {}, symbols: v.declares ?? {} });
  }
  return ctx;
}

/** Verify one formula of the table in its entry's context. */
export function verifyEntry(entry: TableEntry, latex: string, seed?: number): Verdict {
  return engine.verify(latex, contextOf(entry, seed), seed === undefined ? {} : { seed });
}
