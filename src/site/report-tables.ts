/**
 * The verification report's formula tables, made once and kept out of Astro's page rendering.
 *
 * The report lists every formula of the site: at 10,000 formulas its tables are 9.2 MB of HTML per
 * language. Astro renders a page to a string, encodes it and copies it through a Response body: for
 * these two pages that took about 0.6 s of a warm build (CPU profile: encodeUtf8String, undici's
 * extractBody, Buffer concatenation and the collections they left), though the tables had not
 * changed. So the tables are stored as UTF-8 bytes in the derived cache, under the notes' page keys
 * (their formulas, verdicts and titles; labels and markup are in the pipeline fingerprint); in a
 * build the page writes a marker where they go, and the notes integration puts the bytes there
 * once every page is written (astro:build:done). The dev server renders them in place. The page a
 * reader gets is the same.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../markdown/lang.js';
import type { SiteVerification } from '../verification/site.js';
import { reportFormulasHtml } from './report-math.js';
import { formulaSectionsHtml, type ReportNote } from './report-rows.js';

/** What the page writes where the tables go (no text of a note can write it: the report escapes every `<`). */
export const TABLES_MARKER = '<!--verification-formula-tables-->';

/** The tables waiting for their page to be written, by the page's URL. */
const PENDING = Symbol.for('matrix-calculus-notes:report-tables');

/** Shared by the config's copy of this module (the integration) and the pages' bundled copy. */
function pending(): Map<string, Uint8Array> {
  const global = globalThis as Record<symbol, Map<string, Uint8Array> | undefined>;
  return (global[PENDING] ??= new Map());
}

/**
 * A report page's tables as UTF-8, from the derived cache when nothing they show has changed.
 *
 * @param site The site's verification.
 * @param notes The notes in the site's order.
 * @param lang Page language.
 */
export async function reportTables(site: SiteVerification, notes: readonly Omit<ReportNote, 'cells'>[], lang: Lang): Promise<Uint8Array> {
  // The labels and the markup come from files in the pipeline fingerprint (page-cache.ts), which every key holds.
  const inputs = { lang, pages: await site.pageKeys(), notes: notes.map((note) => note.slug) };
  return site.derived.bytes('report-tables', inputs, () => {
    const withCells = notes.map((note) => ({ ...note, cells: reportFormulasHtml(note.formulas.map((formula) => formula.latex), site.derived) }));
    return Buffer.from(formulaSectionsHtml(withCells, lang));
  });
}

/**
 * Hold a page's tables until the build has written it; what the page writes in their place.
 *
 * @param url The page's URL (`/zh/verification/`; the build writes it as that folder's index.html).
 * @param tables Its tables.
 */
export function deferTables(url: string, tables: Uint8Array): string {
  pending().set(url, tables);
  return TABLES_MARKER;
}

/**
 * Put each held page's tables where its marker is, in the written page; returns the pages done.
 *
 * @param outDir The build's output folder.
 */
export function spliceTables(outDir: string): number {
  const held = pending();
  const marker = Buffer.from(TABLES_MARKER);
  for (const [url, tables] of held) {
    const path = join(outDir, url, 'index.html');
    const page = readFileSync(path);
    const at = page.indexOf(marker);
    if (at < 0 || page.indexOf(marker, at + 1) >= 0) throw new Error(`${path}: expected the verification tables' marker once, found it ${at < 0 ? 'nowhere' : 'more than once'}`);
    writeFileSync(path, Buffer.concat([page.subarray(0, at), tables, page.subarray(at + marker.length)]));
  }
  const done = held.size;
  held.clear();
  return done;
}
