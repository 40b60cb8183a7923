import type { Expr } from './ast.js';

/** The direct children of a node. */
export function childrenOf(e: Expr): Expr[] {
  switch (e.kind) {
    case 'op':
      return e.args;
    case 'call':
      return e.args;
    case 'differential':
      return [e.body];
    case 'derivative':
      return [e.of];
    case 'sum':
      return [e.body];
    case 'build':
      return [e.body, ...(e.written ?? []).map((w) => w.body)];
    case 'cells':
      return e.cells.flat();
    default:
      return [];
  }
}

/** Visit every node depth-first (parents first). */
export function walk(e: Expr, visit: (node: Expr) => void): void {
  visit(e);
  for (const c of childrenOf(e)) walk(c, visit);
}

/** Does any node satisfy the predicate? */
export function some(e: Expr, predicate: (node: Expr) => boolean): boolean {
  if (predicate(e)) return true;
  return childrenOf(e).some((c) => some(c, predicate));
}

/** Rebuild a tree bottom-up; `f` may replace any node (children are mapped first). */
export function mapTree(e: Expr, f: (node: Expr) => Expr): Expr {
  switch (e.kind) {
    case 'op':
      return f({ ...e, args: e.args.map((a) => mapTree(a, f)) });
    case 'call':
      return f({ ...e, args: e.args.map((a) => mapTree(a, f)) });
    case 'differential':
      return f({ ...e, body: mapTree(e.body, f) });
    case 'derivative':
      return f({ ...e, of: mapTree(e.of, f) });
    case 'sum':
      return f({ ...e, body: mapTree(e.body, f) });
    case 'build':
      return f({ ...e, body: mapTree(e.body, f), ...(e.written ? { written: e.written.map((w) => ({ ...w, body: mapTree(w.body, f) })) } : {}) });
    case 'cells':
      return f({ ...e, cells: e.cells.map((row) => row.map((c) => mapTree(c, f))) });
    default:
      return f({ ...e });
  }
}

/** Names of symbols (and called functions) used in a tree, including derivative variables. */
export function symbolNames(e: Expr): Set<string> {
  const names = new Set<string>();
  walk(e, (n) => {
    // An entry `X_{ij}` uses X; a family member `a_{2,i}` is its own name.
    if (n.kind === 'symbol') names.add(n.entryOf ?? n.name);
    if (n.kind === 'call') names.add(n.fn);
    if (n.kind === 'derivative') for (const w of n.wrt) names.add(w.entryOf ?? w.symbol);
  });
  return names;
}

/** Names the parser gives Greek letters (`\sigma` → `sigma`). */
const GREEK_NAME = /^(?:alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|iota|kappa|lambda|mu|nu|xi|rho|varrho|sigma|tau|upsilon|phi|varphi|chi|psi|omega|Gamma|Delta|Theta|Lambda|Xi|Pi|Sigma|Upsilon|Phi|Psi|Omega)(?=_|$)/;

