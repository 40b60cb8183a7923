import { DiagnosticCode } from '../../diagnostics.js';
import { groupText } from '../prefilter.js';
import { matrixEnvironment } from './built.js';
import { type CommandSpec, defineCommand } from './registry.js';

/** Greek letters become symbols named by the letter (`\sigma` → `sigma`). */
const GREEK = [
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'varepsilon', 'zeta', 'eta', 'theta', 'vartheta', 'iota', 'kappa',
  'lambda', 'mu', 'nu', 'xi', 'rho', 'varrho', 'sigma', 'tau', 'upsilon', 'phi', 'varphi', 'chi', 'psi', 'omega',
  'Gamma', 'Delta', 'Theta', 'Lambda', 'Xi', 'Pi', 'Sigma', 'Upsilon', 'Phi', 'Psi', 'Omega',
];

const ELLIPSES = ['cdots', 'ldots', 'dots', 'vdots', 'ddots', 'dotsb', 'dotsc', 'dotsm'];

const MATRIX_ENVIRONMENTS = new Set(['array', 'pmatrix', 'bmatrix', 'Bmatrix', 'vmatrix', 'Vmatrix', 'matrix', 'smallmatrix']);

/** Greek letters, `\pi`, ellipses, `\infty`, explicit matrix environments, misplaced infix operators. */
export const symbolCommands: CommandSpec[] = [
  defineCommand({ names: GREEK, parse: (_p, t) => ({ kind: 'symbol', name: t.value, span: t.span }) }),
  defineCommand({
    names: ['cdot', 'bullet'],
    parse: (p, t) => p.opaque('not-checkable', 'a placeholder argument (·)', t.span),
  }),
  defineCommand({ names: ['pi'], parse: (_p, t) => ({ kind: 'number', value: 'pi', span: t.span }) }),
  defineCommand({
    names: ELLIPSES,
    parse: (p, t) => p.opaque('not-checkable', 'an ellipsis (\\cdots): a definition written element by element', t.span),
  }),
  defineCommand({
    names: ['infty', 'forall', 'exists', 'emptyset', 'varnothing', 'dim', 'Delta'],
    parse: (p, t) => p.opaque('not-checkable', `\\${t.value} states no equation between matrices`, t.span),
  }),
  defineCommand({
    names: ['begin'],
    parse(p, t) {
      const { text, next } = groupText(p.tokens, p.pos);
      p.pos = next;
      // `array` names its columns: `\begin{array}{c}`.
      if (text === 'array' && p.at('{')) p.pos = groupText(p.tokens, p.pos).next;
      const innerStart = p.tokens[p.pos - 1]?.span.end ?? t.span.end;
      let innerEnd = innerStart;
      let depth = 1;
      while (p.peek().type !== 'eof' && depth > 0) {
        const tok = p.next();
        if (tok.type === 'command' && tok.value === 'begin') depth++;
        if (tok.type === 'command' && tok.value === 'end') depth--;
        if (depth === 0) innerEnd = tok.span.start;
      }
      p.pos = groupText(p.tokens, p.pos).next;
      const span = { start: t.span.start, end: p.tokens[p.pos - 1]?.span.end ?? t.span.end };
      if (MATRIX_ENVIRONMENTS.has(text)) return matrixEnvironment(p, p.source.slice(innerStart, innerEnd), span);
      p.report(DiagnosticCode.unknownEnvironment, `The environment "${text}" is not known to the checker.`, span);
      return p.opaque('unsupported', `environment ${text}`, span);
    },
  }),
  defineCommand({
    names: ['otimes', 'odot', 'circ', 'times', 'pm', 'top', 'prime', '#', 'ast'],
    parse(p, t) {
      p.report(DiagnosticCode.parseUnexpectedToken, `\\${t.value} needs an operand on its left.`, t.span);
      return p.opaque('unsupported', `misplaced \\${t.value}`, t.span);
    },
  }),
];
