/**
 * The page cache: a note file's whole verification (records, problems, contexts) stored under the
 * hash of its text and of everything else it depends on — the engine, the Markdown pipeline, the
 * page check, the bibliography and the installed packages. A warm build then neither parses an
 * unchanged note again nor looks up its verdicts one by one. It lives beside the verdicts
 * (`pages/` in the verdict cache folder) and, like them, is only ever a shortcut: any change to
 * those sources gives new keys. The engine's and the pipeline's fingerprints are made here too:
 * this module loads neither, so the verdict prefetch can tell a warm cache cheaply.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NOTES_DIR } from '../site/notes.js';
import { encodeNonFinite, VerdictCache } from './cache.js';
import type { PageCheckInput } from './check-page.js';
import type { FileVerification } from './page-result.js';

/** Folders whose sources decide a page's verification (the engine's are in the engine fingerprint). */
const PIPELINE_SOURCES = [join('src', 'markdown'), join('src', 'verification')];
/** Files whose contents decide it too. */
// report-math.ts renders the report's KaTeX, cached under this fingerprint (derived-cache.ts).
const PIPELINE_FILES = [join('content', 'references.yaml'), 'package-lock.json', join('src', 'site', 'report-math.ts')];

/** The engine's sources (their hash is {@link engineFingerprint}). */
const ENGINE_SOURCES = join('src', 'engine');

/**
 * Every folder and file a page's cache key is made from: the notes, the engine's and the pipeline's
 * sources, and the files {@link pipelineFingerprint} reads (for the stamp of input-stamp.mjs).
 */
export function pageCacheInputs(): { folders: string[]; files: string[] } {
  return { folders: [NOTES_DIR, ENGINE_SOURCES, ...PIPELINE_SOURCES], files: PIPELINE_FILES };
}

/** A cached page: its verification and how many verdicts it used (counted as cache hits). */
interface CachedPage {
  result: FileVerification;
  verdicts: number;
}

/**
 * A page as stored: its contexts as indexes into one list of their distinct parts. Most formulas of
 * a section share their symbols, definitions and conventions, so each part is written (and read,
 * by a warm build, for every page) once instead of once per formula: a synthetic page of 50
 * formulas went from 109 KB to a third of that.
 */
interface StoredPage {
  records: FileVerification['records'];
  declarationProblems: FileVerification['declarationProblems'];
  verdicts: number;
  /** The distinct values of the contexts' fields. */
  parts: unknown[];
  /** Each formula's context, by formula id: field → index into `parts`. */
  contexts: Record<string, Record<string, number>>;
}

/**
 * A hash of the engine's source files: part of every cache key.
 *
 * @param root Project root.
 */
export function engineFingerprint(root: string): string {
  const hash = createHash('sha256');
  const dir = join(root, ENGINE_SOURCES);
  let files: string[] = [];
  try {
    files = (readdirSync(dir, { recursive: true }) as string[]).filter((file) => file.endsWith('.ts')).sort();
  } catch {
    return 'no-engine-sources';
  }
  for (const file of files) hash.update(file).update(readFileSync(join(dir, file)));
  return hash.digest('hex');
}

/**
 * A hash of everything besides a note's text that its verification depends on.
 *
 * @param root Project root.
 * @param engineFingerprint The engine's (see site.ts).
 */
export function pipelineFingerprint(root: string, engineFingerprint: string): string {
  const hash = createHash('sha256').update(engineFingerprint);
  for (const dir of PIPELINE_SOURCES) {
    const files = existsSync(join(root, dir)) ? (readdirSync(join(root, dir), { recursive: true }) as string[]).filter((file) => file.endsWith('.ts')).sort() : [];
    for (const file of files) hash.update(join(dir, file)).update(readFileSync(join(root, dir, file)));
  }
  for (const file of PIPELINE_FILES) if (existsSync(join(root, file))) hash.update(file).update(readFileSync(join(root, file)));
  return hash.digest('hex');
}

