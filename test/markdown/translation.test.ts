import { describe, expect, test } from 'vitest';
import { parseNote } from '../../src/markdown/parse-note.js';
import { compareTranslation } from '../../src/markdown/translation.js';

async function compare(zh: string, en: string) {
  const [a, b] = await Promise.all([
    parseNote(zh, 'content/notes/x/zh.md', { references: {} }),
    parseNote(en, 'content/notes/x/en.md', { references: {} }),
  ]);
  return compareTranslation(a.tree, b.tree);
}

const ORIGINAL = '## 1. 微分\n\n矩阵微分$\\mathrm{d}X$定义为\n\n$$\nB\\text{为对称矩阵}\n$$\n\n::: tip definition\n$f = a^TXb$\n:::\n';

describe('translation check', () => {
  test('a faithful translation passes (prose in \\text{} may be translated)', async () => {
    const en = '## 1. Differentials\n\nThe matrix differential $\\mathrm{d}X$ is defined as\n\n$$\nB\\text{ is symmetric}\n$$\n\n::: tip definition\n$f = a^TXb$\n:::\n';
    expect(await compare(ORIGINAL, en)).toEqual([]);
  });

  test.each([
    ['a display formula changed', ORIGINAL.replace('B\\text', 'B^T\\text'), /block 3: formula 1 differs: original `B\\text\{…\}`, translation `B\^T\\text\{…\}`/],
    ['an inline formula changed', ORIGINAL.replace('$\\mathrm{d}X$', '$dX$'), /block 2: formula 1 differs/],
    ['a formula missing', ORIGINAL.replace('矩阵微分$\\mathrm{d}X$定义为', '矩阵微分定义为'), /block 2: the original has 1 formula\(s\), the translation 0/],
    ['a block missing', ORIGINAL.replace('## 1. 微分\n\n', ''), /block 1: the original has a heading level 2, the translation a paragraph/],
    ['a container kind changed', ORIGINAL.replace('tip definition', 'note note'), /block 4: the original has a `::: tip definition` container, the translation a `::: note note` container/],
  ])('%s is reported with its block', async (_name, en, message) => {
    const problems = await compare(ORIGINAL, en);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map((p) => `block ${p.block}: ${p.message}`).join('\n')).toMatch(message);
  });

  test('every drifting block is reported, not only the first', async () => {
    const en = ORIGINAL.replace('$\\mathrm{d}X$', '$dX$').replace('$f = a^TXb$', '$f = b^TXa$');
    const problems = await compare(ORIGINAL, en);
    expect(problems.map((p) => p.block)).toEqual([2, 4]);
  });
});
