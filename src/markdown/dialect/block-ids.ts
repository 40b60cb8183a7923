/**
 * Obsidian block ids (`… ^a57269`, or `^a57269` alone on the line after a block) and links to
 * them (`[^a57269](./#^a57269)`), as HTML ids and working in-page links.
 */
import type { Link, Nodes, Parent, Root, RootContent, Text } from 'mdast';
import { visit } from 'unist-util-visit';

const TRAILING_ID = /[ \t]+\^([A-Za-z0-9-]+)[ \t]*$/;
const LONE_ID = /^\^([A-Za-z0-9-]+)$/;
const BLOCK_LINK = /^(?:\.\/)?#\^([A-Za-z0-9-]+)$/;

/**
 * The HTML id given to an Obsidian block id.
 *
 * @param blockId The id as written after `^`.
 */
export function blockAnchor(blockId: string): string {
  return `block-${blockId}`;
}

/** Remark plugin: attach block ids to their blocks and point `#^id` links at them. */
export default function remarkObsidianBlockIds() {
  return (tree: Root) => {
    attachLoneIds(tree);
    visit(tree, 'paragraph', (paragraph) => {
      const last = paragraph.children[paragraph.children.length - 1];
      if (last?.type !== 'text') return;
      const match = TRAILING_ID.exec(last.value);
      if (!match) return;
      last.value = last.value.slice(0, match.index);
      setId(paragraph, blockAnchor(match[1]));
    });
    visit(tree, 'link', (link: Link) => {
      const match = BLOCK_LINK.exec(link.url);
      if (!match) return;
      link.url = `#${blockAnchor(match[1])}`;
      link.data = { ...link.data, hProperties: { ...(link.data?.hProperties ?? {}), className: ['block-ref'] } };
    });
  };
}

/** A paragraph holding only `^id` names the block before it; the paragraph itself goes. */
function attachLoneIds(parent: Parent): void {
  const kept: RootContent[] = [];
  for (const node of parent.children as RootContent[]) {
    const lone = node.type === 'paragraph' && node.children.length === 1 && node.children[0].type === 'text'
      ? LONE_ID.exec((node.children[0] as Text).value.trim())
      : null;
    const previous = kept[kept.length - 1];
    if (lone && previous) {
      setId(previous, blockAnchor(lone[1]));
      continue;
    }
    if ('children' in node) attachLoneIds(node as Parent);
    kept.push(node);
  }
  parent.children = kept as Parent['children'];
}

function setId(node: Nodes, id: string): void {
  node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), id } };
}
