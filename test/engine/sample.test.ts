/**
 * The widget's numbers are the build's: for the build's seed, `sampleCompiled` on the compiled
 * formula (after a JSON round trip, as the page ships it) gives exactly the inputs, sides and
 * relative errors `verify` computed — exact and float, verified and failing.
 */
import { describe, expect, test } from 'vitest';
import { createEngine, mergeContext, parseDeclarations, sampleCompiled, type Context, type FormulaSample, type Verdict } from '../../src/engine/index.js';
import { BUILD_SEED } from '../../src/verification/check-page.js';

const engine = createEngine();
const TRIALS = 3;

function compiled(latex: string, context: Context) {
  return JSON.parse(JSON.stringify(engine.compile(latex, context))) as ReturnType<typeof engine.compile>;
}

function numbers(sample: FormulaSample) {
  return Object.fromEntries(Object.entries(sample.inputs).map(([name, m]) => [name, m.rows]));
}

/** The trial whose sample first fails a step, with that step's values — where the build took its counterexample. */
function failingTrial(latex: string, context: Context, step: number) {
  for (let trial = 0; trial < TRIALS; trial++) {
    const sample = sampleCompiled(compiled(latex, context), { seed: BUILD_SEED, trial });
    if (sample.steps[step].values?.equal === false) return sample;
  }
  throw new Error(`no trial fails step ${step + 1} of ${latex}`);
}

function expectSameAsCounterexample(latex: string, context: Context, verdict: Verdict) {
  const k = verdict.steps.findIndex((s) => s.status === 'mismatch');
  const counterexample = verdict.steps[k].counterexample!;
  const sample = failingTrial(latex, context, k);
  const values = sample.steps[k].values!;
  expect(numbers(sample)).toEqual(counterexample.inputs);
  expect(values.left.rows).toEqual(counterexample.left);
  expect(values.right.rows).toEqual(counterexample.right);
  expect(sample.sizes).toEqual(counterexample.sizes);
  expect(values.relError).toBe(verdict.steps[k].error);
  return sample;
}

function expectSameErrors(latex: string, context: Context, verdict: Verdict) {
  const samples = Array.from({ length: verdict.trials }, (_, trial) => sampleCompiled(compiled(latex, context), { seed: BUILD_SEED, trial }));
  verdict.steps.forEach((step, k) => {
    if (step.status !== 'verified') return;
    const largest = Math.max(...samples.map((s) => s.steps[k].values!.relError));
    expect(largest).toBe(step.error);
    for (const s of samples) expect(s.steps[k].values!.equal).toBe(true);
  });
  return samples;
}

const denominator: Context = { layout: 'denominator' };
const declared = (text: string) => mergeContext(denominator, parseDeclarations(text).context);

describe('for the build seed, the widget shows the build numbers', () => {
  test('exact mismatch: the counterexample is the sample of the failing trial', () => {
    const latex = '\\frac{\\partial x^TAx}{\\partial x} = 2Ax';
    const verdict = engine.verify(latex, denominator, { seed: BUILD_SEED });
    expect(verdict.status).toBe('mismatch');
    expect(verdict.mode).toBe('exact');
    const sample = expectSameAsCounterexample(latex, denominator, verdict);
    expect(sample.mode).toBe('exact');
    expect(sample.steps[0].leftKind).toBe('derivative');
  });

  test('float mismatch: the same float inputs and sides, bit for bit', () => {
    const latex = '\\frac{\\partial \\log|X|}{\\partial X} = X^{-1}';
    const context = declared('X: n×n invertible');
    const verdict = engine.verify(latex, context, { seed: BUILD_SEED });
    expect(verdict.status).toBe('mismatch');
    expect(verdict.mode).toBe('float');
    const sample = expectSameAsCounterexample(latex, context, verdict);
    expect(sample.canExact).toBe(false);
  });

  test('float verified: the largest relative error over the trials is the build one', () => {
    const latex = '\\frac{\\partial \\log|X|}{\\partial X} = X^{-T}';
    const context = declared('X: n×n invertible');
    const verdict = engine.verify(latex, context, { seed: BUILD_SEED });
    expect(verdict.status).toBe('verified');
    expect(verdict.maxRelError).toBeGreaterThan(0);
    const [first] = expectSameErrors(latex, context, verdict);
    expect(first.mode).toBe('float');
  });

  test('exact verified chain with a differential: every step equal, directions among the inputs', () => {
    const latex = '\\mathrm{d}X^{-1} = -X^{-1}(\\mathrm{d}X)X^{-1}';
    const verdict = engine.verify(latex, {}, { seed: BUILD_SEED });
    expect(verdict.status).toBe('verified');
    const [first] = expectSameErrors(latex, {}, verdict);
    expect(first.mode).toBe('exact');
    expect(Object.keys(first.inputs).sort()).toEqual(['X', 'dX']);
    expect(first.steps[0].values!.difference.rows.flat().every((x) => x === 0)).toBe(true);
  });
});

describe('what a reader can change', () => {
  const latex = '\\frac{\\partial a^T X b}{\\partial X} = ab^T';
  const context = declared('X: m×n');

  test('names the free dimensions, and resizing one re-runs at that size', () => {
    const sample = sampleCompiled(compiled(latex, context), { seed: 7 });
    expect(sample.dimensions.map((d) => d.name)).toEqual(['m', 'n']);
    const resized = sampleCompiled(compiled(latex, context), { seed: 7, sizes: { m: 6 } });
    expect(resized.sizes.m).toBe(6);
    expect(resized.inputs.X.rows).toHaveLength(6);
    expect(resized.steps[0].values!.equal).toBe(true);
  });

  test('a new seed gives new inputs; float mode can be forced on a rational formula', () => {
    const a = sampleCompiled(compiled(latex, context), { seed: 1 });
    const b = sampleCompiled(compiled(latex, context), { seed: 2 });
    expect(numbers(a)).not.toEqual(numbers(b));
    const float = sampleCompiled(compiled(latex, context), { seed: 1, forceFloat: true });
    expect([a.canExact, a.mode, float.mode]).toEqual([true, 'exact', 'float']);
    expect(float.steps[0].values!.equal).toBe(true);
  });

  test('sizes that break a constraint (mn = pq) are refused, not run', () => {
    const latex = '\\mathrm{vec}(X)^T\\mathrm{vec}(Y) = \\mathrm{vec}(Y)^T\\mathrm{vec}(X)';
    const ctx = parseDeclarations('X: m×n; Y: p×q').context;
    const sample = sampleCompiled(compiled(latex, ctx), { seed: 3 });
    expect(sample.steps[0].values!.equal).toBe(true);
    const { m, n, p, q } = sample.sizes;
    expect(m * n).toBe(p * q);
    expect(sample.dimensions.find((d) => d.name === 'm')!.allowed).toEqual([m]);
    const refused = sampleCompiled(compiled(latex, ctx), { seed: 3, sizes: { m: m === 5 ? 6 : 5 } });
    expect(refused.problem).toBe('sizes');
    expect(refused.steps[0].values).toBeUndefined();
  });
});
