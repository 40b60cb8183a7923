import { describe, expect, test } from 'vitest';
import { type Context, createEngine, mergeContext, parseDeclarations } from '../../src/engine/index.js';

const engine = createEngine();
const ctx = (decl: string): Context => mergeContext({ layout: 'denominator' }, parseDeclarations(decl).context);

/** Verify formulas in order, carrying definitions forward like a page does. */
function page(decl: string, formulas: string[]) {
  let context = ctx(decl);
  return formulas.map((latex) => {
    const v = engine.verify(latex, context);
    context = mergeContext(context, { definitions: v.defines ?? {}, symbols: v.declares ?? {} });
    return v;
  });
}

describe('page semantics', () => {
  test('define: in a declaration states what the prose says in words', () => {
    const v = engine.verify('H[f(X)] = -K_{nn}(X^{-T}\\otimes X^{-1})', ctx('X: n×n; define: f(X) = \\log|X|'));
    expect(v.status).toBe('verified');
  });

  test('a Hadamard product that only makes sense bound tightly is read that way', () => {
    const [, v] = page('X: m×n; a: m; b: n', ['f = a^T\\exp(Xb)', '\\frac{\\partial f}{\\partial X} = a\\odot\\exp(Xb)b^T']);
    expect(v.status).toBe('verified');
  });

  test('a derivative with respect to an intermediate variable folds its definition', () => {
    const [, v] = page('', ['F = D^TB^TXAC', 'Y = B^TXA \\Rightarrow \\frac{\\partial F}{\\partial Y} = C\\otimes D']);
    expect(v.status).toBe('verified');
  });

  test('the differential of a constant vanishes: declared constants do not move', () => {
    const latex = '\\mathrm{d}f = \\mathrm{d}a^TXb + a^T\\mathrm{d}Xb + a^TX\\mathrm{d}b = a^T\\mathrm{d}Xb';
    expect(page('X: m×n', ['f = a^TXb', latex])[1].status).toBe('mismatch');
    expect(page('X: m×n; a, b: constant', ['f = a^TXb', latex])[1].status).toBe('verified');
  });

  test('a restatement about the same variables is a claim; about other variables, a new definition', () => {
    const [, same, other] = page('y: m one-hot', [
      'l = -y^T\\log(\\mathrm{softmax}(Wx))',
      'l = -y^TWx + \\log(\\mathbf{1}^T\\exp(Wx))',
      'l = \\|Xw - y\\|^2',
    ]);
    expect(same.status).toBe('verified');
    expect(other.status).toBe('not-checkable');
    expect(other.defines?.l).toBeDefined();
  });

  test('a schema whose right side has non-constant coefficients is only a hypothesis', () => {
    const v = engine.verify('\\mathrm{d}F = X(\\mathrm{d}X) \\iff \\mathrm{D}_XF = I\\otimes X', ctx(''));
    expect(v.steps[0].status).toBe('not-checkable');
    expect(v.steps[0].reason).toContain('hypothesis');
  });

  test('element-wise definitions are not-checkable with a reason', () => {
    for (const latex of ['x^TAy=\\sum_{i=1}^n\\sum_{j=1}^nA_{ij}x_iy_j', '\\frac{\\partial f}{\\partial X}=\\left[ \\frac{\\partial f}{\\partial X_{ij}} \\right]', '\\mathrm{vec}(X) = [X_{11},\\cdots,X_{mn}]^T']) {
      const v = engine.verify(latex, ctx(''));
      expect(v.status, latex).toBe('not-checkable');
      expect(v.reason.length).toBeGreaterThan(0);
    }
  });

  test('sums over samples are evaluated sample by sample', () => {
    const [, v] = page('', ['\\bar{x} = \\frac{1}{3}\\sum_{i=1}^{3} x_i', '\\sum_{i=1}^{3} (x_i - \\bar{x}) = 0']);
    expect(v.status).toBe('verified');
  });
});
