import type { Token } from './tokens.js';

/** Commands that only affect layout or spacing: dropped before parsing. */
const DROPPED_COMMANDS = new Set([
  'displaystyle', 'textstyle', 'scriptstyle', 'limits', 'nolimits', 'quad', 'qquad', ',', ';', ':', '!', ' ',
  'big', 'Big', 'bigg', 'Bigg', 'bigl', 'Bigl', 'biggl', 'Biggl', 'bigr', 'Bigr', 'biggr', 'Biggr', 'bigm', 'Bigm',
  'nonumber', 'notag', 'enspace', 'thinspace', 'medspace', 'thickspace', 'hfill', 'mathstrut', 'strut',
]);

/** Commands dropped together with their braced arguments (count). */
const DROPPED_WITH_ARGS: Record<string, number> = { color: 1, tag: 1, label: 1, hspace: 1, vspace: 1, phantom: 1 };

/** Commands whose first braced argument is dropped but whose second is kept (`\textcolor{red}{X}`). */
const KEEP_SECOND_ARG = new Set(['textcolor', 'colorbox']);

/** Environments whose begin/end markers are transparent (their rows are the formula's rows). */
const TRANSPARENT_ENVIRONMENTS = new Set([
  'align', 'align*', 'aligned', 'gather', 'gather*', 'gathered', 'split', 'eqnarray', 'eqnarray*', 'equation',
  'equation*', 'array', 'cases', 'multline', 'multline*', 'alignat', 'alignat*', 'alignedat', 'flalign', 'flalign*',
]);

const DELIMITER_ALIASES: Record<string, Token['value']> = { '|': 'lvert', '\\|': 'lVert', '‖': 'lVert' };

/** `{\color{red} a = b}`: the braces only scope the colour; return the indices of both braces. */
function scopeBracesOfColor(tokens: Token[]): Set<number> {
  const out = new Set<number>();
  tokens.forEach((t, i) => {
    const next = tokens[i + 1];
    if (t.type === 'char' && t.value === '{' && next?.type === 'command' && next.value === 'color') {
      out.add(i);
      out.add(skipGroup(tokens, i) - 1);
    }
  });
  return out;
}

/** `{ {\partial x} }` (a group holding only a group): the outer braces are dropped. */
function redundantBraces(tokens: Token[]): number[] {
  const out: number[] = [];
  tokens.forEach((t, i) => {
    const next = tokens[i + 1];
    if (t.type !== 'char' || t.value !== '{' || next?.type !== 'char' || next.value !== '{') return;
    const innerEnd = skipGroup(tokens, i + 1);
    const outerEnd = skipGroup(tokens, i);
    if (innerEnd === outerEnd - 1) out.push(i, outerEnd - 1);
  });
  return out;
}

function isOpener(t: Token | undefined): boolean {
  return Boolean(t && ((t.type === 'char' && (t.value === '(' || t.value === '[')) || (t.type === 'command' && (t.value === 'lvert' || t.value === '{'))));
}

/** Skip a braced group starting at `i` (or a single token); returns the index after it. */
export function skipGroup(tokens: Token[], i: number): number {
  if (tokens[i]?.type !== 'char' || tokens[i].value !== '{') return Math.min(i + 1, tokens.length - 1);
  let depth = 0;
  for (let j = i; j < tokens.length; j++) {
    const t = tokens[j];
    if (t.type === 'char' && t.value === '{') depth++;
    if (t.type === 'char' && t.value === '}') depth--;
    if (depth === 0) return j + 1;
    if (t.type === 'eof') return j;
  }
  return tokens.length - 1;
}

/** Read the plain text of a braced group starting at `i` (`{align*}` → `align*`). */
export function groupText(tokens: Token[], i: number): { text: string; next: number } {
  const next = skipGroup(tokens, i);
  const inner = tokens[i]?.value === '{' ? tokens.slice(i + 1, next - 1) : tokens.slice(i, next);
  return { text: inner.map((t) => (t.type === 'command' ? `\\${t.value}` : t.value)).join(''), next };
}

function delimiterAfter(tok: Token | undefined, side: 'left' | 'right'): Token | null {
  if (!tok) return null;
  const key = tok.type === 'command' ? `\\${tok.value}` : tok.value;
  const alias = DELIMITER_ALIASES[key];
  if (alias) {
    const value = side === 'left' ? alias : alias.replace(/^l/, 'r');
    return { type: 'command', value, span: tok.span };
  }
  if (tok.type === 'char' && tok.value === '.') return null;
  return tok;
}

/**
 * Remove layout-only tokens: spacing, `\color{..}`, `\tag{..}`, `&`, transparent environment markers,
 * and turn `\left| .. \right|` into explicit `\lvert .. \rvert` so absolute values need no guessing.
 */
export function prefilterTokens(tokens: Token[]): Token[] {
  const out: Token[] = [];
  let i = 0;
  let bracketDepth = 0;
  /** For each open `array`: whether it is kept as an explicit matrix. */
  const arrays: boolean[] = [];
  const droppedClosers = scopeBracesOfColor(tokens);
  for (const k of redundantBraces(tokens)) droppedClosers.add(k);
  while (i < tokens.length) {
    const t = tokens[i];
    if (t.type === 'char' && (t.value === '(' || t.value === '[')) bracketDepth++;
    if (t.type === 'char' && (t.value === ')' || t.value === ']')) bracketDepth = Math.max(0, bracketDepth - 1);
    if (droppedClosers.has(i)) {
      i++;
      continue;
    }
    if (t.type === 'char' && t.value === '&') {
      i++;
      continue;
    }
    if (t.type !== 'command') {
      out.push(t);
      i++;
      continue;
    }
    if (DROPPED_COMMANDS.has(t.value)) {
      i++;
      continue;
    }
    if (t.value in DROPPED_WITH_ARGS) {
      let j = i + 1;
      for (let k = 0; k < DROPPED_WITH_ARGS[t.value]; k++) j = skipGroup(tokens, j);
      i = j;
      continue;
    }
    if (KEEP_SECOND_ARG.has(t.value)) {
      i = skipGroup(tokens, i + 1);
      continue;
    }
    if (t.value === 'left' || t.value === 'right') {
      const side = t.value;
      const d = delimiterAfter(tokens[i + 1], side);
      // The delimiter's span covers `\left` too, so a slice of the source from an item is whole LaTeX.
      if (d) out.push({ ...d, span: { start: t.span.start, end: d.span.end } });
      i += 2;
      continue;
    }
    if (t.value === 'begin' || t.value === 'end') {
      const { text, next } = groupText(tokens, i + 1);
      // An `array` inside brackets is a matrix written entry by entry, not a layout of rows; its `\end` goes with it.
      let explicitMatrix = text === 'array' && (bracketDepth > 0 || isOpener(out.at(-1)));
      if (text === 'array' && t.value === 'begin') arrays.push(explicitMatrix);
      if (text === 'array' && t.value === 'end') explicitMatrix = arrays.pop() ?? explicitMatrix;
      if (TRANSPARENT_ENVIRONMENTS.has(text) && !explicitMatrix) {
        i = next;
        if (t.value === 'begin' && (text === 'array' || text.startsWith('alignat'))) i = skipGroup(tokens, i);
        continue;
      }
    }
    out.push(t);
    i++;
  }
  return out;
}
