/**
 * `npm run verify -- [file.md ...] [--json | --diff base-report.json]`: check every formula of the
 * given notes (all notes under content/ when none is given), exactly as the build does: one line
 * per formula (`file:line:column status reason`), every problem in full (counterexample, *did you
 * mean*), and a summary. `--json` prints the report of ../shared/DESIGN.md instead; `--diff`
 * compares the report with a base report (from `--json` on the base branch) and prints the
 * Markdown of src/verification/diff.ts, which the pull-request workflow puts in the job summary.
 * In the text mode with GITHUB_ACTIONS set, each problem is also an `::error file=…,line=…,col=…::`
 * annotation (the other modes keep stdout to their format).
 * Exit code 1 when any formula is `mismatch` or `unsupported`, or a declaration is unreadable;
 * 2 for a missing file or an unreadable base report.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { createSiteVerification } from '../src/verification/site.js';
import { githubAnnotation } from '../src/verification/format.js';
import { isProblem, summarize, type FormulaRecord, type VerificationReport } from '../src/verification/report.js';
import { diffReports, diffToMarkdown, isReport } from '../src/verification/diff.js';
import { verifyText } from '../src/verification/text-report.js';
import { listNoteFiles } from '../src/site/notes.js';

const root = process.cwd();
const args = process.argv.slice(2);
const json = args.includes('--json');
const diffAt = args.indexOf('--diff');
const basePath = diffAt >= 0 ? args[diffAt + 1] : undefined;
const files = args.filter((arg, index) => !arg.startsWith('--') && !(diffAt >= 0 && index === diffAt + 1));

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

if (diffAt >= 0 && (!basePath || basePath.startsWith('--'))) fail('--diff needs the path of a base report (written by `npm run verify -- --json`)');
const missing = files.filter((file) => !existsSync(file));
if (missing.length) fail(`No such file: ${missing.join(', ')}`);

let base: VerificationReport | undefined;
if (basePath) {
  if (!existsSync(basePath)) fail(`No such base report: ${basePath}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(basePath, 'utf8'));
  } catch (error) {
    fail(`${basePath} is not JSON: ${(error as Error).message}`);
  }
  if (!isReport(parsed)) fail(`${basePath} is not a verification report (no "formulas" list)`);
  base = parsed;
}

const site = createSiteVerification({ root, cacheDir: process.env.VERDICT_CACHE_DIR });
const paths = files.length ? files.map((file) => relative(root, resolve(file))) : listNoteFiles(root).map((note) => note.path);
const results = await Promise.all(paths.map((path) => site.verifyFile(path)));
const formulas: FormulaRecord[] = results.flatMap((result) => result.records);
const declarationProblems = results.flatMap((result) => result.declarationProblems);
const problems = formulas.filter(isProblem);
const report: VerificationReport = { summary: summarize(formulas), formulas };

if (base) {
  process.stdout.write(diffToMarkdown(diffReports(base, report)));
} else if (json) {
  console.log(JSON.stringify(report, null, 1));
} else {
  console.log(verifyText(formulas, declarationProblems, paths.length));
  if (process.env.GITHUB_ACTIONS) for (const problem of problems) console.log(githubAnnotation(problem));
}
process.exit(problems.length || declarationProblems.length ? 1 : 0);
