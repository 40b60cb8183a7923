/**
 * The notes on disk (Node only): `content/notes/<slug>/{zh,en}.md`, their frontmatter, the
 * bibliography and the glossary. Used by scripts, tests and the build integration; light (files
 * and YAML only: the Markdown pipeline is translations.ts's), so the verdict prefetch can see a
 * warm cache without loading it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import type { Lang } from '../markdown/lang.js';
import type { Reference } from '../markdown/dialect/citations.js';

/** Where the site's content lives, relative to the project root. */
export const CONTENT_DIR = 'content';
export const NOTES_DIR = join(CONTENT_DIR, 'notes');

/** One note file on disk. */
export interface NoteFile {
  slug: string;
  lang: Lang;
  /** Path relative to the project root. */
  path: string;
  text: string;
  frontmatter: Record<string, unknown>;
}

/**
 * The note files of a project, by slug and language.
 *
 * @param root Project root.
 */
export function listNoteFiles(root: string): NoteFile[] {
  const dir = join(root, NOTES_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) =>
      (['zh', 'en'] as const)
        .map((lang) => join(dir, entry.name, `${lang}.md`))
        .filter((path) => existsSync(path))
        .map((path) => readNoteFile(root, path, entry.name)),
    );
}

function readNoteFile(root: string, path: string, slug: string): NoteFile {
  const text = readFileSync(path, 'utf8');
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  const frontmatter = match ? ((loadYaml(match[1]) as Record<string, unknown>) ?? {}) : {};
  const lang = path.endsWith('en.md') ? 'en' : 'zh';
  return { slug, lang, path: relative(root, path), text, frontmatter };
}

/**
 * The bibliography (`content/references.yaml`), by citation key.
 *
 * @param root Project root.
 */
export function loadReferences(root: string): Record<string, Reference> {
  const path = join(root, CONTENT_DIR, 'references.yaml');
  return existsSync(path) ? ((loadYaml(readFileSync(path, 'utf8')) as Record<string, Reference>) ?? {}) : {};
}

/** One glossary entry. */
export interface GlossaryEntry {
  zh: string;
  en: string;
  zh_def: string;
  en_def: string;
}

/**
 * The bilingual glossary (`content/glossary.yaml`).
 *
 * @param root Project root.
 */
export function loadGlossary(root: string): GlossaryEntry[] {
  return loadYaml(readFileSync(join(root, CONTENT_DIR, 'glossary.yaml'), 'utf8')) as GlossaryEntry[];
}
