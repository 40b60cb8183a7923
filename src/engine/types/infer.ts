import { type Diagnostic, DiagnosticCode, diagnostic } from '../diagnostics.js';
import type { Claim, DerivativeNode, Expr, ShapeAnnotation } from '../latex/ast.js';
import { indexLetters } from '../latex/script.js';
import { walk } from '../latex/walk.js';
import { type OpSpec, namedDim } from '../ops/define.js';
import type { Context } from './context.js';
import { type DefaultKind, declarationOf, defaultKind } from './defaults.js';
import { type Dim, DimUnifier, constDim, mulDims } from './dims.js';
import { SCALAR, type Shape, ShapeConflict, isScalar, shapeToString, unifyShapes } from './shape.js';

/** A matrix's name: an uppercase Latin letter, perhaps with a subscript (`X`, `W_1`). */
const MATRIX_NAME = /^[A-Z](_|$)/;

/** Operators whose number operands are broadcast to the other operand's shape. */
const BROADCASTING = new Set(['add', 'sub', 'hadamard']);

/** Everything shape inference learned about one formula. */
export interface ShapeInfo {
  readonly unifier: DimUnifier;
  /** Shape of every node that was visited. */
  readonly nodes: Map<Expr, Shape>;
  /** Shape of every symbol (declared, defined or defaulted). */
  readonly symbols: Map<string, Shape>;
  /** Dimensions of literal `1`s: a `1` is a vector of ones unless nothing forces it, then a scalar. */
  readonly onesDims: Dim[];
  /** The range of each index letter that has one: `i` in `X_{ij}` runs over the rows of X, `\sum_{i=1}^m` over m. */
  readonly indices: Map<string, Dim>;
  readonly diagnostics: Diagnostic[];
}

/** Which symbols/calls are functions the engine can evaluate elementwise. */
export interface InferOptions {
  ops: ReadonlyMap<string, OpSpec>;
  elementwise: ReadonlySet<string>;
}

function shapeFromKind(u: DimUnifier, kind: DefaultKind): Shape {
  if (kind === 'scalar') return SCALAR;
  if (kind === 'vector') return { rows: u.fresh(), cols: constDim(1) };
  return { rows: u.fresh(), cols: u.fresh() };
}

function annotationShape(a: ShapeAnnotation): Shape {
  return { rows: namedDim(a.rows), cols: namedDim(a.cols) };
}

/** Infer shapes by unifying dimension names across the whole formula (all claims together). */
export class ShapeInference {
  readonly info: ShapeInfo;
  private readonly inProgress = new Set<string>();

  constructor(
    private readonly ctx: Context,
    private readonly options: InferOptions,
  ) {
    this.info = { unifier: new DimUnifier(), nodes: new Map(), symbols: new Map(), onesDims: [], indices: new Map(), diagnostics: [] };
  }

  private get u(): DimUnifier {
    return this.info.unifier;
  }

  private report(message: string, span: Expr['span'], a: string, b: string): void {
    this.info.diagnostics.push(
      diagnostic(DiagnosticCode.shapeConflict, message, span, 'error', { left: a, right: b }),
    );
  }

  /** Shape of a symbol: declared, defined, or by default from its name. */
  symbolShape(name: string): Shape {
    const known = this.info.symbols.get(name);
    if (known) return known;
    const decl = declarationOf(this.ctx, name);
    let shape: Shape;
    if (decl?.rows) shape = { rows: namedDim(decl.rows), cols: namedDim(decl.cols) };
    else {
      const def = this.ctx.definitions?.[name];
      if (def && !this.inProgress.has(name)) {
        this.inProgress.add(name);
        shape = this.infer(def.body);
        this.inProgress.delete(name);
      } else shape = shapeFromKind(this.u, defaultKind(name));
    }
    this.info.symbols.set(name, shape);
    return shape;
  }

