import { describe, expect, test } from 'vitest';
import { DiagnosticCode, mergeContext, parseDeclarations } from '../../src/engine/index.js';

describe('declaration grammar', () => {
  test('the README example', () => {
    const { context, diagnostics } = parseDeclarations(`
X: m×n invertible            # also "X \\in \\mathbb{R}^{m\\times n}" accepted
A: n×n symmetric
a: m; b: n                   # vectors (column)
sigma: logistic              # elementwise function
layout: denominator          # or numerator
symmetric-derivative: cookbook   # or sym
`);
    expect(diagnostics).toEqual([]);
    expect(context).toEqual({
      symbols: {
        X: { rows: 'm', cols: 'n', properties: ['invertible'] },
        A: { rows: 'n', cols: 'n', properties: ['symmetric'] },
        a: { rows: 'm', cols: '1', properties: [] },
        b: { rows: 'n', cols: '1', properties: [] },
      },
      functions: { sigma: 'logistic' },
      layout: 'denominator',
      symmetricDerivative: 'cookbook',
    });
  });

  test.each([
    ['X \\in \\mathbb{R}^{m\\times n}', { X: { rows: 'm', cols: 'n', properties: [] } }],
    ['W_1: p×n', { W_1: { rows: 'p', cols: 'n', properties: [] } }],
    ['\\Sigma: n×n spd', { Sigma: { rows: 'n', cols: 'n', properties: ['positive-definite'] } }],
    ['y: m one-hot', { y: { rows: 'm', cols: '1', properties: ['one-hot'] } }],
    ['c: scalar', { c: { rows: '1', cols: '1', properties: [] } }],
    ['a, b: constant', { a: { rows: '', cols: '', properties: ['constant'] }, b: { rows: '', cols: '', properties: ['constant'] } }],
    ['E: n×n identity', { E: { rows: 'n', cols: 'n', properties: ['identity'] } }],
    ['X: m x n', { X: { rows: 'm', cols: 'n', properties: [] } }],
    ['X: m\\times n orthogonal', { X: { rows: 'm', cols: 'n', properties: ['orthogonal'] } }],
  ])('%s', (text, symbols) => {
    const { context, diagnostics } = parseDeclarations(text);
    expect(diagnostics).toEqual([]);
    expect(context.symbols).toEqual(symbols);
  });

  test('vary names the variables of differentials', () => {
    expect(parseDeclarations('vary: X, W').context.vary).toEqual(['X', 'W']);
  });

  test.each([
    ['X m×n', 'is not a declaration'],
    ['layout: sideways', 'The layout must be'],
    ['X: m×n wobbly', '"wobbly" is neither a shape'],
    ['A: m×n symmetric', 'must be square'],
  ])('%s is reported', (text, message) => {
    const { diagnostics } = parseDeclarations(text);
    expect(diagnostics[0].code).toBe(DiagnosticCode.badDeclaration);
    expect(diagnostics[0].message).toContain(message);
    expect(text.slice(diagnostics[0].span.start, diagnostics[0].span.end).trim()).toBe(text);
  });

  test('a later declaration of properties keeps the earlier shape', () => {
    const first = parseDeclarations('X: m×n').context;
    const second = parseDeclarations('X: invertible').context;
    expect(mergeContext(first, second).symbols?.X).toEqual({ rows: 'm', cols: 'n', properties: ['invertible'] });
  });

  test('a comment runs to the end of the line, semicolons included; \\# in LaTeX is no comment', () => {
    const { context, diagnostics } = parseDeclarations('X: m×n   # as the text states; x is data\ndefine: g(X) = \\mathrm{tr}(X^{\\#})');
    expect(diagnostics).toEqual([]);
    expect(context.symbols?.X?.rows).toBe('m');
    expect(context.define).toEqual(['g(X) = \\mathrm{tr}(X^{\\#})']);
  });
});
