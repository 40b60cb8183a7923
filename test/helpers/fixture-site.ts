/** A throwaway Astro project with the site's code and one fixture note (for real builds and dev servers in tests). */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './site.js';

/**
 * A project in a temporary folder whose note is `content/notes/fixture/{zh,en}.md` with `note`
 * (and more notes, by slug, when given).
 *
 * @param prefix Name of the temporary folder.
 * @param note The note's Markdown (the same text in both languages).
 * @param more Further notes: slug → Markdown (the same text in both languages).
 */
export function fixtureSite(prefix: string, note: string, more: Record<string, string> = {}): string {
  const site = mkdtempSync(join(tmpdir(), prefix));
  symlinkSync(join(ROOT, 'node_modules'), join(site, 'node_modules'));
  // Copied, not linked: Vite resolves a linked src/ to its real path and then misses the site's components.
  cpSync(join(ROOT, 'src'), join(site, 'src'), { recursive: true });
  for (const file of ['astro.config.mjs', 'package.json', 'tsconfig.json']) copyFileSync(join(ROOT, file), join(site, file));
  mkdirSync(join(site, 'content'));
  copyFileSync(join(ROOT, 'content', 'glossary.yaml'), join(site, 'content', 'glossary.yaml'));
  for (const [slug, text] of Object.entries({ fixture: note, ...more })) {
    mkdirSync(join(site, 'content', 'notes', slug), { recursive: true });
    for (const lang of ['zh', 'en']) writeFileSync(join(site, 'content', 'notes', slug, `${lang}.md`), text);
  }
  return site;
}
