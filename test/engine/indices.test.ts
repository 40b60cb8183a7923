import { describe, expect, test } from 'vitest';
import { createEngine, mergeContext, parseDeclarations } from '../../src/engine/index.js';

const engine = createEngine();

function check(declarations: string, latex: string) {
  const context = mergeContext({ layout: 'denominator' }, parseDeclarations(declarations.replaceAll('; ', '\n')).context);
  return engine.verify(latex, context, { seed: 7 });
}

/** The two-layer network of the notes, sample by sample: families x_i, y_i, a_{1,i}, h_{1,i}, a_{2,i}. */
const NETWORK = [
  'W_1: p×n; W_2: m×p; b_1: p; b_2: m; y_i: m one-hot',
  'define: a_{1,i}=W_1x_i+b_1, h_{1,i}=\\sigma(a_{1,i}), a_{2,i}=W_2h_{1,i}+b_2',
  'define: l=-\\sum_i{y_{i}^{T}\\log ( \\mathrm{softmax} ( a_{2,i} ) )}',
].join('; ');

/** [what, declarations, a correct formula, a realistic wrong variant (or null when a slip cannot be written)]. */
const TABLE: [string, string, string, string][] = [
  ['a bilinear form as a double sum of entries', 'A: n×n', 'x^TAy=\\sum_{i=1}^n\\sum_{j=1}^nA_{ij}x_iy_j', 'x^TAy=\\sum_{i=1}^n\\sum_{j=1}^nA_{ji}x_iy_j'],
  ['the gradient as the matrix of entry derivatives', 'X: m×n; define: f(X) = a^TXb', '\\frac{\\partial f}{\\partial X}=\\left[ \\frac{\\partial f}{\\partial X_{ij}} \\right]', '\\frac{\\partial f}{\\partial X^T}=\\left[ \\frac{\\partial f}{\\partial X_{ij}} \\right]'],
  ['the differential as a sum over entries', 'X: m×n; define: f(X) = a^TXb', '\\mathrm{d}f=\\sum_{i=1}^m{\\sum_{j=1}^n{\\frac{\\partial f}{\\partial X_{ij}}\\mathrm{d}X_{ij}}}=\\mathrm{tr}( \\frac{\\partial f}{\\partial X}^T\\mathrm{d}X )', '\\mathrm{d}f=\\sum_{i=1}^m{\\sum_{j=1}^n{\\frac{\\partial f}{\\partial X_{ij}}\\mathrm{d}X_{ij}}}=\\mathrm{tr}( \\frac{\\partial f}{\\partial X}\\mathrm{d}X^T )^2'],
  ['the Kronecker product block by block', 'A: m×n; B: p×q', 'A\\otimes B=\\left[ A_{ij}B \\right]', 'B\\otimes A=\\left[ A_{ij}B \\right]'],
  ['a differential written entry by entry', 'X: m×n', '\\mathrm{d}X = \\begin{pmatrix} \\mathrm{d}X_{11} & \\cdots & \\mathrm{d}X_{1n} \\\\ \\vdots & \\ddots & \\vdots \\\\ \\mathrm{d}X_{m1} & \\cdots & \\mathrm{d}X_{mn} \\end{pmatrix}', '\\mathrm{d}X = \\begin{pmatrix} 2\\mathrm{d}X_{11} & \\cdots & 2\\mathrm{d}X_{1n} \\\\ \\vdots & \\ddots & \\vdots \\\\ 2\\mathrm{d}X_{m1} & \\cdots & 2\\mathrm{d}X_{mn} \\end{pmatrix}'],
  ['a Hessian written entry by entry', 'A: m×m; define: f(x) = x^TAx', '\\nabla^2_x f = \\begin{pmatrix} \\frac{\\partial^2 f}{\\partial x_1\\partial x_1} & \\cdots & \\frac{\\partial^2 f}{\\partial x_1\\partial x_m} \\\\ \\vdots & \\ddots & \\vdots \\\\ \\frac{\\partial^2 f}{\\partial x_m\\partial x_1} & \\cdots & \\frac{\\partial^2 f}{\\partial x_m\\partial x_m} \\end{pmatrix} = A + A^T', '\\nabla^2_x f = \\begin{pmatrix} \\frac{\\partial^2 f}{\\partial x_1\\partial x_1} & \\cdots & \\frac{\\partial^2 f}{\\partial x_1\\partial x_m} \\\\ \\vdots & \\ddots & \\vdots \\\\ \\frac{\\partial^2 f}{\\partial x_m\\partial x_1} & \\cdots & \\frac{\\partial^2 f}{\\partial x_m\\partial x_m} \\end{pmatrix} = 2A'],
  ['a Jacobian written entry by entry (denominator layout)', 'A: m×n; define: f(x) = Ax', '\\frac{\\partial f}{\\partial x} = \\begin{pmatrix} \\frac{\\partial f_1}{\\partial x_1} & \\cdots & \\frac{\\partial f_m}{\\partial x_1} \\\\ \\vdots & \\ddots & \\vdots \\\\ \\frac{\\partial f_1}{\\partial x_n} & \\cdots & \\frac{\\partial f_m}{\\partial x_n} \\end{pmatrix}', '\\frac{\\partial f}{\\partial x^T} = \\begin{pmatrix} \\frac{\\partial f_1}{\\partial x_1} & \\cdots & \\frac{\\partial f_m}{\\partial x_1} \\\\ \\vdots & \\ddots & \\vdots \\\\ \\frac{\\partial f_1}{\\partial x_n} & \\cdots & \\frac{\\partial f_m}{\\partial x_n} \\end{pmatrix}'],
  ['vec stacks the columns', 'X: m×n', '\\mathrm{vec}( X ) =[ X_{11},\\cdots ,X_{m1},X_{12},\\cdots ,X_{m2},\\cdots ,X_{1n},\\cdots ,X_{mn} ] ^T', '\\mathrm{vec}( X^T ) =[ X_{11},\\cdots ,X_{m1},X_{12},\\cdots ,X_{m2},\\cdots ,X_{1n},\\cdots ,X_{mn} ] ^T'],
  ['a gradient written as a tuple', 'a: n; define: f(x) = a^Tx + x^Tx', '\\frac{\\partial f(x)}{\\partial x}=(\\frac{\\partial f(x)}{\\partial x_1},\\cdots,\\frac{\\partial f(x)}{\\partial x_n})^T', '\\frac{\\partial f(x)}{\\partial x}=(\\frac{\\partial f(x)}{\\partial x_1},\\cdots,\\frac{\\partial f(x)}{\\partial x_n})^T + x'],
  ['an explicit matrix (empty cells are 0)', 'A: 2×2', 'K_{22}\\mathrm{vec}(A) = \\begin{pmatrix} 1 & & & \\\\ & & 1 & \\\\ & 1 & & \\\\ & & & 1 \\end{pmatrix}\\mathrm{vec}(A)', 'K_{22}\\mathrm{vec}(A) = \\begin{pmatrix} 1 & & & \\\\ & 1 & & \\\\ & & 1 & \\\\ & & & 1 \\end{pmatrix}\\mathrm{vec}(A)'],
  ['a loss summed over samples, differentiated by one sample', NETWORK, '\\frac{\\partial l}{\\partial a_{2,i}}=\\mathrm{softmax}( a_{2,i} ) -y_i', '\\frac{\\partial l}{\\partial a_{2,i}}=y_i - \\mathrm{softmax}( a_{2,i} )'],
  ['backpropagation through one sample', NETWORK, '\\frac{\\partial l}{\\partial h_{1,i}}=W_{2}^{T}\\frac{\\partial l}{\\partial a_{2,i}}', '\\frac{\\partial l}{\\partial h_{1,i}}=W_{2}^{T}\\frac{\\partial l}{\\partial a_{2,i}} \\odot \\sigma\'(a_{1,i})'],
  ['through the nonlinearity', NETWORK, '\\frac{\\partial l}{\\partial a_{1,i}}=\\frac{\\partial l}{\\partial h_{1,i}}\\odot \\sigma \'( a_{1,i} )', '\\frac{\\partial l}{\\partial a_{1,i}}=\\frac{\\partial l}{\\partial h_{1,i}}\\odot \\sigma \'( h_{1,i} )'],
  ['a weight gradient as a sum over samples', NETWORK, '\\frac{\\partial l}{\\partial W_1}=\\sum_i{\\frac{\\partial l}{\\partial a_{1,i}}{x_i}^T}', '\\frac{\\partial l}{\\partial W_1}=\\frac{1}{3}\\sum_i{\\frac{\\partial l}{\\partial a_{1,i}}{x_i}^T}'],
  ['samples as the columns of a matrix', `${NETWORK}; define: X = [x_1, \\cdots, x_N]`, '[a_{1,1},\\cdots ,a_{1,N}] =W_1X+b_11^T', '[a_{1,1},\\cdots ,a_{1,N}] =W_1X+1b_1^T'],
];

