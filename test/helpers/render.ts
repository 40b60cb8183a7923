/** Render Markdown through the notes pipeline without Astro (any unified pipeline must work). */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { VFile } from 'vfile';
import { remarkNotePlugins, rehypeNotePlugins } from '../../src/markdown/pipeline.js';
import type { Reference } from '../../src/markdown/dialect/citations.js';

export interface RenderOptions {
  path?: string;
  references?: Record<string, Reference>;
  resolveWikiLink?: (page: string, lang: 'zh' | 'en') => string | undefined;
  /** Frontmatter as Astro hands it to plugins (file.data.astro.frontmatter). */
  frontmatter?: Record<string, unknown>;
}

/** Markdown → HTML string, with the file (for its messages). */
export async function renderNote(markdown: string, options: RenderOptions = {}): Promise<{ html: string; file: VFile }> {
  const file = new VFile({
    path: options.path ?? 'content/notes/fixture/zh.md',
    value: markdown,
    data: { astro: { frontmatter: options.frontmatter ?? {} } },
  });
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkNotePlugins({ references: options.references ?? {}, resolveWikiLink: options.resolveWikiLink }))
    .use(remarkRehype)
    .use(rehypeNotePlugins())
    .use(rehypeStringify);
  const result = await processor.process(file);
  return { html: String(result), file: result };
}
