import type { Expr, FormulaTree } from '../../src/engine/index.js';

/** Print a tree as an S-expression (spans stripped), for compact parser expectations. */
export function toSexpr(e: Expr): string {
  switch (e.kind) {
    case 'symbol':
      return e.annotation ? `${e.name}:${e.annotation.rows}x${e.annotation.cols}` : e.name;
    case 'number':
      return e.value;
    case 'op':
      return `(${e.op}${e.dims ? `[${e.dims.join(',')}]` : ''}${e.args.map((a) => ` ${toSexpr(a)}`).join('')})`;
    case 'call':
      return `(${e.fn}${"'".repeat(e.prime)}${e.args.map((a) => ` ${toSexpr(a)}`).join('')})`;
    case 'differential':
      return `(d${e.order > 1 ? e.order : ''} ${toSexpr(e.body)})`;
    case 'derivative':
      return `(${e.style} ${toSexpr(e.of)} / ${e.wrt.map((w) => `${w.vec ? 'vec:' : ''}${w.symbol}${w.transposed ? "'" : ''}`).join(' ')})`;
    case 'sum':
      return `(sum ${e.index} ${toSexpr(e.body)})`;
    case 'build':
      return `(build ${e.rows.map((a) => `${a.index}${a.last ? `<=${a.last}` : ''}`).join(',')}|${e.cols.map((a) => `${a.index}${a.last ? `<=${a.last}` : ''}`).join(',')} ${toSexpr(e.body)})`;
    case 'cells':
      return `(cells ${e.cells.map((row) => row.map(toSexpr).join(' ')).join(' ; ')})`;
    case 'space':
      return `R^${e.annotation.rows}x${e.annotation.cols}`;
    case 'opaque':
      return `<${e.status}>`;
  }
}

/** Print a whole formula: claims joined by their connectives, items by their relations. */
export function treeToSexpr(tree: FormulaTree): string {
  return tree.claims
    .map((c, k) => {
      const body = c.items.map((item, j) => (j === 0 ? toSexpr(item) : `${c.relations[j - 1].relation} ${toSexpr(item)}`)).join(' ');
      return k === 0 ? body : `${c.connective} ${body}`;
    })
    .join(' ; ');
}
