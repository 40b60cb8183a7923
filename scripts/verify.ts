/**
 * `npm run verify -- [file.md ...] [--json]`: check every formula of the given notes (all notes
 * under content/ when none is given), exactly as the build does: one line per formula
 * (`file:line:column status reason`), every problem in full (counterexample, *did you mean*), and a
 * summary. `--json` prints the report of ../shared/DESIGN.md instead. With GITHUB_ACTIONS set,
 * each problem is also an `::error file=…,line=…,col=…::` annotation.
 * Exit code 1 when any formula is `mismatch` or `unsupported`, or a declaration is unreadable.
 */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { createSiteVerification } from '../src/verification/site.js';
import { formatProblem, githubAnnotation } from '../src/verification/format.js';
import { isProblem, summarize, type FormulaRecord } from '../src/verification/report.js';
import { listNoteFiles } from '../src/site/notes.js';

const root = process.cwd();
const args = process.argv.slice(2);
const json = args.includes('--json');
const files = args.filter((arg) => !arg.startsWith('--'));
const missing = files.filter((file) => !existsSync(file));
if (missing.length) {
  console.error(`No such file: ${missing.join(', ')}`);
  process.exit(2);
}

const site = createSiteVerification({ root, cacheDir: process.env.VERDICT_CACHE_DIR });
const paths = files.length ? files.map((file) => relative(root, resolve(file))) : listNoteFiles(root).map((note) => note.path);
const results = await Promise.all(paths.map((path) => site.verifyFile(path)));
const formulas: FormulaRecord[] = results.flatMap((result) => result.records);
const declarationProblems = results.flatMap((result) => result.declarationProblems);
const problems = formulas.filter(isProblem);

if (json) {
  console.log(JSON.stringify({ summary: summarize(formulas), formulas }, null, 1));
} else {
  for (const formula of formulas) {
    const detail = formula.status === 'verified' ? `${formula.mode}, ${formula.trials} trials, max rel. error ${formula.maxRelError.toExponential(1)}` : formula.reason;
    console.log(`${formula.file}:${formula.line}:${formula.column} ${formula.status} ${detail}`);
  }
  for (const problem of declarationProblems) console.log(`\n${problem.file}:${problem.line}:1: bad declaration: ${problem.message}`);
  for (const problem of problems) console.log(`\n${formatProblem(problem)}`);
  const summary = Object.entries(summarize(formulas)).map(([status, count]) => `${count} ${status}`).join(', ');
  console.log(`\n${formulas.length} formulas in ${paths.length} file(s): ${summary}`);
}
if (process.env.GITHUB_ACTIONS) for (const problem of problems) console.log(githubAnnotation(problem));
process.exit(problems.length || declarationProblems.length ? 1 : 0);
