/**
 * Verification of the whole site (Node): every note file is parsed with the notes pipeline, its
 * formulas collected and checked, and the results gathered into the report. Results are kept per
 * file content, so the build's start, each page render and the report pages share one run, and a
 * saved file in `astro dev` is re-checked alone.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join, relative, isAbsolute, resolve } from 'node:path';
import type { Verdict } from '../engine/index.js';
import type { Reference } from '../markdown/dialect/citations.js';
import { parseNote } from '../markdown/parse-note.js';
import { listNotePaths, loadReferences } from '../site/notes.js';
import { verifyEachPage, type ParallelOptions } from './batch.js';
import { DEFAULT_CACHE_DIR, VerdictCache, type CacheStats } from './cache.js';
import { verdictCacheDir } from './cache-dir.mjs';
import { createChecker, type Checker, type DeclarationProblem, type PageCheckInput } from './check-page.js';
import { collectFormulas } from './collect.js';
import { DerivedCache } from './derived-cache.js';
import { formatProblem } from './format.js';
import { engineFingerprint, PageCache, pipelineFingerprint } from './page-cache.js';
import { verifyPage, type FileVerification } from './page-result.js';
import { isProblem, summarize, verificationJson, type FormulaRecord, type VerificationReport } from './report.js';

export type { FileVerification } from './page-result.js';
// The engine's fingerprint lives with the page cache's (a light module the verdict prefetch reads first).
export { engineFingerprint } from './page-cache.js';

/** Options of {@link createSiteVerification}. */
export interface SiteVerificationOptions {
  /** Project root. */
  root: string;
  /** Verdict cache folder (absolute, or relative to root), or false for memory only. Default `.cache/verdicts`. */
  cacheDir?: string | false;
  /** Checking the whole site in parallel (worker threads), or false for one thread. Default: a worker per core but one (see batch.ts). */
  parallel?: ParallelOptions | false;
}

/** The site's verification: per file, and the whole report. */
export interface SiteVerification {
  /** Check one note file (path absolute or relative to the root). */
  verifyFile(path: string, text?: string): Promise<FileVerification>;
  /**
   * A note file's text, and the key of what its verification is made from besides the pipeline's
   * sources: its path and a hash of that text (what is derived from one page is cached under it).
   */
  readPage(path: string): { text: string; key: string };
  /** Check every note; the report of the contract. */
  report(): Promise<VerificationReport>;
  /** Every note's page key (see {@link SiteVerification.readPage}), in the notes' order: what the whole report is made from. */
  pageKeys(): Promise<string[]>;
  /**
   * The report as the built site's /verification.json ships it (UTF-8 bytes, `checked: true`
   * first), from the derived cache when no note changed: stringifying the 20,000 records of the
   * 10,000-formula site took a warm build 0.2 s.
   */
  reportJson(): Promise<Uint8Array<ArrayBuffer>>;
  /** {@link SiteVerification.reportJson} written to a file: a copy of the derived cache's file when no note changed. */
  writeReportJson(dest: string): Promise<void>;
  /** Every problem of the site as terminal text, one entry per problem. */
  problems(): Promise<{ records: FormulaRecord[]; declarations: DeclarationProblem[] }>;
  /** Cache hits and misses so far. */
  cacheStats(): CacheStats;
  /** What the build makes from the verification (widget data, report KaTeX), cached beside the verdicts. */
  derived: DerivedCache;
  /** The verdict cache folder (absolute), or undefined for memory only. */
  cacheDir: string | undefined;
}

function slugAndLang(path: string): { slug: string; lang: 'zh' | 'en' } {
  const match = /notes[\\/]([^\\/]+)[\\/](zh|en)\.md$/.exec(path);
  return match ? { slug: match[1], lang: match[2] as 'zh' | 'en' } : { slug: path, lang: path.endsWith('en.md') ? 'en' : 'zh' };
}

/**
 * A note as its check takes it: parsed with the notes pipeline, its formulas collected, its
 * language and layout convention read.
 *
 * @param file Path relative to the root.
 * @param source The file's text.
 * @param references The site's bibliography (citations are part of parsing).
 */
