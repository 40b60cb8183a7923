import type { Expr } from '../ast.js';
import type { Parser } from '../parser.js';
import type { Token } from '../tokens.js';

/** Parse `d^2 E` / `dE` after the `d` (already consumed): the body is one factor with its scripts. */
export function parseDifferential(p: Parser, d: Token): Expr {
  let order = 1;
  if (p.at('^') && p.peek(1).value === '2') {
    p.pos += 2;
    order = 2;
  } else if (p.at('^') && p.peek(1).value === '{' && p.peek(2).value === '2' && p.peek(3).value === '}') {
    p.pos += 4;
    order = 2;
  }
  if (p.atTerminator()) return p.opaque('unsupported', 'a differential "d" without an argument', d.span);
  const body = p.parseFactor();
  return { kind: 'differential', order, body, span: { start: d.span.start, end: body.span.end } };
}

/** Does a bare letter `d` here start a differential (`dX`, `d|W|`, `dTr(A)`) rather than name a symbol? */
export function bareLetterIsDifferential(p: Parser): boolean {
  const t = p.peek();
  if (p.atTerminator()) return false;
  if (t.type === 'letter' || t.value === '(') return true;
  if (t.type === 'command') return !['otimes', 'odot', 'circ', 'cdot', 'times', 'pm'].includes(t.value);
  if (t.value === '^') return p.peek(1).value === '2' && p.peek(2).type !== 'eof';
  return false;
}
