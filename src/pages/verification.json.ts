/** The verification report as JSON (the contract in ../shared/DESIGN.md): /verification.json. */
import type { APIRoute } from 'astro';
import { formulaCheckEnabled, siteVerification } from '../verification/site';
import { summarize, verificationJson } from '../verification/report';

export const GET: APIRoute = async () => {
  const body = formulaCheckEnabled() ? await siteVerification().reportJson() : verificationJson(false, { summary: summarize([]), formulas: [] });
  return new Response(body, { headers: { 'content-type': 'application/json' } });
};
