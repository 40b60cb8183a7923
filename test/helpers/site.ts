/** Access to the built site (dist/) for tests. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import type { Element, Root } from 'hast';

export const ROOT = join(import.meta.dirname, '..', '..');
export const DIST = join(ROOT, 'dist');

/** The built HTML of a page, parsed. */
export function builtPage(path: string): Root {
  const file = join(DIST, path, path.endsWith('.html') ? '' : 'index.html');
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  return fromHtml(readFileSync(file, 'utf8'));
}

/** Counts of what a reader gets in one language pane of a note page. */
export function paneCounts(page: Root, lang: 'zh' | 'en') {
  const pane = select(`.pane[data-lang="${lang}"]`, page) as Element | undefined;
  if (!pane) throw new Error(`no ${lang} pane`);
  const display = selectAll('figure.formula', pane).length;
  // Inline formulas: KaTeX output outside display math, and outside erratum notes (which quote the
  // source's wrong formula: not a formula of the page).
  const excluded = new Set([...selectAll('.katex-display .katex', pane), ...selectAll('.erratum-note .katex', pane)]);
  const inline = selectAll('.katex', pane).filter((element) => !excluded.has(element)).length;
  return {
    headings: selectAll('h1, h2, h3, h4, h5, h6', pane).length,
    display,
    inline,
    katexErrors: selectAll('.katex-error', pane).length,
  };
}
