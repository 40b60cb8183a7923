/**
 * The site's Astro integration: coordinates checks that span pages. Before a build it runs the
 * translation check, stops the verdict prefetch `npm run build` runs beside Astro's start (see
 * src/verification/prefetch.ts), and starts checking every formula (in worker threads, while Vite
 * does the rest of the build); each note's Markdown waits for the check before it renders, and a wrong formula
 * fails the build with every problem it finds (the dev server logs the translation problems; a
 * formula problem shows in the error overlay when its page renders). At the end of a build it puts
 * the report's formula tables into the verification pages (report-tables.ts) and writes the data
 * files (/verification.json, the widgets' /formulas/…; see data-files.ts).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { PluginOption, UserConfig } from 'vite';
import { checkTranslations, formatTranslationProblem } from './translations.js';
import { problemsMessage, siteVerification } from '../verification/site.js';
import { githubAnnotation } from '../verification/format.js';
import { stampInputs, writeStamp } from '../verification/input-stamp.mjs';
import { pageCacheInputs } from '../verification/page-cache.js';
import { displayCoverage, isProblem } from '../verification/report.js';
import { isAstroHeadInjectWarning, noteModules, type NoteModules } from './note-modules.js';
import { writeDataFiles } from './data-files.js';
import { spliceTables } from './report-tables.js';

/** Options of {@link notesIntegration}. */
export interface NotesIntegrationOptions {
  /** Project root. */
  root: string;
  /** Check every formula before building (off only to measure what checking costs). */
  checkFormulas: boolean;
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
 * Check every formula of the site; print GitHub annotations when on GitHub Actions; fail with every
 * problem at once. A check that passes stamps its inputs into the verdict cache, so the next build's
 * launcher can tell, without reading a note, that the prefetch has nothing to do (input-stamp.mjs).
 */
async function assertFormulasHold(root: string, log: (message: string) => void): Promise<void> {
  const site = siteVerification(root);
  // Taken before the check reads a file: a note saved while it runs is not stamped as checked.
  const stamp = site.cacheDir ? stampInputs(root, pageCacheInputs()) : undefined;
  const started = performance.now();
  const report = await site.report();
  const problems = await site.problems();
  const stats = site.cacheStats();
  const counts = Object.entries(report.summary).map(([status, count]) => `${count} ${status}`).join(', ');
  log(`checked ${report.formulas.length} formulas in ${Math.round(performance.now() - started)} ms (${counts}; display formulas verified: ${displayCoverage(report.formulas).text}; verdict cache: ${stats.hits} hit(s), ${stats.misses} derived)`);
  if (problems.records.length || problems.declarations.length) {
    if (process.env.GITHUB_ACTIONS) for (const record of problems.records) console.log(githubAnnotation(record));
    throw new Error(problemsMessage(problems));
  }
  if (site.cacheDir && stamp) writeStamp(site.cacheDir, stamp);
}

/**
 * Stop the verdict prefetch that `npm run build` runs beside Astro (src/verification/prefetch.ts),
 * if any: the build's check is about to begin, and takes the verdicts it derived from the cache.
 */
function stopPrefetch(): void {
  const stopFile = process.env.FORMULA_PREFETCH_STOP;
  if (stopFile) writeFileSync(stopFile, '');
}

/** Ids of the notes' Markdown modules (the path part never percent-encoded, so tested as Vite gives them). */
const NOTE_MODULE = /[\\/]content[\\/]notes[\\/].+\.md(\?|$)/;

/**
 * A Vite plugin that holds each note's Markdown until that note is checked (Astro's own Markdown
 * plugin renders it next, with its verdicts). A note with a problem waits for the whole site's
 * check, which then fails the build with every problem of every note — never a partial list; a
 * note without one renders while the other notes are still being checked, so rendering and
 * checking share the machine's cores.
 *
 * @param root Project root.
 * @param check The running check of the whole site, once the build has started it.
 */
function waitForFormulaCheck(root: string, check: () => Promise<void> | undefined) {
  return {
    name: 'matrix-calculus-notes:wait-for-formula-check',
    enforce: 'pre' as const,
    load: {
      // Before Astro's own Markdown plugin loads (and renders) the note.
      order: 'pre' as const,
      // Tested by the bundler itself: without a filter, the hook was called for every module of the build.
      filter: { id: NOTE_MODULE },
      async handler(id: string): Promise<null> {
        const path = decodeURIComponent(id).replace(/\?.*$/, '');
        const whole = check();
        if (!whole || !NOTE_MODULE.test(id)) return null;
        const page = await siteVerification(root).verifyFile(path);
        if (page.declarationProblems.length || page.records.some(isProblem)) await whole;
        return null;
      },
    },
  };
}

/** Rolldown's logs, without Astro's warning about its own propagated-assets modules (see {@link isAstroHeadInjectWarning}). */
const quietAstroHeadInject: NonNullable<NonNullable<NonNullable<UserConfig['build']>['rolldownOptions']>['onLog']> = (level, log, handler) => {
  if (level === 'warn' && isAstroHeadInjectWarning(log)) return;
  handler(level, log);
};

/**
 * The notes integration.
 *
 * @param options Integration options.
 */
export default function notesIntegration(options: NotesIntegrationOptions): AstroIntegration {
  let formulaCheck: Promise<void> | undefined;
  let notes: NoteModules | undefined;
  return {
    name: 'matrix-calculus-notes',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, injectRoute }) => {
        if (command === 'dev') {
          // A build writes the data files at its end (astro:build:done); the dev server makes them on request.
          injectRoute({ pattern: '/verification.json', entrypoint: new URL('./routes/verification-json.ts', import.meta.url) });
          injectRoute({ pattern: '/formulas/[lang]/[slug].json', entrypoint: new URL('./routes/widget-formulas.ts', import.meta.url) });
        }
        notes = noteModules({
          ids: NOTE_MODULE,
          htmlFolder: command === 'build' ? fileURLToPath(new URL('note-html/', config.cacheDir)) : undefined,
        });
        const plugins: PluginOption[] = [...notes.plugins];
        if (options.checkFormulas) plugins.push(waitForFormulaCheck(options.root, () => formulaCheck));
        updateConfig({
          vite: {
            plugins,
            // Astro's own warning about its propagated-assets modules, once per note module: noise that hides real warnings.
            build: { rolldownOptions: { onLog: quietAstroHeadInject } },
          },
        });
      },
      'astro:build:start': async ({ logger }) => {
        await assertTranslationsAlign(options.root);
        if (options.checkFormulas) {
          stopPrefetch();
          formulaCheck = assertFormulasHold(options.root, (message) => logger.info(message));
          formulaCheck.catch(() => undefined); // Raised where it is awaited: by the notes' modules and at the end of the build.
        }
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (notes) {
          notes.dispose();
          logger.info(`${notes.externalized.size} note module(s) rendered, their HTML kept out of the bundle; ${notes.twins.size} propagated-assets twin(s) not rendered again`);
          if (notes.kept.size) logger.warn(`${notes.kept.size} note module(s) kept their HTML in the bundle (no plain HTML literal): ${[...notes.kept].join(', ')}`);
        }
        await formulaCheck;
        const spliced = spliceTables(fileURLToPath(dir));
        if (spliced) logger.info(`put the formula tables into ${spliced} verification page(s)`);
        const started = performance.now();
        const written = await writeDataFiles(options.root, fileURLToPath(dir), options.checkFormulas);
        logger.info(`wrote ${written.files} data file(s) (verification.json, widget data; ${(written.bytes / 1e6).toFixed(1)} MB; ${written.fromCache} from the derived cache) in ${Math.round(performance.now() - started)} ms`);
      },
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
