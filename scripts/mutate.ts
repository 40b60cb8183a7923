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
/**
 * What a surviving mutant is. `equivalent`: the mutated right side equals the written one on the checker's
 * samples (checked directly: `left = right = mutated`), so the mutant states the same thing (a transposed scalar, a
 * symmetric matrix, commuting scalar factors …). `not evaluated`: the mutant is not something the engine can check
 * (it says why). `gap`: the mutant differs from the formula and still verified — a hole to fix.
 */
type Class = 'equivalent' | 'not evaluated' | 'gap';
const survivors: { file: string; line: number; slip: string; latex: string; class: Class; why: string }[] = [];
let premiseMutants = 0;

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
    const original = engine.verify(formula.latex, formula.context, { seed: BUILD_SEED, suggest: false });
    for (const mutant of mutantsOf(formula.latex, compiled.tree)) {
      // A definition (or a schema's hypothesis) is a premise, not a claim: any right side is a valid definition.
      const step = original.steps.find((s) => s.span.end === mutant.rightSpan.end);
      if (step?.premise) {
        premiseMutants += 1;
        continue;
      }
      const verdict = engine.verify(mutant.latex, formula.context, { seed: BUILD_SEED, suggest: false });
      const killed = verdict.status === 'mismatch';
      for (const tally of [(bySlug[note.slug] ??= { mutants: 0, killed: 0 }), (byKind[kindOf(mutant.slip)] ??= { mutants: 0, killed: 0 })]) {
        tally.mutants += 1;
        tally.killed += killed ? 1 : 0;
      }
      if (!killed) {
        const { kind, why } = classify(verdict.status, verdict.reason, mutant, formula.latex, formula.context);
        survivors.push({ file: note.path, line: formula.line, slip: `${mutant.slip} → ${verdict.status}`, latex: mutant.latex, class: kind, why });
      }
    }
  }
}

/** Classify a surviving mutant (see {@link Class}). */
function classify(status: string, reason: string, mutant: ReturnType<typeof mutantsOf>[number], formula: string, context: ReturnType<typeof mergeContext>): { kind: Class; why: string } {
  if (status !== 'verified') return { kind: 'not evaluated', why: reason };
  // The formula with `right = mutated` in place of `right`: the new step compares them under everything the
  // formula itself defines (a least-squares w, a one-hot y …), on other samples.
  const prefix = formula.slice(0, mutant.rightSpan.start);
  const inserted = `{${mutant.right}} = ${mutant.mutated}`;
  const same = engine.verify(prefix + inserted + formula.slice(mutant.rightSpan.end), context, { seed: BUILD_SEED + 1, trials: 5, suggest: false });
  const end = prefix.length + inserted.length;
  const step = same.steps.find((s) => s.span.end === end);
  if (step?.status === 'verified') return { kind: 'equivalent', why: `the written and the mutated right side agree on ${same.trials} other samples` };
  return { kind: 'gap', why: step ? `${step.status}: ${step.reason}` : same.reason };
}

const rate = (t: Tally) => `${t.killed}/${t.mutants} (${((100 * t.killed) / Math.max(1, t.mutants)).toFixed(1)}%)`;
const total = Object.values(bySlug).reduce((sum, t) => ({ mutants: sum.mutants + t.mutants, killed: sum.killed + t.killed }), { mutants: 0, killed: 0 });
console.log('| note | killed / mutants |\n| --- | --- |');
for (const [slug, tally] of Object.entries(bySlug)) console.log(`| ${slug} | ${rate(tally)} |`);
console.log(`| **all** | **${rate(total)}** |\n\n| slip | killed / mutants |\n| --- | --- |`);
for (const [kind, tally] of Object.entries(byKind)) console.log(`| ${kind} | ${rate(tally)} |`);
const classes: Record<Class, number> = { equivalent: 0, 'not evaluated': 0, gap: 0 };
for (const survivor of survivors) classes[survivor.class] += 1;
console.log(`\n${premiseMutants} mutant(s) of definitions and hypotheses (premises, not claims) were not counted.`);
console.log(`${survivors.length} surviving mutant(s): ${classes.equivalent} equivalent, ${classes['not evaluated']} not evaluated, ${classes.gap} gap(s) (${((performance.now() - started) / 1000).toFixed(1)} s).`);
for (const kind of ['gap', 'not evaluated', 'equivalent'] as Class[]) {
  const list = survivors.filter((s) => s.class === kind);
  if (list.length) console.log(`\n## ${kind} (${list.length})`);
  for (const survivor of list) console.log(`${survivor.file}:${survivor.line}: ${survivor.slip}: ${survivor.why.slice(0, 160)}\n    ${survivor.latex.replace(/\s+/g, ' ').slice(0, 200)}`);
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ total, bySlug, byKind, premiseMutants, classes, survivors }, null, 1));
