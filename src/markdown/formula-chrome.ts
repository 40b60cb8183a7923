/**
 * Rehype plugin: after KaTeX has rendered, give every display formula its permalink and a mount
 * point holding its status badge (when it has been checked) and, for a formula the build ran on
 * numbers (verified, a corrected erratum included), the control and panel of its live check widget.
 */
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { langOfFile, type Lang } from './lang.js';
import { badge, badgeData, badgeTitle } from './badges.js';

const PERMALINK_LABEL: Record<Lang, string> = { zh: '此公式的链接', en: 'Link to this formula' };
const CHECK_LABEL: Record<Lang, string> = { zh: '自己验证', en: 'Check it yourself' };
const CHECK_TITLE: Record<Lang, string> = {
  zh: '在浏览器里用随机矩阵重新检验这个公式，可以换一组输入、改变维数',
  en: 'Re-check this formula in your browser on random matrices you can re-roll and resize',
};

/**
 * The live check's control and its (empty, hidden) panel; a small page script upgrades the control
 * and loads the widget on first use.
 */
function checkWidget(id: string, lang: Lang): { toggle: Element; panel: Element } {
  const panelId = `check-${id}`;
  return {
    toggle: {
      type: 'element',
      tagName: 'button',
      properties: { type: 'button', className: ['check-toggle'], ariaExpanded: 'false', ariaControls: [panelId], dataCheckFor: id, title: CHECK_TITLE[lang] },
      children: [{ type: 'text', value: CHECK_LABEL[lang] }],
    },
    panel: { type: 'element', tagName: 'div', properties: { className: ['check-panel'], id: panelId, hidden: true }, children: [] },
  };
}

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
      const check = verdict?.status === 'verified' ? checkWidget(id, lang) : undefined;
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
          children: verdict ? [badge(verdict, lang), ...(check ? [check.toggle] : [])] : [],
        },
        ...(check ? [check.panel] : []),
      );
    });
  };
}
