/**
 * Obsidian wiki links `[[page#heading|label]]`: a link when the page is on this site, otherwise
 * plain text (marked, with the full target in its title), never a dead link.
 */
import type { PhrasingContent, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import { langOfFile, type Lang } from '../lang.js';

/** Options of {@link remarkWikiLinks}. */
export interface WikiLinkOptions {
  /** Resolve a target page name (last path segment) to a URL on this site, or undefined. */
  resolve?: (page: string, lang: Lang) => string | undefined;
}

const WIKI_LINK = /\[\[([^\]|#]*)(?:#([^\]|]*))?(?:\|([^\]]*))?\]\]/g;
const NOT_ON_SITE: Record<Lang, string> = { zh: '不在本站：', en: 'Not on this site: ' };

/** Remark plugin: render wiki links. */
export default function remarkWikiLinks(options: WikiLinkOptions = {}) {
  return (tree: Root, file: VFile) => {
    const lang = langOfFile(file);
    visit(tree, 'text', (node: Text, index, parent) => {
      if (!parent || index === undefined || !node.value.includes('[[')) return;
      const parts: PhrasingContent[] = [];
      let last = 0;
      for (const match of node.value.matchAll(WIKI_LINK)) {
        const [whole, target, heading, label] = match;
        if (match.index > last) parts.push({ type: 'text', value: node.value.slice(last, match.index) });
        parts.push(wikiLink(target.trim(), heading?.trim(), label?.trim(), lang, options));
        last = match.index + whole.length;
      }
      if (!parts.length) return;
      if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
      parent.children.splice(index, 1, ...parts);
      return [SKIP, index + parts.length];
    });
  };
}

function wikiLink(target: string, heading: string | undefined, label: string | undefined, lang: Lang, options: WikiLinkOptions): PhrasingContent {
  const page = target.split('/').pop() ?? target;
  const text = label || [page, heading].filter(Boolean).join(' › ');
  const href = options.resolve?.(page, lang);
  if (href) {
    return { type: 'link', url: heading ? `${href}#${encodeURIComponent(heading)}` : href, children: [{ type: 'text', value: text }] };
  }
  const full = heading ? `${target}#${heading}` : target;
  return {
    type: 'emphasis',
    data: { hName: 'span', hProperties: { className: ['wikilink-unresolved'], title: NOT_ON_SITE[lang] + full } },
    children: [{ type: 'text', value: text }],
  };
}
