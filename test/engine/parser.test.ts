import { describe, expect, test } from 'vitest';
import { DiagnosticCode } from '../../src/engine/index.js';
import { createCommandRegistry, parseLatex } from '../../src/engine/latex/index.js';
import { latexToTokens } from '../../src/engine/latex/tokens.js';
import { toSexpr, treeToSexpr } from './sexpr.js';

const registry = createCommandRegistry();
const parse = (latex: string) => parseLatex(latex, registry, { functionNames: new Set(['sigma']) });

describe('latex → tree', () => {
  test.each([
    ['X^T', '(transpose X)'],
    ['X^\\top', '(transpose X)'],
    ['X^{\\top}', '(transpose X)'],
    ['X^{-1}', '(inv X)'],
    ['X^{-T}', '(transpose (inv X))'],
    ['X^{-1T}', '(transpose (inv X))'],
    ['X^{-\\top}', '(transpose (inv X))'],
    ['X^2', '(pow X 2)'],
    ['X^{-2}', '(pow X -2)'],
    ['X^{\\#}', '(adj X)'],
    ['W^*', '(adj W)'],
    ['A\\otimes B', '(kron A B)'],
    ['A\\odot B', '(hadamard A B)'],
    ['A\\circ B', '(hadamard A B)'],
    ['a^TXb', '(mul (mul (transpose a) X) b)'],
    ['\\mathrm{tr}(AB)', '(trace (mul A B))'],
    ['\\operatorname{tr}(A)', '(trace A)'],
    ['Tr(A^TB)', '(trace (mul (transpose A) B))'],
    ['tr(A)', '(trace A)'],
    ['\\mathrm{vec}X^{\\top}', '(vec (transpose X))'],
    ['\\mathrm{ve c}(\\mathrm{d}X)', '(vec (d X))'],
    ['|X|', '(det X)'],
    ['\\lvert W\\rvert', '(det W)'],
    ['\\left|X\\right|', '(det X)'],
    ['\\left\\| Xw-y \\right\\|^2', '(normsq (sub (mul X w) y))'],
    ['\\exp(Xb)', '(exp (mul X b))'],
    ['\\log|X|', '(log (det X))'],
    ['\\ln x', '(log x)'],
    ['\\sigma(WX)', '(sigma (mul W X))'],
    ["\\sigma'(X)", "(sigma' X)"],
    ['\\sigma^{\\prime}(X)', "(sigma' X)"],
    ['\\mathrm{soft}\\max(Wx)', '(softmax (mul W x))'],
    ['\\mathrm{diag}(a)', '(diag a)'],
    ['K_{mn}', '(commutation[m,n])'],
    ['I_n', '(identity[n])'],
    ['0_{n\\times n}', '(zeros[n,n])'],
    ['O_{m\\times n}', '(zeros[m,n])'],
    ['\\boldsymbol{1}', '(ones)'],
    ['\\frac{1}{2}', '(div 1 2)'],
    ['\\dfrac{a}{b}', '(div a b)'],
    ['\\boldsymbol{x}', 'x'],
    ['\\vec{x}', 'x'],
    ['\\boldsymbol{ab}^{\\top}', '(mul a (transpose b))'],
    ['W_1', 'W_1'],
    ['a_{2,i}', 'a_2,i'],
    ['x_{m\\times n}', 'x:mxn'],
    ['\\mathrm{d}X', '(d X)'],
    ['dX', '(d X)'],
    ['\\mathrm{d}X^{-1}', '(d (inv X))'],
    ['\\mathrm{d}XX^{-1}', '(mul (d X) (inv X))'],
    ['\\mathrm{d}^2 f', '(d2 f)'],
    ['\\mathrm{d}(\\cdot)', '(d <not-checkable>)'],
    ['\\frac{\\partial f}{\\partial X}', '(partial f / X)'],
    ['\\frac{\\partial f}{\\partial X^T}', "(partial f / X')"],
    ['\\frac{\\partial^2 f}{\\partial x\\partial x^T}', "(hessian f / x x')"],
    ['\\frac{\\partial \\mathrm{vec} F}{\\partial \\mathrm{vec} X}', '(partial (vec F) / vec:X)'],
    ['\\frac{\\partial f}{\\partial X_{ij}}', '(partial f / X_ij)'],
    ['\\mathrm{D}_X F', '(jacobian F / X)'],
    ['\\nabla_X f', '(gradient f / X)'],
    ['\\nabla^2_X f', '(hessian f / X X)'],
    ['\\nabla _{X}^{2}f', '(hessian f / X X)'],
    ['H[f(X)]', '(hessian (f X) / vec:X vec:X)'],
    ['\\sum_{i=1}^N x_i', '(sum i x_i)'],
    ['\\color{red}{X}', 'X'],
    ['\\underbrace{X}_{A}', 'X'],
    ['\\underset{a}{X}', 'X'],
    ['\\left( X \\right)', 'X'],
    ['X \\, Y', '(mul X Y)'],
    ['x_1,\\cdots, x_n', 'x_1 ; and <not-checkable> ; and x_n'],
  ])('%s → %s', (latex, expected) => {
    const { tree } = parse(latex);
    expect(treeToSexpr(tree)).toBe(expected);
  });

  test.each([
    ['a = b = c', 'a = b = c'],
    ['A \\iff B = C', 'A ; iff B = C'],
    ['A = B \\implies C = D', 'A = B ; implies C = D'],
    ['A = B \\Rightarrow C', 'A = B ; implies C'],
    ['X \\in \\mathbb{R}^{m\\times n}', 'X in R^mxn'],
    ['\\begin{align} a &= b \\\\ &= c \\end{align}', 'a = b = c'],
    ['\\begin{align} a &= b \\\\ c &= d \\end{align}', 'a = b ; and c = d'],
    ['\\begin{array}{c} a = b \\\\ \\Rightarrow c = d \\end{array}', 'a = b ; implies c = d'],
    ['a = b \\tag{1}', 'a = b'],
    ['f = a, g = b', 'f = a ; and g = b'],
  ])('claims: %s → %s', (latex, expected) => {
    expect(treeToSexpr(parse(latex).tree)).toBe(expected);
  });
});

