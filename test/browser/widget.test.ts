/**
 * The live check widgets in Chromium on the built site: opening one runs the engine on the page's
 * compiled formula and shows inputs, both sides and the relative error; re-rolling, resizing and
 * switching arithmetic re-run it; each step's LaTeX is typeset (KaTeX, loaded with the widget), or
 * shown as source when the typesetter cannot load; the keyboard alone drives it; an erratum shows
 * the source's formula failing where the correction passes; a page where no widget opens loads no engine.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DIST } from '../helpers/site.js';
import { newContext, recordProblems, useBrowserSite } from './harness.js';

/** The float tolerance the widget states (FLOAT_TOLERANCE in src/engine/verify/compare.ts). */
const TOLERANCE = 1e-8;
const NOTE = 'real-matrix-differentials';

let browser: Browser;
let origin: string;
useBrowserSite((site) => ({ browser, origin } = site));

async function openPage(lang: 'zh' | 'en', viewport?: { width: number; height: number }) {
  const context = await newContext(browser, viewport);
  const page = await context.newPage();
  const problems = recordProblems(page);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`${origin}/${lang}/${NOTE}/`);
  return { context, page, problems, requests };
}

/** The n-th checked figure of the page's own pane: a verified one, or a corrected one (an erratum's correction). */
function figure(page: Page, lang: 'zh' | 'en', kind: 'verified' | 'erratum', n = 0): Locator {
  const which = kind === 'erratum' ? '[data-erratum]' : ':not([data-erratum])';
  return page.locator(`.pane[data-lang="${lang}"] figure.formula[data-status="verified"]${which}:has(button.check-toggle)`).nth(n);
}

async function open(fig: Locator): Promise<Locator> {
  await fig.locator('button.check-toggle').click();
  const widget = fig.locator('formula-check[data-state="ready"]');
  await widget.waitFor({ timeout: 20_000 });
  return widget;
}

/** Every input entry at full precision (the cells' titles). */
function inputEntries(widget: Locator): Promise<string[]> {
  return widget.locator('.check-inputs td').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('title') ?? ''));
}

async function relativeErrors(scope: Locator): Promise<{ error: number; equal: boolean }[]> {
  return scope.locator('.check-step[data-equal]').evaluateAll((steps) =>
    steps.map((step) => ({ error: Number(step.querySelector('.check-error')?.getAttribute('data-rel-error')), equal: step.getAttribute('data-equal') === 'true' })),
  );
}

async function expectPassing(scope: Locator): Promise<void> {
  const errors = await relativeErrors(scope);
  expect(errors.length).toBeGreaterThan(0);
  for (const { error, equal } of errors) {
    expect(equal).toBe(true);
    expect(error).toBeLessThanOrEqual(TOLERANCE);
  }
}

test('the page script gives every verified formula its control and panel; the HTML carries none', async () => {
  const html = await (await fetch(`${origin}/en/${NOTE}/`)).text();
  expect(html).not.toContain('check-toggle');
  const { context, page } = await openPage('en');
  await page.waitForLoadState('load');
  for (const lang of ['zh', 'en']) {
    const verified = page.locator(`.pane[data-lang="${lang}"] figure.formula[data-status="verified"]`);
    const count = await verified.count();
    expect(count).toBeGreaterThan(10);
    expect(await page.locator(`.pane[data-lang="${lang}"] figure.formula[data-status="verified"] > .formula-tools > button.check-toggle`).count()).toBe(count);
    expect(await page.locator(`.pane[data-lang="${lang}"] figure.formula[data-status="verified"] > .check-panel[hidden]`).count()).toBe(count);
    expect(await page.locator(`.pane[data-lang="${lang}"] figure.formula:not([data-status="verified"]) button.check-toggle`).count()).toBe(0);
  }
  await context.close();
});

