/**
 * Nothing lost: for every note, the built page has as many headings, display formulas and inline
 * formulas as its seed file (counted from the seed's text, independently of our parser), less the
 * drops written down below. The seeds are kept byte for byte in content/seeds/, so a clone anywhere
 * can run this; where ../shared/seeds is present too, the copies must equal it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtPage, paneCounts, ROOT } from '../helpers/site.js';
import { listNoteFiles } from '../../src/site/notes.js';

const SEEDS = join(ROOT, 'content', 'seeds');
const SHARED_SEEDS = join(ROOT, '..', 'shared', 'seeds');

/** Deliberate differences between a seed and its page, each with its reason. */
const DROPPED_HEADINGS: Record<string, { count: number; reason: string }> = {
  '000_b85829e67a9dddb2.txt': { count: 1, reason: 'the source heading `### 2.4. ` has a number and no title: dropped' },
};

/** Headings, display formulas and inline formulas of a seed, from its text. */
function seedCounts(text: string) {
  const displayBlocks = text.match(/\$\$[\s\S]*?\$\$/g) ?? [];
  const rest = text.replace(/\$\$[\s\S]*?\$\$/g, '');
  const frontmatterless = rest.replace(/^---\n[\s\S]*?\n---\n/, '');
  return {
    headings: frontmatterless.split('\n').filter((line) => /^#{1,6}\s+\S/.test(line)).length,
    display: displayBlocks.length,
    inline: (frontmatterless.match(/\$[^$\n]+?\$/g) ?? []).length,
  };
}

const notes = listNoteFiles(ROOT).filter((note) => note.lang === 'zh');

describe.each(notes.map((note) => [note.slug, note] as const))('%s', (slug, note) => {
  const seed = String(note.frontmatter.source);
  const expected = seedCounts(readFileSync(join(SEEDS, seed), 'utf8'));
  expected.headings -= DROPPED_HEADINGS[seed]?.count ?? 0;

  test.each(['zh', 'en'] as const)('the %s page has every heading and formula of the seed', (lang) => {
    const counts = paneCounts(builtPage(`${lang}/${slug}/`), lang);
    expect(counts).toEqual({ ...expected, katexErrors: 0 });
  });
});

test.runIf(existsSync(SHARED_SEEDS))('the seeds in content/seeds are the shared seeds, byte for byte', () => {
  for (const note of notes) {
    const seed = String(note.frontmatter.source);
    expect(readFileSync(join(SEEDS, seed)).equals(readFileSync(join(SHARED_SEEDS, seed))), seed).toBe(true);
  }
});

test('the four seeds are all published', () => {
  expect(notes.map((note) => note.frontmatter.source).sort()).toEqual([
    '000_b85829e67a9dddb2.txt',
    '001_589a418bad161ec6.txt',
    '002_bb53f9d4de817513.txt',
    '003_7691e7ffd51bc378.txt',
  ]);
});
