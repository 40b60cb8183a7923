/** A formula is verified only when every step that claims something is verified. */
import { describe, expect, test } from 'vitest';
import { createEngine } from '../../src/engine/index.js';

const engine = createEngine();
const context = { layout: 'denominator' as const };

describe('combining step verdicts', () => {
  test('a chain with a step the engine cannot check is not-checkable, naming the step and what held', () => {
    const verdict = engine.verify(String.raw`\mathrm{tr}(AB) = \mathrm{tr}(BA) = \lim_{\varepsilon\to 0}\mathrm{tr}((A+\varepsilon I)B)`, context);
    expect(verdict.steps.map((step) => step.status)).toEqual(['verified', 'not-checkable']);
    expect(verdict.status).toBe('not-checkable');
    expect(verdict.reason).toMatch(/^step 2 is not checkable: .* \(1 of 2 steps verified\)$/);
  });

  test('the hypothesis of a rule schema is a premise: the conclusion checked under it verifies the formula', () => {
    const verdict = engine.verify(String.raw`\mathrm{d}F(X)= A(\mathrm{d}X)B \iff \mathrm{d}(\mathrm{vec}(F(X))) = (B^{\top}\otimes A)\mathrm{d}(\mathrm{vec}X)`, context);
    expect(verdict.steps[0].premise).toBe(true);
    expect(verdict.status).toBe('verified');
  });

  test('a slip in the conclusion of a schema is still a mismatch', () => {
    const verdict = engine.verify(String.raw`\mathrm{d}F(X)= A(\mathrm{d}X)B \iff \mathrm{d}(\mathrm{vec}(F(X))) = (B\otimes A)\mathrm{d}(\mathrm{vec}X)`, context);
    expect(verdict.status).toBe('mismatch');
  });

  test('the variable of differentiation keeps its shape: x + x^T is no gradient of x^T x', () => {
    expect(engine.verify(String.raw`\frac{\partial x^Tx}{\partial x} = 2x`, context).status).toBe('verified');
    expect(engine.verify(String.raw`\frac{\partial x^Tx}{\partial x} = x + x^T`, context).status).toBe('mismatch');
    expect(engine.verify(String.raw`\frac{\partial (a^Txx^Tb)}{\partial x} = ab^Tx + ba^Tx`, context).status).toBe('verified');
    expect(engine.verify(String.raw`\frac{\partial (a^Txx^Tb)}{\partial x} = axb^T + ba^Tx`, context).status).toBe('mismatch');
  });
});

test('differentiating something in which nothing varies is not a vacuous zero: y, z undefined', () => {
  const rule = String.raw`\dfrac{\partial y^TAz}{\partial x}=\dfrac{\partial y^T}{\partial x}Ax+\dfrac{\partial z^T}{\partial x}Ay`;
  const verdict = engine.verify(rule, context);
  expect(verdict.status).toBe('not-checkable');
  expect(verdict.reason).toMatch(/y is differentiated but not defined on this page|z is differentiated/);
  const defined = { ...context, define: [String.raw`y(x) = \sigma(Px)`, String.raw`z(x) = \tanh(Qx)`] };
  expect(engine.verify(rule, defined).status).toBe('mismatch');
  expect(engine.verify(String.raw`\dfrac{\partial y^TAz}{\partial x}=\dfrac{\partial y^T}{\partial x}Az+\dfrac{\partial z^T}{\partial x}A^Ty`, defined).status).toBe('verified');
});

test('a Hessian with respect to a symmetric matrix is not compared entry by entry (its matrix is not unique)', () => {
  const symmetric = { ...context, symbols: { X: { rows: 'n', cols: 'n', properties: ['symmetric' as const] } }, define: [String.raw`f(X) = \log|X|`] };
  for (const latex of [String.raw`\nabla _{X}^{2}f=-\left( X^{-1}\otimes X^{-1} \right)`, String.raw`\nabla _{X}^{2}f=-K_{nn}\left( X^{-1}\otimes X^{-1} \right)`]) {
    const verdict = engine.verify(latex, symmetric);
    expect(verdict.status).toBe('not-checkable');
    expect(verdict.reason).toMatch(/symmetric matrix X/);
  }
  const general = { ...context, define: [String.raw`f(X) = \log|X|`] };
  expect(engine.verify(String.raw`\nabla _{X}^{2}f=-K_{nn}\left( X^{-T}\otimes X^{-1} \right)`, general).status).toBe('verified');
});

test('matrices named on the left (or in a definition it uses) keep their shape against the right side', () => {
  const defined = { ...context, define: [String.raw`l = (Xw-y)^T(Xw-y)`] };
  expect(engine.verify(String.raw`\frac{\partial l}{\partial w}=2X^T\left( Xw-y \right)`, defined).status).toBe('verified');
  expect(engine.verify(String.raw`\frac{\partial l}{\partial w}=2X^T\left( (Xw)^T - y \right)`, defined).status).toBe('mismatch');
  expect(engine.verify(String.raw`\mathrm{d}f(X) = \mathrm{d}(a^T X b) = (a^T \mathrm{d}X)^T b`, { ...context, define: [String.raw`f(X) = a^TXb`] }).status).toBe('mismatch');
});
