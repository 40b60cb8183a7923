/** The compiled formulas a page's widgets run, fetched once per note file. */
import { contextPacker, unpackContext, type CompiledFormula, type PackedContext } from '../engine/index.js';

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

/** A compiled formula as the file holds it: its context packed into the file's parts. */
export type ShippedCompiled = Omit<CompiledFormula, 'context'> & { context: PackedContext };

/**
 * The widget data as the file holds it (/formulas/<lang>/<slug>.json). The formulas of a page
 * mostly share their contexts' symbols, definitions and conventions, so each distinct one is
 * written once, in `parts`: written out per formula, contexts were 45% of differential-first's
 * file, which packed went from 352 to 225 KB.
 */
export interface ShippedWidgetFormulas {
  seed: number;
  /** The distinct values of the formulas' context fields and record entries (see PackedContext). */
  parts: unknown[];
  formulas: Record<string, Omit<WidgetFormula, 'compiled' | 'original'> & { compiled: ShippedCompiled; original?: ShippedCompiled }>;
}

/**
 * The widget data as the file holds it (what the build writes).
 *
 * @param data The page's widget data.
 */
export function packWidgetFormulas(data: WidgetFormulas): ShippedWidgetFormulas {
  const packer = contextPacker();
  const pack = (compiled: CompiledFormula): ShippedCompiled => ({ ...compiled, context: packer.pack(compiled.context) });
  const formulas: ShippedWidgetFormulas['formulas'] = {};
  for (const [id, { compiled, original, ...rest }] of Object.entries(data.formulas)) {
    formulas[id] = { ...rest, compiled: pack(compiled), ...(original ? { original: pack(original) } : {}) };
  }
  return { seed: data.seed, parts: packer.parts, formulas };
}

/**
 * The widget data from the file (what a widget runs).
 *
 * @param shipped The file's JSON, parsed.
 */
export function unpackWidgetFormulas(shipped: ShippedWidgetFormulas): WidgetFormulas {
  if (!Array.isArray(shipped.parts)) throw new Error('the formula data has no context parts (a file from an older build?)');
  const unpack = (compiled: ShippedCompiled): CompiledFormula => ({ ...compiled, context: unpackContext(shipped.parts, compiled.context) });
  const formulas: WidgetFormulas['formulas'] = {};
  for (const [id, { compiled, original, ...rest }] of Object.entries(shipped.formulas)) {
    formulas[id] = { ...rest, compiled: unpack(compiled), ...(original ? { original: unpack(original) } : {}) };
  }
  return { seed: shipped.seed, formulas };
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
      return (response.json() as Promise<ShippedWidgetFormulas>).then(unpackWidgetFormulas);
    });
    data.catch(() => loaded.delete(url));
    loaded.set(url, data);
  }
  return data;
}
