import type { BuildAxis, BuildNode, Expr, WrtSpec } from '../ast.js';
import type { Parser } from '../parser.js';
import { Parser as SubParser } from '../parser.js';
import type { Span } from '../../span.js';
import { type Template, type TemplateAxis, inferTemplate, splitCells, splitList } from '../template.js';
import { indexLetters } from '../script.js';
import { mapTree, walk } from '../walk.js';

/** Index letters of an entry subscript: `ij`, `i,j` → [i, j]; `kl` → [k, l]. */
export const ENTRY_INDEX = /^[ijkl],?[ijkl]?$/;

const ELLIPSIS = /^\\(?:cdots|ldots|dots|vdots|ddots)$/;

/** Every node (and derivative variable) of `e` re-anchored at `span`: a re-parsed template has no place of its own. */
function anchored(e: Expr, span: Span): Expr {
  return mapTree(e, (n) => ({ ...n, span }));
}

/** Parse `latex` (text made from the source, not a slice of it) as one expression; null when it does not parse cleanly. */
function parseDerived(p: Parser, latex: string, span: Span): Expr | null {
  const sub = new SubParser(latex, p.commands, p.options);
  const expr = sub.parseExpr();
  if (sub.diagnostics.length > 0 || sub.peek().type !== 'eof') return null;
  let opaque = false;
  walk(expr, (n) => {
    if (n.kind === 'opaque') opaque = true;
  });
  return opaque ? null : anchored(expr, span);
}

function axis(a: TemplateAxis): BuildAxis {
  return { index: a.index, last: a.last };
}

/** Index letters the rest of the checker reads as indices (`X_{ij}`, `x_k`). */
const INDEX_LETTER = /^[ijkl]$/;

/** A build node from an inferred template, or an opaque node saying why not. */
function fromTemplate(p: Parser, template: Template | { reason: string }, span: Span, orientation: 'matrix' | 'row'): Expr {
  if ('reason' in template) return p.opaque('not-checkable', `a matrix written entry by entry whose pattern is unclear (${template.reason})`, span);
  const letters = [template.rows, template.cols, template.nested?.inner, template.nested?.outer].filter((a) => a !== undefined);
  if (letters.some((a) => !INDEX_LETTER.test(a.index))) return p.opaque('not-checkable', 'a matrix written entry by entry that uses every index letter i, j, k, l itself', span);
  const body = parseDerived(p, template.body, span);
  if (!body) return p.opaque('not-checkable', `a matrix written entry by entry whose generic entry ${template.body} cannot be read`, span);
  if (template.nested) return { kind: 'build', body, rows: [], cols: [axis(template.nested.outer), axis(template.nested.inner)], source: p.source.slice(span.start, span.end), span };
  const rows = template.rows ? [axis(template.rows)] : [];
  const cols = template.cols ? [axis(template.cols)] : [];
  if (orientation === 'row' && rows.length) return p.opaque('not-checkable', 'a list with a pattern in two directions', span);
  const written: NonNullable<BuildNode['written']> = [];
  for (const cell of template.exceptions ?? []) {
    const parsed = parseDerived(p, cell.text, span);
    if (!parsed) return p.opaque('not-checkable', `a matrix cell that cannot be read: ${cell.text}`, span);
    written.push({ ...(cell.row ? { row: cell.row } : {}), ...(cell.col ? { col: cell.col } : {}), body: parsed });
  }
  return { kind: 'build', body, rows, cols, ...(written.length ? { written } : {}), source: p.source.slice(span.start, span.end), span };
}

/**
 * A matrix environment: with ellipses, the matrix of its generic entry (`\begin{pmatrix} X_{11} & \cdots \\ ... \end{pmatrix}`
 * → entry `X_{ij}`); without, the explicit matrix of its cells (an empty cell is 0).
 */
export function matrixEnvironment(p: Parser, inner: string, span: Span): Expr {
  let cells = splitCells(inner);
  if (cells.length === 0) return p.opaque('unsupported', 'an empty matrix', span);
  // `\begin{bmatrix}b_1,\cdots,b_n\end{bmatrix}`: one cell holding a list is a row of blocks.
  if (cells.length === 1 && cells[0].length === 1 && splitList(cells[0][0]).length > 1) cells = [splitList(cells[0][0])];
  if (cells.some((row) => row.some((c) => ELLIPSIS.test(c)))) return fromTemplate(p, inferTemplate(cells), span, 'matrix');
  const width = Math.max(...cells.map((r) => r.length));
  const parsed: Expr[][] = [];
  for (const row of cells) {
    const out: Expr[] = [];
    for (let c = 0; c < width; c++) {
      const text = row[c] ?? '';
      const cell = text === '' ? { kind: 'number' as const, value: '0', span } : parseDerived(p, text, span);
      if (!cell) return p.opaque('not-checkable', `a matrix cell that cannot be read: ${text}`, span);
      out.push(cell);
    }
    parsed.push(out);
  }
  return { kind: 'cells', cells: parsed, source: p.source.slice(span.start, span.end), span };
}

/**
 * A bracketed list with an ellipsis, `[x_1, \cdots, x_N]` or `(\frac{\partial f}{\partial x_1}, \cdots)`: one row
 * whose blocks follow the pattern of the written items (a column vector `x_j` per column gives a matrix).
 */
export function ellipsisList(p: Parser, source: string, items: Expr[], span: Span): Expr | null {
  const startsWithEllipsis = (item: Expr) => /^\\(?:cdots|ldots|dots|vdots|ddots)(?![A-Za-z])/.test(source.slice(item.span.start, item.span.end).trim());
  if (!items.some(startsWithEllipsis)) return null;
  const texts: string[] = [];
  for (const item of items) {
    const text = source.slice(item.span.start, item.span.end).trim();
    // `\cdots \mathrm{soft}\max(a_{2,N})` (a comma left out after the ellipsis) is two items.
    const glued = /^(\\(?:cdots|ldots|dots))\s*(.+)$/s.exec(text);
    if (glued) texts.push(glued[1], glued[2]);
    else texts.push(text);
  }
  return fromTemplate(p, inferTemplate([texts]), span, 'row');
}

function entryLetters(index: string | undefined): string[] {
  if (!index || !ENTRY_INDEX.test(index)) return [];
  return indexLetters(index);
}

/**
 * `\left[ \frac{\partial f}{\partial X_{ij}} \right]` or `[A_{ij}B]`: brackets around an expression with a two-letter
 * entry index are the matrix of that generic entry (rows over i or k, columns over j or l).
 */
export function bracketBuild(expr: Expr, span: Span, source: string): Expr | null {
  let letters: string[] = [];
  let binds = false;
  const consider = (index: string | undefined) => {
    const l = entryLetters(index);
    // `[a_{ij}]` and `[a_{ji}]` differ: the earlier letter of the alphabet runs over the rows (i, j; k, l).
    if (l.length === 2 && letters.length === 0) letters = [...l].sort();
  };
  walk(expr, (n) => {
    if (n.kind === 'symbol') consider(n.index);
    if (n.kind === 'derivative') n.wrt.forEach((w: WrtSpec) => consider(w.index));
    // Indices bound inside (a sum, a matrix of entries) leave nothing for the brackets to range over.
    if (n.kind === 'build' || n.kind === 'sum') binds = true;
  });
  if (letters.length !== 2 || binds) return null;
  return { kind: 'build', body: expr, rows: [{ index: letters[0] }], cols: [{ index: letters[1] }], source: source.slice(span.start, span.end), span };
}
