/**
 * The authoring loop in `astro dev`: a page with correct formulas shows no error (and the dev server
 * serves its widget data and /verification.json); saving a wrong formula
 * into the note re-checks it and the browser's error overlay shows the mismatch with the same
 * file:line:column and message as the build.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { launchChromium } from '../browser/harness.js';
import { fixtureSite } from '../helpers/fixture-site.js';
import { ROOT } from '../helpers/site.js';

const RIGHT = String.raw`\frac{\partial a^TXb}{\partial X} = ab^T`;
const WRONG = String.raw`\frac{\partial a^TXb}{\partial X} = ba^T`;


function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

let dev: ChildProcess | undefined;
afterAll(async () => {
  if (!dev?.pid || dev.exitCode !== null) return;
  // npx does not pass a signal on to the server it started: end the whole process group, and wait.
  const exited = new Promise((resolve) => dev?.once('exit', resolve));
  process.kill(-dev.pid, 'SIGTERM');
  await exited;
});

test('saving a wrong formula in astro dev shows the build\'s message in the error overlay', async () => {
  const note = readFileSync(join(ROOT, 'test', 'fixtures', 'verify', 'deliberate-error', 'zh.md'), 'utf8').replace(WRONG, RIGHT);
  const site = fixtureSite('dev-overlay-', note);
  const port = await freePort();
  dev = spawn('npx', ['astro', 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: site,
    // Not vitest's environment (NODE_ENV=test, VITEST…): the dev server of an author.
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV' && key !== 'TEST')), VERDICT_CACHE_DIR: join(site, '.cache') },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so the server (a grandchild of npx) ends with it.
    detached: true,
  });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`astro dev did not start:\n${log}`)), 120_000);
    const listen = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes(`127.0.0.1:${port}`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    dev?.stdout?.on('data', listen);
    dev?.stderr?.on('data', listen);
  });

  // The report page renders its formula tables in place (a build puts them in at its end). Asked for
  // before the browser opens a page: the first request of a page can make Vite optimise dependencies
  // and reload the open page, which raced the overlay read below when this came after it.
  const reportPage = await (await fetch(`http://127.0.0.1:${port}/zh/verification/`)).text();
  const reportJson = (await (await fetch(`http://127.0.0.1:${port}/verification.json`)).json()) as { formulas: { lang: string }[] };
  expect(reportPage).toContain('<section id="note-fixture" data-slug="fixture">');
  expect(reportPage.match(/<td class="formula-cell">/g)?.length).toBe(reportJson.formulas.filter((formula) => formula.lang === 'zh').length);
  expect(reportPage).not.toContain('<!--verification-formula-tables-->');

  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    // The first request may land while Vite re-optimises its dependencies (then it reloads, and on a
    // loaded machine that navigation can hang until its timeout): try a few times, a hung one included.
    for (let attempt = 0; attempt < 4 && (await page.locator('figure.formula').count()) === 0; attempt++) {
      await page.goto(`http://127.0.0.1:${port}/zh/fixture/`, { waitUntil: 'load', timeout: 60_000 }).catch(() => undefined);
      await page.waitForSelector('figure.formula', { timeout: 30_000 }).catch(() => undefined);
    }
    expect(await page.locator('figure.formula').count(), `${log}\n${(await page.content()).slice(0, 2000)}`).toBeGreaterThan(1);
    expect(await page.locator('vite-error-overlay').count()).toBe(0);

    // The data files a build writes at its end, the dev server makes on request: the widgets' and the report's.
    const widget = (await (await fetch(`http://127.0.0.1:${port}/formulas/zh/fixture.json`)).json()) as { formulas: Record<string, unknown> };
    expect(Object.keys(widget.formulas).length).toBeGreaterThan(0);
    const report = (await (await fetch(`http://127.0.0.1:${port}/verification.json`)).json()) as { checked: boolean; summary: { mismatch: number; verified: number } };
    expect(report).toMatchObject({ checked: true, summary: { mismatch: 0 } });
    expect(report.summary.verified).toBeGreaterThan(0);

    // The author saves a slip: b a^T for a b^T on line 19.
    const file = join(site, 'content', 'notes', 'fixture', 'zh.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(RIGHT, WRONG));
    const overlay = page.locator('vite-error-overlay');
    // Pushed over the dev server's socket; if the save raced the socket's connection, a reload shows it too.
    const shown = await overlay.waitFor({ state: 'attached', timeout: 45_000 }).then(() => true, () => false);
    if (!shown) {
      await page.reload({ waitUntil: 'load' });
      await overlay.waitFor({ state: 'attached', timeout: 90_000 });
    }
    // Vite may also reload the page after the save (the note's module changed): an overlay read while
    // the page navigates away is read again from the reloaded page, which shows the overlay too.
    const read = () => overlay.evaluate((element) => element.shadowRoot?.textContent ?? element.textContent ?? '');
    const text = await read().catch(async (error: Error) => {
      if (!/Execution context was destroyed/.test(error.message)) throw error;
      await page.waitForLoadState('load');
      await overlay.waitFor({ state: 'attached', timeout: 90_000 });
      return read();
    });
    expect(text).toContain('content/notes/fixture/zh.md:19:1: mismatch:');
    expect(text).toContain('counterexample');
    expect(text).toMatch(/did you mean: .*transpose/);
  } finally {
    await browser.close();
  }
}, 400_000);
