import { type Diagnostic, DiagnosticCode, diagnostic } from '../diagnostics.js';
import type { ContextPatch, ElementwiseName, SymbolDeclaration, SymbolProperty } from './context.js';

const PROPERTY_ALIASES: Record<string, SymbolProperty> = {
  symmetric: 'symmetric', sym: 'symmetric', 'positive-definite': 'positive-definite', spd: 'positive-definite',
  pd: 'positive-definite', invertible: 'invertible', nonsingular: 'invertible', orthogonal: 'orthogonal',
  diagonal: 'diagonal', 'one-hot': 'one-hot', onehot: 'one-hot', probability: 'probability', identity: 'identity',
  constant: 'constant', const: 'constant', positive: 'positive',
};

const FUNCTION_ALIASES: Record<string, ElementwiseName> = {
  logistic: 'logistic', sigmoid: 'logistic', tanh: 'tanh', exp: 'exp', log: 'log', softplus: 'softplus',
  square: 'square', identity: 'identity',
};

const SIZE = String.raw`[A-Za-z0-9]+`;
const SHAPE = new RegExp(String.raw`^\(?(${SIZE})\s*(?:×|x|\*|\\times)\s*(${SIZE})\)?$`);
const MEMBERSHIP = /^(.+?)\s*(?:\\in|∈)\s*(?:\\mathbb\{R\}|ℝ|R)\^\{?([^}]*)\}?$/;
/** A dimension name: a letter with an optional digit (`n`, `N`, `n1`) or a number. */
const DIMENSION = /^(?:[A-Za-z][0-9]?|[0-9]+)$/;
/** `m x n`, `m × n`, `m \times n`, `m*n` written with spaces become `m×n`. */
const SPACED_TIMES = /\s*(?:×|\\times|\*|(?<=\b[A-Za-z0-9]{1,2})\s+x(?=\s+[A-Za-z0-9]))\s*/g;
const NAME = /^[A-Za-z][A-Za-z0-9_{},:\\]*$/;

/** Canonical symbol name of a declared name: `\sigma` → `sigma`, `W_{1}` → `W_1`, `\boldsymbol{x}` → `x`. */
export function canonicalName(raw: string): string {
  let name = raw.trim().replace(/\\(boldsymbol|mathbf|bm|vec)\{([^}]*)\}/g, '$2').replace(/^\\/, '');
  name = name.replace(/_\{([^}]*)\}/, '_$1').replace(/\s/g, '');
  return name;
}

function parseShape(word: string): { rows: string; cols: string } | null {
  const m = SHAPE.exec(word);
  if (m) return { rows: m[1], cols: m[2] };
  if (DIMENSION.test(word)) return { rows: word, cols: '1' };
  return null;
}

/**
 * Parse the author's declaration block (the text after `verify` in `<!-- verify ... -->`).
 * One declaration per line or per `;`; `#` starts a comment. See the README for the grammar.
 */
