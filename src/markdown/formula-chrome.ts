/**
 * Rehype plugin: after KaTeX has rendered, give every display formula its permalink and a mount
 * point holding its status badge (when it has been checked). The page script adds the control and
 * panel of the live check widget to every verified formula (src/scripts/check-widgets.ts): the HTML
 * carries only what a reader without scripts can use, and every page of a large site is lighter.
 */
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { CONTINUE, SKIP, visit } from 'unist-util-visit';
import { langOfFile, type Lang } from './lang.js';
import { badge, badgeData, badgeTitle } from './badges.js';
import { isKatexOutput } from './heading-text.js';

const PERMALINK_LABEL: Record<Lang, string> = { zh: '此公式的链接', en: 'Link to this formula' };
/** What a badge was made from and the page does not use: dropped from the HTML once the badge is built. */
const BADGE_ONLY = ['dataMode', 'dataError', 'dataTrials', 'dataReason'];

function dropBadgeData(node: Element): void {
  for (const key of BADGE_ONLY) delete node.properties[key];
}

/** Rehype plugin: permalinks, badges and widget mount points on `figure.formula`. */
export default function rehypeFormulaChrome() {
  return (tree: Root, file: VFile) => {
    const lang = langOfFile(file);
    visit(tree, 'element', (node: Element) => {
      if (isKatexOutput(node)) return SKIP;
      if (node.tagName === 'span' && String(node.properties.className ?? '').includes('formula-inline')) {
        const verdict = badgeData(node);
        if (verdict) node.properties.title = badgeTitle(verdict, lang);
        dropBadgeData(node);
        return SKIP;
      }
      if (node.tagName !== 'figure' || !String(node.properties.className ?? '').includes('formula')) return CONTINUE;
      const id = String(node.properties.id);
      const verdict = badgeData(node);
      dropBadgeData(node);
      node.children.push(
        {
          type: 'element',
          tagName: 'a',
          properties: { className: ['formula-permalink'], href: `#${id}`, ariaLabel: PERMALINK_LABEL[lang] },
          children: [{ type: 'text', value: '#' }],
        },
        {
          type: 'element',
          tagName: 'div',
          properties: { className: ['formula-tools'], dataFormulaMount: id },
          children: verdict ? [badge(verdict, lang)] : [],
        },
      );
      return SKIP;
    });
  };
}