describe('spans', () => {
  test('tokens carry zero-based, end-exclusive spans', () => {
    expect(latexToTokens('\\mathrm{d}X').map((t) => [t.value, t.span.start, t.span.end])).toEqual([
      ['mathrm', 0, 7], ['{', 7, 8], ['d', 8, 9], ['}', 9, 10], ['X', 10, 11], ['', 11, 11],
    ]);
  });

  test('every node of a formula carries the span of its source', () => {
    const latex = '\\mathrm{d}X^{-1} = -X^{-1}(\\mathrm{d}X)X^{-1}';
    const [claim] = parse(latex).tree.claims;
    const [left, right] = claim.items;
    expect(latex.slice(left.span.start, left.span.end)).toBe('\\mathrm{d}X^{-1}');
    expect(latex.slice(right.span.start, right.span.end)).toBe('-X^{-1}(\\mathrm{d}X)X^{-1}');
    expect(left.kind === 'differential' && latex.slice(left.body.span.start, left.body.span.end)).toBe('X^{-1}');
    expect(latex.slice(claim.relations[0].span.start, claim.relations[0].span.end)).toBe('=');
  });

  test('a derivative spans the whole fraction', () => {
    const latex = 'y = \\frac{\\partial a^T X b}{\\partial X}';
    const node = parse(latex).tree.claims[0].items[1];
    expect(latex.slice(node.span.start, node.span.end)).toBe('\\frac{\\partial a^T X b}{\\partial X}');
    expect(toSexpr(node)).toBe('(partial (mul (mul (transpose a) X) b) / X)');
  });

  test('an unknown command is reported with its name and span, and parsing goes on', () => {
    const latex = 'A = \\foo{B} + C';
    const { tree, diagnostics } = parse(latex);
    expect(diagnostics[0].code).toBe(DiagnosticCode.unknownCommand);
    expect(diagnostics[0].message).toContain('\\foo');
    expect(latex.slice(diagnostics[0].span.start, diagnostics[0].span.end)).toBe('\\foo');
    expect(treeToSexpr(tree)).toBe('A = (add (mul <unsupported> B) C)');
  });

  test('an unbalanced group is reported at its opening', () => {
    const latex = '\\frac{a}{b';
    const { diagnostics } = parse(latex);
    expect(diagnostics.some((d) => d.code === DiagnosticCode.parseUnbalanced)).toBe(true);
  });
});