  /** Infer every item of every claim and unify the items joined by `=`. */
  inferClaims(claims: readonly Claim[]): void {
    // Annotations (`a_{m\times 1}`, written anywhere in the formula) are declarations: they hold before any use.
    for (const claim of claims) {
      for (const item of claim.items) {
        walk(item, (n) => {
          if (n.kind !== 'symbol' || !n.annotation || n.index) return;
          // An annotation gives the shape of a name that has none yet (rather than meeting a default by its look).
          const known = this.info.symbols.has(n.name) || declarationOf(this.ctx, n.name)?.rows || this.ctx.definitions?.[n.name];
          if (!known) this.info.symbols.set(n.name, annotationShape(n.annotation));
          else this.unifyOrReport(this.symbolShape(n.name), annotationShape(n.annotation), n.span, `The annotation of ${n.name}`);
        });
      }
    }
    for (const claim of claims) {
      const shapes = claim.items.map((item, k) => {
        if (k === 1) this.protectSharedSymbols(claim);
        return item.kind === 'space' ? null : this.infer(item);
      });
      this.u.protectedVars.clear();
      claim.relations.forEach((rel, k) => {
        const left = shapes[k];
        const rightItem = claim.items[k + 1];
        if (!left || !rightItem) return;
        if (rel.relation === 'in' && rightItem.kind === 'space') {
          this.unifyOrReport(left, annotationShape(rightItem.annotation), rightItem.span, 'The declared space');
          return;
        }
        const right = shapes[k + 1];
        if (rel.relation === '=' && right) {
          this.u.rigidConstants = true;
          this.unifyOrReport(left, right, { start: claim.items[k].span.start, end: rightItem.span.end }, 'The two sides of "="');
          this.u.rigidConstants = false;
        }
      });
    }
  }

  /**
   * After the first item: the variables it differentiates by (`∂/∂x`, `dX`, `d f(X)`) and the
   * matrices it (or a definition it uses) names keep their dimensions — the right side may not force `x` or `X` to be 1×1
   * when the left side does not (that is how `x + x^T` would pass for the gradient of `x^T x`).
   * Lowercase names may still turn out scalar by their use (`c_1 f(x)`).
   */
  private protectSharedSymbols(claim: Claim): void {
    const kept = new Set<string>();
    walk(claim.items[0], (node) => {
      if (node.kind === 'derivative') for (const wrt of node.wrt) kept.add(wrt.symbol);
      if (node.kind === 'differential') {
        if (node.body.kind === 'symbol') kept.add(node.body.name);
        if (node.body.kind === 'call') for (const arg of node.body.args) if (arg.kind === 'symbol') kept.add(arg.name);
      }
    });
    // Matrices met so far, in the left item or in the definitions it uses (`l = \|Xw - y\|^2`).
    for (const name of this.info.symbols.keys()) if (MATRIX_NAME.test(name)) kept.add(name);
    for (const name of kept) {
      const shape = this.info.symbols.get(name);
      if (!shape) continue;
      for (const v of [...this.u.freeVars(shape.rows), ...this.u.freeVars(shape.cols)]) this.u.protectedVars.add(v);
    }
  }

  private unifyOrReport(a: Shape, b: Shape, span: Expr['span'], what: string): void {
    if (unifyShapes(this.u, a, b)) return;
    const left = shapeToString(this.u, a);
    const right = shapeToString(this.u, b);
    this.report(`${what} have different shapes: the left side is ${left}, the right side is ${right}.`, span, left, right);
  }

  /** Infer the shape of one node (memoised per node). */
  infer(e: Expr): Shape {
    const cached = this.info.nodes.get(e);
    if (cached) return cached;
    let shape: Shape;
    try {
      shape = this.inferNode(e);
    } catch (error) {
      if (!(error instanceof ShapeConflict)) throw error;
      const detail = error.right ? ` Here the left operand is ${error.left} and the right operand is ${error.right}.` : '';
      this.report(`${error.message}${detail}`, e.span, error.left, error.right);
      shape = { rows: this.u.fresh(), cols: this.u.fresh() };
    }
    this.info.nodes.set(e, shape);
    return shape;
  }

