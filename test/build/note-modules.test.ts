/**
 * The notes' Markdown modules in a real build (src/site/note-modules.ts), run through the launcher
 * `npm run build` uses (scripts/astro-build.mjs, heap bounded, verdict prefetch beside it): each note is
 * rendered once, not again for Astro's propagated-assets twin; its HTML goes to a file the page
 * reads when it is generated, not through the bundler; the pages carry the notes' formulas as
 * before, and the HTML files are gone after the build; Rolldown's warning about the directive Astro
 * writes into the twins stays out of the log, and every other warning stays in it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { externalizeHtml, isAstroHeadInjectWarning } from '../../src/site/note-modules.js';
import { fixtureSite } from '../helpers/fixture-site.js';
import { ROOT } from '../helpers/site.js';

/** A module as Astro's Markdown plugin writes it (astro/dist/vite-plugin-markdown), shortened. */
const astroModule = (html: string) => `
				import { unescapeHTML, createComponent, render, maybeRenderHead } from "astro/runtime/server/index.js";
				const html = () => ${JSON.stringify(html)};
				export const frontmatter = {"title":"t"};
				export async function compiledContent() {
					return await html();
				}
				export const Content = createComponent((result, _props, slots) => render\`\${maybeRenderHead()}\${unescapeHTML(html())}\`);
				`;

describe('externalizeHtml', () => {
  const cases: [string, string][] = [
    ['plain', '<p>x</p>'],
    ['quotes, backslashes and a line separator', '<span class="katex">\\frac{"a"}{b}\u2028</span>\n<p>const html = () => "no";</p>'],
    ['Chinese and math italic', '<p>矩阵 𝑋 的微分</p>'],
  ];
  test.each(cases)('%s: the module reads back exactly the HTML it held', async (_name, html) => {
    const file = join(mkdtempSync(join(tmpdir(), 'note-html-')), 'out', 'note.html');
    const moved = externalizeHtml(astroModule(html), file);
    expect(moved).toBeDefined();
    expect(moved).not.toContain(JSON.stringify(html));
    expect(readFileSync(file, 'utf8')).toBe(html);
    // The rest of the module is untouched.
    expect(moved).toContain('export async function compiledContent()');
    expect(moved).toContain(`__readNoteHtml(${JSON.stringify(file)}, 'utf8')`);
  });

  test('a module without a plain HTML literal (local images) is left alone', () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'note-html-')), 'out');
    expect(externalizeHtml('const html = async () => await updateImageReferences("<p>x</p>");', join(folder, 'note.html'))).toBeUndefined();
    expect(existsSync(folder)).toBe(false);
  });
});

describe("Rolldown's warning about Astro's propagated-assets directive", () => {
  // As Rolldown reports it for a note's twin (the id relative to the project in the message, absolute in `id`).
  const directive = (id: string, text = 'use astro:head-inject') => ({
    code: 'MODULE_LEVEL_DIRECTIVE',
    id,
    message: `The semantics of the module level directive "${text}" in "${id}" may not be preserved when bundling.`,
  });
  test.each([
    { name: "a note's propagated-assets twin", log: directive('/site/content/notes/a/en.md?astroPropagatedAssets'), quiet: true },
    { name: 'a twin with a further query', log: directive('/site/content/notes/a/en.md?astroPropagatedAssets&lang.md'), quiet: true },
    { name: 'the same directive in a module that is not a twin', log: directive('/site/src/lib.ts'), quiet: false },
    { name: "another directive in a twin (`'use client'`)", log: directive('/site/content/notes/a/en.md?astroPropagatedAssets', 'use client'), quiet: false },
    { name: 'another warning about a twin', log: { code: 'CIRCULAR_DEPENDENCY', id: '/site/content/notes/a/en.md?astroPropagatedAssets', message: 'use astro:head-inject' }, quiet: false },
    { name: 'a warning without a module', log: { code: 'MODULE_LEVEL_DIRECTIVE', message: '"use astro:head-inject"' }, quiet: false },
  ])('$name: quiet $quiet', ({ log, quiet }) => {
    expect(isAstroHeadInjectWarning(log)).toBe(quiet);
  });
});

test('a build renders each note once and keeps its HTML out of the bundle', () => {
  const note = readFileSync(join(ROOT, 'test', 'fixtures', 'verify', 'erratum', 'zh.md'), 'utf8');
  const site = fixtureSite('note-modules-', note, { second: note });
  symlinkSync(join(ROOT, 'test'), join(site, 'test')); // The guide page shows the fixtures of test/fixtures/guide.
  // Built as `npm run build` builds: through the launcher, which bounds the heap.
  const build = () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'astro-build.mjs')], {
      cwd: site,
      encoding: 'utf8',
      env: { ...process.env, GITHUB_ACTIONS: '', VERDICT_CACHE_DIR: join(site, '.cache'), BUILD_HEAP_MB: '1024' },
      timeout: 240_000,
    });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status, output.slice(-3000)).toBe(0);
    return { output, check: /checked (\d+) formulas in \d+ ms .*verdict cache: (\d+) hit\(s\), (\d+) derived/.exec(output) };
  };
  const { output, check } = build();
  expect(output).toContain("astro build, Node's heap bounded at 1024 MB (BUILD_HEAP_MB)");
  // The launcher ran the verdict prefetch beside Astro; whatever it derived, the check found cached.
  const prefetch = /verdict prefetch: (\d+) verdict\(s\) derived, \d+ already cached, \d+ note\(s\) cached whole, widget data and report formulas of \d+ made; (stopped after \d+ ms, when the build's check began|done in \d+ ms, every note)/.exec(output);
  expect(prefetch, output.slice(-3000)).not.toBeNull();
  expect(Number(check?.[2]) + Number(check?.[3])).toBe(Number(check?.[1]));
  // Two notes in two languages: four modules rendered, and the four twins not rendered again.
  expect(output).toContain('4 note module(s) rendered, their HTML kept out of the bundle; 4 propagated-assets twin(s) not rendered again');
  expect(output).not.toContain('kept their HTML in the bundle');
  // Astro's warning about its twins' directive, once per note module before, is not in the log.
  expect(output).not.toContain('MODULE_LEVEL_DIRECTIVE');
  expect(existsSync(join(site, '.astro', 'cache', 'note-html'))).toBe(false);
  for (const slug of ['fixture', 'second']) {
    for (const lang of ['zh', 'en']) {
      const page = readFileSync(join(site, 'dist', lang, slug, 'index.html'), 'utf8');
      // Both panes (the page's language and the other) carry the rendered note: KaTeX and verdicts.
      expect(page.match(/<div class="pane"/g)).toHaveLength(2);
      expect(page).toContain('class="katex-display"');
      expect(page).toContain('data-status="verified"');
    }
  }

  // Built again, nothing changed: the check that passed stamped its inputs, so the launcher starts
  // no prefetch (it would find every note cached whole), and the check derives nothing.
  const again = build();
  expect(again.output).toContain('verdict prefetch: not started, no note or checking source changed since the last checked build');
  expect(again.output).not.toMatch(/verdict prefetch: \d+ verdict/);
  expect(Number(again.check?.[2])).toBe(Number(check?.[1]));
  expect(Number(again.check?.[3])).toBe(0);
}, 480_000);

test('the build launcher refuses a heap bound that is not a number of megabytes', () => {
  for (const value of ['lots', '64', '1.5']) {
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'astro-build.mjs')], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, BUILD_HEAP_MB: value } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`BUILD_HEAP_MB must be a whole number of megabytes, at least 128 (got "${value}")`);
  }
});
