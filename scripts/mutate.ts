/**
 * `npm run mutate`: proof that the checker bites. For every verified formula of the notes (the
 * Chinese originals; the translations share their formulas), apply each realistic slip to the right
 * side of each step — a transpose dropped or added, factors swapped, a sign, a factor 2, the Kronecker
 * order — and count how many mutants the checker reports as `mismatch`. Prints the kill rate per
 * note and slip kind, and every surviving mutant (equivalent, or a gap to look at).
 * `--json FILE` also writes the numbers.
 */
import { writeFileSync } from 'node:fs';
import { createEngine, mergeContext, mutantsOf } from '../src/engine/index.js';
import { parseNote } from '../src/markdown/parse-note.js';
import { listNoteFiles, loadReferences } from '../src/site/notes.js';
import { VerdictCache } from '../src/verification/cache.js';
import { BUILD_SEED, checkPage, createChecker } from '../src/verification/check-page.js';
import { collectFormulas } from '../src/verification/collect.js';

const root = process.cwd();
const engine = createEngine();
const checker = createChecker(new VerdictCache(undefined));
const references = loadReferences(root);
const jsonOut = process.argv.includes('--json') ? process.argv[process.argv.indexOf('--json') + 1] : undefined;

interface Tally { mutants: number; killed: number }
const bySlug: Record<string, Tally> = {};
const byKind: Record<string, Tally> = {};
const survivors: { file: string; line: number; slip: string; latex: string }[] = [];

const kindOf = (slip: string) =>
  /transpose/.test(slip) ? 'transpose' : /swapped/.test(slip) ? 'swapped factors' : /sign/.test(slip) ? 'sign' : /Kronecker/.test(slip) ? 'Kronecker order' : /^2|factor/.test(slip) ? 'factor 2' : /commutation/.test(slip) ? 'commutation' : 'symmetric part';

const started = performance.now();
for (const note of listNoteFiles(root).filter((file) => file.lang === 'zh')) {
  const { tree } = await parseNote(note.text, note.path, { references });
  const convention = note.frontmatter.convention as 'numerator' | 'denominator' | undefined;
  const verified: { line: number; latex: string; context: ReturnType<typeof mergeContext> }[] = [];
  checkPage({ file: note.path, slug: note.slug, lang: 'zh', convention, formulas: collectFormulas(tree, note.text) }, checker, (formula, context, record) => {
    if (record.status === 'verified') verified.push({ line: formula.line, latex: formula.latex, context });
  });
  for (const formula of verified) {
    const compiled = engine.compile(formula.latex, formula.context);
    for (const mutant of mutantsOf(formula.latex, compiled.tree)) {
      const verdict = engine.verify(mutant.latex, formula.context, { seed: BUILD_SEED, suggest: false });
      const killed = verdict.status === 'mismatch';
      for (const tally of [(bySlug[note.slug] ??= { mutants: 0, killed: 0 }), (byKind[kindOf(mutant.slip)] ??= { mutants: 0, killed: 0 })]) {
        tally.mutants += 1;
        tally.killed += killed ? 1 : 0;
      }
      if (!killed) survivors.push({ file: note.path, line: formula.line, slip: `${mutant.slip} → ${verdict.status}`, latex: mutant.latex });
    }
  }
}

const rate = (t: Tally) => `${t.killed}/${t.mutants} (${((100 * t.killed) / Math.max(1, t.mutants)).toFixed(1)}%)`;
const total = Object.values(bySlug).reduce((sum, t) => ({ mutants: sum.mutants + t.mutants, killed: sum.killed + t.killed }), { mutants: 0, killed: 0 });
console.log('| note | killed / mutants |\n| --- | --- |');
for (const [slug, tally] of Object.entries(bySlug)) console.log(`| ${slug} | ${rate(tally)} |`);
console.log(`| **all** | **${rate(total)}** |\n\n| slip | killed / mutants |\n| --- | --- |`);
for (const [kind, tally] of Object.entries(byKind)) console.log(`| ${kind} | ${rate(tally)} |`);
console.log(`\n${survivors.length} surviving mutant(s) (${((performance.now() - started) / 1000).toFixed(1)} s):`);
for (const survivor of survivors) console.log(`${survivor.file}:${survivor.line}: ${survivor.slip}\n    ${survivor.latex.replace(/\s+/g, ' ').slice(0, 200)}`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ total, bySlug, byKind, survivors }, null, 1));
