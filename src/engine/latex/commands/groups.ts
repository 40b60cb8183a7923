import { DiagnosticCode } from '../../diagnostics.js';
import type { Expr } from '../ast.js';
import type { Parser } from '../parser.js';
import type { Token } from '../tokens.js';
import { bracketBuild, ellipsisList } from './built.js';
import { type CommandSpec, type TokenHandler, defineCommand } from './registry.js';

/** Parse items up to `closer`, separated by commas; reports a missing closer. */
function parseDelimited(p: Parser, open: Token, closer: string): { items: Expr[]; end: number } {
  p.closers.push(closer);
  const items: Expr[] = [];
  while (!p.at(closer) && p.peek().type !== 'eof') {
    const before = p.pos;
    items.push(p.parseExpr());
    if (p.eat(',')) continue;
    if (p.at(closer)) break;
    if (isRelationAhead(p)) {
      // `(\mathrm{dim}: mn\times pq)` or `(a = b)` inside brackets: an annotation, not an operand.
      const start = p.peek().span.start;
      skipToCloser(p, closer);
      items.push(p.opaque('not-checkable', 'a relation inside brackets', { start, end: p.peek().span.start }));
      break;
    }
    if (p.pos === before) p.skipUnexpected();
    else break;
  }
  p.closers.pop();
  const close = p.expect(closer, open.span);
  return { items, end: close.end };
}

function isRelationAhead(p: Parser): boolean {
  return ['=', ':', '\\in', '\\to', '\\rightarrow', '<', '>', '\\le', '\\ge', '\\ne'].some((k) => p.at(k));
}

/** Skip tokens up to (not including) the matching closer at the current nesting level. */
function skipToCloser(p: Parser, closer: string): void {
  const openerOf: Record<string, string> = { ')': '(', ']': '[', '}': '{', '\\}': '\\{', '\\rvert': '\\lvert', '>': '<', '\\rangle': '\\langle' };
  let depth = 0;
  while (p.peek().type !== 'eof') {
    if (depth === 0 && p.at(closer)) return;
    if (p.at(openerOf[closer] ?? '\u0000')) depth++;
    if (p.at(closer)) depth--;
    p.next();
  }
}

/** `(\mathrm{dim}: mn\times pq)` after an expression: a note of its size (`mn` is m·n), checked as its shape. */
function dimensionNote(p: Parser, open: Token, closer: string): Expr | null {
  let j = p.pos;
  let word = '';
  for (; j < p.tokens.length && j < p.pos + 12; j++) {
    const t = p.tokens[j];
    if (t.type === 'letter') word += t.value;
    else if (t.type === 'char' && t.value === ':') break;
    else if (!(t.type === 'command' && t.value === 'mathrm') && !(t.type === 'char' && (t.value === '{' || t.value === '}'))) return null;
  }
  if (word !== 'dim' || p.tokens[j]?.value !== ':') return null;
  p.pos = j + 1;
  const first = p.pos;
  skipToCloser(p, closer);
  const text = p.tokens.slice(first, p.pos).map((t) => (t.type === 'command' ? `\\${t.value}` : t.value)).join('');
  const close = p.expect(closer, open.span);
  const span = { start: open.span.start, end: close.end };
  const sides = /^(.+?)(?:\\times|×)(.+)$/.exec(text.replace(/\s/g, ''));
  const size = (side: string) => side.match(/[A-Za-z][0-9]?|[0-9]+/g)?.join('·') ?? '';
  if (!sides || !size(sides[1]) || !size(sides[2])) return p.opaque('not-checkable', 'a dimension note that is not of the form m\\times n', span);
  return { kind: 'op', op: 'dimnote', args: [], dims: [size(sides[1]), size(sides[2])], span };
}

/** A matrix read from cells keeps the LaTeX of its delimiters too (`\left( \begin{array} … \right)` prints back whole). */
function withSource(p: Parser, e: Expr): Expr {
  return e.kind === 'build' || e.kind === 'cells' ? { ...e, source: p.source.slice(e.span.start, e.span.end) } : e;
}

function group(closer: string): TokenHandler {
  return (p, open) => {
    const note = closer === ')' ? dimensionNote(p, open, closer) : null;
    if (note) return note;
    const { items, end } = parseDelimited(p, open, closer);
    const span = { start: open.span.start, end };
    if (items.length === 0) {
      p.report(DiagnosticCode.parseMissingArgument, 'The group is empty.', span);
      return p.opaque('unsupported', 'empty group', span);
    }
    if (items.length > 1) return ellipsisList(p, p.source, items, span) ?? p.opaque('not-checkable', 'a tuple of values', span);
    if (closer === ']') return bracketBuild(items[0], span, p.source) ?? withSource(p, { ...items[0], span } as Expr);
    return withSource(p, { ...items[0], span } as Expr);
  };
}

function determinant(closer: string): TokenHandler {
  return (p, open) => {
    const { items, end } = parseDelimited(p, open, closer);
    const span = { start: open.span.start, end };
    if (items.length !== 1) return p.opaque('unsupported', 'a determinant needs one argument', span);
    return { kind: 'op', op: 'det', args: items, span };
  };
}

function norm(closer: string): TokenHandler {
  return (p, open) => {
    const { items, end } = parseDelimited(p, open, closer);
    let span = { start: open.span.start, end };
    if (items.length !== 1) return p.opaque('unsupported', 'a norm needs one argument', span);
    if (p.at('_') && ['2', 'F'].includes(p.peek(1).value)) p.pos += 2;
    if (p.at('^') && p.peek(1).value === '2') {
      p.pos += 2;
      span = { start: span.start, end: p.tokens[p.pos - 1].span.end };
      return { kind: 'op', op: 'normsq', args: items, span };
    }
    return p.opaque('not-checkable', 'a norm that is not squared (square roots are not checked)', span);
  };
}

function innerProduct(closer: string): TokenHandler {
  return (p, open) => {
    const { items, end } = parseDelimited(p, open, closer);
    const span = { start: open.span.start, end };
    if (items.length !== 2) return p.opaque('unsupported', 'an inner product needs two arguments', span);
    return { kind: 'op', op: 'inner', args: items, span };
  };
}

/** Character handlers for grouping: `(..)`, `[..]`, `{..}`, `|X|`, `<A,B>`, and `...`. */
export const groupCharHandlers: Record<string, TokenHandler> = {
  '(': group(')'),
  '[': group(']'),
  '{': group('}'),
  '|': determinant('|'),
  '<': innerProduct('>'),
  '.': (p, t) => {
    while (p.at('.')) p.next();
    return p.opaque('not-checkable', 'an ellipsis "..."', t.span);
  },
};

/** Grouping commands: `\{..\}`, `\lvert..\rvert`, `\|..\|`, `\lVert..\rVert`, `\langle..\rangle`. */
export const groupCommands: CommandSpec[] = [
  defineCommand({ names: ['{'], parse: (p, t) => group('\\}')(p, t) }),
  defineCommand({ names: ['lvert', 'vert'], parse: (p, t) => determinant(t.value === 'vert' ? '\\vert' : '\\rvert')(p, t) }),
  defineCommand({ names: ['|'], parse: (p, t) => norm('\\|')(p, t) }),
  defineCommand({ names: ['lVert', 'Vert'], parse: (p, t) => norm(t.value === 'Vert' ? '\\Vert' : '\\rVert')(p, t) }),
  defineCommand({ names: ['langle'], parse: (p, t) => innerProduct('\\rangle')(p, t) }),
];
