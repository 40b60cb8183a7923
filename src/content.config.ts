import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** One note in one language: content/notes/<slug>/<lang>.md. */
const notes = defineCollection({
  loader: glob({ pattern: '*/{zh,en}.md', base: './content/notes', deferRender: true }),
  schema: z.object({
    /** Title in the file's language. */
    title: z.string(),
    /** One line: what the note covers. */
    description: z.string(),
    /** Position in the sidebar and the previous/next links. */
    order: z.number().int(),
    /** The seed file the note was imported from. */
    source: z.string().optional(),
    /** Layout convention of ∂f/∂x on this page (not `layout`: Astro reserves it for a layout component). */
    convention: z.enum(['numerator', 'denominator']).optional(),
    /** Newlines inside a paragraph are line breaks (Obsidian's reading view), see src/markdown/dialect/line-breaks.ts. */
    lineBreaks: z.boolean().optional(),
    date: z.coerce.date().optional(),
    tag: z.array(z.string()).optional(),
    category: z.array(z.string()).optional(),
  }),
});

export const collections = { notes };
