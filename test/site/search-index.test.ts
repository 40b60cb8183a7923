/**
 * What the search index (Pagefind, pagefind.yml) holds of a note: its text, and each formula once,
 * as its LaTeX; not a formula's glyphs, permalink or status badge.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, test } from 'vitest';
import { builtPage, DIST, ROOT } from '../helpers/site.js';
import { listNoteFiles } from '../../src/site/notes.js';

/** Each indexed page's text, by URL: Pagefind's fragments, gzipped JSON after a signature. */
function indexedText(): Map<string, string> {
  const folder = join(DIST, 'pagefind', 'fragment');
  const text = new Map<string, string>();
  for (const file of readdirSync(folder)) {
    const raw = gunzipSync(readFileSync(join(folder, file))).toString('utf8');
    const fragment = JSON.parse(raw.slice(raw.indexOf('{'))) as { url: string; content: string };
    // Pagefind marks the words its Chinese segmentation found with zero-width spaces.
    text.set(fragment.url, fragment.content.replaceAll('\u200b', '').replace(/\s+/g, ' '));
  }
  return text;
}

const indexed = indexedText();
const notes = listNoteFiles(ROOT);

describe.each(notes.map((note) => [`${note.lang}/${note.slug}`, note] as const))('%s', (_, note) => {
  const page = builtPage(`${note.lang}/${note.slug}/`);
  const pane = `.pane[data-lang="${note.lang}"]`;
  const text = indexed.get(`/${note.lang}/${note.slug}/`) ?? '';

  test('is indexed with its prose, and each formula as its LaTeX', () => {
    const paragraph = selectAll(`${pane} p`, page)
      .filter((p) => !select('.katex', p))
      .map((p) => toString(p).replace(/\s+/g, ' ').trim())
      .find((words) => words.length > 20);
    expect(paragraph).toBeDefined();
    expect(text).toContain(paragraph!.slice(0, 20));
    const formulas = selectAll(`${pane} .katex annotation`, page).map((annotation) => toString(annotation).replace(/\s+/g, ' ').trim());
    expect(formulas.length).toBeGreaterThan(0);
    for (const latex of formulas) expect(text).toContain(latex);
  });

  test("holds no formula's badge or permalink", () => {
    const badges = new Set(selectAll(`${pane} .formula-tools .badge`, page).map((badge) => toString(badge.children[0]!).trim()));
    // Every display formula has a badge; a page of inline formulas only (the cheatsheet's tables) has none.
    expect(badges.size > 0).toBe(select(`${pane} figure.formula`, page) !== undefined);
    for (const label of badges) expect(text).not.toContain(label);
    expect(text).not.toMatch(/\} # /);
  });
});
