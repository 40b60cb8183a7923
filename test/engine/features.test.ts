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

  test('entry-wise formulas without a readable pattern or an instance stay not-checkable with a reason', () => {
    for (const latex of ['\\frac{\\partial f}{\\partial X}=\\left[ \\frac{\\partial f}{\\partial X_{ij}} \\right]', '\\mathrm{vec}(X) = [X_{11},\\cdots,X_{mn}]^T']) {
      const v = engine.verify(latex, ctx(''));
      expect(v.status, latex).toBe('not-checkable');
      expect(v.reason.length).toBeGreaterThan(0);
    }
  });

  test('sums over samples are evaluated sample by sample', () => {
    const [, v] = page('', ['\\bar{x} = \\frac{1}{3}\\sum_{i=1}^{3} x_i', '\\sum_{i=1}^{3} (x_i - \\bar{x}) = 0']);
    expect(v.status).toBe('verified');
  });

  test('a default function name declared with a shape is that symbol, until declared a function again', () => {
    expect(page('sigma: m×m spd', ['\\mathrm{d}\\log|\\sigma| = \\mathrm{tr}(\\sigma^{-1}\\mathrm{d}\\sigma)'])[0].status).toBe('verified');
    expect(page('sigma: m×m spd\nsigma: logistic', ['\\sigma(x) = \\frac{1}{1+\\exp(-x)}'])[0].status).toBe('verified');
  });

  test('vary: auto returns to inferring the variables of differentiation', () => {
    expect(parseDeclarations('vary: auto').context.vary).toEqual([]);
    const back = mergeContext(ctx('vary: X'), parseDeclarations('vary: auto').context);
    expect(back.vary).toBeUndefined();
    expect(engine.verify('\\mathrm{d}(XY) = (\\mathrm{d}X)Y + X\\mathrm{d}Y', back).status).toBe('verified');
    expect(engine.verify('\\mathrm{d}(XY) = (\\mathrm{d}X)Y + X\\mathrm{d}Y', ctx('vary: X')).status).not.toBe('verified');
  });

  test('a function defined in a formula is a call for the rest of that formula', () => {
    const latex = '\\begin{array}{c} D(a) = \\mathrm{diag}(a) - aa^T\\\\ D(a)a = D(Wx)Wx \\end{array}';
    const v = engine.verify(latex, ctx('W: m×n; x: n; define: a = Wx'));
    expect(v.status, v.reason).toBe('verified');
  });

  test('a definition summed over the same index keeps the outer sum index active', () => {
    const [, v] = page('A: m×m', [
      '\\bar{x} = \\frac{1}{N}\\sum_i{x_i}',
      '\\sum_i{(x_i-\\bar{x})^TA(x_i-\\bar{x})} = \\sum_i{\\mathrm{tr}(A(x_i-\\bar{x})(x_i-\\bar{x})^T)}',
    ]);
    expect(v.status, v.reason).toBe('verified');
  });

  test('a family member outside its sum (a_{i,i}) is not taken for a scalar entry', () => {
    const v = engine.verify("\\frac{\\partial l}{\\partial a_{1,i}}=\\frac{\\partial l}{\\partial h_{1,i}}\\odot \\sigma '(a_{i,i})", ctx(''));
    expect(v.status).toBe('not-checkable');
  });

  test('a script without braces is one character, as in TeX: b_21^T is b_2 1^T', () => {
    expect(engine.verify('b_21^T = b_2\\mathbf{1}^T', ctx('b_2: m; H: m×N; \\mathbf{1}: N')).status).toBe('verified');
    expect(engine.verify('x^2 = x^{2}', ctx('x: scalar')).status).toBe('verified');
  });

  test('an equation for a declared free symbol is not an identity', () => {
    const [, v] = page('sigma: m×m spd', ['S = A^TA', '\\sigma = S']);
    expect(v.status).toBe('not-checkable');
    expect(v.reason).toContain('equation for sigma');
    expect(engine.verify('\\sigma = \\sigma^T', ctx('sigma: m×m spd')).status).toBe('verified');
  });

  test('a name declared only constant can still be defined by a later formula', () => {
    const [def, v] = page('a, b: constant', ['a = Wx', '\\mathrm{d}a = (\\mathrm{d}W)x']);
    expect(def.defines?.a).toBeDefined();
    expect(v.status, v.reason).toBe('verified');
  });
});

