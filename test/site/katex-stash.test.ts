/**
 * KaTeX kept out of Astro's closing HTML re-parse (src/site/katex-stash.ts): every note renders
 * through Astro's unified processor to the same HTML with the stash as without it, the stash is
 * empty after each page, and restoring an element twice is an error, not a silent gap.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter, unified } from '@astrojs/markdown-remark';
import { describe, expect, test } from 'vitest';
import { createKatexStash, unifiedWithKatexStash } from '../../src/site/katex-stash.js';
import { siteMarkdown } from '../../src/site/markdown-config.js';
import { listNoteFiles } from '../../src/site/notes.js';
import { ROOT } from '../helpers/site.js';

const markdown = siteMarkdown({ root: ROOT, checkFormulas: true });
const stash = createKatexStash();
const plain = await unified({ smartypants: false, ...markdown }).createRenderer({});
const stashing = await unifiedWithKatexStash({ smartypants: false, ...markdown }, stash).createRenderer({});
// The stash's plugin without its restore: what the re-parse sees.
const unrestored = await unified({ smartypants: false, ...markdown, rehypePlugins: [...markdown.rehypePlugins, createKatexStash().plugin] }).createRenderer({});

describe.each(listNoteFiles(ROOT).map((note) => note.path))('%s', (path) => {
  test('renders byte for byte as without the stash, every KaTeX element through it', async () => {
    const { content, frontmatter } = parseFrontmatter(readFileSync(join(ROOT, path), 'utf8'));
    const fileURL = new URL(`file://${join(ROOT, path)}`);
    const render = (renderer: typeof plain) => renderer.render(content, { fileURL, frontmatter: { ...frontmatter } });
    const [expected, actual, skipped] = await Promise.all([render(plain), render(stashing), render(unrestored)]);
    expect(actual.code).toBe(expected.code);
    expect(stash.size).toBe(0);
    // Every KaTeX element went round the re-parse: none is left in what the pipeline wrote.
    const katex = (expected.code.match(/<span class="katex(?:-display)?">/g) ?? []).length;
    const outermost = (skipped.code.match(/<!--katex-stash-[0-9a-f]+:\d+-->/g) ?? []).length;
    expect(outermost).toBeGreaterThan(10);
    expect(skipped.code).not.toContain('class="katex');
    expect(katex).toBeGreaterThanOrEqual(outermost);
  });
});

test("another stash's comment is left alone; one restored twice is an error, not a silent gap", () => {
  const fresh = createKatexStash();
  expect(() => fresh.restore('<p><!--katex-stash-000000000000:0--></p>')).not.toThrow();
  const tree = { type: 'root' as const, children: [{ type: 'element' as const, tagName: 'span', properties: { className: ['katex'] }, children: [{ type: 'text' as const, value: 'x' }] }] };
  fresh.plugin()(tree);
  const comment = tree.children[0] as unknown as { type: string; value: string };
  expect(comment.type).toBe('comment');
  const html = `<p><!--${comment.value}--></p>`;
  expect(fresh.restore(html)).toBe('<p><span class="katex">x</span></p>');
  expect(() => fresh.restore(html)).toThrow(/no element 0/);
});
