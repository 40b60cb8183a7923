/**
 * Parse a note file into the mdast the site renders (dialects normalised, blocks numbered),
 * without Astro: for the translation check, tests and scripts.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { load as loadYaml } from 'js-yaml';
import { remarkNotePlugins, type NotesPipelineOptions } from './pipeline.js';

const FRONTMATTER = /^---\r?\n[\s\S]*?\r?\n---\r?\n/;

/**
 * The note's text with its frontmatter blanked out line for line, so positions stay those of the file.
 *
 * @param text The file's text.
 */
export function blankFrontmatter(text: string): string {
  return text.replace(FRONTMATTER, (block) => block.replace(/[^\n]/g, ''));
}

/**
 * Parse and transform a note.
 *
 * @param text The note's Markdown (frontmatter included).
 * @param path The file's path (its name gives the language).
 * @param options Pipeline options.
 */
export async function parseNote(text: string, path: string, options: NotesPipelineOptions): Promise<{ tree: Root; file: VFile }> {
  const match = FRONTMATTER.exec(text);
  const frontmatter = match ? ((loadYaml(match[0].replace(/^---\r?\n|\r?\n---\r?\n$/g, '')) as Record<string, unknown>) ?? {}) : {};
  // Astro hands plugins the frontmatter here; do the same so plugins see one shape everywhere.
  const file = new VFile({ path, value: blankFrontmatter(text), data: { astro: { frontmatter } } });
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkNotePlugins(options));
  const tree = (await processor.run(processor.parse(file), file)) as Root;
  return { tree, file };
}
