/**
 * Symbolic dimensions. A dimension is a monomial `coef · v1 · v2 ...` over dimension variables, so that
 * `vec X` (size m·n), `A ⊗ B` (m·p × n·q) and `K_mn` (mn × mn) have exact symbolic sizes.
 */
export interface Dim {
  readonly coef: number;
  /** Variable names (a multiset; the written order is kept, e.g. `K_{nm}` gives n, m). */
  readonly vars: readonly string[];
}

/** A constant dimension. */
export function constDim(n: number): Dim {
  return { coef: n, vars: [] };
}

/** A dimension variable. */
export function varDim(name: string): Dim {
  return { coef: 1, vars: [name] };
}

/** The product of two dimensions. */
export function mulDims(a: Dim, b: Dim): Dim {
  return { coef: a.coef * b.coef, vars: [...a.vars, ...b.vars] };
}

/** Print a dimension for messages: `m`, `3`, `mn`, `2m`. */
export function dimToString(d: Dim): string {
  if (d.vars.length === 0) return String(d.coef);
  const vars = d.vars.map((v) => (v.startsWith('#') ? `?${v.slice(1)}` : v)).join('·');
  return d.coef === 1 ? vars : `${d.coef}·${vars}`;
}

/** Remove the common variables of two monomials. */
function cancel(a: Dim, b: Dim): [Dim, Dim] {
  const rest = [...b.vars];
  const left: string[] = [];
  for (const v of a.vars) {
    const k = rest.indexOf(v);
    if (k >= 0) rest.splice(k, 1);
    else left.push(v);
  }
  return [
    { coef: a.coef, vars: left },
    { coef: b.coef, vars: rest },
  ];
}

/** Union-find over dimension variables with an undo trail (so a failed attempt can be rolled back). */
export class DimUnifier {
  private readonly bindings = new Map<string, Dim>();
  private readonly trail: string[] = [];
  /** Constraints that could not be decided symbolically (`mn = pq`); checked once sizes are drawn. */
  readonly pending: [Dim, Dim][] = [];
  private counter = 0;

  /** A fresh anonymous variable. */
  fresh(): Dim {
    this.counter++;
    return varDim(`#${this.counter}`);
  }

  /** Substitute bound variables until none is left. */
  resolve(d: Dim): Dim {
    let coef = d.coef;
    const vars: string[] = [];
    for (const v of d.vars) {
      const bound = this.bindings.get(v);
      if (!bound) {
        vars.push(v);
        continue;
      }
      const r = this.resolve(bound);
      coef *= r.coef;
      vars.push(...r.vars);
    }
    return { coef, vars };
  }

  mark(): { trail: number; pending: number } {
    return { trail: this.trail.length, pending: this.pending.length };
  }

  undo(mark: { trail: number; pending: number }): void {
    while (this.trail.length > mark.trail) this.bindings.delete(this.trail.pop() as string);
    this.pending.length = mark.pending;
  }

  /** While set, no variable may become a constant (used when unifying the two sides of `=`). */
  rigidConstants = false;
  /** Variables of literal `0`/`1` that may always become constants. */
  readonly flexible = new Set<string>();

  /** Variables that may not become constants: the dimensions of the variables of differentiation, once the left side is inferred. */
  readonly protectedVars = new Set<string>();

  private bind(v: string, d: Dim): boolean {
    if (d.vars.length === 0 && !this.flexible.has(v) && (isNamed(v) || this.rigidConstants || this.protectedVars.has(v))) return false;
    if (isNamed(v) && d.vars.some(isNamed)) return false;
    this.bindings.set(v, d);
    this.trail.push(v);
    return true;
  }

  /** Make two dimensions equal; returns false when they provably differ. */
  unify(x: Dim, y: Dim): boolean {
    const [a, b] = cancel(this.resolve(x), this.resolve(y));
    if (a.vars.length === 0 && b.vars.length === 0) return a.coef === b.coef;
    // Bind an anonymous variable first; a named one (declared, distinct by definition) only to anonymous ones.
    const single = [a, b].filter((d) => d.vars.length === 1).sort((x, y) => Number(isNamed(x.vars[0])) - Number(isNamed(y.vars[0])));
    for (const one of single) {
      const other = one === a ? b : a;
      if (other.coef % one.coef !== 0 || other.vars.includes(one.vars[0])) continue;
      const mark = this.mark();
      if (this.bind(one.vars[0], { coef: other.coef / one.coef, vars: other.vars })) return true;
      this.undo(mark);
    }
    if (a.vars.length === 1 && b.vars.length <= 1) return false;
    if (b.vars.length === 1 && a.vars.length === 0) return false;
    // `vec A` (anonymous ?1·?2) against `K_{mn}` (m·n): read A as m×n, in the written order.
    const anonymous = (d: Dim) => d.vars.length > 1 && d.vars.every((v) => v.startsWith('#'));
    if (a.coef === b.coef && a.vars.length === b.vars.length && (anonymous(a) || anonymous(b))) {
      const [free, named] = anonymous(a) ? [a, b] : [b, a];
      const mark = this.mark();
      if (free.vars.every((v, k) => this.bind(v, varDim(named.vars[k])))) return true;
      this.undo(mark);
    }
    if ((a.vars.length === 0 || b.vars.length === 0) && a.coef === b.coef) {
      const mark = this.mark();
      if ([...a.vars, ...b.vars].every((v) => this.bind(v, constDim(1)))) return true;
      this.undo(mark);
      return false;
    }
    if ((a.vars.length === 0 && a.coef < b.coef) || (b.vars.length === 0 && b.coef < a.coef)) return false;
    this.pending.push([a, b]);
    return true;
  }

  /** Is the dimension known to be exactly `n`? */
  isConst(d: Dim, n: number): boolean {
    const r = this.resolve(d);
    return r.vars.length === 0 && r.coef === n;
  }

  /** Free variables remaining in a dimension. */
  freeVars(d: Dim): readonly string[] {
    return this.resolve(d).vars;
  }
}

/** Named dimensions (`m`, `n`: declared or written) are distinct sizes; anonymous ones start with `#`. */
export function isNamed(v: string): boolean {
  return !v.startsWith('#');
}

/** Evaluate a resolved dimension with concrete sizes for its variables. */
export function dimSize(d: Dim, sizes: ReadonlyMap<string, number>): number {
  let n = d.coef;
  for (const v of d.vars) n *= sizes.get(v) ?? 1;
  return n;
}
