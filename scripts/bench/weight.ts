/**
 * Page weight of a built site: the bytes a reader downloads for a typical note page (the note page
 * of median HTML size), gzipped as a server would send them — HTML, CSS, the JavaScript the page
 * loads at once, the JavaScript it loads on demand (the check widget with the engine; search is
 * Pagefind's and counted apart), and the math fonts its CSS refers to — and the engine bundled
 * alone for the browser with esbuild.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** Raw and gzipped bytes. */
export interface Bytes {
  raw: number;
  gzip: number;
  files: number;
}

/** What one note page weighs. */
export interface PageWeight {
  page: string;
  html: Bytes;
  css: Bytes;
  /** Scripts the page runs on load (inline and external, with their static imports). */
  js: Bytes;
  /** Scripts loaded on demand by those (dynamic imports: the widget and its engine). */
  jsOnDemand: Bytes;
  /** Scripts those load on demand in turn (the widget's typesetter, KaTeX); absent from runs before it existed. */
  jsOnDemandNested?: Bytes;
  /** Font files (woff2, sent as they are) the page's CSS refers to: an upper bound, a browser fetches only the faces it uses. */
  fonts: Bytes;
}

/** Sizes of contents; `compress: false` for files served as they are (woff2 is compressed already). */
function bytesOf(contents: readonly (string | Buffer)[], compress = true): Bytes {
  return contents.reduce<Bytes>(
    (sum, content) => ({
      raw: sum.raw + Buffer.byteLength(content),
      gzip: sum.gzip + (compress ? gzipSync(content).length : Buffer.byteLength(content)),
      files: sum.files + 1,
    }),
    { raw: 0, gzip: 0, files: 0 },
  );
}

function attributeValues(html: string, pattern: RegExp): string[] {
  return [...html.matchAll(pattern)].map((match) => match[1]);
}

/** Resolve a URL path of the site to a file in dist/. */
function fileOf(dist: string, from: string, url: string): string | undefined {
  const clean = url.split(/[?#]/)[0];
  if (/^[a-z]+:\/\//i.test(clean)) return undefined;
  const path = clean.startsWith('/') ? join(dist, clean) : resolve(dirname(from), clean);
  return existsSync(path) && statSync(path).isFile() ? path : undefined;
}

const STATIC_IMPORT = /(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /import\(\s*[`"'](\.{1,2}\/[^`"']+\.js)[`"']\s*\)/g;

/** Scripts reachable from `entries` by static imports, and the dynamic imports found on the way. */
function closure(dist: string, entries: readonly string[]): { statics: Set<string>; dynamics: Set<string> } {
  const statics = new Set<string>();
  const dynamics = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.pop() as string;
    if (statics.has(file)) continue;
    statics.add(file);
    const code = readFileSync(file, 'utf8');
    for (const url of attributeValues(code, STATIC_IMPORT)) {
      const target = fileOf(dist, file, url);
      if (target) queue.push(target);
    }
    for (const url of attributeValues(code, DYNAMIC_IMPORT)) {
      const target = fileOf(dist, file, url);
      if (target) dynamics.add(target);
    }
  }
  return { statics, dynamics };
}

/**
 * The weight of one built page.
 *
 * @param dist The build output folder.
 * @param page The page's HTML file.
 */
export function weighPage(dist: string, page: string): PageWeight {
  const html = readFileSync(page, 'utf8');
  const cssFiles = attributeValues(html, /<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g).concat(attributeValues(html, /<link[^>]+href="([^"]+\.css)"[^>]*rel="stylesheet"/g));
  const css = [...new Set(cssFiles.map((url) => fileOf(dist, page, url)).filter((file): file is string => !!file))];
  const inlineCss = attributeValues(html, /<style[^>]*>([\s\S]*?)<\/style>/g);
  const scriptFiles = attributeValues(html, /<script[^>]+src="([^"]+)"/g).map((url) => fileOf(dist, page, url)).filter((file): file is string => !!file && !file.includes('pagefind'));
  const inlineScripts = attributeValues(html, /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g).filter((code) => code.trim());
  const inlineImports = inlineScripts.flatMap((code) => attributeValues(code, /["'](\/[^"']+\.js)["']/g)).map((url) => fileOf(dist, page, url)).filter((file): file is string => !!file && !file.includes('pagefind'));
  const { statics, dynamics } = closure(dist, [...scriptFiles, ...inlineImports]);
  const onDemand = closure(dist, [...dynamics].filter((file) => !statics.has(file)));
  const nested = closure(dist, [...onDemand.dynamics].filter((file) => !statics.has(file) && !onDemand.statics.has(file)));
  const fontUrls = [...css, ...inlineCss].flatMap((text) => attributeValues(existsSync(text) ? readFileSync(text, 'utf8') : text, /url\(\s*["']?([^"')]+\.woff2)["']?\s*\)/g).map((url) => (existsSync(text) ? fileOf(dist, text, url) : fileOf(dist, page, url))));
  const fonts = [...new Set(fontUrls.filter((file): file is string => !!file))];
  return {
    page: page.slice(dist.length),
    html: bytesOf([html]),
    css: bytesOf([...css.map((file) => readFileSync(file)), ...inlineCss]),
    js: bytesOf([...[...statics].map((file) => readFileSync(file)), ...inlineScripts]),
    jsOnDemand: bytesOf([...onDemand.statics].filter((file) => !statics.has(file)).map((file) => readFileSync(file))),
    jsOnDemandNested: bytesOf([...nested.statics].filter((file) => !statics.has(file) && !onDemand.statics.has(file)).map((file) => readFileSync(file))),
    fonts: bytesOf(fonts.map((file) => readFileSync(file)), false),
  };
}

/**
 * The note page of median HTML size among a built site's note pages (`<lang>/<slug>/index.html`).
 *
 * @param dist The build output folder.
 * @param slugs The notes' slugs.
 */
export function typicalNotePage(dist: string, slugs: readonly string[]): string {
  const pages = ['zh', 'en']
    .flatMap((lang) => slugs.map((slug) => join(dist, lang, slug, 'index.html')))
    .filter((file) => existsSync(file))
    .sort((a, b) => statSync(a).size - statSync(b).size);
  if (!pages.length) throw new Error(`no note page in ${dist}`);
  return pages[Math.floor((pages.length - 1) / 2)];
}

/**
 * The engine bundled for the browser (esbuild, minified ESM), in bytes.
 *
 * @param root The repository root.
 */
export async function engineBundle(root: string): Promise<Bytes> {
  const result = await build({
    entryPoints: [join(root, 'src', 'engine', 'index.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
  });
  return bytesOf(result.outputFiles.map((file) => Buffer.from(file.contents)));
}

/**
 * The slugs of a project's notes.
 *
 * @param root The project root.
 */
export function noteSlugs(root: string): string[] {
  const dir = join(root, 'content', 'notes');
  return readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
}
