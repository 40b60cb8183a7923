import type { VFile } from 'vfile';

/** The two languages of the site; Chinese is the original. */
export type Lang = 'zh' | 'en';

/** All languages, original first. */
export const LANGS: readonly Lang[] = ['zh', 'en'];

const LANG_FILE = /(?:^|[\\/])(zh|en)\.md$/;

/**
 * The language of a note file, from its name (`…/zh.md`, `…/en.md`).
 *
 * @param file The file being processed (its `path` decides).
 * @param fallback Language used when the name says nothing.
 */
export function langOfFile(file: VFile | undefined, fallback: Lang = 'zh'): Lang {
  const match = file?.path ? LANG_FILE.exec(file.path) : null;
  return match ? (match[1] as Lang) : fallback;
}
