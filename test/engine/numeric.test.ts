import { describe, expect, test } from 'vitest';
import { floatField } from '../../src/engine/numeric/float.js';
import { jetField, seedJet, shiftJet } from '../../src/engine/numeric/jet.js';
import { commutation, fromFunction, inverse, kron, matmul, transpose, vec } from '../../src/engine/numeric/matrix.js';
import { createRandom } from '../../src/engine/numeric/prng.js';
import { RATIONAL_BIT_CAP, rationalField } from '../../src/engine/numeric/rational.js';
import { drawMatrix, drawSizes } from '../../src/engine/numeric/sample.js';
import { builtinOps } from '../../src/engine/ops/index.js';
import { createEngine } from '../../src/engine/index.js';

const F = floatField;
const m = (rows: number, cols: number, seed = 1) => fromFunction(rows, cols, (i, j) => ((i * 7 + j * 3 + seed) % 5) - 2);

describe('matrix kernels', () => {
  test('vec is column-major', () => {
    const a = fromFunction(2, 3, (i, j) => 10 * i + j);
    expect(vec(a).data).toEqual([0, 10, 1, 11, 2, 12]);
  });

  test('K_mn vec(A) = vec(A^T) for A m×n with m ≠ n', () => {
    const a = m(3, 2);
    expect(matmul(F, commutation(F, 3, 2), vec(a)).data).toEqual(vec(transpose(a)).data);
  });

  test('vec(AXB) = (B^T ⊗ A) vec(X)', () => {
    const [a, x, b] = [m(2, 3), m(3, 4, 2), m(4, 5, 3)];
    expect(matmul(F, kron(F, transpose(b), a), vec(x)).data).toEqual(vec(matmul(F, matmul(F, a, x), b)).data);
  });

  test('exact inverse gives the identity exactly', () => {
    const a = fromFunction(3, 3, (i, j) => rationalField.fromInt(i === j ? 2 : i - j));
    const id = matmul(rationalField, a, inverse(rationalField, a));
    expect(id.data.map((x) => rationalField.toNumber(x))).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1]);
  });
});

describe('jets (forward-mode AD)', () => {
  test('first and second derivatives of exp(x)/(1+x^2)', () => {
    const J = jetField(F, 2);
    const x = seedJet(F, 2, 0.5, 1);
    const y = J.div(J.exp?.(x) ?? x, J.add(J.one, J.mul(x, x)));
    const f = (t: number) => Math.exp(t) / (1 + t * t);
    const h = 1e-4;
    expect(y[1]).toBeCloseTo((f(0.5 + h) - f(0.5 - h)) / (2 * h), 6);
    expect(2 * y[2]).toBeCloseTo((f(0.5 + h) - 2 * f(0.5) + f(0.5 - h)) / (h * h), 4);
  });

  test('the differential shift turns t-coefficients into derivatives', () => {
    expect(shiftJet(F, [1, 2, 3])).toEqual([2, 6, 0]);
  });

  test('each operator derivative rule agrees with jets (finite differences only as a cross-check)', () => {
    const J = jetField(F, 1);
    for (const op of builtinOps) {
      if (!op.derive || op.arity === 0) continue;
      const n = 3;
      const args = Array.from({ length: op.arity }, (_, k) => (op.name === 'pow' && k === 1 ? fromFunction(1, 1, () => 3) : m(n, n, k + 4)));
      const dirs = args.map((a, k) => (op.name === 'pow' && k === 1 ? fromFunction(1, 1, () => 0) : m(n, n, k + 9)));
      if (op.name === 'div') {
        args[1] = fromFunction(1, 1, () => 2);
        dirs[1] = fromFunction(1, 1, () => 0.5);
      }
      const info = { dims: [], rows: n, cols: n };
      const jets = args.map((a, k) => ({ ...a, data: a.data.map((x, i) => [x, dirs[k].data[i]]) }));
      const viaJets = op.evaluate(J, jets, info).data.map((x) => x[1]);
      const viaRule = op.derive(F, args, dirs, info).data;
      viaRule.forEach((x, i) => expect(x, op.name).toBeCloseTo(viaJets[i], 9));
    }
  });
});

describe('sampling', () => {
  test('symmetric, positive-definite, orthogonal and one-hot samples', () => {
    const rng = createRandom(3);
    const s = drawMatrix(rng, 4, 4, ['symmetric'], true);
    const num = (r: { n: bigint; d: bigint }) => Number(r.n) / Number(r.d);
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) expect(num(s.data[i + 4 * j])).toBe(num(s.data[j + 4 * i]));
    const q = drawMatrix(rng, 3, 3, ['orthogonal'], true);
    const qf = { ...q, data: q.data.map(num) };
    const qtq = matmul(F, transpose(qf), qf);
    qtq.data.forEach((x, k) => expect(x).toBeCloseTo(k % 4 === 0 ? 1 : 0, 12));
    const y = drawMatrix(rng, 5, 1, ['one-hot'], true);
    expect(y.data.map(num).reduce((a, b) => a + b, 0)).toBe(1);
  });

  test('square dimensions get 3 or 4, never 2; other dimensions are distinct', () => {
    const engine = createEngine();
    const v = engine.verify('XA = -XA', { symbols: { X: { rows: 'm', cols: 'n', properties: [] }, A: { rows: 'n', cols: 'n', properties: [] } } });
    const sizes = v.steps.find((s) => s.counterexample)?.counterexample?.sizes ?? {};
    expect([3, 4, 5]).toContain(sizes.n);
    expect(sizes.m).not.toBe(sizes.n);
    expect(drawSizes).toBeTypeOf('function');
  });

  test('exact numbers past the cap fall back to float and say so', () => {
    expect(RATIONAL_BIT_CAP).toBeGreaterThan(0n);
    const engine = createEngine();
    const v = engine.verify('((X^{-1}A)^{8})^{8} = ((X^{-1}A)^{8})^{4}((X^{-1}A)^{8})^{4}', {});
    expect(v.status).toBe('verified');
    expect(v.mode).toBe('float');
    expect(v.diagnostics.map((d) => d.code)).toContain('I_RATIONAL_FALLBACK');
  });
});
