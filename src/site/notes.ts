/**
 * The notes on disk (Node only): `content/notes/<slug>/{zh,en}.md`, their frontmatter, the
 * bibliography and the glossary. Used by scripts, tests and the build integration; light (files
 * and YAML only: the Markdown pipeline is translations.ts's), so the verdict prefetch can see a
 * warm cache without loading it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import type { Lang } from '../markdown/lang.js';
import type { Reference } from '../markdown/dialect/citations.js';

/** Where the site's content lives, relative to the project root. */
export const CONTENT_DIR = 'content';
export const NOTES_DIR = join(CONTENT_DIR, 'notes');

/** Where one note file is, without its text. */
export interface NotePath {
  slug: string;
  lang: Lang;
  /** Path relative to the project root. */
  path: string;
}

/** One note file on disk. */
export interface NoteFile extends NotePath {
  text: string;
  /** Its YAML frontmatter (parsed on first use). */
  readonly frontmatter: Record<string, unknown>;
}

/**
 * Where the note files of a project are, by slug and language (nothing is read).
 *
 * @param root Project root.
 */
export function listNotePaths(root: string): NotePath[] {
  const dir = join(root, NOTES_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => (['zh', 'en'] as const).map((lang) => ({ slug: entry.name, lang, path: join(NOTES_DIR, entry.name, `${lang}.md`) })))
    .filter((note) => existsSync(join(root, note.path)));
}

/**
 * The note files of a project, by slug and language.
 *
 * @param root Project root.
 */
export function listNoteFiles(root: string): NoteFile[] {
  return listNotePaths(root).map((note) => readNoteFile(root, note));
}

function readNoteFile(root: string, { slug, lang, path }: NotePath): NoteFile {
  const text = readFileSync(join(root, path), 'utf8');
  let frontmatter: Record<string, unknown> | undefined;
  return {
    slug,
    lang,
    path,
    text,
    // Parsed when first asked for: most callers want the text alone.
    get frontmatter() {
      if (!frontmatter) {
        const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
        frontmatter = match ? ((loadYaml(match[1]) as Record<string, unknown>) ?? {}) : {};
      }
      return frontmatter;
    },
  };
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
