import type { Token } from './tokens.js';

/** What a superscript means, decided from its raw text before any parsing. */
export type ScriptMeaning =
  | { kind: 'transpose' }
  | { kind: 'inverse' }
  | { kind: 'inverseTranspose' }
  | { kind: 'adjugate' }
  | { kind: 'prime'; count: number }
  | { kind: 'power'; exponent: number }
  | { kind: 'expression' };

const FONT_WRAPPERS = new Set(['\\mathrm', '\\mathsf', '\\mathit', '\\rm', '\\text', '\\textrm', '\\mathbf']);
const TRANSPOSE_TEXT = new Set(['T', '\\top', '\\intercal', '\\mathsf{T}']);
const INVERSE_TRANSPOSE_TEXT = new Set(['-T', '-1T', '-\\top', '-1\\top', '-\\intercal', '-1\\intercal', 'T-1', '\\top-1']);
const ADJUGATE_TEXT = new Set(['\\#', '#', '*', '\\ast', '\\star']);
const INTEGER = /^-?[0-9]+$/;
const MAX_POWER = 8;

/** The raw tokens of a script argument starting at `tokens[i]` (a `{...}` group or one token). */
export function scriptTokens(tokens: Token[], i: number): { inner: Token[]; next: number } {
  const first = tokens[i];
  if (!first || first.type === 'eof') return { inner: [], next: i };
  if (!(first.type === 'char' && first.value === '{')) {
    if (first.type === 'command' && FONT_WRAPPERS.has(`\\${first.value}`)) {
      const rest = scriptTokens(tokens, i + 1);
      return { inner: rest.inner, next: rest.next };
    }
    return { inner: [first], next: i + 1 };
  }
  let depth = 0;
  for (let j = i; j < tokens.length; j++) {
    const t = tokens[j];
    if (t.type === 'char' && t.value === '{') depth++;
    if (t.type === 'char' && t.value === '}') depth--;
    if (depth === 0) return { inner: tokens.slice(i + 1, j), next: j + 1 };
    if (t.type === 'eof') return { inner: tokens.slice(i + 1, j), next: j };
  }
  return { inner: tokens.slice(i + 1), next: tokens.length - 1 };
}

/** Normalised text of script tokens: braces and font wrappers removed. */
export function scriptText(inner: Token[]): string {
  return inner
    .filter((t) => !(t.type === 'char' && (t.value === '{' || t.value === '}')))
    .map((t) => (t.type === 'command' ? `\\${t.value}` : t.value))
    .filter((v) => !FONT_WRAPPERS.has(v))
    .join('');
}

/** Classify a superscript's text: transpose, inverse, adjugate, prime, integer power or a general exponent. */
export function classifySuperscript(text: string): ScriptMeaning {
  if (TRANSPOSE_TEXT.has(text)) return { kind: 'transpose' };
  if (text === '-1') return { kind: 'inverse' };
  if (INVERSE_TRANSPOSE_TEXT.has(text)) return { kind: 'inverseTranspose' };
  if (ADJUGATE_TEXT.has(text)) return { kind: 'adjugate' };
  if (/^(\\prime|')+$/.test(text)) return { kind: 'prime', count: text.split(/\\prime|'/).length - 1 };
  if (INTEGER.test(text) && Math.abs(Number(text)) <= MAX_POWER) return { kind: 'power', exponent: Number(text) };
  return { kind: 'expression' };
}

/** The index letters (or digits) of an entry subscript as stored on a node: `ij`, `i,j` → i, j; `12` → 1, 2. */
export function indexLetters(index: string | undefined): string[] {
  return (index ?? '').replace(',', '').split('').filter(Boolean);
}
