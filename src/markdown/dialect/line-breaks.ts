/**
 * Obsidian's reading view (and VuePress with `breaks`) shows every newline inside a paragraph as a
 * line break; CommonMark joins the lines. A note written for that view says `lineBreaks: true` in
 * its frontmatter, and its newlines become `<br>`.
 */
import type { Break, PhrasingContent, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';

/** The frontmatter flag that turns this on. */
export const LINE_BREAKS_FLAG = 'lineBreaks';

function frontmatterOf(file: VFile): Record<string, unknown> {
  return ((file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter) ?? {};
}

/** Remark plugin: soft line breaks as hard ones, when the note asks for it. */
export default function remarkObsidianLineBreaks() {
  return (tree: Root, file: VFile) => {
    if (frontmatterOf(file)[LINE_BREAKS_FLAG] !== true) return;
    visit(tree, 'text', (node: Text, index, parent) => {
      if (!parent || index === undefined || !node.value.includes('\n')) return;
      const parts: PhrasingContent[] = [];
      node.value.split('\n').forEach((line, i) => {
        if (i > 0) parts.push({ type: 'break' } as Break);
        if (line) parts.push({ type: 'text', value: line });
      });
      parent.children.splice(index, 1, ...parts);
      return [SKIP, index + parts.length];
    });
  };
}