/** The number of verdicts checking a page uses: one per formula, and one more per erratum (its original). */
function verdictsUsed(input: PageCheckInput): number {
  return input.formulas.length + input.formulas.filter((formula) => formula.mark?.kind === 'erratum').length;
}

/** A page as stored: each distinct part of its contexts once (equal parts found by their JSON). */
function storedPage(page: CachedPage): StoredPage {
  const parts: unknown[] = [];
  const indexOf = new Map<unknown, number>();
  const byText = new Map<string, number>();
  const index = (value: unknown): number => {
    // The check's contexts already share most parts by reference: those are not written out to compare.
    let at = indexOf.get(value);
    if (at === undefined) {
      const text = JSON.stringify(value, encodeNonFinite);
      at = byText.get(text);
      if (at === undefined) byText.set(text, (at = parts.push(value) - 1));
      if (typeof value === 'object' && value !== null) indexOf.set(value, at);
    }
    return at;
  };
  const contexts: StoredPage['contexts'] = {};
  for (const [id, context] of Object.entries(page.result.contexts)) {
    contexts[id] = Object.fromEntries(Object.entries(context).map(([field, value]) => [field, index(value)]));
  }
  return { records: page.result.records, declarationProblems: page.result.declarationProblems, verdicts: page.verdicts, parts, contexts };
}

/** A page as the site uses it: contexts whose equal parts are one object, as the check made them. */
function cachedPage(stored: StoredPage): CachedPage {
  const contexts: FileVerification['contexts'] = {};
  for (const [id, fields] of Object.entries(stored.contexts)) {
    const context: Record<string, unknown> = {};
    for (const [field, at] of Object.entries(fields)) context[field] = stored.parts[at];
    contexts[id] = context as FileVerification['contexts'][string];
  }
  return { result: { records: stored.records, declarationProblems: stored.declarationProblems, contexts }, verdicts: stored.verdicts };
}

/** Whole-page verifications on disk (or in memory only), keyed by file, text and pipeline. */
export class PageCache {
  private readonly store: VerdictCache<StoredPage>;
  /** Each stored page as the site uses it, made once. */
  private readonly pages = new WeakMap<StoredPage, CachedPage>();

  /**
   * @param dir The verdict cache folder (pages go in its `pages/`), or undefined for memory only.
   * @param fingerprint From {@link pipelineFingerprint}.
   */
  constructor(
    dir: string | undefined,
    private readonly fingerprint: string,
  ) {
    this.store = new VerdictCache<StoredPage>(dir ? join(dir, 'pages') : undefined);
  }

  private key(file: string, source: string): string {
    return VerdictCache.key({ page: file, source, pipeline: this.fingerprint });
  }

  /**
   * A file's cached verification.
   *
   * @param file Path relative to the root.
   * @param source The file's text.
   */
  get(file: string, source: string): CachedPage | undefined {
    const stored = this.store.peek(this.key(file, source));
    if (!stored) return undefined;
    let page = this.pages.get(stored);
    if (!page) this.pages.set(stored, (page = cachedPage(stored)));
    return page;
  }

  /**
   * Whether a file's verification is cached, without reading it.
   *
   * @param file Path relative to the root.
   * @param source The file's text.
   */
  has(file: string, source: string): boolean {
    return this.store.has(this.key(file, source));
  }

  /**
   * Store a file's verification.
   *
   * @param file Path relative to the root.
   * @param source The file's text.
   * @param input The page as it was checked (its verdicts are counted as hits when it is read back).
   * @param result Its verification.
   */
  set(file: string, source: string, input: PageCheckInput, result: FileVerification): void {
    const page = { result, verdicts: verdictsUsed(input) };
    const stored = this.store.getOrCompute(this.key(file, source), () => storedPage(page));
    if (!this.pages.has(stored)) this.pages.set(stored, page);
  }
}
