/**
 * The compiled formulas of a page, for its live check widgets: for each display formula the build
 * verified (or corrected as an erratum), its parsed tree and the context it was checked in — and
 * for an erratum also the source's original — exactly as the build's verification saw them. The
 * browser runs the engine on these; it never parses page text.
 */
import { createEngine } from '../engine/index.js';
import type { WidgetFormula, WidgetFormulas } from '../widget/data.js';
import { BUILD_SEED } from './check-page.js';
import type { SiteVerification } from './site.js';

// The data format is the widget's (it reads it); the build writes it.
export type { WidgetFormula, WidgetFormulas };

const engine = createEngine();

/**
 * The widget data of one note file, from the site's verification (one run per file content).
 *
 * @param site The site's verification.
 * @param path The note file (relative to the root, or absolute).
 */
export async function widgetFormulas(site: SiteVerification, path: string): Promise<WidgetFormulas> {
  const { records, contexts } = await site.verifyFile(path);
  const formulas: Record<string, WidgetFormula> = {};
  for (const record of records) {
    const context = contexts[record.id];
    if (!record.display || !context || (record.status !== 'verified' && record.status !== 'erratum')) continue;
    formulas[record.id] = {
      status: record.status,
      compiled: engine.compile(record.latex, context),
      ...(record.status === 'erratum' && record.original ? { original: engine.compile(record.original, context) } : {}),
    };
  }
  return { seed: BUILD_SEED, formulas };
}
