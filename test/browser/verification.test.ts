/** A reader sees each formula's status and can go from the report to any formula. */
import type { Browser } from 'playwright-core';
import { expect, test } from 'vitest';
import { newContext, useBrowserSite } from './harness.js';

let browser: Browser;
let origin: string;
useBrowserSite((site) => ({ browser, origin } = site));

test('a note page shows a status badge on its formulas', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(`${origin}/en/real-matrix-differentials/`);
  const badge = page.locator('.pane[data-lang="en"] figure.formula .badge').first();
  await expect(badge.isVisible()).resolves.toBe(true);
  expect(await badge.textContent()).toMatch(/verified|not checkable|erratum/);
  await context.close();
});

test('the report page renders and its links land on their formulas', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(`${origin}/zh/verification/`);
  expect(await page.locator('table.counts tbody tr').count()).toBeGreaterThanOrEqual(5);
  const links = page.locator('table.formulas a[href*="#f-"]');
  const count = await links.count();
  expect(count).toBeGreaterThan(100);
  // An erratum record (the source's formula) links to its note under the correction.
  const erratum = await page.locator('table.formulas tr[data-status="erratum"] a[href*="#f-"]').first().getAttribute('href');
  expect(erratum).toMatch(/-erratum$/);
  for (const href of [...(await Promise.all([0, Math.floor(count / 2), count - 1].map((index) => links.nth(index).getAttribute('href')))), erratum]) {
    await page.goto(`${origin}${href}`);
    const id = decodeURIComponent(href!.split('#')[1]);
    const target = page.locator(`[id="${id}"]`);
    await expect(target.isVisible()).resolves.toBe(true);
    const box = await target.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(900);
    await page.goto(`${origin}/zh/verification/`);
  }
  await context.close();
});
