/**
 * `npx tsx scripts/widget-bench.ts [slug] [lang]` (after `npm run build`): what the live check widgets
 * cost a reader. Prints the gzipped sizes of a note page without any widget (HTML, CSS, JS), of the
 * widget's engine bundle, of its typesetter (KaTeX) and of the page's compiled formulas, then opens
 * widgets in Chromium and reports the time from click to result: the first open (modules and data
 * loaded then) and later ones.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST } from '../test/helpers/site.js';
import { launchChromium, newContext, serveDist } from '../test/browser/harness.js';

const GZIP_LEVEL = 9;
const WARM_OPENS = 12;
const BUDGET_KB = 80;

function gzipped(path: string): number {
  return gzipSync(readFileSync(path), { level: GZIP_LEVEL }).length;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(slug: string, lang: string): Promise<void> {
  const html = join(DIST, lang, slug, 'index.html');
  const text = readFileSync(html, 'utf8');
  const assets = (pattern: RegExp) => [...text.matchAll(pattern)].map((m) => join(DIST, m[1]));
  const css = assets(/<link rel="stylesheet" href="([^"]+)"/g);
  const js = assets(/<script type="module" src="([^"]+)"/g);
  const inlineJs = [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].reduce((n, m) => n + m[1].length, 0);
  /** The built chunks named after a module (`widget.<hash>.js`). */
  const chunks = (module: string) => readdirSync(join(DIST, '_astro')).filter((name) => name.startsWith(`${module}.`) && name.endsWith('.js')).map((name) => join(DIST, '_astro', name));
  const widget = chunks('widget');
  const sum = (files: string[]) => files.reduce((n, f) => n + gzipped(f), 0);
  console.log(`page /${lang}/${slug}/ without a widget (gzip -${GZIP_LEVEL}):`);
  console.log(`  HTML ${kb(gzipped(html))} (inline scripts ${kb(inlineJs)} raw)`);
  console.log(`  CSS  ${kb(sum(css))} (${css.length} file)`);
  console.log(`  JS   ${kb(sum(js))} (${js.length} file)`);
  const engineBundle = sum(widget);
  console.log(`widget + engine bundle: ${kb(engineBundle)} (budget ${BUDGET_KB} KB)${engineBundle > BUDGET_KB * 1024 ? '  OVER BUDGET' : ''}`);
  console.log(`its typesetter (KaTeX, loaded beside the formulas when the widget module loads): ${kb(sum(chunks('typeset')))}`);
  console.log(`compiled formulas of the page: ${kb(gzipped(join(DIST, 'formulas', lang, `${slug}.json`)))}`);

  const { server, origin } = await serveDist();
  const browser = await launchChromium();
  try {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${origin}/${lang}/${slug}/`);
    const toggles = page.locator(`.pane[data-lang="${lang}"] figure.formula[data-status="verified"] button.check-toggle`);
    const count = await toggles.count();
    /** Click a control and time, in the page, until its widget shows a result. */
    const timeOpen = (n: number) =>
      toggles.nth(n).evaluate((button) => new Promise<{ ms: number; engine: number }>((resolve) => {
        const panel = button.closest('figure')?.querySelector('.check-panel') as HTMLElement;
        const started = performance.now();
        const observer = new MutationObserver(() => {
          const widget = panel.querySelector('formula-check') as HTMLElement | null;
          if (widget?.dataset.state === 'ready') {
            observer.disconnect();
            resolve({ ms: performance.now() - started, engine: Number(widget.dataset.ms) });
          }
        });
        observer.observe(panel, { subtree: true, attributes: true, childList: true });
        (button as HTMLElement).click();
      }));
    const first = await timeOpen(0);
    console.log(`click → result, first open (loads the widget, its typesetter and the page's formulas): ${first.ms.toFixed(0)} ms (engine ${first.engine.toFixed(1)} ms)`);
    const warm: number[] = [];
    const engine: number[] = [];
    for (let n = 1; n < Math.min(count, WARM_OPENS + 1); n++) {
      const t = await timeOpen(n);
      warm.push(t.ms);
      engine.push(t.engine);
    }
    console.log(`click → result, later opens (${warm.length} formulas): median ${median(warm).toFixed(1)} ms, max ${Math.max(...warm).toFixed(1)} ms (engine median ${median(engine).toFixed(1)} ms)`);
    await context.close();
  } finally {
    await browser.close();
    server.close();
  }
}

await main(process.argv[2] ?? 'real-matrix-differentials', process.argv[3] ?? 'en');
