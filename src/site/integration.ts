/**
 * The site's Astro integration: coordinates checks that span pages. Before a build (and when the
 * dev server starts) it runs the translation check and fails with every problem it finds.
 */
import type { AstroIntegration } from 'astro';
import { checkTranslations, formatTranslationProblem } from './notes.js';

/** Options of {@link notesIntegration}. */
export interface NotesIntegrationOptions {
  /** Project root. */
  root: string;
}

async function assertTranslationsAlign(root: string): Promise<void> {
  const problems = await checkTranslations(root);
  if (problems.length) {
    throw new Error(
      `The translations drift from their originals (${problems.length} problem(s)):\n` +
        problems.map(formatTranslationProblem).join('\n'),
    );
  }
}

/**
 * The notes integration.
 *
 * @param options Integration options.
 */
export default function notesIntegration(options: NotesIntegrationOptions): AstroIntegration {
  return {
    name: 'matrix-calculus-notes',
    hooks: {
      'astro:build:start': async () => assertTranslationsAlign(options.root),
      'astro:server:setup': async ({ logger }) => {
        try {
          await assertTranslationsAlign(options.root);
        } catch (error) {
          logger.error((error as Error).message);
        }
      },
    },
  };
}
