/**
 * The authoring guide cannot drift from the behaviour: its examples are the notes under
 * test/fixtures/guide, each fails (or passes) the way the guide's text says, and the built guide
 * pages show exactly the output the checker prints for them now.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { beforeAll, describe, expect, test } from 'vitest';
import { LANGS, type Lang } from '../../src/markdown/lang.js';
import { GUIDE_FIXTURES, guideExamples, type GuideExample } from '../../src/site/guide-examples.js';
import { EXAMPLE_LANG } from '../../src/site/guide.js';
import { builtPage, ROOT } from '../helpers/site.js';

const FIXTURE_NOTES = join(ROOT, GUIDE_FIXTURES, 'content', 'notes');
const guideText = (lang: Lang) => readFileSync(join(ROOT, 'src', 'guide', `${lang}.md`), 'utf8');
const examplesIn = (lang: Lang) => [...guideText(lang).matchAll(new RegExp(`^\`\`\`${EXAMPLE_LANG}\\n(.+)\\n\`\`\`$`, 'gm'))].map((match) => match[1].trim());

const run = guideExamples(ROOT);
const examples = new Map<string, GuideExample>();
beforeAll(async () => {
  for (const lang of LANGS) for (const name of examplesIn(lang)) examples.set(`${lang}/${name}`, await run(name, lang));
});
const example = (lang: Lang, name: string) => examples.get(`${lang}/${name}`) as GuideExample;

test('both languages show every example note, in the same order', () => {
  expect(examplesIn('zh')).toEqual(examplesIn('en'));
  expect([...examplesIn('zh')].sort()).toEqual(readdirSync(FIXTURE_NOTES).sort());
});

describe.each(LANGS)('the examples in %s fail as the guide says', (lang) => {
  test('checks: declarations, a carried definition, not-checkable with a reason, an erratum; no problem', () => {
    const { records, declarationProblems, output } = example(lang, 'checks');
    // The fifth formula is a correction (verified); the source's original is the erratum record after it.
    expect(records.map((r) => r.status)).toEqual(['not-checkable', 'verified', 'verified', 'not-checkable', 'verified', 'erratum']);
    expect(records[0].reason).toBe('defines f');
    expect(records[3].reason).toBe(lang === 'zh' ? '逐元素的定义，不是可以代入数值的等式' : 'an element-wise definition, not an identity to test on numbers');
    expect(records[4]).toMatchObject({ erratum: records[5].id, original: '\\mathrm{d}Y^{-1} = Y^{-1}(\\mathrm{d}Y)Y^{-1}' });
    expect(records[5]).toMatchObject({ correction: records[4].id, latex: records[4].original, line: records[4].line - 2, column: 15 });
    expect(declarationProblems).toEqual([]);
    expect(output).toMatch(/verified exact, 3 trials, max rel\. error 0\.0e\+0; corrects the source, whose formula is the erratum below\n.*:\d+:15 erratum the two sides differ/);
    expect(output).toMatch(/6 formulas in 1 file\(s\): 3 verified, 0 mismatch, 2 not-checkable, 0 unsupported, 1 erratum; display formulas verified: 3\/5 \(60\.0%\)$/);
  });

  test('mismatch: a counterexample and a did-you-mean naming the sign', () => {
    const { output } = example(lang, 'mismatch');
    expect(output).toContain(`content/notes/mismatch/${lang}.md:11:1: mismatch: the two sides differ (relative error 2.00)`);
    expect(output).toMatch(/counterexample:\n {4}X = \[\[.*\n {4}dX = \[\[.*\n {4}left {2}= .*\n {4}right = /);
    expect(output).toContain('did you mean: did you mean -X^{-1} \\mathrm{d}X X^{-1}? (a wrong overall sign)');
  });

  test('shape-conflict: the inverse of a non-square matrix', () => {
    expect(example(lang, 'shape-conflict').output).toContain(`content/notes/shape-conflict/${lang}.md:13:1: mismatch: An inverse needs a square matrix, but its operand is m×n.`);
  });

  test('unsupported: names the construct and its place', () => {
    expect(example(lang, 'unsupported').output).toContain(`content/notes/unsupported/${lang}.md:9:1: unsupported: unknown operator rank (at 12–19)`);
  });

  test("bad-declaration: the declaration's line; the formula still checks", () => {
    const { output, records } = example(lang, 'bad-declaration');
    expect(output).toContain(`content/notes/bad-declaration/${lang}.md:9:1: bad declaration: "symetric" is neither a shape (m×n, n) nor a known property.`);
    expect(records.map((r) => r.status)).toEqual(['verified']);
  });

  test('stale-erratum: the original holds', () => {
    expect(example(lang, 'stale-erratum').output).toContain(`content/notes/stale-erratum/${lang}.md:10:1: mismatch: stale erratum: the source's formula`);
  });

  test('translation-drift: names both files, the block and the formula', () => {
    expect(example(lang, 'translation-drift').output).toBe(
      'content/notes/translation-drift/en.md:10 (original content/notes/translation-drift/zh.md:10): block 2: formula 1 differs: original `\\mathrm{tr}(AB) = \\mathrm{tr}(BA)`, translation `\\mathrm{tr}(BA) = \\mathrm{tr}(AB)`\n1 translation problem(s)',
    );
  });
});

describe.each(LANGS)('the built guide page in %s', (lang) => {
  test('shows each example note and exactly the output the checker prints for it now', () => {
    const page = builtPage(`${lang}/guide`);
    const figures = selectAll('figure.guide-example', page);
    expect(figures.map((figure) => figure.properties.dataExample)).toEqual(examplesIn(lang));
    for (const figure of figures) {
      const expected = example(lang, String(figure.properties.dataExample));
      expect(toString(select('pre.guide-output', figure) as Element)).toBe(expected.output);
      const sources = selectAll('pre.guide-source', figure).map((pre) => toString(pre).split('\n').map((line) => line.replace(/^\s*\d+ /, '')).join('\n'));
      expect(sources).toEqual(expected.sources.map((source) => source.text.replace(/\n?$/, '\n')));
    }
  });

  test.each(['real-matrix-differentials', 'glossary', 'guide'])('is linked from the sidebar of /%s/', (page) => {
    const link = select(`.sidebar a[href="/${lang}/guide/"]`, builtPage(`${lang}/${page}`)) as Element | undefined;
    expect(link && toString(link)).toBe(lang === 'zh' ? '写作指南' : 'Authoring guide');
  });
});
