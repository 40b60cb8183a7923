/** /verification.json in `astro dev` (a build writes this file itself: ../data-files.ts). */
import type { APIRoute } from 'astro';
import { formulaCheckEnabled } from '../../verification/site';
import { reportBody } from '../data-files';

export const GET: APIRoute = async () =>
  new Response(await reportBody(process.cwd(), formulaCheckEnabled()), { headers: { 'content-type': 'application/json' } });
