import { describe, expect, test } from 'vitest';
import { type Context, DiagnosticCode, createEngine, parseDeclarations } from '../../src/engine/index.js';

const engine = createEngine();
const withDecl = (decl: string): Context => ({ layout: 'denominator', ...parseDeclarations(decl).context });

describe('shape inference', () => {
  test('infers a: m, b: n from X: m×n alone', () => {
    const v = engine.verify('\\frac{\\partial a^T X b}{\\partial X} = ab^T', withDecl('X: m×n'));
    expect(v.status).toBe('verified');
    const sizes = engine.verify('\\frac{\\partial a^T X b}{\\partial X} = ba^T', withDecl('X: m×n')).steps[0];
    expect(sizes.status).toBe('mismatch');
  });

  test.each([
    [
      'X: m×n',
      'X^{-1}X = I',
      'An inverse needs a square matrix, but its operand is m×n.',
    ],
    [
      'A: m×n; B: m×n',
      'AB = BA',
      'A product needs the columns of the left factor to match the rows of the right factor. Here the left operand is m×n and the right operand is m×n.',
    ],
    [
      'A: m×n; B: n×m',
      'A + B = B + A',
      'A sum needs operands of the same shape. Here the left operand is m×n and the right operand is n×m.',
    ],
    [
      'X: m×n; a: m; b: n',
      '\\frac{\\partial a^T X b}{\\partial X} = ba^T',
      'The two sides of "=" have different shapes: the left side is m×n, the right side is n×m.',
    ],
    [
      'x: n; y: m',
      'x \\odot y = y \\odot x',
      'A Hadamard product needs operands of the same shape. Here the left operand is n×1 and the right operand is m×1.',
    ],
  ])('with %s, %s reports: %s', (decl, latex, message) => {
    const v = engine.verify(latex, withDecl(decl));
    const conflict = v.diagnostics.find((d) => d.code === DiagnosticCode.shapeConflict);
    expect(conflict?.message).toBe(message);
    expect(v.status).toBe('mismatch');
    expect(conflict?.data?.left).toBeDefined();
    expect(conflict?.data?.right).toBeDefined();
    expect(conflict?.span.end).toBeGreaterThan(conflict?.span.start ?? 0);
  });

  test('the conflict span points at the offending product', () => {
    const latex = 'C = AB';
    const v = engine.verify(latex, withDecl('A: m×n; B: m×n; C: m×n'));
    const conflict = v.diagnostics.find((d) => d.code === DiagnosticCode.shapeConflict);
    expect(latex.slice(conflict?.span.start, conflict?.span.end)).toBe('AB');
  });

  test('undeclared letters default sensibly and a scalar is forced by usage', () => {
    const v = engine.verify(
      '\\frac{\\partial (-yx^Tw + \\log(1+\\exp(x^Tw)))}{\\partial w} = x(\\sigma(x^Tw) - y)',
      { layout: 'denominator' },
    );
    expect(v.status).toBe('verified');
  });

  test('X \\in \\mathbb{R}^{m\\times n} inside a formula declares X', () => {
    const v = engine.verify('X \\in \\mathbb{R}^{m\\times n}', {});
    expect(v.declares).toEqual({ X: { rows: 'm', cols: 'n', properties: [] } });
  });

  test('definitions are reported so later formulas can use them', () => {
    const v = engine.verify('a_1 = W_1x, h_1 = \\sigma(a_1)', {});
    expect(Object.keys(v.defines ?? {})).toEqual(['a_1', 'h_1']);
    expect(v.defines?.a_1.latex).toBe('W_1x');
  });
});
