/**
 * Pandoc-style citations `[@key]` (also written as a link `[@key](…)`) as entries of the note's
 * reference list: the full reference, with an anchor `#ref-key` that inline citations link to.
 */
import type { Link, PhrasingContent, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';

/** One bibliography entry. */
export interface Reference {
  /** The formatted reference, e.g. "K. B. Petersen, M. S. Pedersen. The Matrix Cookbook. 2012." */
  text: string;
  /** Where the work can be read. */
  url?: string;
}

/** Options of {@link remarkCitations}. */
export interface CitationOptions {
  /** The bibliography, by citation key. */
  references: Record<string, Reference>;
}

const CITATION_LINK_TEXT = /^@([\w:-]+)$/;

/**
 * The HTML id of a reference entry.
 *
 * @param key Citation key.
 */
export function referenceAnchor(key: string): string {
  return `ref-${key}`;
}

/** Remark plugin: expand citation links into reference entries. */
export default function remarkCitations(options: CitationOptions) {
  return (tree: Root, file: VFile) => {
    visit(tree, 'link', (link: Link, index, parent) => {
      if (!parent || index === undefined || link.children.length !== 1 || link.children[0].type !== 'text') return;
      const match = CITATION_LINK_TEXT.exec((link.children[0] as Text).value.trim());
      if (!match) return;
      const key = match[1];
      const reference = options.references[key];
      if (!reference) {
        file.message(`Unknown citation key \`@${key}\`: add it to content/references.yaml`, { place: link.position, ruleId: 'unknown-citation', source: 'remark-citations' });
        return;
      }
      const entry: PhrasingContent = {
        type: 'emphasis',
        data: { hName: 'cite', hProperties: { id: referenceAnchor(key), className: ['reference'] } },
        children: reference.url
          ? [{ type: 'link', url: reference.url, children: [{ type: 'text', value: reference.text }] }]
          : [{ type: 'text', value: reference.text }],
      };
      parent.children.splice(index, 1, entry);
      return [SKIP, index + 1];
    });
  };
}
