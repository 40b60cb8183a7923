/**
 * The translation check (Node only): every English note against its Chinese original, block by
 * block (src/markdown/translation.ts), with the files each problem is about.
 */
import type { TranslationProblem } from '../markdown/translation.js';
import { compareTranslation } from '../markdown/translation.js';
import { parseNote } from '../markdown/parse-note.js';
import { listNoteFiles, loadReferences } from './notes.js';

/** A translation problem with the files it is about. */
export interface LocatedTranslationProblem extends TranslationProblem {
  slug: string;
  originalPath: string;
  translationPath?: string;
}

/**
 * Check every translation against its original (or only the given slugs).
 *
 * @param root Project root.
 * @param slugs Limit the check to these notes.
 */
export async function checkTranslations(root: string, slugs?: string[]): Promise<LocatedTranslationProblem[]> {
  const files = listNoteFiles(root).filter((file) => !slugs?.length || slugs.includes(file.slug));
  const references = loadReferences(root);
  const problems: LocatedTranslationProblem[] = [];
  for (const original of files.filter((file) => file.lang === 'zh')) {
    const translation = files.find((file) => file.slug === original.slug && file.lang === 'en');
    if (!translation) {
      problems.push({ slug: original.slug, originalPath: original.path, block: 0, message: 'has no English translation (en.md)' });
      continue;
    }
    const [a, b] = await Promise.all([
      parseNote(original.text, original.path, { references }),
      parseNote(translation.text, translation.path, { references }),
    ]);
    for (const problem of compareTranslation(a.tree, b.tree)) {
      problems.push({ ...problem, slug: original.slug, originalPath: original.path, translationPath: translation.path });
    }
  }
  return problems;
}

/**
 * A translation problem as one line for a terminal or a build log.
 *
 * @param problem The problem.
 */
export function formatTranslationProblem(problem: LocatedTranslationProblem): string {
  const at = problem.translationPath
    ? `${problem.translationPath}:${problem.translationLine ?? 0} (original ${problem.originalPath}:${problem.originalLine ?? 0})`
    : problem.originalPath;
  return `${at}: block ${problem.block}: ${problem.message}`;
}
