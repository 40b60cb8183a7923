/**
 * The compiled formulas of a page, for its live check widgets: for each display formula the build
 * verified (or corrected as an erratum), its parsed tree and the context it was checked in — and
 * for an erratum also the source's original — exactly as the build's verification saw them. The
 * browser runs the engine on these; it never parses page text. A page's data is cached (see
 * derived-cache.ts) under the note's text and the pipeline's sources.
 */
import { createEngine, type Context } from '../engine/index.js';
import { packWidgetFormulas, type WidgetFormula, type WidgetFormulas } from '../widget/data.js';
import { BUILD_SEED } from './check-page.js';
import type { DerivedCache } from './derived-cache.js';
import type { FileVerification, SiteVerification } from './site.js';

// The data format is the widget's (it reads it); the build writes it.
export type { WidgetFormula, WidgetFormulas };

const engine = createEngine();

/** What one widget formula is compiled from. */
interface WidgetSource {
  id: string;
  status: 'verified' | 'erratum';
  latex: string;
  original?: string;
  context: Context;
}

/** The display formulas of a page a widget can check, with what each is compiled from. */
function widgetSources({ records, contexts }: FileVerification): WidgetSource[] {
  const sources: WidgetSource[] = [];
  for (const record of records) {
    const context = contexts[record.id];
    if (!record.display || !context || record.status !== 'verified') continue;
    sources.push({
      id: record.id,
      // The widget's own word for a corrected formula: it also runs the source's original.
      status: record.erratum ? 'erratum' : 'verified',
      latex: record.latex,
      ...(record.erratum && record.original ? { original: record.original } : {}),
      context,
    });
  }
  return sources;
}

function compile(sources: readonly WidgetSource[]): WidgetFormulas {
  const formulas: Record<string, WidgetFormula> = {};
  for (const source of sources) {
    formulas[source.id] = {
      status: source.status,
      compiled: engine.compile(source.latex, source.context),
      ...(source.original !== undefined ? { original: engine.compile(source.original, source.context) } : {}),
    };
  }
  return { seed: BUILD_SEED, formulas };
}

/**
 * The widget data of one note file, from the site's verification (one run per file content).
 *
 * @param site The site's verification.
 * @param path The note file (relative to the root, or absolute).
 */
export async function widgetFormulas(site: SiteVerification, path: string): Promise<WidgetFormulas> {
  return compile(widgetSources(await site.verifyFile(path)));
}

/**
 * The widget data of one note file as the JSON the page ships (UTF-8 bytes), from the derived cache
 * when the note's text and the pipeline are unchanged: a page's verification, and so its widget
 * data, is made from nothing else (the page cache's key; hashing the formulas and their contexts
 * instead cost a warm build of 10,000 formulas a second). Bytes, not a string: a warm build writes
 * out what it read, with no decoding and encoding of the 39 MB of widget data the 10,000-formula site ships.
 *
 * @param site The site's verification.
 * @param path The note file (relative to the root, or absolute).
 */
export async function widgetFormulasJson(site: SiteVerification, path: string): Promise<Uint8Array<ArrayBuffer>> {
  // One reading of the file for both: the key and the verification are of the same text.
  const page = site.readPage(path);
  return widgetJson(site.derived, page.key, await site.verifyFile(path, page.text));
}

/**
 * The widget data of one note file written to a file (what a build ships): a copy of the derived
 * cache's file when the note's text and the pipeline are unchanged, else compiled, stored and written.
 *
 * @param site The site's verification.
 * @param path The note file (relative to the root, or absolute).
 * @param dest The file to write (its folder exists).
 */
export async function writeWidgetFormulas(site: SiteVerification, path: string, dest: string): Promise<void> {
  const page = site.readPage(path);
  const verification = await site.verifyFile(path, page.text);
  site.derived.writeBytes(WIDGET_KIND, widgetInputs(page.key), () => widgetBytes(verification), dest);
}

const WIDGET_KIND = 'widget-json';
const widgetInputs = (pageKey: string) => ({ seed: BUILD_SEED, page: pageKey });
const widgetBytes = (verification: FileVerification) => Buffer.from(JSON.stringify(packWidgetFormulas(compile(widgetSources(verification)))));

/**
 * The widget data of a page's verification as JSON (UTF-8 bytes), from the derived cache or
 * compiled (and stored): what {@link widgetFormulasJson} returns, for the verdict prefetch to make ahead.
 *
 * @param derived The derived cache.
 * @param pageKey The page's key (see pageKey in site.ts).
 * @param verification The page's verification.
 */
export function widgetJson(derived: DerivedCache, pageKey: string, verification: FileVerification): Uint8Array<ArrayBuffer> {
  return derived.bytes(WIDGET_KIND, widgetInputs(pageKey), () => widgetBytes(verification));
}