  private inferNode(e: Expr): Shape {
    switch (e.kind) {
      case 'number':
        if (e.value === '1') {
          const n = this.u.fresh();
          this.info.onesDims.push(n);
          this.u.flexible.add(n.vars[0]);
          return { rows: n, cols: constDim(1) };
        }
        if (e.value === '0') {
          const zero = { rows: this.u.fresh(), cols: this.u.fresh() };
          this.info.onesDims.push(zero.rows, zero.cols);
          for (const d of [zero.rows, zero.cols]) this.u.flexible.add(d.vars[0]);
          return zero;
        }
        return SCALAR;
      case 'symbol': {
        // `X_{ij}` is an entry of X (a scalar); `x_i` or `a_{2,i}` without a whole `x` is a member of a family.
        if (e.entryOf) return this.entryShape(e.entryOf, e.index ?? '', e.span);
        // `A_{ij}` of a matrix nothing here names: a number, though its value is unknown.
        if (indexLetters(e.index).length === 2) return SCALAR;
        const shape = this.symbolShape(e.name);
        if (e.annotation) this.unifyOrReport(shape, annotationShape(e.annotation), e.span, `The annotation of ${e.name}`);
        return shape;
      }
      case 'op':
        return this.inferOp(e);
      case 'call':
        return this.inferCall(e);
      case 'differential':
        return this.infer(e.body);
      case 'derivative':
        return this.inferDerivative(e);
      case 'sum':
        if (e.upper) this.unifyOrReport(
          { rows: this.indexDim(e.index), cols: constDim(1) },
          { rows: namedDim(e.upper), cols: constDim(1) },
          e.span,
          `The range of the index ${e.index} and its use`,
        );
        return this.infer(e.body);
      case 'build':
        return this.inferBuild(e);
      case 'cells':
        for (const cell of e.cells.flat()) this.unifyOrReport(this.infer(cell), SCALAR, cell.span, 'A matrix cell and a number');
        return { rows: constDim(e.cells.length), cols: constDim(e.cells[0]?.length ?? 0) };
      case 'space':
      case 'opaque':
        return { rows: this.u.fresh(), cols: this.u.fresh() };
    }
  }

  /** The range of an index letter (created on first use). */
  indexDim(letter: string): Dim {
    let d = this.info.indices.get(letter);
    if (!d) {
      d = this.u.fresh();
      this.info.indices.set(letter, d);
    }
    return d;
  }

  /** `X_{ij}` is a scalar whose indices run over the rows and columns of X; `x_i` over the entries of a vector. */
  private entryShape(base: string, index: string, span: Expr['span']): Shape {
    const shape = this.symbolShape(base);
    // A written number (`A_{12}`) fixes nothing about the shape; a letter runs over a row or column range.
    const letters = indexLetters(index).map((l) => (/^[0-9]$/.test(l) ? '' : l));
    const what = `The indices ${index} of ${base}`;
    const range = (l: string) => (l ? this.indexDim(l) : this.u.fresh());
    if (letters.length === 2) {
      this.unifyOrReport({ rows: range(letters[0]), cols: range(letters[1]) }, shape, span, what);
    } else if (this.u.isConst(shape.rows, 1) && !this.u.isConst(shape.cols, 1)) {
      this.unifyOrReport({ rows: constDim(1), cols: range(letters[0]) }, shape, span, what);
    } else {
      this.unifyOrReport({ rows: range(letters[0]), cols: constDim(1) }, shape, span, what);
    }
    return SCALAR;
  }

