/**
 * VuePress containers (`::: warning problem` … `:::`) as mdast `container` nodes.
 *
 * The fences are recognised after parsing, on the paragraphs that hold them, so every other
 * node keeps its source position (formula line numbers stay exact). The container renders as
 * `<aside class="callout callout-<kind>">` with a localized title.
 */
import type { Parent, Paragraph, Root, RootContent, Text } from 'mdast';
import type { VFile } from 'vfile';
import { langOfFile, type Lang } from '../lang.js';

/** A VuePress container: kind (note, tip, warning, info …) and its title word. */
export interface Container extends Parent {
  type: 'container';
  kind: string;
  title: string;
  children: RootContent[];
}

declare module 'mdast' {
  interface RootContentMap {
    container: Container;
  }
}

const OPENER = /^[ \t]*:::[ \t]*([A-Za-z][\w-]*)(?:[ \t]+([^\n]*?))?[ \t]*(?:\n|$)/;
const CLOSER = /(?:^|\n)[ \t]*:::[ \t]*$/;

/** Titles the notes use, in both languages; any other title is shown as written. */
const TITLES: Record<string, Record<Lang, string>> = {
  note: { zh: '注', en: 'Note' },
  definition: { zh: '定义', en: 'Definition' },
  problem: { zh: '问题', en: 'Problem' },
  lemma: { zh: '引理', en: 'Lemma' },
  tip: { zh: '提示', en: 'Tip' },
  warning: { zh: '注意', en: 'Warning' },
  info: { zh: '说明', en: 'Info' },
};

/**
 * Localized title of a container.
 *
 * @param title The title word written after the kind (`problem` in `::: warning problem`).
 * @param kind The container kind, used when no title is written.
 * @param lang Language of the page.
 */
export function containerTitle(title: string, kind: string, lang: Lang): string {
  const key = (title || kind).toLowerCase();
  return TITLES[key]?.[lang] ?? (title || kind);
}

/** Remark plugin: turn VuePress container fences into `container` nodes. */
export default function remarkVuepressContainers() {
  return (tree: Root, file: VFile) => {
    const lang = langOfFile(file);
    rewrite(tree, file, lang);
  };
}

function rewrite(parent: Parent, file: VFile, lang: Lang): void {
  const out: RootContent[] = [];
  const open: Container[] = [];
  const sink = () => (open.length ? open[open.length - 1].children : out);

  for (const node of parent.children as RootContent[]) {
    if (node.type !== 'paragraph') {
      if ('children' in node) rewrite(node as Parent, file, lang);
      sink().push(node);
      continue;
    }
    let paragraph: Paragraph | undefined = node;
    const opener = readOpener(paragraph);
    if (opener) {
      const container: Container = {
        type: 'container',
        kind: opener.kind,
        title: opener.title,
        children: [],
        position: paragraph.position ? { start: paragraph.position.start, end: paragraph.position.end } : undefined,
        data: {
          hName: 'aside',
          hProperties: { className: ['callout', `callout-${opener.kind}`], dataCallout: opener.kind },
        },
      };
      sink().push(container);
      open.push(container);
      paragraph = opener.rest;
    }
    if (!paragraph) continue;
    const closed = stripCloser(paragraph);
    if (closed.rest) sink().push(closed.rest);
    if (closed.closed) {
      const container = open.pop();
      if (!container) {
        file.message('A `:::` closes no open container', { place: node.position, ruleId: 'container-unopened', source: 'remark-vuepress-containers' });
      } else if (container.position && node.position) {
        container.position.end = node.position.end;
      }
    }
  }
  for (const container of open) {
    file.message(`The \`::: ${container.kind}\` container is never closed; it runs to the end of its section`, {
      place: container.position?.start,
      ruleId: 'container-unclosed',
      source: 'remark-vuepress-containers',
    });
  }
  for (const container of out.filter((n): n is Container => n.type === 'container')) finishContainer(container, lang);
  parent.children = out as Parent['children'];
}

function finishContainer(container: Container, lang: Lang): void {
  const heading: Paragraph = {
    type: 'paragraph',
    children: [{ type: 'text', value: containerTitle(container.title, container.kind, lang) }],
    data: { hProperties: { className: ['callout-title'] } },
  };
  container.children.unshift(heading);
  for (const child of container.children) {
    if (child.type === 'container') finishContainer(child, lang);
  }
}

/** The opener on the paragraph's first line, and the paragraph without that line (if anything is left). */
function readOpener(paragraph: Paragraph): { kind: string; title: string; rest?: Paragraph } | undefined {
  const first = paragraph.children[0];
  if (!first || first.type !== 'text') return undefined;
  const match = OPENER.exec(first.value);
  if (!match) return undefined;
  const remaining = first.value.slice(match[0].length);
  const children = remaining ? [{ ...first, value: remaining } as Text, ...paragraph.children.slice(1)] : paragraph.children.slice(1);
  const rest = children.length ? { ...paragraph, children } : undefined;
  return { kind: match[1].toLowerCase(), title: (match[2] ?? '').trim(), rest };
}

/** Whether the paragraph ends with a closing `:::` line, and the paragraph without it. */
function stripCloser(paragraph: Paragraph): { closed: boolean; rest?: Paragraph } {
  const last = paragraph.children[paragraph.children.length - 1];
  if (!last || last.type !== 'text' || !CLOSER.test(last.value)) return { closed: false, rest: paragraph };
  const remaining = last.value.replace(CLOSER, '');
  const children = remaining ? [...paragraph.children.slice(0, -1), { ...last, value: remaining } as Text] : paragraph.children.slice(0, -1);
  return { closed: true, rest: children.length ? { ...paragraph, children } : undefined };
}