/** Print a tree back to compact LaTeX (for suggestions and definitions). */
export function exprToLatex(e: Expr): string {
  const wrapIfSum = (x: Expr) => {
    const s = exprToLatex(x);
    return x.kind === 'op' && ['add', 'sub', 'kron', 'hadamard', 'neg'].includes(x.op) ? `(${s})` : s;
  };
  const atom = (x: Expr) => {
    const s = exprToLatex(x);
    return x.kind === 'symbol' || x.kind === 'number' || x.kind === 'call' || (x.kind === 'op' && x.args.length === 0) ? s : `(${s})`;
  };
  switch (e.kind) {
    case 'symbol': {
      if (e.name.includes(':')) return `\\${e.name.split(':')[0]}{${e.name.split(':')[1]}}`;
      // Greek letters are named by their command (`sigma` is `\sigma`).
      const name = GREEK_NAME.test(e.name) ? `\\${e.name}` : e.name;
      return name.replace(/_(.{2,})$/, '_{$1}');
    }
    case 'number':
      return e.value === 'pi' ? '\\pi' : e.value;
    case 'call': {
      // `f_kl(X)`, `W_1(x)`: a subscripted name; `softmax`, `sigma`: a command.
      const fn = /_/.test(e.fn) ? e.fn.replace(/_(.{2,})$/, '_{$1}') : e.fn.length > 1 ? `\\${e.fn}` : e.fn;
      return `${fn}${"'".repeat(e.prime)}(${e.args.map(exprToLatex).join(', ')})`;
    }
    case 'differential':
      return `\\mathrm{d}${e.order > 1 ? `^${e.order}` : ''}${atom(e.body)}`;
    case 'derivative':
      return `\\frac{\\partial${e.wrt.length > 1 ? '^2' : ''} ${exprToLatex(e.of)}}{${e.wrt.map((w) => {
        const name = w.symbol.replace(/_(.{2,})$/, '_{$1}');
        return `\\partial ${w.vec ? `(\\mathrm{vec}${name})` : name}${w.transposed ? '^T' : ''}`;
      }).join(' ')}}`;
    case 'sum':
      return `\\sum_{${e.index}} ${exprToLatex(e.body)}`;
    case 'build':
      return e.source ?? `\\left[ ${exprToLatex(e.body)} \\right]`;
    case 'cells':
      return e.source ?? `\\begin{pmatrix} ${e.cells.map((row) => row.map(exprToLatex).join(' & ')).join(' \\\\ ')} \\end{pmatrix}`;
    case 'space':
      return `\\mathbb{R}^{${e.annotation.rows}\\times ${e.annotation.cols}}`;
    case 'opaque':
      return `\\text{${e.reason}}`;
    case 'op':
      return opToLatex(e, wrapIfSum, atom);
  }
}

function opToLatex(e: Extract<Expr, { kind: 'op' }>, wrap: (x: Expr) => string, atom: (x: Expr) => string): string {
  const [a, b] = e.args;
  switch (e.op) {
    case 'add':
      return `${exprToLatex(a)} + ${exprToLatex(b)}`;
    case 'sub':
      return `${exprToLatex(a)} - ${wrap(b)}`;
    case 'neg':
      return `-${wrap(a)}`;
    case 'mul':
      return `${wrap(a)} ${wrap(b)}`;
    case 'div':
      return `\\frac{${exprToLatex(a)}}{${exprToLatex(b)}}`;
    case 'kron':
      return `${wrap(a)} \\otimes ${wrap(b)}`;
    case 'hadamard':
      return `${wrap(a)} \\odot ${wrap(b)}`;
    case 'transpose':
      return `${atom(a)}^T`;
    case 'inv':
      return `${atom(a)}^{-1}`;
    case 'adj':
      return `${atom(a)}^{\\#}`;
    case 'pow':
      return `${atom(a)}^{${exprToLatex(b)}}`;
    case 'det':
      return `|${exprToLatex(a)}|`;
    case 'normsq':
      return `\\|${exprToLatex(a)}\\|^2`;
    case 'inner':
      return `\\langle ${exprToLatex(a)}, ${exprToLatex(b)} \\rangle`;
    case 'commutation':
      return `K_{${(e.dims ?? []).join('')}}`;
    case 'identity':
      return e.dims?.length ? `I_{${e.dims[0]}}` : 'I';
    case 'zeros':
      return e.dims?.length ? `0_{${e.dims.join('\\times ')}}` : '0';
    case 'ones':
      return '\\mathbf{1}';
    case 'trace':
      return `\\mathrm{tr}(${exprToLatex(a)})`;
    case 'shaped':
      return `${atom(a)} \\left(\\mathrm{dim}: ${(e.dims ?? []).map((d) => d.replaceAll('·', '')).join('\\times ')}\\right)`;
    default:
      return `\\mathrm{${e.op}}(${e.args.map(exprToLatex).join(', ')})`;
  }
}