test('a page where no widget is opened requests no engine script and no compiled formulas', async () => {
  const { context, page, problems, requests } = await openPage('en');
  await page.waitForLoadState('load');
  await page.mouse.wheel(0, 4000);
  // Give any eager prefetch time to show up (there must be none).
  await page.waitForTimeout(1000);
  expect(await page.locator('button.check-toggle').count()).toBeGreaterThan(10);
  const scripts = requests.filter((url) => url.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(0);
  expect(requests.filter((url) => /\/_astro\/(widget|typeset)\.|\/formulas\//.test(url))).toEqual([]);
  expect(await page.evaluate(() => customElements.get('formula-check') === undefined)).toBe(true);
  expect(problems).toEqual([]);
  await context.close();
});

describe('a verified formula', () => {
  test('opens with its inputs, both sides and a relative error within the tolerance', async () => {
    const { context, page, problems, requests } = await openPage('en');
    const fig = figure(page, 'en', 'verified', 0);
    const toggle = fig.locator('button.check-toggle');
    expect(await toggle.textContent()).toBe('Check it yourself');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    const widget = await open(fig);
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const panel = page.locator(`[id="${await toggle.getAttribute('aria-controls')}"]`);
    expect(await panel.isVisible()).toBe(true);
    expect(await widget.getAttribute('role')).toBe('region');
    expect(await widget.locator('.check-inputs .check-matrix').count()).toBeGreaterThan(0);
    expect(await widget.locator('.check-step .check-matrix').count()).toBeGreaterThanOrEqual(3);
    expect(await widget.locator('.check-meta').textContent()).toMatch(/seed \d+ \(the build’s\)/);
    await expectPassing(widget);
    expect(requests.some((url) => /\/_astro\/widget\./.test(url))).toBe(true);
    expect(requests.some((url) => url.endsWith(`/formulas/en/${NOTE}.json`))).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  test("shows each step's sides typeset, with the LaTeX source kept as the title and in the MathML", async () => {
    const { context, page, problems, requests } = await openPage('en');
    const widget = await open(figure(page, 'en', 'verified', 0));
    const steps = widget.locator('.check-step');
    expect(await steps.count()).toBeGreaterThan(0);
    // Each step's heading and both sides' captions: typeset, none left as source.
    expect(await widget.locator('.check-step-title code, .check-matrix figcaption code').count()).toBe(0);
    const typeset = await widget.locator('.check-tex').evaluateAll((nodes) =>
      nodes.map((node) => ({ title: node.getAttribute('title') ?? '', tex: node.querySelector('annotation[encoding="application/x-tex"]')?.textContent ?? '', html: Boolean(node.querySelector('.katex-html')) })),
    );
    expect(typeset.length).toBeGreaterThanOrEqual((await steps.count()) * 3);
    for (const { title, tex, html } of typeset) {
      expect(title.length).toBeGreaterThan(0);
      expect(tex).toContain(title);
      expect(html).toBe(true);
    }
    expect(requests.some((url) => /\/_astro\/typeset\./.test(url))).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('without its typesetter (the chunk fails to load) shows the LaTeX source and still checks', async () => {
    const { context, page, problems } = await openPage('en');
    await page.route(/\/_astro\/typeset\.[^/]*\.js$/, (route) => route.abort());
    const widget = await open(figure(page, 'en', 'verified', 0));
    expect(await widget.locator('.check-tex').count()).toBe(0);
    const sources = await widget.locator('.check-step-title code').allTextContents();
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.every((source) => source.includes('\\'))).toBe(true);
    await expectPassing(widget);
    // The failed chunk is the only problem the page reports.
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.filter((problem) => !/\/_astro\/typeset\./.test(problem) && problem !== 'console: Failed to load resource: net::ERR_FAILED')).toEqual([]);
    await context.close();
  });

  test('re-roll changes the inputs and the check still passes', async () => {
    const { context, page, problems } = await openPage('en');
    const widget = await open(figure(page, 'en', 'verified', 1));
    const before = await inputEntries(widget);
    const seed = await widget.getAttribute('data-seed');
    await widget.locator('button.check-reroll').click();
    await expect.poll(() => widget.getAttribute('data-seed')).not.toBe(seed);
    expect(await inputEntries(widget)).not.toEqual(before);
    await expectPassing(widget);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('changing a dimension size re-runs the check at that size', async () => {
    const { context, page, problems } = await openPage('en');
    const widget = await open(figure(page, 'en', 'verified', 0));
    const select = widget.locator('.check-sizes select').first();
    const options = await select.locator('option').evaluateAll((list) => list.map((o) => (o as HTMLOptionElement).value));
    const current = await select.inputValue();
    const next = options.find((value) => value !== current)!;
    expect(next).toBeDefined();
    const captions = () => widget.locator('.check-size').allTextContents();
    const before = await captions();
    await select.selectOption(next);
    await expect.poll(() => select.inputValue()).toBe(next);
    await expect.poll(captions).not.toEqual(before);
    expect(await widget.locator('.check-meta').textContent()).toContain(`= ${next}`);
    await expectPassing(widget);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('switches between exact and float arithmetic where both are possible', async () => {
    const { context, page, problems } = await openPage('en');
    const widget = await open(figure(page, 'en', 'verified', 0));
    const mode = widget.locator('.check-mode');
    if (await mode.isVisible()) {
      await mode.locator('button[data-mode="float"]').click();
      await expect.poll(() => widget.locator('.check-meta').textContent()).toContain('float64');
      expect(await mode.locator('button[data-mode="float"]').getAttribute('aria-pressed')).toBe('true');
      await expectPassing(widget);
      await mode.locator('button[data-mode="exact"]').click();
      await expect.poll(() => widget.locator('.check-meta').textContent()).toContain('exact rational');
    } else {
      expect(await widget.locator('.check-meta').textContent()).toContain('float64');
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});

test('the keyboard alone opens a widget, re-rolls and closes it', async () => {
  const { context, page, problems } = await openPage('en');
  let onToggle = false;
  for (let presses = 0; presses < 400 && !onToggle; presses++) {
    await page.keyboard.press('Tab');
    onToggle = await page.evaluate(() => document.activeElement?.matches('.pane button.check-toggle') ?? false);
  }
  expect(onToggle).toBe(true);
  await page.keyboard.press('Enter');
  const widget = page.locator('formula-check[data-state="ready"]');
  await widget.waitFor({ timeout: 20_000 });
  await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('check-reroll');
  const seed = await widget.getAttribute('data-seed');
  await page.keyboard.press('Enter');
  await expect.poll(() => widget.getAttribute('data-seed')).not.toBe(seed);
  await expectPassing(widget);
  await page.keyboard.press('Escape');
  expect(await widget.isVisible()).toBe(false);
  expect(await page.evaluate(() => document.activeElement?.matches('button.check-toggle[aria-expanded="false"]'))).toBe(true);
  await page.keyboard.press('Enter');
  await expect.poll(() => widget.isVisible()).toBe(true);
  expect(problems).toEqual([]);
  await context.close();
});

test('an erratum widget shows the source formula failing and the correction passing on the same numbers', async () => {
  const { context, page, problems } = await openPage('en');
  const count = await page.locator('.pane[data-lang="en"] figure.formula[data-status="verified"][data-erratum]:has(button.check-toggle)').count();
  expect(count).toBeGreaterThan(0);
  let sameNumbers = 0;
  for (let n = 0; n < count; n++) {
    const widget = await open(figure(page, 'en', 'erratum', n));
    const original = await relativeErrors(widget.locator('.check-original'));
    const shapeConflict = original.length === 0;
    if (!shapeConflict) {
      expect(original.some((step) => !step.equal)).toBe(true);
      expect(original.filter((step) => !step.equal).every((step) => step.error > 0)).toBe(true);
    }
    await expectPassing(widget.locator('.check-correction'));
    if (await widget.locator('.check-results > .check-inputs').count()) sameNumbers++;
  }
  expect(sameNumbers).toBeGreaterThan(0);
  expect(problems).toEqual([]);
  await context.close();
});

test('in Chinese, and at phone width with no horizontal page scroll', async () => {
  const { context, page, problems } = await openPage('zh', { width: 390, height: 844 });
  const fig = figure(page, 'zh', 'verified', 2);
  expect(await fig.locator('button.check-toggle').textContent()).toBe('自己验证');
  const widget = await open(fig);
  expect(await widget.locator('button.check-reroll').textContent()).toBe('换一组输入');
  expect(await widget.locator('.check-meta').textContent()).toContain('种子');
  await expectPassing(widget);
  const erratum = await open(figure(page, 'zh', 'erratum', 0));
  await erratum.locator('button.check-full').click();
  await expect.poll(() => erratum.locator('button.check-full').getAttribute('aria-pressed')).toBe('true');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(problems).toEqual([]);
  await context.close();
});

test("the typesetter reads every step's LaTeX of every note's widget data, in both languages", async () => {
  const { context, page, requests } = await openPage('en');
  await open(figure(page, 'en', 'verified', 0));
  const chunk = requests.find((url) => /\/_astro\/typeset\.[^/]*\.js$/.test(url));
  expect(chunk).toBeDefined();
  const files = ['zh', 'en'].flatMap((lang) => readdirSync(join(DIST, 'formulas', lang)).map((file) => `/formulas/${lang}/${file}`));
  expect(files.length).toBe(8);
  // A string, not a function: Vitest would rewrite a function's import() for Node.
  const result = (await page.evaluate(`(async () => {
    const { typeset } = await import(${JSON.stringify(chunk)});
    const latex = new Set();
    const collect = (value) => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) {
          if (/latex/i.test(key) && typeof inner === 'string') latex.add(inner);
          else collect(inner);
        }
      }
    };
    for (const file of ${JSON.stringify(files)}) collect(await (await fetch(file)).json());
    return { count: latex.size, unread: [...latex].filter((source) => !typeset(source)) };
  })()`)) as { count: number; unread: string[] };
  expect(result.count).toBeGreaterThan(100);
  expect(result.unread).toEqual([]);
  await context.close();
});