  /** A matrix built from its generic entry (or block): each axis multiplies the body's rows or columns. */
  private inferBuild(e: Extract<Expr, { kind: 'build' }>): Shape {
    const range = (a: { index: string; last?: string }) => {
      const d = this.indexDim(a.index);
      if (a.last) this.unifyOrReport({ rows: d, cols: constDim(1) }, { rows: namedDim(a.last), cols: constDim(1) }, e.span, `The range of the index ${a.index}`);
      return d;
    };
    const rowDims = e.rows.map(range);
    const colDims = e.cols.map(range);
    const body = this.infer(e.body);
    // A cell written off the pattern is still a cell: it must have the shape of the others.
    for (const w of e.written ?? []) this.unifyOrReport(body, this.infer(w.body), w.body.span, 'A cell written off the pattern and the other cells');
    return {
      rows: [...rowDims, body.rows].reduce((a, b) => mulDims(a, b)),
      cols: [...colDims, body.cols].reduce((a, b) => mulDims(a, b)),
    };
  }

  private inferOp(e: Extract<Expr, { kind: 'op' }>): Shape {
    const spec = this.options.ops.get(e.op);
    if (!spec) throw new Error(`internal: unknown op ${e.op}`);
    const args = e.args.map((a) => this.infer(a));
    // A number in a sum or an elementwise product is broadcast: `1 - \sigma(X)` is a matrix of ones minus σ(X).
    if (BROADCASTING.has(e.op) && args.length === 2) {
      const k = e.args.findIndex((a) => a.kind === 'number');
      if (k >= 0 && e.args[1 - k].kind !== 'number') {
        this.info.nodes.set(e.args[k], args[1 - k]);
        args[k] = args[1 - k];
      }
    }
    const dims = (e.dims ?? []).map(namedDim);
    while (dims.length < (spec.dimCount ?? 0)) dims.push(this.u.fresh());
    return spec.shape({ u: this.u, dims }, args);
  }

  private inferCall(e: Extract<Expr, { kind: 'call' }>): Shape {
    const args = e.args.map((a) => this.infer(a));
    if (this.options.elementwise.has(e.fn)) return args[0] ?? SCALAR;
    const def = this.ctx.definitions?.[e.fn];
    if (def && def.params.length === 0) return this.symbolShape(e.fn);
    if (def && def.params.length === e.args.length) {
      def.params.forEach((p, k) => this.unifyOrReport(this.symbolShape(p), args[k], e.args[k].span, `The parameter ${p} of ${e.fn} and its argument`));
      return this.infer(def.body);
    }
    return defaultKind(e.fn) === 'matrix' ? { rows: this.u.fresh(), cols: this.u.fresh() } : SCALAR;
  }

  private inferDerivative(e: DerivativeNode): Shape {
    const of = this.infer(e.of);
    const wrt = e.wrt[0];
    // With respect to an entry: the derivative has the shape of what is differentiated.
    if (wrt.entryOf) {
      for (const w of e.wrt) if (w.entryOf) this.entryShape(w.entryOf, w.index ?? '', e.span);
      return of;
    }
    const x = this.symbolShape(wrt.symbol);
    const size = mulDims(x.rows, x.cols);
    const ofSize = mulDims(of.rows, of.cols);
    if (e.style === 'hessian') return { rows: size, cols: size };
    const scalarOf = isScalar(this.u, of);
    let shape: Shape;
    if (scalarOf && !wrt.vec) shape = x;
    else if (scalarOf) shape = { rows: size, cols: constDim(1) };
    else shape = { rows: size, cols: ofSize };
    // `shape` is the denominator-layout (gradient) form; the Jacobian/numerator form is its transpose.
    const numeratorForm = e.style === 'jacobian' || (e.style === 'partial' && this.ctx.layout === 'numerator');
    const flip = numeratorForm !== wrt.transposed;
    return flip ? { rows: shape.cols, cols: shape.rows } : shape;
  }

  /** Make every still-open dimension of a literal `1` equal to 1 (a plain scalar one). */
  settleOnes(): void {
    for (const d of this.info.onesDims) if (this.u.freeVars(d).length > 0) this.u.unify(d, constDim(1));
  }
}