export function parseDeclarations(text: string): { context: ContextPatch; diagnostics: Diagnostic[] } {
  const context: ContextPatch = { symbols: {}, functions: {} };
  const diagnostics: Diagnostic[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    let partOffset = offset;
    // A comment runs from `#` (not the LaTeX `\#`) to the end of the line, `;` included.
    const code = line.replace(/(^|[^\\])#.*$/, '$1');
    for (const rawPart of code.split(';')) {
      const part = rawPart.trim();
      const span = { start: partOffset, end: partOffset + rawPart.length };
      partOffset += rawPart.length + 1;
      if (!part) continue;
      const problem = parseOne(part, context);
      if (problem) diagnostics.push(diagnostic(DiagnosticCode.badDeclaration, problem, span));
    }
    offset += line.length + 1;
  }
  return { context, diagnostics };
}

function parseOne(part: string, ctx: ContextPatch): string | null {
  const member = MEMBERSHIP.exec(part);
  if (member) {
    const shape = parseShape(member[2].replace(/\s/g, '').replace('\\times', '×'));
    if (!shape) return `The space "${member[2]}" is not of the form m\\times n.`;
    for (const name of member[1].split(',')) declare(ctx, canonicalName(name), shape, []);
    return null;
  }
  const colon = part.indexOf(':');
  if (colon < 0) return `"${part}" is not a declaration: write "name: shape properties", e.g. "X: m×n invertible".`;
  const key = part.slice(0, colon).trim();
  const value = part.slice(colon + 1).trim();
  if (key === 'layout') {
    if (value !== 'numerator' && value !== 'denominator') return `The layout must be "numerator" or "denominator", not "${value}".`;
    ctx.layout = value;
    return null;
  }
  if (key === 'symmetric-derivative') {
    if (value !== 'cookbook' && value !== 'sym' && value !== 'none') return `symmetric-derivative must be "cookbook", "sym" or "none", not "${value}".`;
    ctx.symmetricDerivative = value;
    return null;
  }
  if (key === 'define') {
    if (!value.includes('=')) return `A definition needs "=", e.g. "define: f(X) = \\log|X|".`;
    (ctx.define ??= []).push(value);
    return null;
  }
  if (key === 'given') {
    // `given: F` takes the F of the last rule schema's hypothesis (`dF = A(dX)B`) as defined from here on.
    ctx.given = value.split(/[\s,]+/).filter(Boolean).map(canonicalName);
    return null;
  }
  if (key === 'forget') {
    // `forget: f, F` ends the definitions and declarations of these names (an instance used for a few formulas).
    ctx.forget = value.split(/[\s,]+/).filter(Boolean).map(canonicalName);
    return null;
  }
  if (key === 'vary') {
    // `vary: auto` returns to inferring the variables from the formula (an empty list, dropped by mergeContext).
    ctx.vary = value === 'auto' ? [] : value.split(/[\s,]+/).filter(Boolean).map(canonicalName);
    return null;
  }
  const names = key.split(',').map(canonicalName);
  if (names.some((n) => !NAME.test(n))) return `"${key}" is not a list of symbol names.`;
  return declareWords(ctx, names, value.replace(SPACED_TIMES, '×').split(/\s+/).filter(Boolean));
}

function declareWords(ctx: ContextPatch, names: string[], words: string[]): string | null {
  let shape: { rows: string; cols: string } | null = null;
  const properties: SymbolProperty[] = [];
  for (const word of words) {
    const lower = word.toLowerCase();
    if (FUNCTION_ALIASES[lower] && !(lower === 'identity' && words.length > 1)) {
      if (words.length === 1) {
        for (const n of names) (ctx.functions ??= {})[n] = FUNCTION_ALIASES[lower];
        if (lower !== 'identity') return null;
      }
    }
    if (lower === 'scalar') shape = { rows: '1', cols: '1' };
    else if (lower === 'vector' || lower === 'matrix') continue;
    else if (PROPERTY_ALIASES[lower]) properties.push(PROPERTY_ALIASES[lower]);
    else {
      const s = parseShape(word.replace(/\\times/g, '×'));
      if (!s) return `"${word}" is neither a shape (m×n, n) nor a known property.`;
      shape = s;
    }
  }
  if (properties.includes('identity') || properties.includes('symmetric') || properties.includes('positive-definite')) {
    if (shape && shape.rows !== shape.cols) return `A ${properties[0]} matrix must be square, not ${shape.rows}×${shape.cols}.`;
  }
  for (const n of names) declare(ctx, n, shape, properties);
  return null;
}

function declare(ctx: ContextPatch, name: string, shape: { rows: string; cols: string } | null, properties: SymbolProperty[]): void {
  const previous: SymbolDeclaration | undefined = ctx.symbols?.[name];
  (ctx.symbols ??= {})[name] = {
    rows: shape?.rows ?? previous?.rows ?? '',
    cols: shape?.cols ?? previous?.cols ?? '',
    properties: [...new Set([...(previous?.properties ?? []), ...properties])],
  };
}
