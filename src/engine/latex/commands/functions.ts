import type { Expr } from '../ast.js';
import type { Parser } from '../parser.js';
import type { Token } from '../tokens.js';
import { parseScriptedDerivative } from './calculus.js';
import { parseDifferential } from './differential.js';
import { parseOperand, unaryOp } from './operand.js';
import { type CommandSpec, defineCommand } from './registry.js';

/** Words inside `\mathrm{..}` / `\operatorname{..}` that name an operator taking one operand. */
const WORD_OPS: Record<string, string> = {
  tr: 'trace', Tr: 'trace', trace: 'trace', vec: 'vec', diag: 'diag', exp: 'exp', log: 'log', ln: 'log',
  det: 'det', adj: 'adj', sym: 'sym', softmax: 'softmax', Diag: 'diag',
};

/** Parse the operator named `word` applied to its operand. */
function applyWord(p: Parser, t: Token, word: string): Expr | null {
  const op = WORD_OPS[word];
  if (op) return unaryOp(op, t.span.start, parseOperand(p));
  return null;
}

/** Interpret the plain text of `\mathrm{..}`, `\operatorname{..}`, `\text{..}`. */
export function parseWord(p: Parser, t: Token, word: string, prose: boolean): Expr {
  const span = t.span;
  if (word === 'd') return parseDifferential(p, t);
  if (word === 'soft' && p.at('\\max')) {
    p.next();
    return unaryOp('softmax', span.start, parseOperand(p));
  }
  const applied = applyWord(p, t, word);
  if (applied) return applied;
  if (word === 'D' && p.at('_')) return parseScriptedDerivative(p, t, 'jacobian');
  if (word === 'dim') return p.opaque('not-checkable', 'a dimension annotation (dim: ...)', span);
  if (/^[A-Za-z]$/.test(word)) return { kind: 'symbol', name: word, span };
  if (prose || /[^\x00-\x7f]/.test(word)) return p.opaque('not-checkable', `prose "${word}" inside the formula`, span);
  p.report('E_UNKNOWN_COMMAND', `The operator name "${word}" is not known to the checker.`, span);
  return p.opaque('unsupported', `unknown operator ${word}`, span);
}

/** `\exp`, `\log`, `\ln`, `\det`, `\tr`, `\Tr`, `\diag`, `\vec`-like commands written directly. */
export const functionCommands: CommandSpec[] = [
  defineCommand({
    names: ['exp', 'log', 'ln', 'det', 'tr', 'Tr', 'trace', 'diag', 'softmax'],
    parse: (p, t) => applyWord(p, t, t.value) ?? p.opaque('unsupported', t.value, t.span),
  }),
  defineCommand({
    names: ['sin', 'cos', 'tan', 'tanh', 'sinh', 'cosh', 'arctan'],
    parse(p, t) {
      const operand = parseOperand(p);
      return { kind: 'call', fn: t.value, args: [operand], prime: 0, span: { start: t.span.start, end: operand.span.end } };
    },
  }),
];
