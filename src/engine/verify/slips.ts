import type { Expr, OpNode } from '../latex/ast.js';
import { exprToLatex } from '../latex/walk.js';
import type { Span } from '../span.js';

/** A candidate correction: the right side with one common slip undone. */
export interface SlipCandidate {
  /** Which slip, in words: "a missing transpose on b". */
  slip: string;
  right: Expr;
}

/** Upper bound on candidates tried per mismatched step (keeps suggestions fast). */
export const MAX_CANDIDATES = 80;

const op = (name: string, args: Expr[], span: Span, dims?: string[]): OpNode => ({ kind: 'op', op: name, args, span, ...(dims ? { dims } : {}) });
const num = (value: string, span: Span): Expr => ({ kind: 'number', value, span });

/** Every subtree with a function that rebuilds the whole tree with that subtree replaced. */
function positions(e: Expr): { node: Expr; replace: (n: Expr) => Expr }[] {
  const out: { node: Expr; replace: (n: Expr) => Expr }[] = [{ node: e, replace: (n) => n }];
  if (e.kind === 'op' || e.kind === 'call') {
    e.args.forEach((arg, k) => {
      for (const p of positions(arg)) {
        out.push({
          node: p.node,
          replace: (n) => ({ ...e, args: e.args.map((a, j) => (j === k ? p.replace(n) : a)) }) as Expr,
        });
      }
    });
  }
  return out;
}

function isScalarLiteral(e: Expr): boolean {
  return e.kind === 'number';
}

/**
 * The listed slips, applied to the right side: a missing or extra transpose, swapped factors,
 * Kronecker order, a sign, a factor 2, `A` for `A + A^T`, and a missing or extra commutation matrix.
 */
export function slipCandidates(right: Expr, commutations: string[][]): SlipCandidate[] {
  // Buckets in order of preference: simpler slips first, so the suggestion names the most likely one.
  const sign: SlipCandidate[] = [];
  const factor: SlipCandidate[] = [];
  const order: SlipCandidate[] = [];
  const transpose: SlipCandidate[] = [];
  const kmat: SlipCandidate[] = [];
  const symmetric: SlipCandidate[] = [];
  const span = right.span;
  if (right.kind === 'op' && right.op === 'neg') sign.push({ slip: 'a wrong overall sign', right: right.args[0] });
  else sign.push({ slip: 'a wrong overall sign', right: op('neg', [right], span) });
  factor.push({ slip: 'a missing factor 2', right: op('mul', [num('2', span), right], span) });
  factor.push({ slip: 'an extra factor 2', right: op('div', [right, num('2', span)], span) });
  for (const { node, replace } of positions(right)) {
    const text = exprToLatex(node);
    if (node.kind === 'op' && (node.op === 'add' || node.op === 'sub')) {
      sign.push({ slip: `a sign slip in ${text}`, right: replace(op(node.op === 'add' ? 'sub' : 'add', node.args, node.span)) });
    }
    if (node.kind === 'op' && node.op === 'mul') {
      const factors = flattenProduct(node).filter((f) => !isScalarLiteral(f));
      for (let k = 0; k + 1 < factors.length; k++) {
        const swapped = [...factors];
        [swapped[k], swapped[k + 1]] = [swapped[k + 1], swapped[k]];
        const literals = flattenProduct(node).filter(isScalarLiteral);
        order.push({ slip: `swapped factors ${exprToLatex(factors[k])} and ${exprToLatex(factors[k + 1])}`, right: replace(buildProduct([...literals, ...swapped], node.span)) });
      }
    }
    if (node.kind === 'op' && node.op === 'kron') {
      order.push({ slip: `the Kronecker factors in the wrong order in ${text}`, right: replace(op('kron', [node.args[1], node.args[0]], node.span)) });
    }
    if (node.kind === 'op' && node.op === 'transpose') transpose.push({ slip: `an extra transpose on ${text}`, right: replace(node.args[0]) });
    else if (!isScalarLiteral(node) && !(node.kind === 'op' && node.op === 'neg')) {
      transpose.push({ slip: `a missing transpose on ${text}`, right: replace(op('transpose', [node], node.span)) });
    }
    if (node.kind === 'op' && node.op === 'commutation') {
      kmat.push({ slip: `an extra commutation matrix ${text}`, right: replace(op('identity', [], node.span)) });
      const dims = [...(node.dims ?? [])].reverse();
      if (dims.length === 2 && dims[0] !== dims[1]) {
        kmat.push({ slip: `the commutation matrix with its indices swapped (K_{${dims.join('')}})`, right: replace(op('commutation', [], node.span, dims)) });
      }
    }
    if (node.kind === 'symbol' && !node.index) {
      symmetric.push({ slip: `${text} where ${text} + ${text}^T is meant`, right: replace(op('add', [node, op('transpose', [node], node.span)], node.span)) });
    }
    if (node.kind === 'op' && node.op === 'mul' && node.args[0].kind === 'number' && node.args[0].value === '2') {
      const [, a] = node.args;
      const sym = a.kind === 'op' && a.op === 'mul' ? a.args[0] : a;
      const rest = a.kind === 'op' && a.op === 'mul' ? a.args[1] : null;
      const sum = op('add', [sym, op('transpose', [sym], sym.span)], sym.span);
      const t = exprToLatex(sym);
      symmetric.push({ slip: `2${t} where ${t} + ${t}^T is meant (${t} need not be symmetric)`, right: replace(rest ? op('mul', [sum, rest], node.span) : sum) });
    }
    if (node.kind === 'op' && node.op === 'add' && node.args[1].kind === 'op' && node.args[1].op === 'transpose') {
      symmetric.push({ slip: `${text} where only ${exprToLatex(node.args[0])} is meant`, right: replace(node.args[0]) });
    }
  }
  for (const dims of commutations) {
    const k = op('commutation', [], span, dims);
    kmat.push({ slip: `a missing commutation matrix K_{${dims.join('')}} on the left`, right: op('mul', [k, right], span) });
    kmat.push({ slip: `a missing commutation matrix K_{${dims.join('')}} on the right`, right: op('mul', [right, k], span) });
  }
  return [...sign, ...factor, ...order, ...transpose, ...kmat, ...symmetric].slice(0, MAX_CANDIDATES);
}

function flattenProduct(e: Expr): Expr[] {
  if (e.kind === 'op' && e.op === 'mul') return [...flattenProduct(e.args[0]), ...flattenProduct(e.args[1])];
  return [e];
}

function buildProduct(factors: Expr[], span: Span): Expr {
  return factors.reduce((acc, f) => op('mul', [acc, f], span));
}
