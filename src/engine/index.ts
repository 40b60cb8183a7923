/**
 * The formula-checking engine: LaTeX + context → verdict. Pure TypeScript; runs unchanged in Node
 * and in the browser (no Node, DOM, Astro or unified imports). See README.md.
 */
import { type Diagnostic, DiagnosticCode } from './diagnostics.js';
import type { FormulaTree } from './latex/ast.js';
import { type CommandSpec, createCommandRegistry, parseLatex } from './latex/index.js';
import type { OpSpec } from './ops/define.js';
import { createOpTable } from './ops/index.js';
import type { Context } from './types/context.js';
import { parseDeclarations } from './types/declarations.js';
import { ENGINE_VERSION } from './version.js';
import type { Verdict } from './verify/verdict.js';
import { type VerifyOptions, functionsOf, internalErrorVerdict, verifyTree } from './verify/verify.js';

export { ENGINE_VERSION } from './version.js';
export { contextPacker, definedName, mergeContext, unpackContext, type ContextPacker, type PackedContext } from './types/context.js';
export { parseDeclarations } from './types/declarations.js';
export { defineOp } from './ops/define.js';
export { defineCommand } from './latex/index.js';
export { DiagnosticCode } from './diagnostics.js';

const HADAMARD = /\\odot|\\circ/;
export type { Diagnostic, DiagnosticCodeValue } from './diagnostics.js';
export type { Span } from './span.js';
export type {
  Context,
  ContextPatch,
  Definition,
  ElementwiseName,
  Layout,
  SymbolDeclaration,
  SymbolProperty,
  SymmetricConvention,
} from './types/context.js';
export type { Counterexample, Status, StepVerdict, Verdict } from './verify/verdict.js';
export type { VerifyOptions } from './verify/verify.js';
export { mutantsOf, type Mutant } from './verify/mutants.js';
export { sampleCompiled, SIZE_CHOICES, type FormulaSample, type SampleOptions, type SampleSource, type SampledDimension, type SampledMatrix, type SampledStep, type SideKind } from './verify/sample.js';
export type { Expr, FormulaTree, Claim } from './latex/ast.js';
export type { OpSpec } from './ops/define.js';
export type { CommandSpec } from './latex/index.js';

/** A formula compiled for the browser widget: the parsed tree and its context, as plain JSON. */
export interface CompiledFormula {
  engineVersion: string;
  latex: string;
  tree: FormulaTree;
  context: Context;
  diagnostics: Diagnostic[];
}

/** Options of {@link createEngine}: extra commands and operators (the built-ins are always present). */
export interface EngineOptions {
  commands?: readonly CommandSpec[];
  ops?: readonly OpSpec[];
}

/** A configured engine; create one per build or per page and reuse it. */
export interface Engine {
  /**
   * Check one formula: parse it, infer shapes, re-derive every step on seeded random samples.
   * @param latex The formula's LaTeX, without `$` delimiters.
   * @param context Page conventions, declarations and earlier definitions.
   * @param options `seed` (same seed ⇒ same samples and verdict) and `trials`.
   */
  verify(latex: string, context: Context, options?: VerifyOptions): Verdict;
  /**
   * Parse once into JSON that {@link Engine.verifyCompiled} can re-check without the parser.
   * @param latex The formula's LaTeX.
   * @param context The context in force for this formula.
   */
  compile(latex: string, context: Context): CompiledFormula;
  /**
   * Re-check a compiled formula (e.g. in the browser with a re-rolled seed).
   * @param compiled Output of {@link Engine.compile}, possibly after a JSON round trip.
   * @param options `seed` and `trials`.
   */
  verifyCompiled(compiled: CompiledFormula, options?: VerifyOptions): Verdict;
  /**
   * Parse a declaration block (the text after `verify` in `<!-- verify ... -->`).
   * @param text The block's text.
   */
  parseDeclarations: typeof parseDeclarations;
}


/** Create an engine with the built-in commands and operators, plus any extra ones. */
export function createEngine(options: EngineOptions = {}): Engine {
  const registry = createCommandRegistry(options.commands ?? []);
  const ops = createOpTable(options.ops ?? []);
  const parse = (latex: string, context: Context, tightHadamard = false) => {
    const functions = functionsOf(context);
    const functionNames = new Set([
      ...Object.keys(functions),
      ...Object.entries(context.definitions ?? {}).filter(([, d]) => d.params.length > 0).map(([n]) => n),
    ]);
    const symbolNames = new Set(Object.keys(context.symbols ?? {}));
    const parsed = parseLatex(latex, registry, { functionNames, symbolNames, tightHadamard });
    // `D(a) = …` defines D for the rest of its formula: a later `D(Wx)` is a call, not the product D(Wx).
    const defined = parsed.tree.claims.flatMap((c) => {
      const head = c.items[0];
      return c.relations[0]?.relation === '=' && head?.kind === 'call' && !functionNames.has(head.fn) && !symbolNames.has(head.fn)
        && head.args.every((a) => a.kind === 'symbol') ? [head.fn] : [];
    });
    if (defined.length === 0) return parsed;
    return parseLatex(latex, registry, { functionNames: new Set([...functionNames, ...defined]), symbolNames, tightHadamard });
  };
  /**
   * `a\odot\exp(Xb)b^T` is read with `\odot` looser than juxtaposition first; when that reading has a
   * shape conflict and the tight reading has none, the tight reading is the author's.
   */
  const parseBest = (latex: string, context: Context) => {
    const loose = parse(latex, context);
    if (!HADAMARD.test(latex)) return loose;
    const conflicts = (tree: FormulaTree) =>
      verifyTree(latex, tree, [], context, ops, { trials: 1, suggest: false }).diagnostics.filter((d) => d.code === DiagnosticCode.shapeConflict).length;
    if (conflicts(loose.tree) === 0) return loose;
    const tight = parse(latex, context, true);
    return conflicts(tight.tree) === 0 ? tight : loose;
  };
  /** Turn `define:` declarations (LaTeX) into definitions, once per text. */
  const resolved = new Map<string, Context['definitions']>();
  const resolveDefines = (context: Context): Context => {
    if (!context.define?.length) return context;
    let definitions = { ...context.definitions };
    for (const text of context.define) {
      let defs = resolved.get(text);
      if (!defs) {
        const { tree, diagnostics } = parse(text, { ...context, define: [], definitions });
        defs = verifyTree(text, tree, diagnostics, { ...context, define: [], definitions }, ops, { trials: 1, suggest: false }).defines ?? {};
        resolved.set(text, defs);
      }
      definitions = { ...definitions, ...defs };
    }
    const { define: _done, ...rest } = context;
    return { ...rest, definitions };
  };
  return {
    verify(latex, given, verifyOptions = {}) {
      try {
        const context = resolveDefines(given);
        const { tree, diagnostics } = parseBest(latex, context);
        return verifyTree(latex, tree, diagnostics, context, ops, verifyOptions);
      } catch (error) {
        // Only a bug of ours can land here; the author still gets a verdict, never a throw.
        return internalErrorVerdict(latex, error);
      }
    },
    compile(latex, given) {
      const context = resolveDefines(given);
      const { tree, diagnostics } = parseBest(latex, context);
      return { engineVersion: ENGINE_VERSION, latex, tree, context, diagnostics };
    },
    verifyCompiled(compiled, verifyOptions = {}) {
      return verifyTree(compiled.latex, compiled.tree, compiled.diagnostics, compiled.context, ops, verifyOptions);
    },
    parseDeclarations,
  };
}
