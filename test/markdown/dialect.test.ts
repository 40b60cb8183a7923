import { describe, expect, test } from 'vitest';
import { renderNote } from '../helpers/render.js';

describe('VuePress containers', () => {
  test.each([
    ['warning problem', 'zh', '问题'],
    ['tip definition', 'zh', '定义'],
    ['note note', 'en', 'Note'],
    ['info lemma', 'en', 'Lemma'],
  ])('`::: %s` becomes a callout titled in the page language (%s)', async (fence, lang, title) => {
    const kind = fence.split(' ')[0];
    const { html } = await renderNote(`::: ${fence}\n$f=a^TXb$，其中 a 是列向量。\n:::\n`, { path: `content/notes/x/${lang}.md` });
    expect(html).toContain(`<aside class="callout callout-${kind}" data-callout="${kind}"`);
    expect(html).toContain(`<p class="callout-title">${title}</p>`);
    expect(html).not.toContain(':::');
  });

  test('a container spanning display math and several paragraphs holds all of them', async () => {
    const markdown = '::: tip definition\n$$\nx = y\n$$\n\n文字\n\n:::\n\n之后';
    const { html } = await renderNote(markdown);
    const aside = html.slice(html.indexOf('<aside'), html.indexOf('</aside>'));
    expect(aside).toContain('class="formula"');
    expect(aside).toContain('文字');
    expect(html.slice(html.indexOf('</aside>'))).toContain('之后');
  });

  test('an unclosed container is reported, not fatal', async () => {
    const { html, file } = await renderNote('::: note note\n文字');
    expect(html).toContain('callout-note');
    expect(file.messages.map((m) => m.ruleId)).toContain('container-unclosed');
  });
});

describe('Obsidian block ids and references', () => {
  test('a lone `^id` names the block before it; a trailing `^id` its paragraph; links point at them', async () => {
    const markdown = '::: tip definition\n定义\n:::\n\n^a57269\n\n思路如下。 ^bd1e3b\n\n见 [^a57269](./#^a57269) 与 [^bd1e3b](./#^bd1e3b)';
    const { html } = await renderNote(markdown);
    expect(html).toMatch(/<aside[^>]*id="block-a57269"/);
    expect(html).toMatch(/<p[^>]*id="block-bd1e3b"[^>]*>思路如下。<\/p>/);
    expect(html).toContain('href="#block-a57269"');
    expect(html).toContain('href="#block-bd1e3b"');
    expect(html).not.toContain('^a57269\n');
  });
});

describe('wiki links', () => {
  test('a page that is not on the site is plain text with its target in the title', async () => {
    const { html } = await renderNote('根据[[矩阵代数/Chapter 2/Lecture 0. Basic Knowledge#3.2. 向量化算子的性质]], 我们有');
    expect(html).toContain('<span class="wikilink-unresolved" title="不在本站：矩阵代数/Chapter 2/Lecture 0. Basic Knowledge#3.2. 向量化算子的性质">Lecture 0. Basic Knowledge › 3.2. 向量化算子的性质</span>');
    expect(html).not.toContain('[[');
    expect(html).not.toContain('<a');
  });

  test('a page of the site becomes a link', async () => {
    const { html } = await renderNote('见 [[矩阵微分]]', { resolveWikiLink: (page, lang) => (page === '矩阵微分' ? `/${lang}/vector-and-matrix-differentials/` : undefined) });
    expect(html).toContain('<a href="/zh/vector-and-matrix-differentials/">矩阵微分</a>');
  });
});

describe('citations', () => {
  const references = { petersenMatrixcookbook2021: { text: 'K. B. Petersen, M. S. Pedersen. The Matrix Cookbook.', url: 'https://example.org/cookbook.pdf' } };
  test('`[@key](…)` becomes the reference entry with an anchor', async () => {
    const { html } = await renderNote('- [@petersenMatrixcookbook2021](.//)', { references });
    expect(html).toContain('<cite id="ref-petersenMatrixcookbook2021" class="reference"><a href="https://example.org/cookbook.pdf">K. B. Petersen, M. S. Pedersen. The Matrix Cookbook.</a></cite>');
  });
  test('an unknown key is reported', async () => {
    const { file } = await renderNote('[@nobody2020](.//)', { references });
    expect(file.messages.map((m) => m.ruleId)).toContain('unknown-citation');
  });
});

