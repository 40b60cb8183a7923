/**
 * Resolve an Obsidian wiki-link target to a note of this site, by title (either language) or slug.
 */
import type { Lang } from '../markdown/lang.js';
import type { NoteFile } from './notes.js';
import { notePath } from './urls.js';

/**
 * URL of the note a wiki link names, or undefined when the site has no such page.
 *
 * @param notes The site's note files.
 * @param page Target page name as written (last path segment).
 * @param lang Language of the page that links.
 */
export function resolveWikiLink(notes: readonly NoteFile[], page: string, lang: Lang): string | undefined {
  const wanted = page.trim().toLowerCase();
  const hit = notes.find((note) => note.slug === wanted || String(note.frontmatter.title ?? '').trim().toLowerCase() === wanted);
  return hit ? notePath(lang, hit.slug) : undefined;
}
