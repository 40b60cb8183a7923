/**
 * The compiled formulas of one note file (/formulas/<lang>/<slug>.json): what its live check
 * widgets run. Loaded only when a reader opens a widget.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { listNoteFiles } from '../../../site/notes';
import { widgetFormulasJson, type WidgetFormulas } from '../../../verification/compiled';
import { BUILD_SEED } from '../../../verification/check-page';
import { formulaCheckEnabled, siteVerification } from '../../../verification/site';

export const getStaticPaths = (() =>
  listNoteFiles(process.cwd()).map((note) => ({ params: { lang: note.lang, slug: note.slug }, props: { path: note.path } }))) satisfies GetStaticPaths;

const UNCHECKED: WidgetFormulas = { seed: BUILD_SEED, formulas: {} };

export const GET: APIRoute = async ({ props }) => {
  const json = formulaCheckEnabled() ? await widgetFormulasJson(siteVerification(), (props as { path: string }).path) : JSON.stringify(UNCHECKED);
  return new Response(json, { headers: { 'content-type': 'application/json' } });
};
