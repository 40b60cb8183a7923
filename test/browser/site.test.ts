/** What a reader does on the built site, in Chromium. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DIST } from '../helpers/site.js';
import { newContext, recordProblems, useBrowserSite } from './harness.js';

let browser: Browser;
let origin: string;
useBrowserSite((site) => ({ browser, origin } = site));

function builtPages(dir = DIST): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'pagefind' || name === '_astro' ? [] : builtPages(path);
    return name === 'index.html' ? [`/${relative(DIST, dir)}/`.replace('//', '/')] : [];
  });
}

const NOTE = '/zh/real-matrix-differentials/';

test('every page loads with no console error and no failed request', async () => {
  const pages = builtPages();
  expect(pages.length).toBeGreaterThanOrEqual(11);
  const context = await newContext(browser);
  const found: string[] = [];
  for (const path of pages) {
    const page = await context.newPage();
    const problems = recordProblems(page);
    await page.goto(origin + path, { waitUntil: 'networkidle' });
    found.push(...problems.map((problem) => `${path}: ${problem}`));
    await page.close();
  }
  await context.close();
  expect(found).toEqual([]);
});

test('an unknown address shows the 404 page', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  const response = await page.goto(`${origin}/zh/no-such-note/`);
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1').textContent()).resolves.toContain('404');
  await context.close();
});

describe('reading language', () => {
  test('switches without a reload, moves the address, and is remembered', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(origin + NOTE);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    const zh = page.locator('.pane[data-lang="zh"]');
    const en = page.locator('.pane[data-lang="en"]');
    expect(await zh.locator('h2').first().isVisible()).toBe(true);
    expect(await en.locator('h2').first().isVisible()).toBe(false);

    await page.getByRole('button', { name: 'English' }).click();
    expect(await en.locator('h2').first().isVisible()).toBe(true);
    expect(await zh.locator('h2').first().isVisible()).toBe(false);
    expect(new URL(page.url()).pathname).toBe('/en/real-matrix-differentials/');
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);

    await page.reload();
    expect(await page.locator('html').getAttribute('data-mode')).toBe('en');
    expect(await page.locator('.pane[data-lang="en"] h2').first().isVisible()).toBe(true);
    await context.close();
  });

  test('both languages side by side are aligned block by block on a wide screen, interleaved on a phone', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(origin + NOTE);
    await page.getByRole('button', { name: '对照' }).click();
    const boxes = async (block: number) => Promise.all(['zh', 'en'].map((lang) =>
      page.locator(`.pane[data-lang="${lang}"] > [data-block="${block}"]`).boundingBox()));
    for (const block of [1, 5, 20]) {
      const [zh, en] = await boxes(block);
      expect(zh && en).toBeTruthy();
      expect(Math.abs(zh!.y - en!.y)).toBeLessThan(2);
      expect(en!.x).toBeGreaterThan(zh!.x + zh!.width - 1);
    }
    await page.setViewportSize({ width: 390, height: 844 });
    const [zh, en] = await boxes(5);
    expect(en!.y).toBeGreaterThan(zh!.y);
    expect(Math.abs(en!.x - zh!.x)).toBeLessThan(2);
    const [nextZh] = await boxes(6);
    expect(nextZh!.y).toBeGreaterThan(en!.y);
    await context.close();
  });
});

describe('search', () => {
  test.each([
    ['交换矩阵', ['/zh/real-matrix-differentials/', '/zh/differential-first/']],
    ['Hadamard', ['/en/derivative-cheatsheet/', '/en/real-matrix-differentials/']],
    ['commutation matrix', ['/en/differential-first/']],
  ])('finds %s and lands on the right page', async (query, expected) => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(origin + NOTE);
    await page.getByRole('button', { name: '搜索' }).click();
    await page.locator('#search input').fill(query);
    const resultPaths = () => page.locator('.pagefind-ui__result-link').evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    // Results render one by one as their fragments load: wait until the expected pages are listed.
    await expect.poll(resultPaths, { timeout: 10_000 }).toEqual(expect.arrayContaining(expected));
    const links = await resultPaths();
    await page.locator('.pagefind-ui__result-link').first().click();
    await page.waitForURL((url) => expected.includes(url.pathname) || links.includes(url.pathname));
    await context.close();
  });
});

test('a formula permalink scrolls to its formula', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(origin + NOTE);
  const formula = page.locator('.pane[data-lang="zh"] figure.formula').nth(12);
  const id = await formula.getAttribute('id');
  expect(id).toMatch(/^f-[0-9a-z]+/);
  await page.goto(`${origin}/en/real-matrix-differentials/#${id}`);
  await page.waitForTimeout(200);
  const target = page.locator(`[id="${id}"]`);
  expect(await target.count()).toBe(1);
  expect(await target.isVisible()).toBe(true);
  const box = await target.boundingBox();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeLessThan(900);
  expect(await target.evaluate((element) => element.matches(':target'))).toBe(true);
  await context.close();
});

test.each(['/', '/zh/differential-first/', '/en/differential-first/', '/en/vector-and-matrix-differentials/', '/zh/glossary/'])(
  'no horizontal scroll at phone width: %s', async (path) => {
    const context = await newContext(browser, { width: 390, height: 844 });
    const page = await context.newPage();
    await page.goto(origin + path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
