/**
 * Block structure for bilingual reading: numbers the top-level blocks (`data-block`, `--b`) so
 * the two languages align block by block, and wraps every display formula in a figure with its
 * stable id, a permalink and a mount point for its badge and widget.
 */
import type { InlineMath, Math } from 'mdast-util-math';
import { statesRelation } from './relation.js';
import type { Parent, Root, RootContent } from 'mdast';
import { FormulaIds } from './formula-id.js';

/** A display formula with its id: renders as `<figure class="formula" id=…>`. */
export interface FormulaNode extends Parent {
  type: 'formula';
  formulaId: string;
  children: [Math];
}

declare module 'mdast' {
  interface RootContentMap {
    formula: FormulaNode;
  }
}

/** Remark plugin: block numbers and formula wrappers. */
export default function remarkBlocks() {
  return (tree: Root) => {
    wrapFormulas(tree, new FormulaIds());
    let block = 0;
    for (const node of tree.children) {
      if (node.type === 'html' || node.type === 'yaml' || node.type === 'definition') continue;
      block += 1;
      node.data = {
        ...node.data,
        hProperties: { ...(node.data?.hProperties ?? {}), dataBlock: block, style: `--b:${block}` },
      };
    }
  };
}

/** Ids of inline formulas that state a relation (they are checked too): `i-<hash>`. */
function wrapFormulas(parent: Parent, ids: FormulaIds, inlineIds = new FormulaIds()): void {
  parent.children = (parent.children as RootContent[]).map((node) => {
    if (node.type === 'math') return formula(node, ids.next(node.value));
    if (node.type === 'inlineMath' && statesRelation(node.value)) return inlineFormula(node, inlineIds.next(node.value).replace(/^f-/, 'i-'));
    if ('children' in node) wrapFormulas(node as Parent, ids, inlineIds);
    return node;
  }) as Parent['children'];
}

function inlineFormula(math: InlineMath, id: string): RootContent {
  return {
    type: 'emphasis',
    position: math.position,
    data: { hName: 'span', hProperties: { className: ['formula-inline'], id, dataFormulaId: id } },
    children: [math],
  };
}

function formula(math: Math, id: string): RootContent {
  const wrapper: FormulaNode = {
    type: 'formula',
    formulaId: id,
    children: [math],
    position: math.position,
    data: {
      hName: 'figure',
      hProperties: { className: ['formula'], id, dataFormulaId: id, dataLine: math.position?.start.line },
    },
  };
  return wrapper;
}
