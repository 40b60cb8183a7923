import type { Diagnostic } from '../diagnostics.js';
import type { FormulaTree } from './ast.js';
import { calculusCommands } from './commands/calculus.js';
import { fontCommands } from './commands/fonts.js';
import { functionCommands } from './commands/functions.js';
import { groupCharHandlers, groupCommands } from './commands/groups.js';
import { parseLetter } from './commands/letters.js';
import { type CommandSpec, CommandRegistry } from './commands/registry.js';
import { symbolCommands } from './commands/symbols.js';
import { type ParseOptions, latexToTree } from './parser.js';

export type * from './ast.js';
export { CommandRegistry, defineCommand, type CommandSpec } from './commands/registry.js';
export type { ParseOptions } from './parser.js';

/** Every built-in command family, assembled in one place (no registration by side effect). */
export const builtinCommands: readonly CommandSpec[] = [
  ...groupCommands,
  ...calculusCommands,
  ...functionCommands,
  ...fontCommands,
  ...symbolCommands,
];

/** Build a registry from command specs (the built-ins plus any extra ones). */
export function createCommandRegistry(extra: readonly CommandSpec[] = []): CommandRegistry {
  return new CommandRegistry([...builtinCommands, ...extra], parseLetter, groupCharHandlers);
}

/** Parse LaTeX with a registry; returns the tree and every diagnostic (never throws for author input). */
export function parseLatex(
  source: string,
  registry: CommandRegistry,
  options: ParseOptions = {},
): { tree: FormulaTree; diagnostics: Diagnostic[] } {
  return latexToTree(source, registry, options);
}
