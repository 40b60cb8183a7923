/**
 * The verdict prefetch. `npm run build` (scripts/astro-build.mjs) starts it in a process of its own
 * beside `astro build`: Astro spends its first seconds on one core (loading its modules, syncing
 * content, generating types), and meanwhile the prefetch checks the site's notes, one by one in the
 * order the build checks them, into the caches the build reads: each verdict into the verdict
 * cache, each note's whole verification into the page cache (a note the page cache holds whole is
 * skipped: a warm build's prefetch reads nothing). Once every note is checked, it makes what the
 * pages make from the verifications — each note's widget data and its report formulas' KaTeX —
 * into the derived cache. It stops before its next verdict, or its next note's derived data, once
 * the build's check begins (the integration creates the stop file); the build then finds what the
 * prefetch made cached and makes only the rest — the same values, under the same keys, each made
 * once. The prefetch can only save time: the build's own check decides every verdict's place,
 * counts and problems, and a prefetch that stops early or fails leaves it the rest.
 */
import type { Verdict } from '../engine/index.js';
import { listNoteFiles, loadReferences } from '../site/notes.js';
import { VerdictCache } from './cache.js';
import { createChecker, type Checker } from './check-page.js';
import { reportFormulasHtml } from '../site/report-math.js';
import { widgetJson } from './compiled.js';
import { DerivedCache } from './derived-cache.js';
import { engineFingerprint, PageCache, pipelineFingerprint } from './page-cache.js';
import { verifyPage, type FileVerification } from './page-result.js';
import { notePageInput, pageKey } from './site.js';

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
  /** Notes checked here whose widget data and report KaTeX were made too. */
  derivedNotes: number;
  /** Whether it stopped because the build's check began (else it ran out of notes). */
  stopped: boolean;
}

class Stop extends Error {}

/**
 * Check the site's notes into the caches (verdicts and pages, then the pages' derived data) until told to stop.
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
  const pipeline = pipelineFingerprint(options.root, fingerprint);
  const pages = new PageCache(options.cacheDir, pipeline);
  const derivedCache = new DerivedCache(options.cacheDir, pipeline);
  const references = loadReferences(options.root);
  const checked: { key: string; verification: FileVerification }[] = [];
  let notes = 0;
  let wholeNotes = 0;
  let derivedNotes = 0;
  let stopped = false;
  try {
    // The verdicts first: the build's check waits for them; the derived data is wanted later, by the pages.
    for (const note of listNoteFiles(options.root)) {
      if (options.shouldStop()) throw new Stop();
      if (pages.has(note.path, note.text)) wholeNotes += 1;
      else {
        const input = await notePageInput(note.path, note.text, references);
        const verification = verifyPage(input, stopping);
        pages.set(note.path, note.text, input, verification);
        checked.push({ key: pageKey(note.path, note.text), verification });
      }
      notes += 1;
    }
    for (const { key, verification } of checked) {
      if (options.shouldStop()) throw new Stop();
      widgetJson(derivedCache, key, verification);
      reportFormulasHtml(verification.records.map((record) => record.latex), derivedCache);
      derivedNotes += 1;
    }
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    stopped = true;
  }
  return { derived: cache.stats.misses, cached: cache.stats.hits, notes, wholeNotes, derivedNotes, stopped };
}
