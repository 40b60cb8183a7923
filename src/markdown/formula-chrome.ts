/**
 * Rehype plugin: after KaTeX has rendered, give every display formula its permalink and a mount
 * point holding its status badge (when it has been checked), where the live check widget goes.
 */
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { langOfFile, type Lang } from './lang.js';
import { badge, badgeData, badgeTitle } from './badges.js';

const PERMALINK_LABEL: Record<Lang, string> = { zh: '此公式的链接', en: 'Link to this formula' };

/** Rehype plugin: permalinks and widget mount points on `figure.formula`. */
export default function rehypeFormulaChrome() {
  return (tree: Root, file: VFile) => {
    const lang = langOfFile(file);
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'span' && String(node.properties.className ?? '').includes('formula-inline')) {
        const verdict = badgeData(node);
        if (verdict) node.properties.title = badgeTitle(verdict, lang);
        return;
      }
      if (node.tagName !== 'figure' || !String(node.properties.className ?? '').includes('formula')) return;
      const id = String(node.properties.id);
      const verdict = badgeData(node);
      node.children.push(
        {
          type: 'element',
          tagName: 'a',
          properties: { className: ['formula-permalink'], href: `#${id}`, ariaLabel: PERMALINK_LABEL[lang] },
          children: [{ type: 'text', value: '#' }],
        },
        { type: 'element', tagName: 'div', properties: { className: ['formula-tools'], dataFormulaMount: id }, children: verdict ? [badge(verdict, lang)] : [] },
      );
    });
  };
}
