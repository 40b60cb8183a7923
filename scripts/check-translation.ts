/**
 * `npx tsx scripts/check-translation.ts [slug ...]`: check that each English note keeps the
 * Chinese original's blocks and formulas. Prints every problem; exits 1 when there is one.
 */
import { checkTranslations, formatTranslationProblem } from '../src/site/translations.js';

const problems = await checkTranslations(process.cwd(), process.argv.slice(2));
for (const problem of problems) console.log(formatTranslationProblem(problem));
console.log(problems.length ? `${problems.length} translation problem(s)` : 'translations align: same blocks, same formulas');
process.exit(problems.length ? 1 : 0);
