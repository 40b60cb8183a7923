/**
 * KaTeX's output kept out of the HTML re-parse Astro ends its Markdown pipeline with.
 *
 * Astro's unified processor runs rehype-raw after every plugin of ours
 * (@astrojs/markdown-remark, `createMarkdownProcessor`): it turns the page's whole tree into parse5
 * tokens, parses them as HTML and builds the tree again, so that raw HTML written in Markdown nests
 * as a browser would nest it. KaTeX's output is most of a note page's nodes, holds no raw HTML, and
 * is already a parser's tree (rehype-katex builds it by parsing KaTeX's HTML string). Parsing it
 * again was about a quarter of every build: 22.4 s of the 93.8 s main-thread CPU of the
 * 5,000-formula site built with checking off, about 31 s of 131 s at 10,000 (CPU profiles: parse5,
 * hast-util-raw, hast-util-from-parse5, hast-util-to-parse5).
 *
 * So the site's last rehype plugin writes each KaTeX element as HTML (what the final stringify
 * would write) and leaves in its place a comment naming it; the re-parse carries a comment as one
 * token. The renderer then puts each element's HTML back where its comment is. The pages the build
 * writes are the same byte for byte (test/site/katex-stash.test.ts builds a page both ways).
 */
import { randomBytes } from 'node:crypto';
import { unified } from '@astrojs/markdown-remark';
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { CONTINUE, SKIP, visit } from 'unist-util-visit';
import { isKatexOutput } from '../markdown/heading-text.js';

/** The KaTeX HTML of the pages being rendered, by the number its comment carries. */
export interface KatexStash {
  /** Rehype plugin, last of the pipeline: each KaTeX element out to the stash, a comment in its place. */
  plugin: () => (tree: Root) => void;
  /**
   * A rendered page's HTML with each stash comment replaced by its element's HTML (taken out of the stash).
   *
   * @param html What the pipeline wrote.
   */
  restore(html: string): string;
  /** Elements stashed and not yet restored. */
  readonly size: number;
}

/** A stash whose comments no text of a note can imitate (they carry a random tag). */
export function createKatexStash(): KatexStash {
  const tag = `katex-stash-${randomBytes(6).toString('hex')}`;
  const comment = new RegExp(`<!--${tag}:(\\d+)-->`, 'g');
  const held = new Map<number, string>();
  let next = 0;
  return {
    plugin: () => (tree) => {
      visit(tree, 'element', (node, index, parent) => {
        if (!isKatexOutput(node)) return CONTINUE;
        if (!parent || index === undefined) return SKIP;
        const id = next++;
        // The options Astro's final rehype-stringify writes with.
        held.set(id, toHtml(node, { allowDangerousHtml: true }));
        parent.children[index] = { type: 'comment', value: `${tag}:${id}` };
        return SKIP;
      });
    },
    restore: (html) =>
      html.replace(comment, (_, number: string) => {
        const id = Number(number);
        const element = held.get(id);
        if (element === undefined) throw new Error(`KaTeX stash: no element ${id} to restore (restored twice, or rendered by another stash)`);
        held.delete(id);
        return element;
      }),
    get size() {
      return held.size;
    },
  };
}

/** The options of Astro's unified processor (`unified()` of @astrojs/markdown-remark). */
export type UnifiedOptions = NonNullable<Parameters<typeof unified>[0]>;

/**
 * Astro's unified processor with KaTeX kept out of its closing re-parse: the stash's plugin after
 * the given rehype plugins, and every page's KaTeX restored after rendering.
 *
 * @param options The processor's options, as `unified()` takes them.
 * @param stash The stash (a new one by default).
 */
export function unifiedWithKatexStash(options: UnifiedOptions, stash: KatexStash = createKatexStash()): ReturnType<typeof unified> {
  const processor = unified({ ...options, rehypePlugins: [...(options.rehypePlugins ?? []), stash.plugin] });
  return {
    ...processor,
    async createRenderer(shared) {
      const renderer = await processor.createRenderer(shared);
      return {
        ...renderer,
        async render(content, renderOptions) {
          const result = await renderer.render(content, renderOptions);
          return { ...result, code: stash.restore(result.code) };
        },
      };
    },
  };
}
