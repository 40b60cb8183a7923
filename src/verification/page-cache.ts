/**
 * The page cache: a note file's whole verification (records, problems, contexts) stored under the
 * hash of its text and of everything else it depends on — the engine, the Markdown pipeline, the
 * page check, the bibliography and the installed packages. A warm build then neither parses an
 * unchanged note again nor looks up its verdicts one by one. It lives beside the verdicts
 * (`pages/` in the verdict cache folder) and, like them, is only ever a shortcut: any change to
 * those sources gives new keys.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VerdictCache } from './cache.js';
import type { PageCheckInput } from './check-page.js';
import type { FileVerification } from './page-result.js';

/** Folders whose sources decide a page's verification (the engine's are in the engine fingerprint). */
const PIPELINE_SOURCES = [join('src', 'markdown'), join('src', 'verification')];
/** Files whose contents decide it too. */
// report-math.ts renders the report's KaTeX, cached under this fingerprint (derived-cache.ts).
const PIPELINE_FILES = [join('content', 'references.yaml'), 'package-lock.json', join('src', 'site', 'report-math.ts')];

/** A cached page: its verification and how many verdicts it used (counted as cache hits). */
interface CachedPage {
  result: FileVerification;
  verdicts: number;
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

/**
 * A page's contexts sharing their equal parts, as the check made them: read back from disk, each
 * formula's context is a copy of its own, though most formulas of a section share their symbols,
 * definitions and conventions. A warm build keeps every page's verification for the whole build.
 *
 * @param result A page's verification as read from disk (changed in place).
 */
function shareContextParts(result: FileVerification): FileVerification {
  const parts = new Map<string, unknown>();
  for (const [id, context] of Object.entries(result.contexts)) {
    const shared: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(context)) {
      const text = `${field}\0${JSON.stringify(value)}`;
      if (!parts.has(text)) parts.set(text, value);
      shared[field] = parts.get(text);
    }
    result.contexts[id] = shared as typeof context;
  }
  return result;
}

/** Whole-page verifications on disk (or in memory only), keyed by file, text and pipeline. */
export class PageCache {
  private readonly store: VerdictCache<CachedPage>;
  /** Pages whose contexts already share their parts. */
  private readonly shared = new WeakSet<CachedPage>();

  /**
   * @param dir The verdict cache folder (pages go in its `pages/`), or undefined for memory only.
   * @param fingerprint From {@link pipelineFingerprint}.
   */
  constructor(
    dir: string | undefined,
    private readonly fingerprint: string,
  ) {
    this.store = new VerdictCache<CachedPage>(dir ? join(dir, 'pages') : undefined);
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
    const cached = this.store.peek(this.key(file, source));
    if (cached && !this.shared.has(cached)) {
      shareContextParts(cached.result);
      this.shared.add(cached);
    }
    return cached;
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
    this.store.getOrCompute(this.key(file, source), () => ({ result, verdicts: verdictsUsed(input) }));
  }
}
