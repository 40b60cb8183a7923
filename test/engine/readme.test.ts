import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createEngine, mergeContext, parseDeclarations } from '../../src/engine/index.js';

const README = readFileSync(join(import.meta.dirname, '../../src/engine/README.md'), 'utf8');
const engine = createEngine();

function examples(): [string, string][] {
  const block = /```examples\n([\s\S]*?)```/.exec(README)?.[1] ?? '';
  return block
    .split('\n')
    .filter((line) => line.includes('=>'))
    .map((line) => {
      const k = line.lastIndexOf('=>');
      return [line.slice(0, k).trim(), line.slice(k + 2).trim()];
    });
}

describe('README examples', () => {
  test('there are examples', () => expect(examples().length).toBeGreaterThan(5));

  test.each(examples())('%s => %s', (latex, status) => {
    expect(engine.verify(latex, { layout: 'denominator' }).status).toBe(status);
  });

  test('the Use section', () => {
    const context = mergeContext({ layout: 'denominator' }, parseDeclarations('X: m×n').context);
    const verdict = engine.verify('\\frac{\\partial a^T X b}{\\partial X} = ab^T', context, { seed: 1 });
    expect([verdict.status, verdict.mode, verdict.trials]).toEqual(['verified', 'exact', 3]);
    const wrong = engine.verify('\\frac{\\partial a^T X b}{\\partial X} = ba^T', context);
    expect(wrong.status).toBe('mismatch');
    expect(wrong.steps[0].suggestion).toBe('did you mean a b^T? (a missing transpose on b a^T)');
  });
});
