/** The compiled formulas a page's widgets run, fetched once per note file. */
import type { CompiledFormula } from '../engine/index.js';

/** A formula a widget can check (see src/verification/compiled.ts, which writes it). */
export interface WidgetFormula {
  status: 'verified' | 'erratum';
  compiled: CompiledFormula;
  original?: CompiledFormula;
}

/** One note file's widget data. */
export interface WidgetFormulas {
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
