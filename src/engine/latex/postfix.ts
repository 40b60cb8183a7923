import { DiagnosticCode } from '../diagnostics.js';
import { joinSpans } from '../span.js';
import type { CallNode, Expr, ShapeAnnotation, SymbolNode } from './ast.js';
import type { Parser } from './parser.js';
import { classifySuperscript, scriptText, scriptTokens } from './script.js';

const INDEX_SUBSCRIPT = /^[ijkl]{1,2}$|^[ijkl],[ijkl]$/;
/** Two one-digit indices: `A_{12}` (row 1, column 2). One digit (`W_1`, `l_2`) is part of a name. */
const NUMERIC_SUBSCRIPT = /^[1-9]{2}$/;
/** A member of an indexed family: `a_{2,i}` is member i of the family `a_2`. */
const FAMILY_SUBSCRIPT = /^[^,]+,([ijkl])$/;
const TIMES = '\\times';

/** Parse a subscript like `m\times n` into a shape annotation. */
export function annotationFromText(text: string): ShapeAnnotation | null {
  const parts = text.split(TIMES);
  if (parts.length !== 2 || !parts[0] || !parts[1]) return null;
  return { rows: parts[0], cols: parts[1] };
}

/** Wrap `arg` in operator `op`, spanning up to `end`. */
export function wrap(op: string, arg: Expr, end: number, extra: Expr[] = []): Expr {
  return { kind: 'op', op, args: [arg, ...extra], span: { start: arg.span.start, end } };
}

function applySuperscript(p: Parser, base: Expr): Expr | { prime: number } {
  const hat = p.next();
  const { inner, next } = scriptTokens(p.tokens, p.pos);
  const text = scriptText(inner);
  const meaning = classifySuperscript(text);
  if (meaning.kind === 'expression') {
    if (inner.length === 0) {
      p.report(DiagnosticCode.parseMissingArgument, 'A superscript "^" has no argument.', hat.span);
      return base;
    }
    if (text.includes(',')) {
      p.pos = next;
      return p.opaque('not-checkable', `an indexed superscript ^{${text}}`, { start: base.span.start, end: p.tokens[next - 1].span.end });
    }
    const exponent = p.parseArgument();
    if (base.kind === 'symbol' && base.name === 'e') return wrap('exp', exponent, exponent.span.end);
    return wrap('pow', base, exponent.span.end, [exponent]);
  }
  p.pos = next;
  const end = p.tokens[next - 1]?.span.end ?? hat.span.end;
  // `X_{ji}^{*}` and `X_{ij}^{-1}` mean an entry of X^* or X^{-1}, not the adjugate or inverse of an entry.
  if (base.kind === 'symbol' && base.index && /^[ijkl],?[ijkl]$/.test(base.index) && meaning.kind !== 'prime' && meaning.kind !== 'power') {
    return p.opaque('not-checkable', `an entry of a transformed matrix (${base.name}^{${text}})`, { start: base.span.start, end });
  }
  switch (meaning.kind) {
    case 'transpose':
      return wrap('transpose', base, end);
    case 'inverse':
      return wrap('inv', base, end);
    case 'inverseTranspose':
      return wrap('transpose', wrap('inv', base, end), end);
    case 'adjugate':
      return wrap('adj', base, end);
    case 'prime':
      return { prime: meaning.count };
    case 'power':
      return wrap('pow', base, end, [{ kind: 'number', value: String(meaning.exponent), span: hat.span }]);
  }
}

function applySubscript(p: Parser, base: Expr): Expr {
  const bar = p.next();
  const { inner, next } = scriptTokens(p.tokens, p.pos);
  p.pos = next;
  const text = scriptText(inner).replace(/\s/g, '');
  const end = p.tokens[next - 1]?.span.end ?? bar.span.end;
  const span = { start: base.span.start, end };
  const annotation = annotationFromText(text);
  if (base.kind === 'number' && base.value === '0' && annotation) {
    return { kind: 'op', op: 'zeros', args: [], dims: [annotation.rows, annotation.cols], span };
  }
  if (base.kind !== 'symbol') return p.opaque('not-checkable', 'an indexed expression', span);
  if (annotation) {
    if (base.name === 'O') return { kind: 'op', op: 'zeros', args: [], dims: [annotation.rows, annotation.cols], span };
    return { ...base, annotation, span };
  }
  if (base.name === 'I') return { kind: 'op', op: 'identity', args: [], dims: [text], span };
  if (base.name === 'K' && text.replace(',', '').length === 2) {
    const dims = text.includes(',') ? text.split(',') : [text[0], text[1]];
    return { kind: 'op', op: 'commutation', args: [], dims, span };
  }
  const node: SymbolNode = { kind: 'symbol', name: `${base.name}_${text}`, span };
  // `A_{12}`: a name, unless the formula also uses A whole (then an entry; settled by the checker).
  if (INDEX_SUBSCRIPT.test(text) || NUMERIC_SUBSCRIPT.test(text)) node.index = text;
  else {
    const family = FAMILY_SUBSCRIPT.exec(text);
    if (family) node.index = family[1];
  }
  return node;
}

