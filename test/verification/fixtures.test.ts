/**
 * The checker on fixture notes: a deliberate error, two errors, an unsupported construct with and
 * without its mark, errata (live and stale). Each fixture is one zh.md, checked as the site does.
 */
import { mkdtempSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createSiteVerification } from '../../src/verification/site.js';
import { formatProblem } from '../../src/verification/format.js';
import { ROOT } from '../helpers/site.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'verify');

/** A throwaway project holding one fixture as content/notes/fixture/zh.md. */
function project(name: string) {
  const root = mkdtempSync(join(tmpdir(), `verify-${name}-`));
  mkdirSync(join(root, 'content', 'notes', 'fixture'), { recursive: true });
  copyFileSync(join(FIXTURES, name, 'zh.md'), join(root, 'content', 'notes', 'fixture', 'zh.md'));
  return createSiteVerification({ root, cacheDir: false });
}

describe('a deliberate error', () => {
  test('is reported with file:line:column, counterexample and did-you-mean', async () => {
    const { records } = await project('deliberate-error').problems();
    expect(records).toHaveLength(1);
    const text = formatProblem(records[0]);
    expect(text).toMatch(/^content\/notes\/fixture\/zh\.md:19:1: mismatch: /);
    expect(text).toContain('counterexample');
    expect(text).toMatch(/left  = \[\[/);
    expect(text).toMatch(/did you mean: .*transpose/);
  });

  test('the correct formula beside it verifies', async () => {
    const report = await project('deliberate-error').report();
    expect(report.formulas.map((f) => f.status)).toEqual(['verified', 'mismatch']);
  });
});

test('two errors are both reported, each at its own place', async () => {
  const { records } = await project('two-errors').problems();
  expect(records.map((r) => `${r.line}:${r.column}`)).toEqual(['9:1', '12:50']);
  expect(records.every((r) => r.status === 'mismatch')).toBe(true);
});

test('an unsupported construct fails unless marked not-checkable with a reason', async () => {
  const report = await project('unsupported').report();
  expect(report.formulas.map((f) => f.status)).toEqual(['unsupported', 'not-checkable']);
  expect(report.formulas[1].reason).toBe('秩不是可微的量');
  const { records } = await project('unsupported').problems();
  expect(records.map((r) => r.line)).toEqual([9]);
});

test('an erratum whose original fails and whose correction holds: the correction is verified, the original is kept as an erratum next to it', async () => {
  const report = await project('erratum').report();
  const [correction, erratum] = report.formulas;
  expect(report.formulas).toHaveLength(2);
  expect(correction).toMatchObject({ status: 'verified', line: 10, column: 1, erratum: erratum.id });
  expect(correction.latex).toMatch(/^\\mathrm\{d\}\^2\\log\|X\| = -/);
  expect(correction.original).toContain('\\mathrm{tr}');
  // The source's formula, placed where the comment quotes it, failing with a counterexample.
  expect(erratum).toMatchObject({ status: 'erratum', id: `${correction.id}-erratum`, correction: correction.id, line: 8, column: 15, latex: correction.original });
  expect(erratum.reason).toMatch(/relative error/);
  expect(erratum.steps[0]).toMatchObject({ status: 'mismatch', line: 8, column: 15 });
  expect(report.summary).toMatchObject({ verified: 1, erratum: 1, mismatch: 0 });
  expect((await project('erratum').problems()).records).toEqual([]);
});

test('a stale erratum (its original is actually correct) fails', async () => {
  const { records } = await project('stale-erratum').problems();
  expect(records).toHaveLength(1);
  expect(records[0].reason).toMatch(/^stale erratum/);
});

test('a formula that defines a name again ends a define: declaration of that name', async () => {
  const report = await project('define-ends').report();
  expect(report.formulas.map((f) => f.status)).toEqual(['verified', 'not-checkable', 'verified']);
});
