/**
 * Infers the generic entry of a matrix or list written entry by entry with ellipses
 * (`X_{11} & \cdots & X_{1n} \\ \vdots & \ddots & \vdots \\ X_{m1} & \cdots & X_{mn}` → `X_{ij}`, i = 1..m, j = 1..n).
 * Pure string processing with its own small tokenizer; never throws, never guesses.
 */

/** One axis of a template: the index letter used in `body` and its range `1..last`. */
export interface TemplateAxis { index: string; first: string; last: string }
/** The generic entry of a matrix written with ellipses (`nested`: a one-row list with two levels, like vec(X)). */
export interface Template {
  body: string;
  rows?: TemplateAxis;
  cols?: TemplateAxis;
  nested?: { inner: TemplateAxis; outer: TemplateAxis };
  /**
   * Written cells that break the pattern the first row and column set (a slip such as `\partial f/\partial x_m` for
   * `\partial f_p/\partial x_m`), at their row and column values (`1`, `2`, or the last, `m`): the matrix as written
   * has these cells, so a checker evaluates them as written. At most {@link MAX_EXCEPTIONS}.
   */
  exceptions?: { row?: string; col?: string; text: string }[];
}
/** More cells off the pattern than this means there is no pattern. */
export const MAX_EXCEPTIONS = 1;
/** Why the cells do not follow one consistent pattern. */
export interface TemplateFailure { reason: string }

interface Tok { text: string; start: number; end: number }
/** A subscript of a cell: its source span and positions (`X_{1n}` → 1, n; `a_{2,1}` → 2, 1 with a comma). */
interface Sub { start: number; end: number; pos: string[]; comma: boolean }
interface Layout { explicit: number[]; gap: boolean }
interface Axis { values: string[]; last: string }
type Key = string; // `${subscript}.${position}`

const ELLIPSES = new Set(['\\cdots', '\\ldots', '\\dots', '\\vdots', '\\ddots']);
const FALLBACK_LETTERS = [...'pqrstuvwklabcdeghoyz'];
const TOKEN = /\\[A-Za-z]+|\\.|\s+|./gsu;

