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
import { encodeNonFinite, parseWithNonFinite, VerdictCache, type Codec } from './cache.js';
import { contextPacker, unpackContext, type PackedContext } from '../engine/types/context.js';
import type { PageCheckInput } from './check-page.js';
import type { FileVerification } from './page-result.js';

/** Folders whose sources decide a page's verification (the engine's are in the engine fingerprint). */
const PIPELINE_SOURCES = [join('src', 'markdown'), join('src', 'verification')];
/** Files whose contents decide it too. */
// The report's KaTeX and tables are cached under this fingerprint (derived-cache.ts): the files that make them.
const REPORT_SOURCES = ['report-math.ts', 'report-rows.ts', 'report-tables.ts', 'i18n.ts', 'urls.ts'].map((file) => join('src', 'site', file));
const PIPELINE_FILES = [join('content', 'references.yaml'), 'package-lock.json', ...REPORT_SOURCES];

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
 * A page's contexts as stored: indexes into one list of their distinct parts. Most formulas of a
 * section share their symbols, definitions and conventions, so each part is written once instead
 * of once per formula: a synthetic page of 50 formulas went from 109 KB to a third of that.
 */
interface StoredContexts {
  /** The distinct values of the contexts' fields and record entries. */
  parts: unknown[];
  /** Each formula's context, by formula id: field (or record entry) → index into `parts`. */
  contexts: Record<string, PackedContext>;
}

/**
 * A page as stored: its records and problems, and its contexts as JSON text, read and parsed only
 * when asked for. Only the widget data is compiled from contexts, and a warm build copies that from
 * the derived cache: parsing the 10,000-formula site's contexts cost its check 0.2 s, and holding
 * them (or their text) 17 MB of heap, for nothing.
 */
interface StoredPage {
  head: Pick<FileVerification, 'records' | 'declarationProblems'> & { verdicts: number };
  /** {@link StoredContexts} as JSON: the text to write, or read again from the page's file. */
  contexts: () => string;
  /** The page's file, when it was read from one. */
  file?: string;
}

/** Where a page file's second line (the contexts) starts; a file without one is not a page file. */
function contextsStart(text: string, path: string): number {
  const end = text.indexOf('\n');
  if (end < 0) throw new Error(`not a page file: ${path}`);
  return end + 1;
}

/** A page file: the head's JSON on the first line, the contexts' on the second (JSON.stringify writes no line break). */
const PAGE_CODEC: Codec<StoredPage> = {
  extension: 'page',
  encode: (page) => `${JSON.stringify(page.head, encodeNonFinite)}\n${page.contexts()}`,
  read: (path) => {
    const text = readFileSync(path, 'utf8');
    const head = parseWithNonFinite(text.slice(0, contextsStart(text, path) - 1)) as StoredPage['head'];
    return {
      head,
      file: path,
      contexts: () => {
        // Files are written whole and renamed, and never changed: only a damaged or deleted one fails here.
        try {
          const again = readFileSync(path, 'utf8');
          return again.slice(contextsStart(again, path));
        } catch (error) {
          throw new Error(`the page cache file ${path} cannot be read again for its contexts (${(error as Error).message}); delete the verdict cache's pages/ folder and build again`);
        }
      },
    };
  },
};

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
  const packer = contextPacker((value) => JSON.stringify(value, encodeNonFinite));
  const contexts: StoredContexts['contexts'] = {};
  for (const [id, context] of Object.entries(page.result.contexts)) contexts[id] = packer.pack(context);
  const parts = packer.parts;
  const { records, declarationProblems } = page.result;
  // Written when the file is: the parts are the check's own objects, so holding them costs nothing, and their text is not kept.
  return { head: { records, declarationProblems, verdicts: page.verdicts }, contexts: () => JSON.stringify({ parts, contexts } satisfies StoredContexts, encodeNonFinite) };
}

/** Contexts as the check made them (equal parts one object), from their stored JSON. */
function parseContexts(page: StoredPage): FileVerification['contexts'] {
  const text = page.contexts();
  let stored: StoredContexts;
  try {
    stored = parseWithNonFinite(text) as StoredContexts;
  } catch (error) {
    throw new Error(`the page cache file ${page.file ?? '(in memory)'} has unreadable contexts (${(error as Error).message}); delete the verdict cache's pages/ folder and build again`);
  }
  const contexts: FileVerification['contexts'] = {};
  for (const [id, packed] of Object.entries(stored.contexts)) contexts[id] = unpackContext(stored.parts, packed);
  return contexts;
}

/** A page as the site uses it: its contexts parsed when first asked for. */
function cachedPage(stored: StoredPage): CachedPage {
  const { records, declarationProblems, verdicts } = stored.head;
  let contexts: FileVerification['contexts'] | undefined;
  return {
    result: {
      records,
      declarationProblems,
      get contexts() {
        return (contexts ??= parseContexts(stored));
      },
    },
    verdicts,
  };
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
    this.store = new VerdictCache<StoredPage>(dir ? join(dir, 'pages') : undefined, { codec: PAGE_CODEC });
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
