/**
 * Rehype plugin: after KaTeX has rendered, give every display formula its permalink and an
 * empty mount point where the status badge and the live check widget go.
 */
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { langOfFile, type Lang } from './lang.js';

const PERMALINK_LABEL: Record<Lang, string> = { zh: '此公式的链接', en: 'Link to this formula' };

/** Rehype plugin: permalinks and widget mount points on `figure.formula`. */
export default function rehypeFormulaChrome() {
  return (tree: Root, file: VFile) => {
    const lang = langOfFile(file);
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'figure' || !String(node.properties.className ?? '').includes('formula')) return;
      const id = String(node.properties.id);
      node.children.push(
        {
          type: 'element',
          tagName: 'a',
          properties: { className: ['formula-permalink'], href: `#${id}`, ariaLabel: PERMALINK_LABEL[lang] },
          children: [{ type: 'text', value: '#' }],
        },
        { type: 'element', tagName: 'div', properties: { className: ['formula-tools'], dataFormulaMount: id }, children: [] },
      );
    });
  };
}