describe('external images', () => {
  test('an image on an unreachable host becomes a labelled link; nothing is fetched', async () => {
    const { html } = await renderNote('![](https://s2.loli.net/2023/12/20/NjcqyVHCfZGDs3E.png)');
    expect(html).not.toContain('<img');
    expect(html).toContain('href="https://s2.loli.net/2023/12/20/NjcqyVHCfZGDs3E.png"');
    expect(html).toContain('外部图片 (s2.loli.net)');
  });
  test('the alt text is used when there is one (English page)', async () => {
    const { html } = await renderNote('![trace identities](https://example.org/a.png)', { path: 'content/notes/x/en.md' });
    expect(html).toContain('trace identities (example.org)');
  });
});

describe('math', () => {
  test('display formulas get a stable id, a permalink and a widget mount; ids repeat per language', async () => {
    const markdown = '$$\n\\mathrm{d}X^{-1} = -X^{-1}\\mathrm{d}XX^{-1}\n$$\n\n$$\n\\mathrm{d}X^{-1} = -X^{-1}\\mathrm{d}XX^{-1}\n$$';
    const zh = await renderNote(markdown);
    const en = await renderNote(markdown, { path: 'content/notes/x/en.md' });
    const ids = [...zh.html.matchAll(/<figure class="formula" id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBe(`${ids[0]}-2`);
    expect([...en.html.matchAll(/<figure class="formula" id="([^"]+)"/g)].map((m) => m[1])).toEqual(ids);
    expect(zh.html).toContain(`<a class="formula-permalink" href="#${ids[0]}" aria-label="此公式的链接">#</a>`);
    expect(zh.html).toContain(`data-formula-mount="${ids[0]}"`);
  });

  test('KaTeX renders at build time with MathML kept', async () => {
    const { html } = await renderNote('$$\nA\\otimes B\n$$');
    expect(html).toContain('class="katex-display"');
    expect(html).toContain('<math');
  });

  test('`\\part` is a macro for ∂, `\\tag{}` renders, Chinese inside `\\text{}` renders', async () => {
    const { html } = await renderNote('$$\n\\dfrac{\\part f}{\\part x}=y\\tag{1}\n$$\n\n$$\nB\\text{为对称矩阵}\n$$');
    expect(html).toContain('∂');
    expect(html).toContain('(1)');
    expect(html).toContain('为对称矩阵');
  });

  test('`$$` blocks indented inside list items stay in the item', async () => {
    const { html } = await renderNote('1. 例子\n   $$\n   x^TAy\n   $$\n\n2. 下一项');
    const firstItem = html.slice(html.indexOf('<li>'), html.indexOf('</li>'));
    expect(firstItem).toContain('class="formula"');
  });

  test.each([
    ['an unknown command', '$$\n\\foo{x}\n$$'],
    ['raw Chinese in math (a strict-mode warning)', '$$\nB为对称矩阵\n$$'],
  ])('%s fails the file with its line and column', async (_name, markdown) => {
    await expect(renderNote(`段落\n\n${markdown}`)).rejects.toThrow(/content\/notes\/fixture\/zh\.md:3:1: Could not render math with KaTeX/);
  });

  test('every KaTeX problem of a file is listed, not only the first', async () => {
    await expect(renderNote('$$\n\\foo\n$$\n\n$$\n\\bar\n$$')).rejects.toThrow(/2 formula\(s\)[\s\S]*zh\.md:1:1[\s\S]*zh\.md:5:1/);
  });
});

describe('blocks', () => {
  test('top-level blocks are numbered for alignment; comments are not blocks', async () => {
    const { html } = await renderNote('# 标题\n\n<!-- note -->\n\n段落\n\n- 列表');
    expect(html).toMatch(/<h1 data-block="1" style="--b:1"[^>]*>标题<\/h1>/);
    expect(html).toContain('<p data-block="2" style="--b:2">段落</p>');
    expect(html).toContain('<ul data-block="3" style="--b:3">');
  });
});

describe('Obsidian line breaks', () => {
  const markdown = '矩阵的迹：$tr(A)$\n只有**方阵**才有迹\n交换律：$tr(AB) = tr(BA)$';
  test('with `lineBreaks: true` every newline in a paragraph is a line break', async () => {
    const { html } = await renderNote(markdown, { frontmatter: { lineBreaks: true } });
    expect(html.match(/<br>/g)).toHaveLength(2);
    expect(html).toContain('<br>\n只有<strong>方阵</strong>才有迹<br>');
  });
  test('without it, CommonMark joins the lines', async () => {
    const { html } = await renderNote(markdown);
    expect(html).not.toContain('<br>');
  });
});
