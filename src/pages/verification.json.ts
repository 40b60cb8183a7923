/** The verification report as JSON (the contract in ../shared/DESIGN.md): /verification.json. */
import type { APIRoute } from 'astro';
import { formulaCheckEnabled, siteVerification } from '../verification/site';
import { summarize } from '../verification/report';

export const GET: APIRoute = async () => {
  const body = formulaCheckEnabled() ? await siteVerification().reportJson() : JSON.stringify({ checked: false, summary: summarize([]), formulas: [] }, null, 1);
  return new Response(body, { headers: { 'content-type': 'application/json' } });
};
