import { describe, expect, test } from 'vitest';
import { TABLE, verifyEntry } from './table.js';

/** Table size the issue asks for (at least 150 correct formulas). */
const MIN_TABLE_SIZE = 150;

describe('reference table', () => {
  test('has at least 150 formulas, each with a wrong variant', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(MIN_TABLE_SIZE);
    for (const entry of TABLE) expect(entry.wrong).not.toBe(entry.latex);
  });

  test.each(TABLE.map((e, i) => [i, e.latex, e] as const))('#%i verifies: %s', (_i, _latex, entry) => {
    const verdict = verifyEntry(entry, entry.latex);
    expect(verdict.status, verdict.reason).toBe('verified');
    expect(verdict.trials).toBeGreaterThan(0);
  });

  test.each(TABLE.map((e, i) => [i, e.wrong, e] as const))('#%i is caught: %s', (_i, _latex, entry) => {
    const verdict = verifyEntry(entry, entry.wrong);
    expect(verdict.status, verdict.reason).toBe('mismatch');
    const failing = verdict.steps.find((s) => s.status === 'mismatch');
    expect(failing).toBeDefined();
    if (entry.slip) {
      const words = entry.slip.split('|');
      expect(words.some((w) => failing?.suggestion?.includes(w)), failing?.suggestion ?? 'no suggestion').toBe(true);
    }
  });
});
