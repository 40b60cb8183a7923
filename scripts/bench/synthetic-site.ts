/**
 * Synthetic notes for the scale benchmark: `pages` notes under content/notes/, each in Chinese and
 * English (line-aligned, as the translation check wants), holding `formulas` distinct display
 * formulas in all, drawn from the generator of true identities, with a declaration block, sections
 * and prose between formulas like the real notes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { declarations, nextIdentities, pageSymbols, seededRandom, type Identity } from './identities.js';

/** Size of a synthetic site. */
export interface SyntheticSize {
  /** Display formulas over the whole site (each written in both languages). */
  formulas: number;
  /** Notes (each a Chinese and an English file). */
  pages: number;
  /** Seed of the generator (same seed, same notes). */
  seed?: number;
}

const SECTIONS: readonly [string, string][] = [
  ['迹的梯度', 'Gradients of traces'],
  ['微分与导数', 'Differentials and derivatives'],
  ['向量化与 Kronecker 积', 'Vectorization and the Kronecker product'],
  ['二阶导数', 'Second derivatives'],
  ['行列式与逆矩阵', 'Determinants and inverses'],
];

const PROSE: readonly [string, string][] = [
  ['由迹的循环性质可得：', 'By the cyclic property of the trace:'],
  ['对上式两边取微分，得到', 'Taking the differential of both sides gives'],
  ['利用乘积法则逐项求导：', 'Differentiating term by term with the product rule:'],
  ['在分母布局下，梯度与变量同形：', 'In denominator layout the gradient has the shape of the variable:'],
  ['把微分写成迹的形式，即可读出导数：', 'Writing the differential as a trace, the derivative can be read off:'],
  ['这一结果在后面的推导中会反复用到。', 'This result is used repeatedly in the derivations that follow.'],
];

const FORMULAS_PER_SECTION = 10;
const FUNCTION_NAMES = ['f', 'g', 'h'];

function page(random: () => number, index: number, count: number, seen: Set<string>): { zh: string; en: string } {
  const symbols = pageSymbols(random);
  const zh: string[] = ['---', `title: 合成笔记 ${index + 1}`, `description: 基准测试用的合成笔记，共 ${count} 个公式。`, `order: ${index + 1}`, 'convention: denominator', '---', `# 合成笔记 ${index + 1}`, ''];
  const en: string[] = ['---', `title: Synthetic note ${index + 1}`, `description: A synthetic note for the benchmark, with ${count} formulas.`, `order: ${index + 1}`, 'convention: denominator', '---', `# Synthetic note ${index + 1}`, ''];
  const both = (zhLine: string, enLine = zhLine) => {
    zh.push(zhLine);
    en.push(enLine);
  };
  both(`<!-- verify\n${declarations(symbols)}\n-->`);
  both('');
  let written = 0;
  while (written < count) {
    if (written % FORMULAS_PER_SECTION === 0) {
      const [zhTitle, enTitle] = SECTIONS[(written / FORMULAS_PER_SECTION) % SECTIONS.length];
      both(`## ${zhTitle}`, `## ${enTitle}`);
      both('');
    }
    let identities: Identity[] = [];
    for (let attempt = 0; attempt < 50; attempt++) {
      identities = nextIdentities(random, symbols, FUNCTION_NAMES[written % FUNCTION_NAMES.length]);
      if (identities.length <= count - written && identities.every((identity) => !seen.has(identity.latex))) break;
      identities = [];
    }
    if (!identities.length) throw new Error(`the identity generator ran out of distinct formulas on page ${index + 1}`);
    for (const identity of identities) {
      seen.add(identity.latex);
      const [zhProse, enProse] = PROSE[Math.floor(random() * PROSE.length)];
      both(zhProse, enProse);
      both('');
      both(`$$\n${identity.latex}\n$$`);
      both('');
      written += 1;
    }
  }
  return { zh: zh.join('\n'), en: en.join('\n') };
}

/**
 * Write the synthetic notes into a project's content/notes/.
 *
 * @param root The project root.
 * @param size Formulas, notes and seed.
 * @returns The number of distinct display formulas written (per language).
 */
export function writeSyntheticNotes(root: string, size: SyntheticSize): number {
  const random = seededRandom(size.seed ?? 1);
  const seen = new Set<string>();
  for (let index = 0; index < size.pages; index++) {
    const count = Math.floor(size.formulas / size.pages) + (index < size.formulas % size.pages ? 1 : 0);
    const { zh, en } = page(random, index, count, seen);
    const dir = join(root, 'content', 'notes', `synthetic-${String(index + 1).padStart(3, '0')}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'zh.md'), zh);
    writeFileSync(join(dir, 'en.md'), en);
  }
  return seen.size;
}
