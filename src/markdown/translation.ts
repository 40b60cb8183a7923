/**
 * The translation check: a translation must have the original's blocks, in order, with the same
 * formulas in each (only `\text{…}` prose inside math may differ). Returns every problem found.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { normaliseLatex } from './formula-id.js';

/** One way a translation drifts from its original. */
export interface TranslationProblem {
  /** 1-based block number (the `data-block` of the page). */
  block: number;
  /** Line of the block in the original and in the translation. */
  originalLine?: number;
  translationLine?: number;
  message: string;
}

interface Block {
  node: RootContent;
  signature: string;
  formulas: string[];
}

function blocksOf(tree: Root): Block[] {
  return tree.children
    .filter((node) => node.type !== 'html' && node.type !== 'definition')
    .map((node) => ({ node, signature: signature(node), formulas: formulasOf(node) }));
}

function signature(node: RootContent): string {
  switch (node.type) {
    case 'heading':
      return `heading level ${node.depth}`;
    case 'list':
      return `${node.ordered ? 'numbered' : 'bulleted'} list of ${node.children.length} item(s)`;
    case 'container':
      return `\`::: ${node.kind} ${node.title}\` container`;
    case 'formula':
      return 'display formula';
    default:
      return node.type;
  }
}

function formulasOf(node: Nodes): string[] {
  const found: string[] = [];
  visit(node, (child) => {
    if (child.type === 'inlineMath' || child.type === 'math') found.push(normaliseLatex(child.value));
  });
  return found;
}

const SHOWN = 60;
const shorten = (latex: string) => (latex.length > SHOWN ? `${latex.slice(0, SHOWN)}…` : latex);

/**
 * Compare a translation with its original, block by block.
 *
 * @param original The original (Chinese) note's tree.
 * @param translation The translation's tree.
 */
export function compareTranslation(original: Root, translation: Root): TranslationProblem[] {
  const left = blocksOf(original);
  const right = blocksOf(translation);
  const problems: TranslationProblem[] = [];
  const count = Math.min(left.length, right.length);
  for (let i = 0; i < count; i++) {
    const [a, b] = [left[i], right[i]];
    const where = { block: i + 1, originalLine: a.node.position?.start.line, translationLine: b.node.position?.start.line };
    if (a.signature !== b.signature) {
      problems.push({ ...where, message: `the original has a ${a.signature}, the translation a ${b.signature}; blocks after this one no longer align` });
      return problems;
    }
    if (a.formulas.length !== b.formulas.length) {
      problems.push({ ...where, message: `the original has ${a.formulas.length} formula(s), the translation ${b.formulas.length}` });
      continue;
    }
    a.formulas.forEach((formula, k) => {
      if (formula !== b.formulas[k]) {
        problems.push({ ...where, message: `formula ${k + 1} differs: original \`${shorten(formula)}\`, translation \`${shorten(b.formulas[k])}\`` });
      }
    });
  }
  if (left.length !== right.length) {
    problems.push({
      block: count + 1,
      originalLine: left[count]?.node.position?.start.line,
      translationLine: right[count]?.node.position?.start.line,
      message: `the original has ${left.length} blocks, the translation ${right.length}`,
    });
  }
  return problems;
}