/** Split LaTeX into commands (`\name`, `\,`), whitespace runs and single characters, with source offsets. */
function tokenize(src: string): Tok[] {
  return [...src.matchAll(TOKEN)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

/** Whether a token is whitespace. */
const isSpace = (t: Tok): boolean => /^\s/u.test(t.text);
/** Whether a (trimmed) cell is exactly one ellipsis command. */
const isEllipsis = (cell: string): boolean => ELLIPSES.has(cell.trim());
/** A cell's position for messages, 1-based as written. */
const at = (r: number, c: number): string => `(${r + 1},${c + 1})`;
const fail = (reason: string): TemplateFailure => ({ reason });

/** Index of the token closing the group opened at `open` (`{`…`}`), or -1. */
function matching(toks: Tok[], open: number): number {
  let depth = 0;
  for (let k = open; k < toks.length; k++) {
    if (toks[k].text === '{') depth++;
    else if (toks[k].text === '}' && --depth === 0) return k;
  }
  return -1;
}

/** Split `src` at top-level tokens accepted by `sep`; `nest` holds opening/closing character pairs (`{}()[]`). */
function splitTop(src: string, sep: (t: string) => boolean, nest: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let from = 0;
  for (const t of tokenize(src)) {
    const k = t.text.length === 1 ? nest.indexOf(t.text) : -1;
    if (k >= 0) depth += k % 2 === 0 ? 1 : -1;
    else if (depth === 0 && sep(t.text)) {
      pieces.push(src.slice(from, t.start).trim());
      from = t.end;
    }
  }
  pieces.push(src.slice(from).trim());
  return pieces;
}

/** Split an environment's inner source into trimmed cells at top-level `&` and `\\`, dropping a trailing empty row. */
export function splitCells(latex: string): string[][] {
  const rows = splitTop(latex, (t) => t === '\\\\', '{}').map((row) => splitTop(row, (t) => t === '&', '{}'));
  if (rows.length > 1 && rows[rows.length - 1].every((cell) => cell === '')) rows.pop();
  return rows;
}

/** Remove one pair of delimiters (`[…]`, `(…)`, `\left[…\right]`) when it encloses the whole source. */
function stripDelimiters(src: string): string {
  const toks = tokenize(src).filter((t) => !isSpace(t));
  const open = toks[0]?.text === '\\left' ? 1 : 0;
  if (toks[open]?.text !== '(' && toks[open]?.text !== '[') return src;
  let depth = 0;
  for (let k = open; k < toks.length; k++) {
    if (toks[k].text === '(' || toks[k].text === '[') depth++;
    else if ((toks[k].text === ')' || toks[k].text === ']') && --depth === 0) {
      if (k !== toks.length - 1) return src;
      return src.slice(toks[open].end, toks[k - 1].text === '\\right' ? toks[k - 1].start : toks[k].start);
    }
  }
  return src;
}

/** Split an item glued to an ellipsis (`\cdots \mathrm{soft}\max…`, a comma missing in the notes) into two items. */
function unglue(item: string): string[] {
  const toks = tokenize(item).filter((t) => !isSpace(t));
  if (toks.length < 2) return [item];
  if (ELLIPSES.has(toks[0].text)) return [toks[0].text, item.slice(toks[0].end).trim()];
  const last = toks[toks.length - 1];
  return ELLIPSES.has(last.text) ? [item.slice(0, last.start).trim(), last.text] : [item];
}

/** Split a comma list (`[x_1,\cdots ,x_N]`, or its inside) at top-level commas into one row of trimmed items. */
export function splitList(latex: string): string[] {
  return splitTop(stripDelimiters(latex.trim()), (t) => t === ',', '{}()[]').flatMap(unglue);
}

/** The positions of a braced subscript's inside: comma-separated chunks, else one per token or `{…}` group. */
function positions(inner: string): { pos: string[]; comma: boolean } {
  const chunks = splitTop(inner, (t) => t === ',', '{}');
  if (chunks.length > 1) return { pos: chunks, comma: true };
  const toks = tokenize(inner);
  const pos: string[] = [];
  for (let k = 0; k < toks.length; k++) {
    if (isSpace(toks[k])) continue;
    const close = toks[k].text === '{' ? matching(toks, k) : k;
    pos.push(inner.slice(toks[k].start, toks[close < 0 ? k : close].end));
    k = Math.max(k, close);
  }
  return { pos, comma: false };
}

/** The subscripts of a cell, in order (`x_1`, `x_{1}`, `X_{1n}`, `a_{2,1}`). */
function subscripts(src: string): Sub[] {
  const toks = tokenize(src);
  const subs: Sub[] = [];
  for (let k = 0; k < toks.length; k++) {
    if (toks[k].text !== '_') continue;
    let a = k + 1;
    while (a < toks.length && isSpace(toks[a])) a++;
    if (a >= toks.length) break;
    const close = toks[a].text === '{' ? matching(toks, a) : a;
    if (close < 0) break;
    const parts = close === a ? { pos: [toks[a].text], comma: false } : positions(src.slice(toks[a].end, toks[close].start));
    subs.push({ start: toks[k].start, end: toks[close].end, ...parts });
    k = close;
  }
  return subs;
}

/** Join positions back into a subscript's inside, keeping a space after a command followed by a letter. */
function joinPositions(pos: string[], comma: boolean): string {
  if (comma) return pos.join(',');
  return pos.reduce((acc, p) => acc + (/\\[A-Za-z]+$/u.test(acc) && /^[A-Za-z]/u.test(p) ? ' ' : '') + p, '');
}

/** Rewrite `src` with the positions `value` returns (others kept), changed subscripts in braces form. */
function render(src: string, subs: Sub[], value: (key: Key) => string | undefined): string {
  let out = '';
  let from = 0;
  subs.forEach((sub, s) => {
    const pos = sub.pos.map((p, k) => value(`${s}.${k}`) ?? p);
    if (pos.every((p, k) => p === sub.pos[k])) return;
    out += `${src.slice(from, sub.start)}_{${joinPositions(pos, sub.comma)}}`;
    from = sub.end;
  });
  return out + src.slice(from);
}

/** A comparison form: whitespace dropped, `x_1` read as `x_{1}` (and `x^T` as `x^{T}`). */
function canonical(src: string): string {
  const toks = tokenize(src).filter((t) => !isSpace(t)).map((t) => t.text);
  const out: string[] = [];
  for (let k = 0; k < toks.length; k++) {
    out.push(toks[k]);
    if ((toks[k] === '_' || toks[k] === '^') && k + 1 < toks.length && toks[k + 1] !== '{') out.push('{', toks[++k], '}');
  }
  return out.join(' ');
}

/** Whether a row or column is a gap: only ellipses and empty cells, at least one ellipsis. */
const isGapLine = (cells: string[]): boolean => cells.every((c) => c === '' || isEllipsis(c)) && cells.some(isEllipsis);

/** The explicit lines of an axis, which must read `E…E` or `E…E ⋯ E` (consecutive gap lines are one gap). */
function layout(gaps: boolean[], what: string): Layout | TemplateFailure {
  const pattern = gaps.map((g) => (g ? 'G' : 'E')).join('').replace(/G+/gu, 'G');
  if (!/^E+(GE)?$/u.test(pattern)) return fail(`${what} do not read "1, 2, …, ⋯, last" (pattern ${pattern})`);
  return { explicit: gaps.flatMap((g, k) => (g ? [] : [k])), gap: pattern.includes('G') };
}

/** The subscript positions that differ between `first` and the given cells, or a failure when shapes differ. */
function varying(first: Sub[], cells: [number, number][], grid: string[][]): Set<Key> | TemplateFailure {
  const keys = new Set<Key>();
  for (const [r, c] of cells) {
    const subs = subscripts(grid[r][c]);
    if (subs.length !== first.length || subs.some((s, k) => s.pos.length !== first[k].pos.length)) {
      return fail(`cell ${at(r, c)} \`${grid[r][c]}\` has other subscripts than the first cell`);
    }
    subs.forEach((s, k) => s.pos.forEach((p, q) => p !== first[k].pos[q] && keys.add(`${k}.${q}`)));
  }
  return keys;
}

/** The values and last value of an axis along `lines` (undefined when only one line is written). */
function axis(keys: Set<Key>, lines: number[], cellAt: (line: number) => string, gap: boolean, what: string): Axis | TemplateFailure | undefined {
  if (lines.length === 1) return undefined;
  const key = [...keys][0];
  if (key === undefined) return fail(`no subscript varies along the ${what}`);
  const [s, p] = key.split('.').map(Number);
  const values = lines.map((l) => subscripts(cellAt(l))[s].pos[p]);
  const before = gap ? values.slice(0, -1) : values;
  const bad = before.findIndex((v, t) => v !== String(t + 1));
  if (bad >= 0) return fail(`${what}: explicit entry ${bad + 1} has index ${values[bad]}, expected ${bad + 1}`);
  const last = values[values.length - 1];
  const ok = /^\d+$/u.test(last) ? !gap || Number(last) > before.length : /^([A-Za-z]|\\[A-Za-z]+)$/u.test(last);
  return ok ? { values, last } : fail(`${what}: the last index ${last} is not a dimension after 1..${before.length}`);
}

/** The preferred index letter, else the first of `p q r s t u v w …` not in `used`. */
function freeLetter(used: Set<string>, prefer: string): string | undefined {
  return [prefer, ...FALLBACK_LETTERS].find((l) => !used.has(l));
}

/** Infer the template of a rectangular grid whose rows and columns may each contain one gap. */
function inferGrid(grid: string[][]): Template | TemplateFailure {
  const rowLayout = layout(grid.map(isGapLine), 'rows');
  if ('reason' in rowLayout) return rowLayout;
  const colLayout = layout(grid[0].map((_, c) => isGapLine(grid.map((row) => row[c]))), 'columns');
  if ('reason' in colLayout) return colLayout;
  const [R, C] = [rowLayout.explicit, colLayout.explicit];
  for (const r of R) for (const c of C) {
    const cell = grid[r][c];
    if (cell === '' || isEllipsis(cell)) return fail(`cell ${at(r, c)} is ${cell ? 'an ellipsis' : 'empty'} outside the gaps`);
  }
  const first = grid[R[0]][C[0]];
  const subs = subscripts(first);
  const byCol = varying(subs, C.map((c) => [R[0], c]), grid);
  if ('reason' in byCol) return byCol;
  const byRow = varying(subs, R.map((r) => [r, C[0]]), grid);
  if ('reason' in byRow) return byRow;
  const both = [...byRow].find((k) => byCol.has(k));
  if (both) return fail(`a subscript of ${first} varies with both the row and the column`);
  const rows = axis(byRow, R, (r) => grid[r][C[0]], rowLayout.gap, 'rows');
  if (rows && 'reason' in rows) return rows;
  const cols = axis(byCol, C, (c) => grid[R[0]][c], colLayout.gap, 'columns');
  if (cols && 'reason' in cols) return cols;
  const exceptions: NonNullable<Template['exceptions']> = [];
  for (const [ri, r] of R.entries()) for (const [ci, c] of C.entries()) {
    const want = render(first, subs, (k) => (byRow.has(k) ? rows?.values[ri] : byCol.has(k) ? cols?.values[ci] : undefined));
    if (canonical(want) === canonical(grid[r][c])) continue;
    // The first row and column set the pattern; a cell elsewhere may break it (and is then checked as written).
    const setsPattern = ri === 0 || ci === 0;
    if (setsPattern || exceptions.length >= MAX_EXCEPTIONS) return fail(`cell ${at(r, c)} \`${grid[r][c]}\` does not match the pattern (expected \`${want}\`)`);
    exceptions.push({ ...(rows ? { row: rows.values[ri] } : {}), ...(cols ? { col: cols.values[ci] } : {}), text: grid[r][c] });
  }
  const used = new Set(grid.flat().flatMap((cell) => tokenize(cell).map((t) => t.text)).filter((t) => /^[A-Za-z]$/u.test(t)));
  const rowIndex = rows ? freeLetter(used, 'i') : undefined;
  if (rowIndex) used.add(rowIndex);
  const colIndex = cols ? freeLetter(used, 'j') : undefined;
  if ((rows && !rowIndex) || (cols && !colIndex)) return fail('no free index letter');
  const body = render(first, subs, (k) => (byRow.has(k) ? rowIndex : byCol.has(k) ? colIndex : undefined));
  const template: Template = { body };
  if (rows && rowIndex) template.rows = { index: rowIndex, first: '1', last: rows.last };
  if (cols && colIndex) template.cols = { index: colIndex, first: '1', last: cols.last };
  if (exceptions.length) template.exceptions = exceptions;
  return template;
}

/** Read a one-row list with two gap levels (`X_{11},⋯,X_{m1},X_{12},⋯,X_{m2},⋯,X_{mn}`) as a grid, one inner run per column. */
function nestedGrid(row: string[]): string[][] | TemplateFailure {
  const gaps = row.map(isEllipsis);
  const innerGap = gaps.indexOf(true);
  const size = innerGap + 2;
  const columns: string[][] = [];
  for (let k = 0; k < row.length; ) {
    if (gaps[k]) {
      columns.push(Array<string>(size).fill('\\cdots'));
      k++;
      continue;
    }
    const run = row.slice(k, k + size);
    if (innerGap < 1 || run.length < size || run.some((_, t) => gaps[k + t] !== (t === innerGap))) {
      return fail(`nested list: the run at item ${k + 1} does not repeat the pattern "first, ⋯, last" of the first run`);
    }
    columns.push(run);
    k += size;
  }
  return Array.from({ length: size }, (_, t) => columns.map((col) => col[t]));
}

/**
 * cells: the written cells, row by row, each trimmed; an ellipsis cell is exactly one of `\cdots`, `\ldots`, `\dots`,
 * `\vdots`, `\ddots` (a row of only ellipses marks a gap between rows, a column of them a gap between columns).
 * Returns the template, or { reason } when the cells do not follow one consistent pattern (never throws).
 */
export function inferTemplate(cells: string[][]): Template | TemplateFailure {
  const width = Math.max(0, ...cells.map((row) => row.length));
  const grid = cells.map((row) => Array.from({ length: width }, (_, c) => (row[c] ?? '').trim()));
  if (!grid.flat().some(isEllipsis)) return fail('no ellipsis');
  const gapGroups = grid.length === 1 ? grid[0].map((c) => (isEllipsis(c) ? 'G' : 'E')).join('').match(/G+/gu)?.length ?? 0 : 0;
  if (gapGroups < 2) return inferGrid(grid);
  const nested = nestedGrid(grid[0]);
  if ('reason' in nested) return nested;
  const inner = inferGrid(nested);
  if ('reason' in inner) return fail(`nested list: ${inner.reason}`);
  if (!inner.rows || !inner.cols) return fail('nested list: both levels must vary');
  if (inner.exceptions) return fail(`nested list: the item \`${inner.exceptions[0].text}\` does not match the pattern`);
  return { body: inner.body, nested: { inner: inner.rows, outer: inner.cols } };
}
