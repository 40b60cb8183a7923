/** The verification report as JSON (the contract in ../shared/DESIGN.md): /verification.json. */
import type { APIRoute } from 'astro';
import { formulaCheckEnabled, siteVerification } from '../verification/site';
import { summarize } from '../verification/report';

export const GET: APIRoute = async () => {
  const report = formulaCheckEnabled() ? { checked: true, ...(await siteVerification().report()) } : { checked: false, summary: summarize([]), formulas: [] };
  return new Response(JSON.stringify(report, null, 1), { headers: { 'content-type': 'application/json' } });
};
