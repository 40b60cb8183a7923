/** The compiled formulas a page's widgets run, fetched once per note file. */
import type { CompiledFormula } from '../engine/index.js';

/** A formula a widget can check (src/verification/compiled.ts writes these at build time). */
export interface WidgetFormula {
  status: 'verified' | 'erratum';
  /** The formula as shown on the page (for an erratum, the correction). */
  compiled: CompiledFormula;
  /** For an erratum: the source's formula as written, compiled in the same context. */
  original?: CompiledFormula;
}

/** What a page's widgets load: the build's seed and the formulas by id. */
export interface WidgetFormulas {
  /** The seed the build checked with: the widget starts from it, so its first numbers are the build's. */
  seed: number;
  formulas: Record<string, WidgetFormula>;
}

const loaded = new Map<string, Promise<WidgetFormulas>>();

/**
 * The widget data at a URL (fetched once, then shared by every widget of the page).
 *
 * @param url The note file's formulas URL (`/formulas/<lang>/<slug>.json`).
 */
export function loadFormulas(url: string): Promise<WidgetFormulas> {
  let data = loaded.get(url);
  if (!data) {
    data = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return response.json() as Promise<WidgetFormulas>;
    });
    data.catch(() => loaded.delete(url));
    loaded.set(url, data);
  }
  return data;
}
