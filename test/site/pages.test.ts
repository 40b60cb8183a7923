/** Properties of the built pages that a reader (or a screen reader) relies on. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { selectAll, select } from 'hast-util-select';
import type { Element } from 'hast';
import { toString } from 'hast-util-to-string';
import { describe, expect, test } from 'vitest';
import { builtPage, DIST, ROOT } from '../helpers/site.js';
import { listNoteFiles } from '../../src/site/notes.js';

const slugs = [...new Set(listNoteFiles(ROOT).map((note) => note.slug))];

describe.each(slugs)('%s', (slug) => {
  test('display formulas have the same ids in both languages, unique on each page', () => {
    for (const lang of ['zh', 'en'] as const) {
      const page = builtPage(`${lang}/${slug}/`);
      const own = selectAll(`.pane[data-lang="${lang}"] figure.formula`, page).map((f) => f.properties.id);
      const other = selectAll(`.pane:not([data-lang="${lang}"]) figure.formula`, page).map((f) => f.properties.dataAltId);
      expect(other).toEqual(own);
      const ids = selectAll('[id]', page).map((element) => String(element.properties.id));
      expect(ids.length).toBe(new Set(ids).size);
      for (const id of own) expect(select(`a.formula-permalink[href="#${String(id)}"]`, page)).toBeTruthy();
    }
  });

  test('math is rendered at build time with MathML, and the page ships no math JavaScript', () => {
    const html = readFileSync(join(DIST, 'zh', slug, 'index.html'), 'utf8');
    expect(html).toContain('<math');
    const scripts = selectAll('script[src]', builtPage(`zh/${slug}/`)).map((s) => String(s.properties.src));
    expect(scripts.filter((src) => /katex|mathjax/i.test(src))).toEqual([]);
    for (const src of scripts) {
      expect(readFileSync(join(DIST, src), 'utf8')).not.toMatch(/renderToString|katex/i);
    }
  });

  test('each language has its own URL with hreflang alternates', () => {
    const page = builtPage(`en/${slug}/`);
    const alternates = selectAll('link[rel="alternate"]', page).map((link: Element) => `${String(link.properties.hrefLang)} ${new URL(String(link.properties.href)).pathname}`);
    expect(alternates).toEqual(expect.arrayContaining([`zh-CN /zh/${slug}/`, `en /en/${slug}/`, `x-default /zh/${slug}/`]));
    expect(select('html', page)?.properties.lang).toBe('en');
  });
});

test('frontmatter is shown on the page: date, tags, category', () => {
  const page = builtPage('zh/differential-first/');
  const meta = selectAll('.note-meta dd', page).map((dd) => JSON.stringify(dd));
  expect(meta.join()).toContain('2022-08-07');
  expect(meta.join()).toContain('线性代数');
  expect(meta.join()).toContain('derivate');
});

test('no empty heading is published', () => {
  for (const slug of slugs) {
    for (const lang of ['zh', 'en']) {
      const headings = selectAll('.pane h1, .pane h2, .pane h3, .pane h4, .pane h5, .pane h6', builtPage(`${lang}/${slug}/`));
      const titles = headings.map((heading) => toString(heading).replace(/^[\d.\s]+/, '').trim());
      expect(titles.filter((title) => !title)).toEqual([]);
    }
  }
});
