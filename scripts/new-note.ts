/**
 * `npm run new-note -- <slug>`: start a note. Creates content/notes/<slug>/zh.md (the original) and
 * en.md (its translation) with the frontmatter and an example formula that checks; the site picks
 * the folder up with no other change. Exit code 2 when the slug is unusable or already taken.
 */
import { createNote, slugProblem } from '../src/site/new-note.js';

const [slug, ...rest] = process.argv.slice(2).filter((arg) => arg !== '--');
if (!slug || rest.length) {
  console.error('Usage: npm run new-note -- <slug>   (e.g. npm run new-note -- matrix-differentials)');
  process.exit(2);
}
const problem = slugProblem(process.cwd(), slug);
if (problem) {
  console.error(problem);
  process.exit(2);
}
for (const path of createNote(process.cwd(), slug)) console.log(`created ${path}`);
console.log(`Next: npm run dev, open /zh/${slug}/, and check with npm run verify -- content/notes/${slug}/zh.md`);
