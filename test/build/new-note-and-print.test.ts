/**
 * A throwaway project, built once with the real `astro build`:
 * - `npm run new-note -- handout-demo` creates a note that the build picks up and verifies;
 * - the authoring guide's passing example (test/fixtures/guide/content/notes/checks) builds;
 * - a real note (vector-and-matrix-differentials, with errata) printed to PDF by Chromium is a
 *   clean handout: no navigation, search, switch or widget text, erratum notes kept, the language
 *   chosen on screen, and no formula split across pages.
 *
 * The split check: probes (tiny text marks) are put at the start and the end of every formula
 * figure before printing; `pdftotext` tells on which PDF page each probe landed. A figure whose two
 * probes are on different pages was split by a page break in the PDF Chromium really produced.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { selectAll } from 'hast-util-select';
import { fromHtml } from 'hast-util-from-html';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../helpers/site.js';
import { launchChromium, serveDist } from '../browser/harness.js';

const NEW_SLUG = 'handout-demo';
const HANDOUT = 'vector-and-matrix-differentials';
const GUIDE_NOTE = join(ROOT, 'test', 'fixtures', 'guide', 'content', 'notes', 'checks');

let site: string;
let build: ReturnType<typeof spawnSync>;
let newNote: ReturnType<typeof spawnSync>;

function run(command: string, args: string[], cwd: string) {
  return spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '' }, timeout: 400_000 });
}

beforeAll(() => {
  site = mkdtempSync(join(tmpdir(), 'new-note-site-'));
  for (const entry of ['node_modules', 'scripts', 'test']) symlinkSync(join(ROOT, entry), join(site, entry));
  // A copy, not a link: Vite resolves a linked page's <script> to its real path and cannot find it.
  cpSync(join(ROOT, 'src'), join(site, 'src'), { recursive: true });
  for (const file of ['astro.config.mjs', 'package.json', 'tsconfig.json']) copyFileSync(join(ROOT, file), join(site, file));
  // The verdict cache is keyed by the engine's sources (the same, through the symlink): share it.
  mkdirSync(join(ROOT, '.cache'), { recursive: true });
  symlinkSync(join(ROOT, '.cache'), join(site, '.cache'));
  mkdirSync(join(site, 'content', 'notes'), { recursive: true });
  for (const file of ['glossary.yaml', 'references.yaml']) copyFileSync(join(ROOT, 'content', file), join(site, 'content', file));
  for (const [from, slug] of [[GUIDE_NOTE, 'checks'], [join(ROOT, 'content', 'notes', HANDOUT), HANDOUT]]) {
    mkdirSync(join(site, 'content', 'notes', slug));
    for (const lang of ['zh', 'en']) copyFileSync(join(from, `${lang}.md`), join(site, 'content', 'notes', slug, `${lang}.md`));
  }
  newNote = run('npm', ['run', '--silent', 'new-note', '--', NEW_SLUG], site);
  build = run('npx', ['astro', 'build'], site);
}, 600_000);

// rmSync removes the links (node_modules, scripts, test, .cache), never what they point to.
afterAll(() => {
  if (site) rmSync(site, { recursive: true, force: true });
});

const built = (path: string) => fromHtml(readFileSync(join(site, 'dist', path, 'index.html'), 'utf8'));
const statuses = (path: string, lang: string) =>
  selectAll(`.pane[data-lang="${lang}"] figure.formula`, built(path)).map((figure) => String(figure.properties.dataStatus));

describe('npm run new-note', () => {
  test('creates the Chinese and English files', () => {
    expect(newNote.stderr).toBe('');
    expect(newNote.status).toBe(0);
    for (const lang of ['zh', 'en']) {
      const text = readFileSync(join(site, 'content', 'notes', NEW_SLUG, `${lang}.md`), 'utf8');
      // Ordered after the two notes already there (orders 1 and 2).
      expect(text).toMatch(/^---\ntitle: .+\ndescription: .+\norder: 3\nconvention: denominator\n---\n/);
    }
  });

  test('refuses a slug that exists or is not a slug', () => {
    expect(run('npm', ['run', '--silent', 'new-note', '--', NEW_SLUG], site)).toMatchObject({ status: 2, stderr: expect.stringContaining('already exists') });
    expect(run('npm', ['run', '--silent', 'new-note', '--', 'Bad Slug'], site)).toMatchObject({ status: 2, stderr: expect.stringContaining('is not a slug') });
    expect(run('npm', ['run', '--silent', 'new-note', '--', 'guide'], site)).toMatchObject({ status: 2, stderr: expect.stringContaining('another page') });
  });

  test('the build succeeds and publishes the new note in both languages, its formula verified', () => {
    expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
    for (const lang of ['zh', 'en']) {
      expect(statuses(`${lang}/${NEW_SLUG}`, lang)).toEqual(['verified']);
      const home = readFileSync(join(site, 'dist', 'index.html'), 'utf8');
      expect(home).toContain(`href="/${lang}/${NEW_SLUG}/"`);
    }
  });
});

test("the guide's passing example builds with the statuses the guide shows", () => {
  expect(build.status).toBe(0);
  for (const lang of ['zh', 'en']) {
    // The last formula is the correction of an erratum: verified, marked, with the source's original in a note under it.
    expect(statuses(`${lang}/checks`, lang)).toEqual(['not-checkable', 'verified', 'verified', 'not-checkable', 'verified']);
    const corrected = selectAll(`.pane[data-lang="${lang}"] figure.formula[data-erratum]`, built(`${lang}/checks`));
    expect(corrected).toHaveLength(1);
    expect(selectAll('.erratum-note', corrected[0])).toHaveLength(1);
    expect(selectAll('.badge-erratum', corrected[0])).toHaveLength(1);
  }
});

describe('a note printed to PDF by Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveDist>>;
  beforeAll(async () => {
    browser = await launchChromium();
    server = await serveDist(join(site, 'dist'));
  });
  afterAll(async () => {
    await browser?.close();
    server?.server.close();
  });

  /** Print the handout in a reading mode chosen with the on-screen switch; probes around each formula. */
  async function print(mode: 'zh' | 'both') {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${server.origin}/zh/${HANDOUT}/`);
    await page.click(`.mode-switch [data-set-mode="${mode}"]`);
    // A reader may have opened a live check widget before printing: open the first one there is.
    const toggle = await page.$('.pane figure.formula .check-toggle');
    let widgetText: string[] = [];
    if (toggle && (await toggle.isVisible())) {
      await toggle.click();
      const panel = page.locator(`#${await toggle.getAttribute('aria-controls')}`);
      await panel.waitFor({ state: 'visible' });
      await page.waitForTimeout(500);
      widgetText = (await panel.innerText()).split('\n').map((line) => line.trim()).filter((line) => line.length > 3);
      expect(widgetText.length, 'the opened widget shows text').toBeGreaterThan(0);
    }
    const counts = await page.evaluate(() => {
      const figures = [...document.querySelectorAll('figure.formula')].filter((figure) => getComputedStyle(figure).display !== 'none' && (figure as HTMLElement).offsetParent !== null);
      figures.forEach((figure, index) => {
        for (const [where, text] of [['afterbegin', `FSTART${index}Q`], ['beforeend', `FEND${index}Q`]] as const) {
          const probe = document.createElement('span');
          probe.textContent = text;
          probe.style.cssText = 'display:block;font:1px/1px monospace;height:1px;overflow:hidden;';
          figure.insertAdjacentElement(where, probe);
        }
      });
      return { figures: figures.length, errata: [...document.querySelectorAll('.erratum-note')].filter((note) => (note as HTMLElement).offsetParent !== null).length };
    });
    const pdf = join(site, `handout-${mode}.pdf`);
    await page.pdf({ path: pdf, format: 'A4' });
    await page.close();
    const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)?.[1]);
    const pageTexts = Array.from({ length: pages }, (_, index) =>
      spawnSync('pdftotext', ['-f', String(index + 1), '-l', String(index + 1), '-layout', pdf, '-'], { encoding: 'utf8' }).stdout,
    );
    return { pdf, pages, pageTexts, text: pageTexts.join('\n'), widgetText, ...counts };
  }

  test('in Chinese: the note only, erratum notes kept, badges, no widget or navigation text', async () => {
    const { text, pages, errata, widgetText } = await print('zh');
    for (const line of widgetText) expect(text, `widget text "${line}"`).not.toContain(line);
    expect(pages).toBeGreaterThan(1);
    expect(errata).toBeGreaterThan(0);
    expect(text).toContain('勘误：原文写作');
    expect(text).toMatch(/精确验证|数值验证/);
    for (const chrome of ['矩阵微积分笔记', '搜索', '对照', 'English', '本页目录', '上一篇', '下一篇', '公式验证报告', '写作指南', '术语表', '此公式的链接', '自己验证']) {
      expect(text, chrome).not.toContain(chrome);
    }
    // Only the language chosen on screen: no English heading of the translation.
    const english = readFileSync(join(site, 'content', 'notes', HANDOUT, 'en.md'), 'utf8');
    const heading = /^### (.+)$/m.exec(english)?.[1];
    expect(heading).toBeTruthy();
    expect(text).not.toContain(heading);
  });

  test('both languages when "Both" was chosen, and no formula split across pages', async () => {
    for (const mode of ['both', 'zh'] as const) {
      const { pageTexts, figures, text } = await print(mode);
      expect(figures).toBeGreaterThan(10);
      if (mode === 'both') {
        expect(text).toContain('Erratum');
        expect(text).toContain(/^### (.+)$/m.exec(readFileSync(join(site, 'content', 'notes', HANDOUT, 'en.md'), 'utf8'))?.[1]);
      }
      const pageOf = (probe: string) => pageTexts.findIndex((pageText) => pageText.includes(probe));
      const split: string[] = [];
      for (let index = 0; index < figures; index++) {
        const start = pageOf(`FSTART${index}Q`);
        const end = pageOf(`FEND${index}Q`);
        expect(start, `probe of formula ${index} missing from the PDF`).toBeGreaterThanOrEqual(0);
        if (start !== end) split.push(`formula ${index}: pages ${start + 1}–${end + 1}`);
      }
      expect(split, mode).toEqual([]);
    }
  }, 120_000);

  test('a page of the handout renders to PNG (pdftoppm)', async () => {
    const { pdf } = await print('zh');
    const prefix = join(site, 'handout-page');
    const result = spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf, prefix], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    const pngs = readdirSync(site).filter((file) => file.startsWith('handout-page') && file.endsWith('.png'));
    expect(pngs).toHaveLength(2);
    for (const png of pngs) expect(readFileSync(join(site, png)).subarray(1, 4).toString()).toBe('PNG');
    expect(existsSync(pdf)).toBe(true);
  });
});
