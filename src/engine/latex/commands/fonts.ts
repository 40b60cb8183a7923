import type { Expr } from '../ast.js';
import type { Parser } from '../parser.js';
import { annotationFromText, parsePostfix } from '../postfix.js';
import { groupText, skipGroup } from '../prefilter.js';
import { scriptText, scriptTokens } from '../script.js';
import { parseWord } from './functions.js';
import { type CommandSpec, defineCommand } from './registry.js';

/** Read the raw text of the next braced argument and advance past it. */
function readText(p: Parser): string {
  const { text, next } = groupText(p.tokens, p.pos);
  p.pos = next;
  return text.replace(/\s/g, '');
}

/** Decorations that make a new symbol name: `\bar{x}` is not `x`. */
const DECORATIONS = ['bar', 'hat', 'tilde', 'overline', 'widehat', 'widetilde', 'dot', 'ddot', 'check', 'breve'];

/** Font and decoration commands: presentation only, or a new name; plus `\mathbb{R}^{m\times n}`. */
export const fontCommands: CommandSpec[] = [
  defineCommand({
    names: ['mathrm', 'operatorname', 'mathop', 'rm', 'mathsf', 'textrm', 'textit', 'mathit'],
    parse(p, t) {
      const word = readText(p);
      return parseWord(p, t, word, false);
    },
  }),
  defineCommand({ names: ['text', 'mbox', 'textbf'], parse: (p, t) => parseWord(p, t, readText(p), true) }),
  defineCommand({
    names: ['boldsymbol', 'mathbf', 'bm', 'vec', 'pmb', 'mathbfit', 'boldsymbol', 'mathcal', 'mathscr', 'mathfrak', 'bf'],
    parse(p, t) {
      const inner = p.parseArgument();
      const span = { start: t.span.start, end: inner.span.end };
      if (inner.kind === 'number' && inner.value === '1') return { kind: 'op', op: 'ones', args: [], span };
      // `\boldsymbol{ab}^T` is a b^T: a script after the group binds to its last letter.
      if (inner.kind === 'op' && inner.op === 'mul' && (p.at('^') || p.at('_'))) {
        const last = parsePostfix(p, inner.args[1]);
        return { ...inner, args: [inner.args[0], last], span: { start: span.start, end: last.span.end } };
      }
      return { ...inner, span } as Expr;
    },
  }),
  defineCommand({
    names: DECORATIONS,
    parse(p, t) {
      const inner = p.parseArgument();
      const span = { start: t.span.start, end: inner.span.end };
      if (inner.kind === 'symbol') return { kind: 'symbol', name: `${t.value}:${inner.name}`, span };
      return p.opaque('unsupported', `\\${t.value} over an expression`, span);
    },
  }),
  defineCommand({
    names: ['underbrace', 'overbrace'],
    parse(p, t) {
      const inner = p.parseArgument();
      while (p.at('_') || p.at('^')) {
        p.next();
        p.pos = scriptTokens(p.tokens, p.pos).next;
      }
      return { ...inner, span: { start: t.span.start, end: inner.span.end } } as Expr;
    },
  }),
  defineCommand({
    names: ['underset', 'overset', 'stackrel'],
    parse(p, t) {
      p.pos = skipGroup(p.tokens, p.pos);
      const inner = p.parseArgument();
      return { ...inner, span: { start: t.span.start, end: inner.span.end } } as Expr;
    },
  }),
  defineCommand({
    names: ['mathbb'],
    parse(p, t) {
      const set = readText(p);
      if (set !== 'R') return p.opaque('not-checkable', `the set \\mathbb{${set}}`, t.span);
      if (!p.at('^')) return { kind: 'space', annotation: { rows: '1', cols: '1' }, span: t.span };
      p.next();
      const { inner, next } = scriptTokens(p.tokens, p.pos);
      p.pos = next;
      const text = scriptText(inner).replace(/\s/g, '');
      const span = { start: t.span.start, end: p.tokens[next - 1].span.end };
      const annotation = annotationFromText(text) ?? (/^[A-Za-z0-9]+$/.test(text) ? { rows: text, cols: '1' } : null);
      if (!annotation) return p.opaque('not-checkable', `the space R^{${text}}`, span);
      return { kind: 'space', annotation, span };
    },
  }),
];
