import type { Expr } from '../ast.js';
import type { Parser } from '../parser.js';
import type { Token } from '../tokens.js';
import { parseHessianBracket } from './calculus.js';
import { bareLetterIsDifferential, parseDifferential } from './differential.js';
import { parseOperand, unaryOp } from './operand.js';
import type { TokenHandler } from './registry.js';

/** Operators spelled with plain letters in some notes: `tr(A)`, `Tr(A)`, `vec(A)`. */
const LETTER_WORDS: { word: string; op: string }[] = [
  { word: 'tr', op: 'trace' },
  { word: 'Tr', op: 'trace' },
  { word: 'vec', op: 'vec' },
];

const OPERAND_START = new Set(['(', '{', '[', '\\{']);

function matchWord(p: Parser, first: Token): { op: string; length: number } | null {
  for (const { word, op } of LETTER_WORDS) {
    if (first.value !== word[0]) continue;
    let ok = true;
    for (let k = 1; k < word.length; k++) {
      const t = p.peek(k - 1);
      if (t.type !== 'letter' || t.value !== word[k]) ok = false;
    }
    if (!ok) continue;
    const after = p.peek(word.length - 1);
    const key = after.type === 'command' ? `\\${after.value}` : after.value;
    if (OPERAND_START.has(key) || (op === 'trace' && after.type === 'letter')) return { op, length: word.length - 1 };
  }
  return null;
}

/** Bare letters: symbols, with the few letter-spelled operators and the `d` of a differential. */
export const parseLetter: TokenHandler = (p, t): Expr => {
  if (t.value === 'd' && bareLetterIsDifferential(p)) return parseDifferential(p, t);
  const word = matchWord(p, t);
  if (word) {
    p.pos += word.length;
    return unaryOp(word.op, t.span.start, parseOperand(p));
  }
  if (t.value === 'H' && (p.at('[') || p.at('(')) && !p.options.symbolNames?.has('H')) {
    return parseHessianBracket(p, t);
  }
  if (t.value === 'I' && !p.at('_')) return { kind: 'op', op: 'identity', args: [], span: t.span };
  return { kind: 'symbol', name: t.value, span: t.span };
};