export async function notePageInput(file: string, source: string, references: Record<string, Reference>): Promise<PageCheckInput> {
  const { tree } = await parseNote(source, file, { references });
  const frontmatter = /^---\r?\n[\s\S]*?\nconvention:\s*(numerator|denominator)/.exec(source);
  return { file, ...slugAndLang(file), convention: frontmatter?.[1] as 'numerator' | 'denominator' | undefined, formulas: collectFormulas(tree, source) };
}

/**
 * The key of what is made from one note file besides the pipeline's sources (its verification, its
 * widget data): its path and a hash of its text.
 *
 * @param file Path relative to the root.
 * @param text The file's text.
 */
export function pageKey(file: string, text: string): string {
  return `${file}\0${createHash('sha1').update(text).digest('hex')}`;
}

/**
 * A site verification over a project.
 *
 * @param options Root and cache folder.
 */
export function createSiteVerification(options: SiteVerificationOptions): SiteVerification {
  const { root } = options;
  const cacheDir = options.cacheDir === false ? undefined : resolve(root, options.cacheDir ?? DEFAULT_CACHE_DIR);
  const cache = new VerdictCache<Verdict>(cacheDir);
  const fingerprint = engineFingerprint(root);
  const checker: Checker = createChecker(cache, fingerprint);
  const references = loadReferences(root);
  const pipeline = pipelineFingerprint(root, fingerprint);
  const pages = new PageCache(cacheDir, pipeline);
  const derived = new DerivedCache(cacheDir, pipeline);
  const byContent = new Map<string, Promise<FileVerification>>();

  /** A page's verification from the page cache, its verdicts counted as cache hits. */
  const fromPageCache = (file: string, source: string): FileVerification | undefined => {
    const cached = pages.get(file, source);
    if (cached) cache.count(cached.verdicts);
    return cached?.result;
  };
  const fileOf = (path: string) => (isAbsolute(path) ? relative(root, path) : path);
  const pageInput = (file: string, source: string): Promise<PageCheckInput> => notePageInput(file, source, references);

  /**
   * Each note file as last read, under its size and modification time: a build asks for every note
   * several times (its check, its page, its widget data, the report pages), and reading and hashing
   * them again each time cost a warm build of the 10,000-formula site 0.2 s. A saved file (`astro
   * dev`) has a new modification time, so it is read again.
   */
  const lastRead = new Map<string, { stamp: string; text: string; key: string }>();
  const readPage = (path: string): { text: string; key: string } => {
    const file = fileOf(path);
    const absolute = join(root, file);
    const { size, mtimeNs } = statSync(absolute, { bigint: true });
    const stamp = `${size} ${mtimeNs}`;
    let page = lastRead.get(file);
    if (page?.stamp !== stamp) {
      const text = readFileSync(absolute, 'utf8');
      page = { stamp, text, key: pageKey(file, text) };
      lastRead.set(file, page);
    }
    return page;
  };

  const verifyFile = (path: string, text?: string): Promise<FileVerification> => {
    const file = fileOf(path);
    const { text: source, key } = text === undefined ? readPage(file) : { text, key: pageKey(file, text) };
    let result = byContent.get(key);
    if (!result) {
      const cached = fromPageCache(file, source);
      result = cached
        ? Promise.resolve(cached)
        : pageInput(file, source).then((input) => {
            const verification = verifyPage(input, checker);
            pages.set(file, source, input, verification);
            return verification;
          });
      byContent.set(key, result);
    }
    return result;
  };

  /** Every note's verification and page key, the ones not yet checked in one batch (in parallel when it pays). */
  const all = async (): Promise<{ files: FileVerification[]; keys: string[] }> => {
    const notes = listNotePaths(root).map(({ path: file }) => {
      const { text: source, key } = readPage(file);
      return { file, source, key };
    });
    const fresh = notes.filter((note) => !byContent.has(note.key));
    for (const note of fresh) {
      const cached = fromPageCache(note.file, note.source);
      if (cached) byContent.set(note.key, Promise.resolve(cached));
    }
    const toCheck = fresh.filter((note) => !byContent.has(note.key));
    if (toCheck.length) {
      // One batch (the pool spreads its formulas over the workers); each page settles as soon as it is checked.
      const batch = Promise.all(toCheck.map((note) => pageInput(note.file, note.source))).then((inputs) =>
        verifyEachPage(inputs, { checker, cache, engineFingerprint: fingerprint, cacheDir, parallel: options.parallel ?? {} }).map((result, i) =>
          result.then((verification) => {
            pages.set(toCheck[i].file, toCheck[i].source, inputs[i], verification);
            return verification;
          }),
        ),
      );
      toCheck.forEach((note, i) => byContent.set(note.key, batch.then((results) => results[i])));
    }
    const files = await Promise.all(notes.map((note) => byContent.get(note.key) as Promise<FileVerification>));
    return { files, keys: notes.map((note) => note.key) };
  };

  const reportOf = (files: readonly FileVerification[]): VerificationReport => {
    const formulas = files.flatMap((file) => file.records);
    return { summary: summarize(formulas), formulas };
  };

  /** The report's JSON: made from the notes' verifications alone, so cached under their page keys. */
  const reportJsonSource = async () => {
    const { files, keys } = await all();
    return { inputs: { pages: keys }, make: () => Buffer.from(verificationJson(true, reportOf(files))) };
  };

  return {
    verifyFile,
    readPage,
    async report() {
      return reportOf((await all()).files);
    },
    async pageKeys() {
      return (await all()).keys;
    },
    async reportJson() {
      const { inputs, make } = await reportJsonSource();
      return derived.bytes(REPORT_JSON, inputs, make);
    },
    async writeReportJson(dest) {
      const { inputs, make } = await reportJsonSource();
      derived.writeBytes(REPORT_JSON, inputs, make, dest);
    },
    async problems() {
      const { files } = await all();
      return {
        records: files.flatMap((file) => file.records.filter(isProblem)),
        declarations: files.flatMap((file) => file.declarationProblems),
      };
    },
    cacheStats: () => ({ ...cache.stats }),
    derived,
    cacheDir,
  };
}

