/**
 * How the notes' Markdown modules go through the build. Astro compiles each note to a module that
 * holds its rendered HTML as one string literal; with KaTeX that HTML is about 70 times the size of
 * the source. Two plugins keep that from costing twice over:
 *
 * - **Each note is rendered once.** Astro imports a rendered content entry through a twin module
 *   flagged `astroPropagatedAssets`, which its Markdown plugin renders in full (KaTeX, verdicts)
 *   and its content-assets plugin then replaces by a stub importing the real module: half of the
 *   Markdown rendering of a build was thrown away. The twin now starts from an empty module, which
 *   the content-assets transform replaces as before.
 * - **The HTML stays out of the bundler** (builds only). Each note's HTML is written to a file and
 *   the module reads it when its page is generated, so the bundler parses and holds a few hundred
 *   bytes per note instead of the whole page, and each page's HTML is garbage once written.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

/** Astro's query flag for a content module's "propagated assets" twin (astro/dist/content/consts.js). */
const PROPAGATED_ASSETS = /[?&]astroPropagatedAssets(?:[&=]|$)/;

/** What a bundler log carries that {@link isAstroHeadInjectWarning} reads. */
export interface BundlerLog {
  code?: string;
  id?: string;
  message: string;
}

/**
 * Whether a bundler log is Rolldown's warning about the `"use astro:head-inject"` directive of a
 * propagated-assets twin. Astro writes the directive into every such module and Rolldown warns that it
 * may not survive bundling: 4 lines per note module per build (800 in a build of the 10,000-formula
 * site), none the author can act on. It does no harm: Astro finds these modules by their
 * `?astroPropagatedAssets` query, not by the directive (withastro/astro#17095; the warning is
 * withastro/astro#18087, open). Every other log, and this warning for any other module, passes.
 *
 * @param log The bundler's log.
 */
export function isAstroHeadInjectWarning(log: BundlerLog): boolean {
  return log.code === 'MODULE_LEVEL_DIRECTIVE' && PROPAGATED_ASSETS.test(log.id ?? '') && log.message.includes('"use astro:head-inject"');
}

/** The line Astro's Markdown plugin writes for a file without local images (astro/dist/vite-plugin-markdown). */
const HTML_LITERAL = /\bconst html = \(\) => ("(?:[^"\\]|\\.)*");/;

/**
 * Move the HTML literal of a compiled Markdown module into a file.
 *
 * @param code The module Astro's Markdown plugin produced.
 * @param file Where its HTML goes (one file per module: the build writes each module's once).
 * @returns The module reading its HTML from the file, or undefined when the module has no plain
 *   HTML literal (a note with local images, whose HTML Astro's image code owns).
 */
export function externalizeHtml(code: string, file: string): string | undefined {
  const match = HTML_LITERAL.exec(code);
  if (!match) return undefined;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.parse(match[1]) as string);
  const read = `import { readFileSync as __readNoteHtml } from 'node:fs';\nconst html = () => __readNoteHtml(${JSON.stringify(file)}, 'utf8');`;
  return code.slice(0, match.index) + read + code.slice(match.index + match[0].length);
}

/** Options of {@link noteModules}. */
export interface NoteModulesOptions {
  /**
   * Matches the module ids of the notes' Markdown. It is also each hook's filter, which the bundler
   * (Rolldown) tests itself: a hook without one is called in JavaScript for every module of the build.
   */
  ids: RegExp;
  /** Where a build writes the notes' HTML (emptied now, removed by `dispose`); undefined: keep it in the modules (dev server). */
  htmlFolder?: string;
}

/** The plugins, and what they did. */
export interface NoteModules {
  plugins: Plugin[];
  /** Ids of the propagated-assets twins given an empty module instead of a rendering. */
  twins: Set<string>;
  /** Ids of the note modules whose HTML went to a file. */
  externalized: Set<string>;
  /** Ids of the note modules that kept their HTML (Astro wrote no plain literal). */
  kept: Set<string>;
  /** Remove the HTML files (once the pages are written). */
  dispose(): void;
}

/**
 * The Vite plugins for the notes' modules.
 *
 * @param options Which modules are notes, and where their HTML goes.
 */
export function noteModules(options: NoteModulesOptions): NoteModules {
  const { ids, htmlFolder } = options;
  const isNote = (id: string) => ids.test(id);
  const externalized = new Set<string>();
  const kept = new Set<string>();
  const twins = new Set<string>();
  const renderOnce: Plugin = {
    name: 'matrix-calculus-notes:render-notes-once',
    enforce: 'pre',
    load: {
      order: 'pre',
      filter: { id: ids },
      handler(id) {
        if (!isNote(id) || !PROPAGATED_ASSETS.test(id)) return undefined;
        twins.add(id);
        return { code: 'export default {};', map: { mappings: '' } };
      },
    },
  };
  const plugins = [renderOnce];
  if (htmlFolder) {
    rmSync(htmlFolder, { recursive: true, force: true });
    plugins.push({
      name: 'matrix-calculus-notes:html-out-of-bundle',
      // Right after Astro's Markdown plugin has loaded the module, before any transform re-prints it.
      enforce: 'pre',
      transform: {
        order: 'pre',
        filter: { id: ids },
        handler(code, id) {
          if (!isNote(id) || PROPAGATED_ASSETS.test(id)) return undefined;
          // Named after the module, not its HTML: hashing hundreds of KB per note would buy nothing.
          const moved = externalizeHtml(code, join(htmlFolder, `${createHash('sha256').update(id).digest('hex').slice(0, 32)}.html`));
          (moved ? externalized : kept).add(id);
          return moved;
        },
      },
    });
  }
  return { plugins, twins, externalized, kept, dispose: () => htmlFolder && rmSync(htmlFolder, { recursive: true, force: true }) };
}
