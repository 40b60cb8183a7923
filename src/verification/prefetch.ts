/**
 * The verdict prefetch. `npm run build` (scripts/astro-build.mjs) starts it in a process of its own
 * beside `astro build`: Astro spends its first seconds on one core (loading its modules, syncing
 * content, generating types), and meanwhile the prefetch derives the site's verdicts, note by note
 * in the order the build checks them, into the verdict cache the build's check reads (a note the
 * page cache holds whole is skipped: a warm build's prefetch reads nothing). It stops
 * before its next verdict once the build's check begins (the integration creates the stop file);
 * that check then finds the prefetched verdicts cached and derives only the rest — the same
 * verdicts, under the same keys, each derived once. The prefetch can only save time: the build's
 * own check decides every verdict's place, counts and problems, and a prefetch that stops early or
 * fails leaves it the rest.
 */
import type { Verdict } from '../engine/index.js';
import { listNoteFiles, loadReferences } from '../site/notes.js';
import { VerdictCache } from './cache.js';
import { createChecker, type Checker } from './check-page.js';
import { engineFingerprint, PageCache, pipelineFingerprint } from './page-cache.js';
import { verifyPage } from './page-result.js';
import { notePageInput } from './site.js';

/** What to prefetch, and when to stop. */
export interface PrefetchOptions {
  /** Project root. */
  root: string;
  /** Absolute verdict cache folder: the build's (VERDICT_CACHE_DIR). */
  cacheDir: string;
  /** Asked before each verdict: true once the build's own check has begun. */
  shouldStop: () => boolean;
}

/** What a prefetch did. */
export interface PrefetchResult {
  /** Verdicts derived and written to the cache. */
  derived: number;
  /** Verdicts found cached already (a warm cache, or a note's other language). */
  cached: number;
  /** Notes whose every verdict is now cached. */
  notes: number;
  /** Of those, notes the page cache held whole (unchanged since a build checked them): nothing to read or derive. */
  wholeNotes: number;
  /** Whether it stopped because the build's check began (else it ran out of notes). */
  stopped: boolean;
}

class Stop extends Error {}

/**
 * Derive the site's verdicts into the cache until told to stop.
 *
 * @param options Root, cache folder and the stop signal.
 */
export async function prefetchVerdicts(options: PrefetchOptions): Promise<PrefetchResult> {
  const cache = new VerdictCache<Verdict>(options.cacheDir);
  const fingerprint = engineFingerprint(options.root);
  const checker = createChecker(cache, fingerprint);
  const stopping: Checker = {
    engine: checker.engine,
    verify(latex, context, checkOptions) {
      if (options.shouldStop()) throw new Stop();
      return checker.verify(latex, context, checkOptions);
    },
  };
  const pages = new PageCache(options.cacheDir, pipelineFingerprint(options.root, fingerprint));
  const references = loadReferences(options.root);
  let notes = 0;
  let wholeNotes = 0;
  let stopped = false;
  try {
    for (const note of listNoteFiles(options.root)) {
      if (options.shouldStop()) throw new Stop();
      if (pages.has(note.path, note.text)) wholeNotes += 1;
      else verifyPage(await notePageInput(note.path, note.text, references), stopping);
      notes += 1;
    }
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    stopped = true;
  }
  return { derived: cache.stats.misses, cached: cache.stats.hits, notes, wholeNotes, stopped };
}