/** Is the `(` ahead the start of a call `f(x)` rather than a product `A(x+y)`? */
function looksLikeCall(p: Parser, callee: SymbolNode, prime: number): boolean {
  if (!p.at('(') && !p.at('\\lvert')) return false;
  if (!p.at('(')) return false;
  if (prime > 0 || p.options.functionNames?.has(callee.name)) return true;
  if (p.options.symbolNames?.has(callee.name)) return false;
  // f(x), F(X), y(x): a single (possibly bold) symbol between the parentheses.
  let j = p.pos + 1;
  const wrappers = new Set(['\\boldsymbol', '\\mathbf', '\\bm', '\\vec', '{', '}']);
  let letters = 0;
  // f(y(x)): a call of a call counts the inner call's name only (its own argument is one symbol too).
  let depth = 0;
  for (; j < p.tokens.length; j++) {
    const t = p.tokens[j];
    if (t.type === 'char' && t.value === ')' && depth === 0) break;
    if (t.type === 'char' && t.value === ')') {
      depth--;
      continue;
    }
    if (t.type === 'char' && t.value === '(' && depth === 0 && letters === 1) {
      depth++;
      continue;
    }
    if (t.type === 'letter' && depth > 0) continue;
    if (t.type === 'command' && wrappers.has(`\\${t.value}`)) continue;
    if (t.type === 'char' && (t.value === '{' || t.value === '}')) continue;
    if (t.type === 'letter') {
      letters++;
      continue;
    }
    if (t.type === 'char' && t.value === '_') {
      j++;
      continue;
    }
    return false;
  }
  return letters === 1 && callee.name !== p.tokens[p.pos + 1]?.value;
}

/** Parse the argument list of a call; the `(` is current. */
export function parseCallArgs(p: Parser): { args: Expr[]; end: number } {
  const open = p.next();
  p.closers.push(')');
  const args: Expr[] = [];
  while (!p.at(')') && p.peek().type !== 'eof') {
    args.push(p.parseExpr());
    if (!p.eat(',') && !p.at(')')) {
      p.skipUnexpected();
    }
  }
  p.closers.pop();
  const close = p.expect(')', open.span);
  return { args, end: close.end };
}

/** Apply every postfix operator after an atom: scripts, primes and call parentheses. */
export function parsePostfix(p: Parser, atom: Expr): Expr {
  let expr = atom;
  let prime = 0;
  let pendingPower: Expr | null = null;
  for (;;) {
    if (p.at('^')) {
      const result = applySuperscript(p, expr);
      if ('prime' in result) {
        prime += result.prime;
        continue;
      }
      // g^2(x) means (g(x))^2 and y^T(x) means (y(x))^T: keep the power aside when a call follows.
      if (expr.kind === 'symbol' && result.kind === 'op' && (result.op === 'pow' || result.op === 'transpose') && looksLikeCall(p, expr, 0)) {
        pendingPower = result;
        continue;
      }
      expr = result;
      continue;
    }
    if (p.at('_')) {
      expr = applySubscript(p, expr);
      continue;
    }
    if (p.at("'")) {
      p.next();
      prime++;
      continue;
    }
    if (expr.kind === 'symbol' && looksLikeCall(p, expr, prime || (pendingPower ? 1 : 0))) {
      const { args, end } = parseCallArgs(p);
      const call: CallNode = { kind: 'call', fn: expr.name, args, prime, span: { start: expr.span.start, end } };
      prime = 0;
      expr = call;
      if (pendingPower && pendingPower.kind === 'op') {
        expr = { kind: 'op', op: pendingPower.op, args: [call, ...pendingPower.args.slice(1)], span: joinSpans(call.span, pendingPower.span) };
        pendingPower = null;
      }
      continue;
    }
    break;
  }
  if (prime > 0) {
    p.report(DiagnosticCode.parseUnexpectedToken, 'A prime is only understood on a function that is applied, like σ\'(X).', expr.span);
  }
  return pendingPower ?? expr;
}
