/**
 * The site's Markdown pipeline: the notes' plugins (src/markdown) with the site's data — the
 * bibliography, the wiki-link targets, and the verdicts of the site's verification.
 */
import { rehypeNotePlugins, remarkNotePlugins, type PluginEntry } from '../markdown/pipeline.js';
import remarkFormulaVerdicts, { type FormulaVerdictOptions } from '../markdown/verdicts.js';
import { formatProblem } from '../verification/format.js';
import { isProblem } from '../verification/report.js';
import { siteVerification } from '../verification/site.js';
import { listNoteFiles, loadReferences } from './notes.js';
import { resolveWikiLink } from './wikilinks.js';

/** Options of {@link siteMarkdown}. */
export interface SiteMarkdownOptions {
  /** Project root. */
  root: string;
  /** Put verdicts on formulas and fail a page with a wrong formula (off only to measure the cost). */
  checkFormulas: boolean;
}

/**
 * Verdicts of one note file and its problems as text, from the site's shared verification.
 *
 * @param root Project root.
 */
function verdictsFrom(root: string): FormulaVerdictOptions['verdictsFor'] {
  return async (path) => {
    const { records, declarationProblems } = await siteVerification(root).verifyFile(path);
    return {
      records,
      problems: [
        ...declarationProblems.map((problem) => `${problem.file}:${problem.line}:1: bad declaration: ${problem.message}`),
        ...records.filter(isProblem).map(formatProblem),
      ],
    };
  };
}

/**
 * Remark and rehype plugin lists for Astro's unified processor.
 *
 * @param options Root and whether formulas are checked.
 */
export function siteMarkdown(options: SiteMarkdownOptions): { remarkPlugins: PluginEntry[]; rehypePlugins: PluginEntry[] } {
  const notes = listNoteFiles(options.root);
  const remarkPlugins = remarkNotePlugins({
    references: loadReferences(options.root),
    resolveWikiLink: (page, lang) => resolveWikiLink(notes, page, lang),
  });
  if (options.checkFormulas) remarkPlugins.push([remarkFormulaVerdicts, { verdictsFor: verdictsFrom(options.root) }]);
  return { remarkPlugins, rehypePlugins: rehypeNotePlugins() };
}
