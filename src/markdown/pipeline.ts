/**
 * The notes' Markdown pipeline as plugin lists, for Astro's unified processor or any unified
 * pipeline: dialect normalisation (containers, block ids, wiki links, citations, external images),
 * math, block numbering and formula ids, KaTeX at build time (strict: any error fails the file).
 */
import type { Plugin } from 'unified';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import remarkVuepressContainers from './dialect/containers.js';
import remarkObsidianBlockIds from './dialect/block-ids.js';
import remarkWikiLinks, { type WikiLinkOptions } from './dialect/wikilinks.js';
import remarkCitations, { type Reference } from './dialect/citations.js';
import remarkExternalImages from './dialect/external-images.js';
import remarkObsidianLineBreaks from './dialect/line-breaks.js';
import remarkBlocks from './blocks.js';
import rehypeKatexStrict from './katex-strict.js';
import rehypeFormulaChrome from './formula-chrome.js';
import rehypeHeadingText from './heading-text.js';
import { KATEX_MACROS } from './katex-macros.js';

/** A plugin, or a plugin with its options, as unified's `use` and Astro's plugin lists take them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- unified's own Plugin parameter type
export type PluginEntry = Plugin<any[], any, any> | [Plugin<any[], any, any>, unknown];

/** Options of the notes pipeline. */
export interface NotesPipelineOptions {
  /** Bibliography for `[@key]` citations. */
  references: Record<string, Reference>;
  /** Resolves wiki-link targets to pages of this site. */
  resolveWikiLink?: WikiLinkOptions['resolve'];
}

/** KaTeX settings shared by every page: strict, MathML kept for screen readers. */
export const KATEX_OPTIONS = {
  strict: 'error',
  output: 'htmlAndMathml',
  macros: { ...KATEX_MACROS },
} as const;

/**
 * Remark plugins up to (and including) block numbering: what parsing a note means.
 *
 * @param options Pipeline options.
 */
export function remarkNotePlugins(options: NotesPipelineOptions): PluginEntry[] {
  return [
    remarkMath,
    remarkVuepressContainers,
    remarkObsidianBlockIds,
    [remarkWikiLinks, { resolve: options.resolveWikiLink }],
    [remarkCitations, { references: options.references }],
    remarkExternalImages,
    remarkObsidianLineBreaks,
    remarkBlocks,
  ];
}

/** Rehype plugins: KaTeX, its strictness gate, readable heading ids, formula permalinks and mount points. */
export function rehypeNotePlugins(): PluginEntry[] {
  return [[rehypeKatex, { ...KATEX_OPTIONS, macros: { ...KATEX_MACROS } }], rehypeKatexStrict, rehypeHeadingText, rehypeFormulaChrome];
}
