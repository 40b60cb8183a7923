import { DiagnosticCode } from '../../diagnostics.js';
import type { DerivativeNode, DerivativeStyle, Expr, WrtSpec } from '../ast.js';
import type { Parser } from '../parser.js';
import { Precedence } from '../parser.js';
import { scriptText, scriptTokens } from '../script.js';
import type { Token } from '../tokens.js';
import { type CommandSpec, defineCommand } from './registry.js';

const PARTIAL = new Set(['\\partial', '\\part']);

/** Turn the expression after `\partial` into what the derivative is taken with respect to. */
export function wrtFromExpr(e: Expr): WrtSpec[] | null {
  if (e.kind === 'symbol') return [{ symbol: e.name, transposed: false, vec: false, ...(e.index ? { index: e.index } : {}) }];
  if (e.kind !== 'op') return null;
  const [a] = e.args;
  if (e.op === 'transpose') {
    const inner = wrtFromExpr(a);
    return inner?.length === 1 ? [{ ...inner[0], transposed: !inner[0].transposed }] : null;
  }
  if (e.op === 'vec') {
    const inner = wrtFromExpr(a);
    return inner?.length === 1 && !inner[0].transposed ? [{ ...inner[0], vec: true }] : null;
  }
  if (e.op === 'pow' && e.args[1].kind === 'number' && e.args[1].value === '2') {
    const inner = wrtFromExpr(a);
    return inner?.length === 1 ? [inner[0], inner[0]] : null;
  }
  return null;
}

function atPartial(p: Parser): boolean {
  return PARTIAL.has(p.peek().type === 'command' ? `\\${p.peek().value}` : '');
}

function isDerivativeFrac(p: Parser): boolean {
  if (!p.at('{')) return false;
  const num = p.peek(1);
  if (num.type !== 'command' || !PARTIAL.has(`\\${num.value}`)) return false;
  return true;
}

function parseDerivativeFrac(p: Parser, frac: Token): Expr {
  const open = p.next();
  p.next(); // \partial
  let order = 1;
  if (p.at('^')) {
    p.next();
    const { inner, next } = scriptTokens(p.tokens, p.pos);
    p.pos = next;
    order = Number(scriptText(inner)) === 2 ? 2 : 0;
  }
  let of: Expr | null = null;
  if (!p.at('}')) {
    p.closers.push('}');
    of = p.parseSequenceAsExpr();
    p.closers.pop();
  }
  p.expect('}', open.span);
  const denOpen = p.peek();
  const wrt: WrtSpec[] = [];
  if (p.eat('{')) {
    p.closers.push('}');
    while (atPartial(p)) {
      p.next();
      const e = p.parseFactor();
      const spec = wrtFromExpr(e);
      if (!spec) {
        p.report(DiagnosticCode.parseUnexpectedToken, 'A derivative must be taken with respect to a variable, its transpose or its vec.', e.span);
        p.closers.pop();
        p.expect('}', denOpen.span);
        return p.opaque('unsupported', 'derivative with respect to an expression', { start: frac.span.start, end: e.span.end });
      }
      wrt.push(...spec);
    }
    while (!p.at('}') && p.peek().type !== 'eof') p.skipUnexpected();
    p.closers.pop();
  }
  const close = p.expect('}', denOpen.span);
  if (!of) {
    if (p.atTerminator()) return p.opaque('not-checkable', 'a derivative operator without an operand', { start: frac.span.start, end: close.end });
    of = p.parseFactor();
  }
  const span = { start: frac.span.start, end: Math.max(close.end, of.span.end) };
  if (order === 0 || wrt.length === 0 || wrt.length > 2) return p.opaque('unsupported', 'a derivative of this order', span);
  const style: DerivativeStyle = order === 2 || wrt.length === 2 ? 'hessian' : 'partial';
  const node: DerivativeNode = { kind: 'derivative', style, of, wrt, span };
  return node;
}

