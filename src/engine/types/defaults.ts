import type { Context, SymbolDeclaration } from './context.js';

/** Greek letters that name matrices by default; other Greek letters are scalars. */
const UPPERCASE_GREEK = new Set(['Gamma', 'Delta', 'Theta', 'Lambda', 'Xi', 'Pi', 'Sigma', 'Upsilon', 'Phi', 'Psi', 'Omega']);
const LOWERCASE_GREEK = new Set([
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'varepsilon', 'zeta', 'eta', 'theta', 'vartheta', 'iota', 'kappa',
  'lambda', 'mu', 'nu', 'xi', 'rho', 'varrho', 'sigma', 'tau', 'upsilon', 'phi', 'varphi', 'chi', 'psi', 'omega',
]);

/** The default kind of an undeclared symbol, from how its name looks. */
export type DefaultKind = 'scalar' | 'vector' | 'matrix';

/** The letter a symbol name is based on: `W_1` → `W`, `bar:x` → `x`. */
export function baseLetter(name: string): string {
  const undecorated = name.includes(':') ? name.slice(name.lastIndexOf(':') + 1) : name;
  return undecorated.split('_')[0];
}

/** Uppercase = matrix, lowercase Latin = column vector, lowercase Greek = scalar (README, "Shapes"). */
export function defaultKind(name: string): DefaultKind {
  const base = baseLetter(name);
  if (UPPERCASE_GREEK.has(base)) return 'matrix';
  if (LOWERCASE_GREEK.has(base)) return 'scalar';
  if (base === 'e') return 'scalar';
  if (/^[A-Z]$/.test(base)) return 'matrix';
  if (/^[a-z]$/.test(base)) return 'vector';
  return 'scalar';
}

/** The declaration in force for a symbol, if any. */
export function declarationOf(ctx: Context, name: string): SymbolDeclaration | undefined {
  return ctx.symbols?.[name];
}
