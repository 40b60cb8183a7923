/** The site's URL scheme, in one place. */
import type { Lang } from '../markdown/lang.js';

/**
 * URL of a note page.
 *
 * @param lang Page language.
 * @param slug Note slug (its folder name under content/notes).
 */
export function notePath(lang: Lang, slug: string): string {
  return `/${lang}/${slug}/`;
}

/**
 * URL of the glossary page.
 *
 * @param lang Page language.
 */
export function glossaryPath(lang: Lang): string {
  return `/${lang}/glossary/`;
}

/**
 * URL of the verification report page.
 *
 * @param lang Page language.
 */
export function verificationPath(lang: Lang): string {
  return `/${lang}/verification/`;
}

/**
 * URL of a note page's compiled formulas (what the live check widgets run).
 *
 * @param lang Language of the note file.
 * @param slug Note slug.
 */
export function formulasPath(lang: Lang, slug: string): string {
  return `/formulas/${lang}/${slug}.json`;
}

/**
 * URL of the authoring guide.
 *
 * @param lang Page language.
 */
export function guidePath(lang: Lang): string {
  return `/${lang}/guide/`;
}