/** The derived cache's kind of the report's JSON. */
const REPORT_JSON = 'report-json';

/** Whether this build checks formulas: `FORMULA_CHECK=off` turns it off (benchmarks measure the cost). */
export function formulaCheckEnabled(): boolean {
  return process.env.FORMULA_CHECK !== 'off';
}

/**
 * The process's site verifications, on the global object: the config's copy of this module (hooks,
 * Markdown plugin) and the pages' bundled copy (report, widget data) share one run, so a build
 * parses and checks each note once.
 */
const SITES = Symbol.for('matrix-calculus-notes.site-verifications');
const sites: Map<string, SiteVerification> = ((globalThis as Record<symbol, unknown>)[SITES] as Map<string, SiteVerification> | undefined) ??
  ((globalThis as Record<symbol, unknown>)[SITES] = new Map<string, SiteVerification>());

/**
 * The verification of the site in the current working directory, shared by the build's hooks,
 * the Markdown plugin and the report pages of one process.
 *
 * @param root Project root (default: the working directory).
 */
export function siteVerification(root = process.cwd()): SiteVerification {
  let site = sites.get(root);
  if (!site) {
    site = createSiteVerification({ root, cacheDir: verdictCacheDir(root) });
    sites.set(root, site);
  }
  return site;
}

/**
 * All problems as one message (for a failed build or the dev overlay).
 *
 * @param problems From {@link SiteVerification.problems}.
 */
export function problemsMessage(problems: Awaited<ReturnType<SiteVerification['problems']>>): string {
  const parts = [
    ...problems.declarations.map((p) => `${p.file}:${p.line}:1: bad declaration: ${p.message}`),
    ...problems.records.map(formatProblem),
  ];
  return `${parts.length} formula problem(s):\n\n${parts.join('\n\n')}`;
}
