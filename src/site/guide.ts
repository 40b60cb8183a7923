/**
 * The authoring guide page's content: src/guide/<lang>.md rendered to HTML, with each
 * ```` ```guide-example ```` block replaced by a real example note (test/fixtures/guide) and the
 * exact output the check prints for it, computed now. Node only (build time).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Element, ElementContent } from 'hast';
import type { Code, Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Lang } from '../markdown/lang.js';
import { GUIDE_FIXTURES, guideExamples, type GuideExample } from './guide-examples.js';

/** The info string of an example block; its content names a fixture (`mismatch`). */
export const EXAMPLE_LANG = 'guide-example';

/** A heading of the guide, for its table of contents. */
export interface GuideHeading {
  depth: number;
  slug: string;
  text: string;
}

/** The guide in one language. */
export interface RenderedGuide {
  title: string;
  html: string;
  headings: GuideHeading[];
  examples: GuideExample[];
}

const CAPTIONS: Record<Lang, { note: string; output: string }> = {
  zh: { note: '示例笔记', output: '运行' },
  en: { note: 'Example note', output: 'Run' },
};

const text = (value: string): ElementContent => ({ type: 'text', value });
const element = (tagName: string, className: string[], children: ElementContent[], properties: Element['properties'] = {}): Element => ({
  type: 'element',
  tagName,
  properties: { ...(className.length ? { className } : {}), ...properties },
  children,
});

/** The note's text with line numbers, which the messages cite. */
function numberedSource(source: string): Element {
  const lines = source.replace(/\n$/, '').split('\n');
  const width = String(lines.length).length;
  const children: ElementContent[] = lines.flatMap((line, index) => [
    element('span', ['ln'], [text(String(index + 1).padStart(width, ' '))], { ariaHidden: 'true' }),
    text(` ${line}\n`),
  ]);
  return element('pre', ['guide-source'], [element('code', [], children)]);
}

function exampleFigure(example: GuideExample, lang: Lang): Element {
  const fixtures = GUIDE_FIXTURES.replace(/\\/g, '/');
  return element('figure', ['guide-example'], [
    ...example.sources.flatMap((source) => [
      element('p', ['guide-file'], [text(`${CAPTIONS[lang].note}: `), element('code', [], [text(`${fixtures}/${source.path}`)])]),
      numberedSource(source.text),
    ]),
    element('p', ['guide-output-caption'], [text(`${CAPTIONS[lang].output} `), element('code', [], [text(example.command)])]),
    element('pre', ['guide-output'], [element('code', [], [text(example.output)])]),
  ], { dataExample: example.name });
}

/**
 * Render the guide in one language.
 *
 * @param root Project root.
 * @param lang Which language.
 */
export async function renderGuide(root: string, lang: Lang): Promise<RenderedGuide> {
  const markdown = readFileSync(join(root, 'src', 'guide', `${lang}.md`), 'utf8');
  const parser = unified().use(remarkParse).use(remarkGfm);
  const tree = parser.parse(markdown) as Root;
  const run = guideExamples(root);
  const blocks: Code[] = [];
  visit(tree, 'code', (node: Code) => {
    if (node.lang === EXAMPLE_LANG) blocks.push(node);
  });
  const examples = await Promise.all(blocks.map((node) => run(node.value.trim(), lang)));
  blocks.forEach((node, index) => {
    const figure = exampleFigure(examples[index], lang);
    Object.assign(node, { type: 'paragraph', children: [], data: { hName: figure.tagName, hProperties: figure.properties, hChildren: figure.children } });
  });

  const slugger = new GithubSlugger();
  const headings: GuideHeading[] = [];
  let title = '';
  visit(tree, 'heading', (node: Heading) => {
    const value = toString(node);
    if (node.depth === 1 && !title) title = value;
    const slug = slugger.slug(value);
    node.data = { ...node.data, hProperties: { id: slug } };
    if (node.depth === 2 || node.depth === 3) headings.push({ depth: node.depth, slug, text: value });
  });
  const hast = await unified().use(remarkRehype).run(tree);
  const html = unified().use(rehypeStringify).stringify(hast as never);
  return { title, html, headings, examples };
}
