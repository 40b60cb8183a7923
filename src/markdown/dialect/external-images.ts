/**
 * Images on external hosts. The build cannot reach them and must not depend on them, so an
 * external image becomes a link to the original with its alt text (or a localized label):
 * nothing is fetched, nothing renders broken.
 */
import type { Image, Root } from 'mdast';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import { langOfFile, type Lang } from '../lang.js';

const EXTERNAL = /^https?:\/\//i;
const LABEL: Record<Lang, string> = { zh: '外部图片', en: 'External image' };
const NOTE: Record<Lang, string> = { zh: '原图位于外部网站，点击查看', en: 'hosted elsewhere; opens the original' };

/** Remark plugin: external images as labelled links. */
export default function remarkExternalImages() {
  return (tree: Root, file: VFile) => {
    const lang = langOfFile(file);
    visit(tree, 'image', (image: Image, index, parent) => {
      if (!parent || index === undefined || !EXTERNAL.test(image.url)) return;
      const host = new URL(image.url).host;
      const label = image.alt?.trim() || LABEL[lang];
      parent.children.splice(index, 1, {
        type: 'link',
        url: image.url,
        title: `${LABEL[lang]} — ${NOTE[lang]}`,
        data: { hProperties: { className: ['external-image'], rel: ['noopener', 'external'] } },
        children: [{ type: 'text', value: `${label} (${host})` }],
      });
      return [SKIP, index + 1];
    });
  };
}