describe('indices: entries, matrices written entry by entry, families of samples', () => {
  test.each(TABLE)('%s: the formula verifies and its slip is caught', (_what, declarations, right, wrong) => {
    const good = check(declarations, right);
    expect(good.status, `${right}: ${good.reason}`).toBe('verified');
    const bad = check(declarations, wrong);
    expect(bad.status, `${wrong}: ${bad.reason}`).toBe('mismatch');
  });

  test('a free index is checked for each of its values, and the failing value is in the counterexample', () => {
    const v = check(NETWORK, '\\frac{\\partial l}{\\partial a_{2,i}}=\\mathrm{softmax}( a_{2,i} ) + y_i');
    expect(v.steps[0].counterexample?.indices).toEqual({ i: 1 });
  });

  test('a cell written off the pattern is checked as written: a slip there is a mismatch', () => {
    const jacobian = (last: string) =>
      `\\frac{\\partial f}{\\partial x} = \\begin{pmatrix} \\frac{\\partial f_1}{\\partial x_1} & \\cdots & \\frac{\\partial f_p}{\\partial x_1} \\\\ \\vdots & \\ddots & \\vdots \\\\ \\frac{\\partial f_1}{\\partial x_m} & \\cdots & ${last} \\end{pmatrix}`;
    const declarations = 'R: p×m; R: constant; define: f = \\exp(Rx)';
    expect(check(declarations, jacobian('\\frac{\\partial f_p}{\\partial x_m}')).status).toBe('verified');
    const slip = check(declarations, jacobian('\\frac{\\partial f}{\\partial x_m}'));
    expect(slip.status).toBe('mismatch');
    expect(slip.reason).toContain('off the pattern');
  });

  test('a matrix whose cells follow no pattern is not guessed', () => {
    const v = check('X: m×n', '\\mathrm{d}X = \\begin{pmatrix} \\mathrm{d}X_{11} & \\cdots & \\mathrm{d}Y_{1n} \\\\ \\vdots & \\ddots & \\vdots \\\\ \\mathrm{d}X_{m1} & \\cdots & \\mathrm{d}X_{mn} \\end{pmatrix}');
    expect(v.status).toBe('not-checkable');
    expect(v.reason).toContain('pattern');
  });

  test('the differential of a function instantiated at random moves its argument (never a vacuous zero)', () => {
    expect(check('', '\\mathrm{d}f(X) = \\mathrm{tr}(\\mathrm{d}f(X))').status).toBe('verified');
    expect(check('', '\\mathrm{d}f(X) = 2\\mathrm{tr}(\\mathrm{d}f(X))').status).toBe('mismatch');
  });
});
