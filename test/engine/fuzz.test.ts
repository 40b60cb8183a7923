import { describe, expect, test } from 'vitest';
import { createEngine } from '../../src/engine/index.js';
import { createRandom } from '../../src/engine/numeric/prng.js';
import { TABLE } from './table.js';

/** The issue asks for 10,000 malformed inputs; each must yield a verdict, never a throw. */
const CASES = 10_000;
const BATCHES = 10;
const STATUSES = ['verified', 'mismatch', 'not-checkable', 'unsupported'];
const PIECES = [
  '\\frac{', '}{', '}', '{', '(', ')', '\\left(', '\\right)', '^T', '^{-1}', '_1', 'X', 'A', 'x', 'a', '=', '+', '-',
  '\\otimes', '\\odot', '\\mathrm{d}', '\\partial', '\\mathrm{tr}', '|', '\\|', '\\sum_{i=1}^N', '\\cdots', '\\iff',
  '\\\\', '&', '\\begin{align}', '\\end{align}', '\\nabla_X', 'K_{mn}', '\\mathrm{vec}', '\\foo', '^', '_', '\\', '$',
  '\\sigma(', "'", '2', '0', '\\log', '\\exp', '\\in \\mathbb{R}^{m\\times n}', '\\boldsymbol{', '\\left|', '\\right|',
];
const engine = createEngine();

function malformed(k: number): string {
  const rng = createRandom(k);
  const source = [...TABLE.map((e) => e.latex), ...TABLE.map((e) => e.wrong)];
  const base = source[rng.int(0, source.length - 1)];
  switch (k % 4) {
    case 0:
      return base.slice(0, rng.int(0, base.length));
    case 1:
      return base.slice(rng.int(0, base.length));
    case 2: {
      const cut = rng.int(0, base.length);
      return base.slice(0, cut) + base.slice(cut + rng.int(1, 6));
    }
    default:
      return Array.from({ length: rng.int(1, 14) }, () => PIECES[rng.int(0, PIECES.length - 1)]).join('');
  }
}

describe('malformed input yields a verdict, never a throw', () => {
  test.each(Array.from({ length: BATCHES }, (_, b) => [b]))('batch %i', (batch) => {
    const size = CASES / BATCHES;
    for (let k = batch * size; k < (batch + 1) * size; k++) {
      const latex = malformed(k);
      const verdict = engine.verify(latex, { layout: 'denominator' }, { trials: 1, suggest: false });
      expect(STATUSES, latex).toContain(verdict.status);
      expect(typeof verdict.reason).toBe('string');
    }
  });

  test('pathological nesting and length stay bounded', () => {
    const deep = `${'{'.repeat(5000)}X${'}'.repeat(5000)} = X`;
    const long = Array.from({ length: 3000 }, () => 'X+').join('') + 'X = X';
    for (const latex of [deep, long, '\\left('.repeat(500), '^'.repeat(1000), '\\frac'.repeat(800)]) {
      const start = Date.now();
      const verdict = engine.verify(latex, {});
      expect(STATUSES).toContain(verdict.status);
      expect(Date.now() - start).toBeLessThan(5000);
    }
  });
});
