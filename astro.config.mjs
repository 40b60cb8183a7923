// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import { remarkNotePlugins, rehypeNotePlugins } from './src/markdown/pipeline.ts';
import notesIntegration from './src/site/integration.ts';
import { loadReferences, listNoteFiles } from './src/site/notes.ts';
import { resolveWikiLink } from './src/site/wikilinks.ts';

const root = process.cwd();
const notes = listNoteFiles(root);

export default defineConfig({
  site: 'https://matrix-calculus.example.org',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [notesIntegration({ root })],
  markdown: {
    processor: unified({
      // Smart quotes would rewrite the notes' ASCII quotes inside prose; the notes keep their own typography.
      smartypants: false,
      remarkPlugins: remarkNotePlugins({
        references: loadReferences(root),
        resolveWikiLink: (page, lang) => resolveWikiLink(notes, page, lang),
      }),
      rehypePlugins: rehypeNotePlugins(),
    }),
  },
});
