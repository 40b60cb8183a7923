/**
 * Rehype plugin (after KaTeX): readable heading texts and ids. A heading with math would otherwise
 * be named by the concatenation of KaTeX's MathML, HTML and TeX annotation; here its text is what
 * a reader sees (the HTML rendering of the math). The ids are set from that text (Astro keeps
 * them), and the list goes to `file.data.astro.frontmatter.headingTexts` for the table of contents.
 */
import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import GithubSlugger from 'github-slugger';
import { CONTINUE, SKIP, visit } from 'unist-util-visit';

const HEADING = /^h[1-6]$/;

/** A heading as the table of contents shows it. */
export interface HeadingText {
  depth: number;
  slug: string;
  text: string;
}

/**
 * Whether an element is KaTeX's output, which holds no heading, figure or formula of the notes: a
 * whole-page visitor skips it (KaTeX's trees are most of a page's nodes).
 *
 * @param element An element.
 */
export function isKatexOutput(element: Element): boolean {
  const classes = element.properties.className;
  return element.tagName === 'span' && Array.isArray(classes) && (classes.includes('katex') || classes.includes('katex-display'));
}

function isHidden(element: Element): boolean {
  const classes = element.properties.className;
  return Array.isArray(classes) && classes.includes('katex-mathml');
}

/**
 * The text a reader sees in an element: KaTeX's MathML (for screen readers) is skipped.
 *
 * @param node An element.
 */
export function visibleText(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' || isHidden(node)) return '';
  return node.children.map(visibleText).join('');
}

/** Rehype plugin: heading ids and texts from what the reader sees. */
export default function rehypeHeadingText() {
  return (tree: Root, file: VFile) => {
    const slugger = new GithubSlugger();
    const headings: HeadingText[] = [];
    visit(tree, 'element', (node: Element) => {
      if (isKatexOutput(node)) return SKIP;
      if (!HEADING.test(node.tagName)) return CONTINUE;
      const text = visibleText(node).replace(/\s+/g, ' ').trim();
      if (typeof node.properties.id !== 'string') node.properties.id = slugger.slug(text);
      headings.push({ depth: Number(node.tagName[1]), slug: String(node.properties.id), text });
      return SKIP;
    });
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter.headingTexts = headings;
  };
}
