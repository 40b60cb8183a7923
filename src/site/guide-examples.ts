/**
 * The authoring guide's examples: real notes under test/fixtures/guide/content/notes/<name>/, run
 * through the same checks as `npm run verify` and the build. The guide page shows each note and
 * the exact text the check prints for it, produced when the site is built, so the guide cannot
 * drift from the behaviour; test/site/guide.test.ts checks the failures and the built page. Node only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../markdown/lang.js';
import { createSiteVerification, type SiteVerification } from '../verification/site.js';
import { verifyText } from '../verification/text-report.js';
import type { DeclarationProblem } from '../verification/check-page.js';
import type { FormulaRecord } from '../verification/report.js';
import { checkTranslations, formatTranslationProblem } from './translations.js';

/** Where the example notes live, relative to the project root (itself laid out like a project). */
export const GUIDE_FIXTURES = join('test', 'fixtures', 'guide');

/** One example as the guide shows it. */
export interface GuideExample {
  name: string;
  lang: Lang;
  /** The note's path as the check reports it (relative to the fixture project). */
  path: string;
  /** The files shown: the note in the guide's language (a translation example: original and translation). */
  sources: { path: string; text: string }[];
  /** The command an author runs to see the output. */
  command: string;
  /** What that command prints. */
  output: string;
  records: FormulaRecord[];
  declarationProblems: DeclarationProblem[];
}

/** Examples whose output is the translation check's, not the formula check's. */
const TRANSLATION_EXAMPLES = new Set(['translation-drift']);

/**
 * A runner of the guide's examples over one project root; results are shared between calls. No
 * verdict cache on disk: the fixture project has no engine sources to key it by, and the examples
 * take well under a second.
 *
 * @param root Project root (the folder holding test/).
 */
export function guideExamples(root: string): (name: string, lang: Lang) => Promise<GuideExample> {
  const fixtureRoot = join(root, GUIDE_FIXTURES);
  let site: SiteVerification | undefined;
  return async (name, lang) => {
    const file = (language: Lang) => join('content', 'notes', name, `${language}.md`).replace(/\\/g, '/');
    const read = (path: string) => ({ path, text: readFileSync(join(fixtureRoot, path), 'utf8') });
    const path = file(lang);
    const source = read(path).text;
    if (TRANSLATION_EXAMPLES.has(name)) {
      const sources = [read(file('zh')), read(file('en'))];
      const problems = await checkTranslations(fixtureRoot, [name]);
      const output = [...problems.map(formatTranslationProblem), `${problems.length} translation problem(s)`].join('\n');
      return { name, lang, path, sources, command: `npx tsx scripts/check-translation.ts ${name}`, output, records: [], declarationProblems: [] };
    }
    site ??= createSiteVerification({ root: fixtureRoot, cacheDir: false });
    const { records, declarationProblems } = await site.verifyFile(path, source);
    return { name, lang, path, sources: [{ path, text: source }], command: `npm run verify -- ${path}`, output: verifyText(records, declarationProblems, 1), records, declarationProblems };
  };
}
