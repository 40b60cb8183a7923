/**
 * Collect the formulas of a parsed note (the mdast of src/markdown/parse-note.ts) in document
 * order, with what the author said about them in invisible HTML comments:
 *
 * - `<!-- verify … -->` declarations (the engine's grammar), in force from there to the page's end;
 * - `<!-- verify: not-checkable: reason -->` for the next formula;
 * - `<!-- erratum: LaTeX as the source wrote it -->` for the next formula, which is the correction.
 *
 * Display formulas are all collected; inline ones when they state a relation (`=`, `\iff`, …).
 */
import type { Html, Nodes, Root } from 'mdast';
import type { FormulaNode } from '../markdown/blocks.js';
import { FormulaIds } from '../markdown/formula-id.js';
import { statesRelation } from '../markdown/relation.js';

/** What the author wrote in a comment. */
export type Annotation =
  | { kind: 'declarations'; text: string; line: number }
  | { kind: 'not-checkable'; reason: string; line: number }
  | { kind: 'erratum'; original: string; line: number };

/** One formula with its place and the annotations in force before it. */
export interface CollectedFormula {
  id: string;
  latex: string;
  display: boolean;
  /** 1-based line and column where the LaTeX starts in the file. */
  line: number;
  column: number;
  /** Offsets of each LaTeX line's start, to map a span inside the formula to line:column. */
  lineStarts: { offset: number; line: number; column: number }[];
  /** Declarations seen since the previous formula (apply from here on). */
  declarations: Annotation[];
  /** A mark for this formula only; an erratum's original placed where its comment quotes it. */
  mark?: Extract<Annotation, { kind: 'not-checkable' }> | (Extract<Annotation, { kind: 'erratum' }> & Pick<CollectedFormula, 'lineStarts'>);
  /** Number of headings before the formula: definitions made by formulas hold within a section. */
  section: number;
}

const COMMENT = /^<!--([\s\S]*?)-->$/;
const VERIFY = /^\s*verify\b([\s\S]*)$/;
const NOT_CHECKABLE = /^\s*:\s*not-checkable\s*:\s*([\s\S]+?)\s*$/;
const ERRATUM = /^\s*erratum\s*:\s*([\s\S]+?)\s*$/;

/**
 * The annotation an HTML node holds, if it is one of ours.
 *
 * @param node An mdast `html` node.
 */
export function readAnnotation(node: Html): Annotation | undefined {
  const comment = COMMENT.exec(node.value.trim());
  const line = node.position?.start.line ?? 0;
  if (!comment) return undefined;
  const erratum = ERRATUM.exec(comment[1]);
  if (erratum) return { kind: 'erratum', original: erratum[1], line };
  const verify = VERIFY.exec(comment[1]);
  if (!verify) return undefined;
  const notCheckable = NOT_CHECKABLE.exec(verify[1]);
  if (notCheckable) return { kind: 'not-checkable', reason: notCheckable[1], line };
  return { kind: 'declarations', text: verify[1], line };
}

/**
 * Where each line of a formula's LaTeX starts in the file.
 *
 * @param latex The formula's value (as remark-math gives it).
 * @param firstLine File line of the LaTeX's first line.
 * @param fileLines The file's lines.
 */
function locateLines(latex: string, firstLine: number, fileLines: readonly string[]): CollectedFormula['lineStarts'] {
  const starts: CollectedFormula['lineStarts'] = [];
  let offset = 0;
  latex.split('\n').forEach((text, i) => {
    const line = firstLine + i;
    const source = fileLines[line - 1] ?? '';
    const at = text ? source.indexOf(text) : -1;
    starts.push({ offset, line, column: (at >= 0 ? at : 0) + 1 });
    offset += text.length + 1;
  });
  return starts;
}

/**
 * Line and column in the file of an offset inside a collected formula's LaTeX.
 *
 * @param formula A collected formula (or an erratum's original, placed in its comment).
 * @param offset Zero-based offset into its LaTeX.
 */
export function locate(formula: Pick<CollectedFormula, 'lineStarts'>, offset: number): { line: number; column: number } {
  let start = formula.lineStarts[0];
  for (const candidate of formula.lineStarts) if (candidate.offset <= offset) start = candidate;
  return { line: start.line, column: start.column + (offset - start.offset) };
}

/**
 * Where an erratum's original starts in the file, line by line (inside its comment), so the
 * erratum's own record points at what the source wrote.
 *
 * @param node The comment.
 * @param original The LaTeX it quotes.
 * @param fileLines The file's lines.
 */
function placeOriginal(node: Html, original: string, fileLines: readonly string[]): CollectedFormula['lineStarts'] {
  const before = node.value.slice(0, Math.max(0, node.value.indexOf(original)));
  const firstLine = (node.position?.start.line ?? 1) + before.split('\n').length - 1;
  return locateLines(original, firstLine, fileLines);
}

/**
 * Every formula of a note, in document order.
 *
 * @param tree The note's mdast after the notes pipeline's remark plugins.
 * @param text The file's text (to place formulas exactly).
 */
export function collectFormulas(tree: Root, text: string): CollectedFormula[] {
  const fileLines = text.split('\n');
  const inlineIds = new FormulaIds();
  const found: CollectedFormula[] = [];
  let pending: Annotation[] = [];
  let mark: CollectedFormula['mark'];
  let section = 0;

  const visit = (node: Nodes): void => {
    if (node.type === 'heading') section += 1;
    if (node.type === 'html') {
      const annotation = readAnnotation(node);
      if (annotation?.kind === 'declarations') pending.push(annotation);
      else if (annotation?.kind === 'erratum') mark = { ...annotation, lineStarts: placeOriginal(node, annotation.original, fileLines) };
      else if (annotation) mark = annotation;
      return;
    }
    if (node.type === 'formula' || (node.type === 'inlineMath' && statesRelation(node.value))) {
      const display = node.type === 'formula';
      const math = display ? (node as FormulaNode).children[0] : node;
      const start = math.position?.start ?? { line: 1, column: 1 };
      const firstLine = display ? start.line + 1 : start.line;
      const lineStarts = display
        ? locateLines(math.value, firstLine, fileLines)
        : [{ offset: 0, line: start.line, column: start.column + 1 }];
      found.push({
        id: display ? (node as FormulaNode).formulaId : inlineIds.next(math.value).replace(/^f-/, 'i-'),
        latex: math.value,
        display,
        line: lineStarts[0].line,
        column: lineStarts[0].column,
        lineStarts,
        declarations: pending,
        mark,
        section,
      });
      pending = [];
      mark = undefined;
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  return found;
}
