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
