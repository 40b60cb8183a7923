// @ts-check
import { defineConfig } from 'astro/config';
import notesIntegration from './src/site/integration.ts';
import { siteMarkdown } from './src/site/markdown-config.ts';
import { unifiedWithKatexStash } from './src/site/katex-stash.ts';
import { formulaCheckEnabled } from './src/verification/site.ts';

const root = process.cwd();
const checkFormulas = formulaCheckEnabled();

export default defineConfig({
  site: 'https://matrix-calculus.example.org',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Caches inside the project, not in node_modules: projects that share one node_modules (a test's
  // throwaway site, a benchmark copy) must not read each other's content store or optimised deps.
  cacheDir: './.astro/cache',
  vite: { cacheDir: './.astro/vite' },
  integrations: [notesIntegration({ root, checkFormulas })],
  markdown: {
    // Smart quotes would rewrite the notes' ASCII quotes inside prose; the notes keep their own typography.
    // KaTeX's output skips the HTML re-parse Astro ends its pipeline with (src/site/katex-stash.ts).
    processor: unifiedWithKatexStash({ smartypants: false, ...siteMarkdown({ root, checkFormulas }) }),
  },
});
