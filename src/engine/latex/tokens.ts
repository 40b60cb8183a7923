import type { Span } from '../span.js';

/** The lexical classes of LaTeX math input. */
export type TokenType = 'command' | 'letter' | 'number' | 'char' | 'text' | 'eof';

/** One token with its source span. `value` holds the command name without backslash. */
export interface Token {
  type: TokenType;
  value: string;
  span: Span;
}

const BACKSLASH = '\\';
const LETTER = /[A-Za-z]/;
const DIGIT = /[0-9]/;
const SPACE = /\s/;
const ASCII_LIMIT = 0x7f;
const COMMENT = '%';

/** Split LaTeX math into tokens; never throws, unknown characters become `char` or `text`. */
export function latexToTokens(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (SPACE.test(ch)) {
      i++;
      continue;
    }
    if (ch === COMMENT) {
      while (i < source.length && source[i] !== '\n') i++;
      continue;
    }
    const start = i;
    if (ch === BACKSLASH) {
      i++;
      if (i < source.length && LETTER.test(source[i])) {
        while (i < source.length && LETTER.test(source[i])) i++;
        tokens.push({ type: 'command', value: source.slice(start + 1, i), span: { start, end: i } });
      } else if (i < source.length) {
        i++;
        tokens.push({ type: 'command', value: source[i - 1], span: { start, end: i } });
      } else {
        tokens.push({ type: 'char', value: BACKSLASH, span: { start, end: i } });
      }
      continue;
    }
    if (LETTER.test(ch)) {
      tokens.push({ type: 'letter', value: ch, span: { start, end: i + 1 } });
      i++;
      continue;
    }
    if (DIGIT.test(ch)) {
      // As in TeX, a script without braces is one character: `b_21^T` is b_2 times 1^T.
      const prev = tokens[tokens.length - 1];
      const script = prev?.type === 'char' && (prev.value === '_' || prev.value === '^') && prev.span.end === start;
      if (script) i++;
      else while (i < source.length && DIGIT.test(source[i])) i++;
      if (source[i] === '.' && DIGIT.test(source[i + 1] ?? '')) {
        i++;
        while (i < source.length && DIGIT.test(source[i])) i++;
      }
      tokens.push({ type: 'number', value: source.slice(start, i), span: { start, end: i } });
      continue;
    }
    if (ch.charCodeAt(0) > ASCII_LIMIT) {
      while (i < source.length && source.charCodeAt(i) > ASCII_LIMIT && !SPACE.test(source[i])) i++;
      tokens.push({ type: 'text', value: source.slice(start, i), span: { start, end: i } });
      continue;
    }
    tokens.push({ type: 'char', value: ch, span: { start, end: i + 1 } });
    i++;
  }
  tokens.push({ type: 'eof', value: '', span: { start: source.length, end: source.length } });
  return tokens;
}
