/**
 * A new note from one command (`npm run new-note -- <slug>`): the Chinese original and its English
 * translation, block for block, with the frontmatter the site needs and an example formula (with
 * its declaration) that the build checks and verifies. Node only.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../markdown/lang.js';
import { CONTENT_DIR, listNoteFiles } from './notes.js';
import { guidePath } from './urls.js';

/** A slug: lowercase letters, digits and single hyphens (it becomes the URL `/zh/<slug>/`). */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Slugs that other pages of the site already use under `/<lang>/`. */
const RESERVED = new Set(['glossary', 'verification', 'guide']);

const TEXT: Record<Lang, { title: (slug: string) => string; description: string; heading: string; lead: string; after: string }> = {
  zh: {
    title: (slug) => `新笔记 ${slug}`,
    description: '一句话说明这篇笔记讲什么。',
    heading: '## 1. 第一节',
    lead: `下面的公式在构建时会被重新推导并检验（写法见[写作指南](${guidePath('zh')})）：`,
    after: '把它换成你的内容；`npm run verify -- content/notes/<slug>/zh.md` 会逐个检查公式。',
  },
  en: {
    title: (slug) => `New note ${slug}`,
    description: 'One line on what this note covers.',
    heading: '## 1. First section',
    lead: `The build re-derives and checks the formula below (how to write one: the [authoring guide](${guidePath('en')})):`,
    after: 'Replace it with your own; `npm run verify -- content/notes/<slug>/en.md` checks every formula.',
  },
};

/**
 * The text of a new note in one language.
 *
 * @param slug The note's folder name.
 * @param lang Which file.
 * @param order Its position in the sidebar.
 */
export function newNoteText(slug: string, lang: Lang, order: number): string {
  const text = TEXT[lang];
  return [
    '---',
    `title: ${text.title(slug)}`,
    `description: ${text.description}`,
    `order: ${order}`,
    'convention: denominator',
    '---',
    '',
    text.heading,
    '',
    '<!-- verify',
    'X: m×n',
    'layout: denominator',
    '-->',
    '',
    text.lead,
    '',
    '$$',
    '\\frac{\\partial a^TXb}{\\partial X} = ab^T',
    '$$',
    '',
    text.after.replace('<slug>', slug),
    '',
  ].join('\n');
}

/** Why a slug cannot be used, or undefined when it can. */
export function slugProblem(root: string, slug: string): string | undefined {
  if (!SLUG_PATTERN.test(slug)) return `"${slug}" is not a slug: use lowercase letters, digits and hyphens, e.g. matrix-differentials`;
  if (RESERVED.has(slug)) return `"${slug}" is the address of another page of the site (/zh/${slug}/); choose another slug`;
  if (existsSync(join(root, CONTENT_DIR, 'notes', slug))) return `content/notes/${slug}/ already exists; choose another slug or edit that note`;
  return undefined;
}

/**
 * Create `content/notes/<slug>/zh.md` and `en.md`, ordered after every existing note.
 *
 * @param root Project root.
 * @param slug The new note's folder name.
 * @returns The created paths, relative to the root.
 */
export function createNote(root: string, slug: string): string[] {
  const problem = slugProblem(root, slug);
  if (problem) throw new Error(problem);
  const orders = listNoteFiles(root).map((note) => Number(note.frontmatter.order)).filter(Number.isFinite);
  const order = Math.max(0, ...orders) + 1;
  const dir = join(CONTENT_DIR, 'notes', slug);
  mkdirSync(join(root, dir), { recursive: true });
  return (['zh', 'en'] as const).map((lang) => {
    const path = join(dir, `${lang}.md`);
    writeFileSync(join(root, path), newNoteText(slug, lang, order));
    return path;
  });
}
