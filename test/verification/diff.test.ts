/**
 * The verification diff on fixture reports (test/fixtures/diff): a status change, an added formula,
 * a new erratum (with a removed formula), and no change; the exact Markdown of the job summary.
 * Then `npm run verify -- --diff` end to end on a throwaway project whose formula breaks.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { diffReports, diffToMarkdown } from '../../src/verification/diff.js';
import type { VerificationReport } from '../../src/verification/report.js';
import { ROOT } from '../helpers/site.js';

const report = (name: string): VerificationReport => JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'diff', `${name}.json`), 'utf8'));

const HEAD = ['## Formula verification', '', '| note | verified | mismatch | not-checkable | unsupported | erratum | total |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |'];
const TABLE = ['| change | where | formula | before | after | reason |', '| --- | --- | --- | --- | --- | --- |'];
const where = (slug: string, line: number) => `\`content/notes/${slug}/zh.md:${line}\`<br>\`content/notes/${slug}/en.md:${line}\``;

describe.each([
  {
    name: 'status-change',
    lines: [
      ...HEAD,
      '| differential | 2 (−2) | 2 (+2) | 0 | 0 | 0 | 4 |',
      '| kronecker | 2 | 0 | 0 | 0 | 0 | 2 |',
      '| **all notes** | 4 (−2) | 2 (+2) | 0 | 0 | 0 | 6 |',
      '', '1 change(s) against the base:', '', '### differential', '', ...TABLE,
      `| now mismatch | ${where('differential', 20)} | \`\\frac{\\partial a^TXb}{\\partial X} = ab^T\` | verified | **mismatch** | step 1 fails: the two sides differ (relative error 0.250); did you mean b a^T? (a missing transpose on a b^T) |`,
    ],
  },
  {
    name: 'added',
    lines: [
      ...HEAD,
      '| differential | 6 (+2) | 0 | 0 | 0 | 0 | 6 (+2) |',
      '| kronecker | 2 | 0 | 0 | 0 | 0 | 2 |',
      '| **all notes** | 8 (+2) | 0 | 0 | 0 | 0 | 8 (+2) |',
      '', '1 change(s) against the base:', '', '### differential', '', ...TABLE,
      `| added | ${where('differential', 26)} | \`\\mathrm{d}\\|X\\| = \\|X\\|\\mathrm{tr}(X^{-1}\\mathrm{d}X)\` | — | verified | 1 of 1 step hold on 3 samples (exact) |`,
    ],
  },
  {
    name: 'new-erratum',
    lines: [
      ...HEAD,
      '| differential | 2 (−2) | 0 | 0 | 0 | 0 | 2 (−2) |',
      '| kronecker | 2 | 0 | 0 | 0 | 2 (+2) | 4 (+2) |',
      '| **all notes** | 4 (−2) | 0 | 0 | 0 | 2 (+2) | 6 |',
      '', '2 change(s) against the base:', '', '### differential', '', ...TABLE,
      `| removed | ${where('differential', 20)} | \`\\frac{\\partial a^TXb}{\\partial X} = ab^T\` | verified | — | 1 of 1 step hold on 3 samples (exact) |`,
      '', '### kronecker', '', ...TABLE,
      `| added (new erratum) | ${where('kronecker', 8)} | \`K_{mn}\\mathrm{vec}(A) = \\mathrm{vec}(A)\` | — | erratum | the two sides differ (relative error 1.41) |`,
    ],
  },
  {
    name: 'base',
    lines: [
      ...HEAD,
      '| differential | 4 | 0 | 0 | 0 | 0 | 4 |',
      '| kronecker | 2 | 0 | 0 | 0 | 0 | 2 |',
      '| **all notes** | 6 | 0 | 0 | 0 | 0 | 6 |',
      '', 'No formula was added, removed or changed status against the base.',
    ],
  },
])('diff of base.json against $name.json', ({ name, lines }) => {
  test('prints the expected Markdown', () => {
    expect(diffToMarkdown(diffReports(report('base'), report(name)))).toBe(`${lines.join('\n')}\n`);
  });
});

test('a change in one language only is listed for that language only', () => {
  const current = report('base');
  current.formulas = current.formulas.map((f) => (f.lang === 'en' && f.id === 'f-inv' ? { ...f, status: 'not-checkable', reason: 'prose in math' } : f));
  const [note] = diffReports(report('base'), current).notes;
  expect(note.changes).toEqual([
    { kind: 'status', id: 'f-inv', latex: note.changes[0].latex, before: 'verified', after: 'not-checkable', reason: 'prose in math', original: undefined, places: ['content/notes/differential/en.md:12'] },
  ]);
  expect(diffToMarkdown(diffReports(report('base'), current))).toContain('| newly not-checkable | `content/notes/differential/en.md:12` |');
});

/** A throwaway project with one note whose second formula is `formula`. */
function project(formula: string): string {
  const root = mkdtempSync(join(tmpdir(), 'verify-diff-'));
  mkdirSync(join(root, 'content', 'notes', 'example'), { recursive: true });
  const note = ['---', 'title: 例子', 'description: 例子。', 'order: 1', 'convention: denominator', '---', '', '$$', '\\mathrm{d}(X^{-1}) = -X^{-1}(\\mathrm{d}X)X^{-1}', '$$', '', '$$', formula, '$$', ''];
  writeFileSync(join(root, 'content', 'notes', 'example', 'zh.md'), note.join('\n'));
  return root;
}

function verify(root: string, ...args: string[]) {
  return spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'scripts', 'verify.ts'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: 'true' }, timeout: 120_000 });
}

test('npm run verify -- --diff compares the current notes with a base report', () => {
  const base = verify(project('\\mathrm{d}|X| = |X|\\mathrm{tr}(X^{-1}\\mathrm{d}X)'), '--json');
  expect(base.status).toBe(0);
  const root = project('\\mathrm{d}|X| = \\mathrm{tr}(X^{-1}\\mathrm{d}X)');
  writeFileSync(join(root, 'base.json'), base.stdout);
  const result = verify(root, '--diff', 'base.json');
  expect(result.status).toBe(1);
  expect(result.stdout).not.toContain('::error');
  expect(result.stdout).toContain('| example | 1 (−1) | 1 (+1) | 0 | 0 | 0 | 2 |');
  expect(result.stdout).toMatch(/\n\| added \| `content\/notes\/example\/zh\.md:13` \| `\\mathrm\{d\}\\\|X\\\| = \\mathrm\{tr\}\(X\^\{-1\}\\mathrm\{d\}X\)` \| — \| \*\*mismatch\*\* \| /);
  expect(result.stdout).toMatch(/\n\| removed \| `content\/notes\/example\/zh\.md:13` \| .* \| verified \| — \| /);
});

test('--diff without a readable base report is an error, not a silent pass', () => {
  const root = project('\\mathrm{d}|X| = |X|\\mathrm{tr}(X^{-1}\\mathrm{d}X)');
  writeFileSync(join(root, 'broken.json'), '{"summary": {}}');
  expect(verify(root, '--diff', 'missing.json')).toMatchObject({ status: 2, stderr: expect.stringContaining('No such base report: missing.json') });
  expect(verify(root, '--diff', 'broken.json')).toMatchObject({ status: 2, stderr: expect.stringContaining('not a verification report') });
  expect(verify(root, '--diff')).toMatchObject({ status: 2, stderr: expect.stringContaining('--diff needs the path') });
});
