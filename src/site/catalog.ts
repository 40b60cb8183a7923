/** The notes as the pages see them: both languages of each note, in reading order. */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Lang } from '../markdown/lang.js';

/** A note in both languages. */
export interface NotePair {
  slug: string;
  order: number;
  entries: Record<Lang, CollectionEntry<'notes'>>;
}

/** Every note, by order; a note missing a language fails the build. */
export async function notePairs(): Promise<NotePair[]> {
  const entries = await getCollection('notes');
  const bySlug = new Map<string, Partial<Record<Lang, CollectionEntry<'notes'>>>>();
  for (const entry of entries) {
    const [slug, lang] = entry.id.split('/') as [string, Lang];
    bySlug.set(slug, { ...bySlug.get(slug), [lang]: entry });
  }
  return [...bySlug.entries()]
    .map(([slug, pair]) => {
      if (!pair.zh || !pair.en) throw new Error(`content/notes/${slug}: a note needs both zh.md and en.md`);
      return { slug, order: pair.zh.data.order, entries: { zh: pair.zh, en: pair.en } };
    })
    .sort((a, b) => a.order - b.order);
}
