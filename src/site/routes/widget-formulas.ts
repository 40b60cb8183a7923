/**
 * /formulas/<lang>/<slug>.json in `astro dev` (a build writes these files itself: ../data-files.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { formulaCheckEnabled } from '../../verification/site';
import { widgetFormulasBody } from '../data-files';
import { listNotePaths } from '../notes';

export const getStaticPaths = (() =>
  listNotePaths(process.cwd()).map((note) => ({ params: { lang: note.lang, slug: note.slug }, props: { path: note.path } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  new Response(await widgetFormulasBody(process.cwd(), (props as { path: string }).path, formulaCheckEnabled()), {
    headers: { 'content-type': 'application/json' },
  });
