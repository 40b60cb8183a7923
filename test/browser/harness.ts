/**
 * Browser-test harness: serves dist/ on a loopback port and drives Debian's Chromium through
 * playwright-core (never a downloaded browser).
 */
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { DIST } from '../helpers/site.js';

export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.json': 'application/json', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.svg': 'image/svg+xml', '.wasm': 'application/wasm',
};

/** A static server for the built site (dist/, or another build's folder), answering 404 with its 404.html as a static host does. */
export async function serveDist(dist = DIST): Promise<{ server: Server; origin: string }> {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} has no site: run \`npm run build\` first`);
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(dist, pathname));
    try {
      if (!file.startsWith(dist)) throw new Error('outside dist');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': TYPES['.html'] });
      response.end(await readFile(join(dist, '404.html')).catch(() => 'not found'));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Launch Debian's Chromium, headless. */
export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

/** What went wrong while a page was open: console errors, page errors, failed or 4xx/5xx requests. */
export function recordProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`));
  page.on('response', (response) => { if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`); });
  return problems;
}

/** A fresh context (own storage) with a viewport. */
export function newContext(browser: Browser, viewport = { width: 1400, height: 900 }): Promise<BrowserContext> {
  return browser.newContext({ viewport });
}

/**
 * Serve dist/ and launch Chromium once for a test file (before its tests, closed after them).
 *
 * @param ready Receives the browser and the site's origin once both are up.
 */
export function useBrowserSite(ready: (site: { browser: Browser; origin: string }) => void): void {
  let server: Server | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    const served = await serveDist();
    server = served.server;
    browser = await launchChromium();
    ready({ browser, origin: served.origin });
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });
}