/** `\nabla_X f`, `\nabla^2_X f`, `\nabla_X^T f`, `\mathrm{D}_X F`: an operator with scripts, then its operand. */
export function parseScriptedDerivative(p: Parser, t: Token, base: 'gradient' | 'jacobian'): Expr {
  let wrt: WrtSpec[] | null = null;
  let order = 1;
  let transposeResult = false;
  while (p.at('_') || p.at('^')) {
    if (p.eat('_')) {
      const e = p.parseArgument();
      wrt = wrtFromExpr(e);
      if (!wrt) return p.opaque('unsupported', 'a derivative with respect to an expression', e.span);
      continue;
    }
    p.next();
    const { inner, next } = scriptTokens(p.tokens, p.pos);
    p.pos = next;
    const text = scriptText(inner);
    if (text === '2') order = 2;
    else if (text === 'T' || text === '\\top') transposeResult = true;
    else return p.opaque('unsupported', `a derivative operator with superscript ${text}`, t.span);
  }
  if (!wrt) return p.opaque('not-checkable', 'a derivative operator without a variable', t.span);
  if (p.atTerminator()) return p.opaque('not-checkable', 'a derivative operator without an operand', t.span);
  const of = p.parseFactor();
  const span = { start: t.span.start, end: of.span.end };
  const style: DerivativeStyle = order === 2 ? 'hessian' : base;
  const node: Expr = { kind: 'derivative', style, of, wrt: order === 2 ? [wrt[0], wrt[0]] : wrt, span };
  return transposeResult ? { kind: 'op', op: 'transpose', args: [node], span } : node;
}

/** `H[f(X)]` or `H(f(\boldsymbol{x}))`: the Hessian of a function with respect to its argument. */
export function parseHessianBracket(p: Parser, t: Token): Expr {
  const content = p.parseAtom();
  const span = { start: t.span.start, end: content.span.end };
  if (content.kind !== 'call' || content.args.length !== 1) {
    return p.opaque('not-checkable', 'a Hessian H[..] of something that is not a function applied to its variable', span);
  }
  const wrt = wrtFromExpr(content.args[0]);
  if (!wrt || wrt.length !== 1) return p.opaque('unsupported', 'a Hessian with respect to an expression', span);
  return { kind: 'derivative', style: 'hessian', of: content, wrt: [{ ...wrt[0], vec: true }, { ...wrt[0], vec: true }], span };
}

function parseSum(p: Parser, t: Token): Expr {
  let index = '';
  let upper: string | undefined;
  while (p.at('_') || p.at('^')) {
    const which = p.next().value;
    const { inner, next } = scriptTokens(p.tokens, p.pos);
    p.pos = next;
    const text = scriptText(inner).replace(/\s/g, '');
    if (which === '_') index = text.split('=')[0];
    else upper = text;
  }
  if (p.atTerminator()) return p.opaque('unsupported', 'a sum without a body', t.span);
  const body = p.parseExpr(Precedence.product);
  const span = { start: t.span.start, end: body.span.end };
  // `\sum_{ij}` (or `\sum_{i,j}`) is a sum over i of a sum over j.
  const pair = /^([a-z]),?([a-z])$/.exec(index);
  if (pair && !upper) return { kind: 'sum', index: pair[1], body: { kind: 'sum', index: pair[2], body, span }, span };
  if (!/^[a-z]$/.test(index)) return p.opaque('not-checkable', `a sum over the index "${index || '?'}"`, span);
  return { kind: 'sum', index, upper, body, span };
}

function skipScripts(p: Parser): void {
  while (p.at('_') || p.at('^')) {
    p.next();
    p.pos = scriptTokens(p.tokens, p.pos).next;
  }
}

/** `\frac`, `\dfrac` (quotients or derivatives), `\nabla`, `\sum`, `\lim`, `\partial`. */
export const calculusCommands: CommandSpec[] = [
  defineCommand({
    names: ['frac', 'dfrac', 'tfrac', 'cfrac'],
    parse(p, t) {
      if (isDerivativeFrac(p)) return parseDerivativeFrac(p, t);
      const num = p.parseArgument();
      const den = p.parseArgument();
      return { kind: 'op', op: 'div', args: [num, den], span: { start: t.span.start, end: den.span.end } };
    },
  }),
  defineCommand({ names: ['nabla'], parse: (p, t) => parseScriptedDerivative(p, t, 'gradient') }),
  defineCommand({ names: ['sum'], parse: parseSum }),
  defineCommand({
    names: ['lim', 'limsup', 'liminf'],
    parse(p, t) {
      skipScripts(p);
      return p.opaque('not-checkable', 'a limit argument', t.span);
    },
  }),
  defineCommand({
    names: ['partial', 'part'],
    parse: (p, t) => p.opaque('not-checkable', 'a partial derivative outside a \\frac', t.span),
  }),
  defineCommand({
    names: ['prod', 'int', 'iint', 'oint', 'max', 'min', 'arg', 'argmax', 'argmin', 'sup', 'inf'],
    parse(p, t) {
      skipScripts(p);
      p.report(DiagnosticCode.unknownCommand, `The checker does not evaluate \\${t.value}.`, t.span);
      return p.opaque('unsupported', `\\${t.value} is not evaluated`, t.span);
    },
  }),
];
