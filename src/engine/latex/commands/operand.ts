import type { Expr } from '../ast.js';
import type { Parser } from '../parser.js';

const GROUP_OPENERS = ['(', '[', '{', '\\{', '\\lvert', '\\lVert'];

/** The operand of a prefix function (`\mathrm{tr}(..)`, `\log|X|`, `\mathrm{vec}X^T`): a group, else one factor. */
export function parseOperand(p: Parser): Expr {
  if (GROUP_OPENERS.some((k) => p.at(k))) return p.parseAtom();
  return p.parseFactor();
}

/** Build a unary operator node spanning from `start` to the end of its operand. */
export function unaryOp(op: string, start: number, operand: Expr): Expr {
  return { kind: 'op', op, args: [operand], span: { start, end: operand.span.end } };
}
