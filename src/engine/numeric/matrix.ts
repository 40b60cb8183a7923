import { type Field, SingularError } from './field.js';

/** A dense matrix, column-major (so `data` is `vec` of the matrix). */
export interface Matrix<T> {
  readonly rows: number;
  readonly cols: number;
  readonly data: readonly T[];
}

/** Entry (i, j), zero-based. */
export function at<T>(m: Matrix<T>, i: number, j: number): T {
  return m.data[i + j * m.rows];
}

/** Build a matrix from a function of (i, j). */
export function fromFunction<T>(rows: number, cols: number, f: (i: number, j: number) => T): Matrix<T> {
  const data = new Array<T>(rows * cols);
  for (let j = 0; j < cols; j++) for (let i = 0; i < rows; i++) data[i + j * rows] = f(i, j);
  return { rows, cols, data };
}

export function zeros<T>(F: Field<T>, rows: number, cols: number): Matrix<T> {
  return { rows, cols, data: new Array<T>(rows * cols).fill(F.zero) };
}

export function identity<T>(F: Field<T>, n: number): Matrix<T> {
  return fromFunction(n, n, (i, j) => (i === j ? F.one : F.zero));
}

export function map<T, U>(m: Matrix<T>, f: (x: T) => U): Matrix<U> {
  return { rows: m.rows, cols: m.cols, data: m.data.map(f) };
}

export function transpose<T>(m: Matrix<T>): Matrix<T> {
  return fromFunction(m.cols, m.rows, (i, j) => at(m, j, i));
}

export function add<T>(F: Field<T>, a: Matrix<T>, b: Matrix<T>): Matrix<T> {
  return { rows: a.rows, cols: a.cols, data: a.data.map((x, k) => F.add(x, b.data[k])) };
}

export function sub<T>(F: Field<T>, a: Matrix<T>, b: Matrix<T>): Matrix<T> {
  return { rows: a.rows, cols: a.cols, data: a.data.map((x, k) => F.sub(x, b.data[k])) };
}

export function scale<T>(F: Field<T>, s: T, m: Matrix<T>): Matrix<T> {
  return map(m, (x) => F.mul(s, x));
}

export function hadamard<T>(F: Field<T>, a: Matrix<T>, b: Matrix<T>): Matrix<T> {
  return { rows: a.rows, cols: a.cols, data: a.data.map((x, k) => F.mul(x, b.data[k])) };
}

export function matmul<T>(F: Field<T>, a: Matrix<T>, b: Matrix<T>): Matrix<T> {
  const data = new Array<T>(a.rows * b.cols);
  for (let j = 0; j < b.cols; j++) {
    for (let i = 0; i < a.rows; i++) {
      let s = F.zero;
      for (let k = 0; k < a.cols; k++) {
        const x = a.data[i + k * a.rows];
        const y = b.data[k + j * b.rows];
        s = F.mulAdd(s, x, y);
      }
      data[i + j * a.rows] = s;
    }
  }
  return { rows: a.rows, cols: b.cols, data };
}

/** Kronecker product: blocks `a_ij · b`. */
export function kron<T>(F: Field<T>, a: Matrix<T>, b: Matrix<T>): Matrix<T> {
  return fromFunction(a.rows * b.rows, a.cols * b.cols, (i, j) =>
    F.mul(at(a, Math.floor(i / b.rows), Math.floor(j / b.cols)), at(b, i % b.rows, j % b.cols)),
  );
}

export function trace<T>(F: Field<T>, m: Matrix<T>): T {
  let s = F.zero;
  for (let i = 0; i < Math.min(m.rows, m.cols); i++) s = F.add(s, at(m, i, i));
  return s;
}

/** `vec`: stack the columns (column-major order, which is how `data` is stored). */
export function vec<T>(m: Matrix<T>): Matrix<T> {
  return { rows: m.rows * m.cols, cols: 1, data: m.data };
}

/** The commutation matrix K_mn: K_mn vec(A) = vec(A^T) for A of size m×n. */
export function commutation<T>(F: Field<T>, m: number, n: number): Matrix<T> {
  const size = m * n;
  const data = new Array<T>(size * size).fill(F.zero);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const from = i + j * m; // index of A_ij in vec(A)
      const to = j + i * n; // index of (A^T)_ji in vec(A^T)
      data[to + from * size] = F.one;
    }
  }
  return { rows: size, cols: size, data };
}

function pivotRow<T>(F: Field<T>, a: T[][], col: number): number {
  let best = -1;
  let bestMag = -1;
  for (let r = col; r < a.length; r++) {
    if (F.isZero(a[r][col])) continue;
    const mag = Math.abs(F.toNumber(a[r][col]));
    if (mag > bestMag) {
      best = r;
      bestMag = mag;
    }
  }
  return best;
}

function toRows<T>(m: Matrix<T>): T[][] {
  return Array.from({ length: m.rows }, (_, i) => Array.from({ length: m.cols }, (_, j) => at(m, i, j)));
}

/** The last inverse per field, with the matrix it inverted. */
const lastInverse = new WeakMap<Field<unknown>, { matrix: Matrix<unknown>; inverse: Matrix<unknown> }>();

/** Whether two matrices hold the very same entries (values are immutable: same entries, same inverse, to the bit). */
function sameEntries(a: Matrix<unknown>, b: Matrix<unknown>): boolean {
  return a.rows === b.rows && a.cols === b.cols && a.data.every((x, k) => Object.is(x, b.data[k]));
}

/**
 * Inverse; throws {@link SingularError} on a zero pivot. The previous result is reused for the very same entries:
 * a sum's terms invert the same matrix, and so do the primal parts of the three passes of a mixed entry derivative.
 */
export function inverse<T>(F: Field<T>, m: Matrix<T>): Matrix<T> {
  const last = lastInverse.get(F as Field<unknown>);
  if (last && sameEntries(last.matrix, m)) return last.inverse as Matrix<T>;
  const parts = m as Matrix<readonly unknown[]>;
  const result =
    F.jet && F.exact
      ? (jetInverse(F.jet.base, F.jet.order, parts) as Matrix<T>)
      : F.dual && F.exact
        ? (dualInverse(F.dual.base, F.dual.directions, F.dual.order, parts) as Matrix<T>)
        : gaussJordanInverse(F, m);
  lastInverse.set(F as Field<unknown>, { matrix: m, inverse: result });
  return result;
}

/**
 * Inverse of a matrix of exact jets A(t) = A0 + t A1 + t² A2 + …, coefficient by coefficient: B0 = A0⁻¹ and
 * B_k = −B0 (A1 B_{k−1} + … + A_k B0). Elimination over jets does about six times the work, and B0 is the same
 * for every pass of a mixed entry derivative's polarisation (remembered by {@link inverse}). Lowest terms make the values
 * equal to elimination's, and it throws on the same singular primal. Never for floats: other operations, other bits.
 */
function jetInverse<U>(base: Field<U>, order: number, m: Matrix<readonly U[]>): Matrix<readonly U[]> {
  const a = Array.from({ length: order + 1 }, (_, k) => partOf(m, k));
  const b = [inverse(base, a[0])];
  for (let k = 1; k <= order; k++) {
    let s = matmul(base, a[1], b[k - 1]);
    for (let j = 2; j <= k; j++) s = add(base, s, matmul(base, a[j], b[k - j]));
    b.push(negate(base, matmul(base, b[0], s)));
  }
  return fromParts(b);
}

/**
 * Inverse of a matrix of exact duals in n directions (dual.ts), part by part from B0 = A0⁻¹, computed
 * once for every direction: Bk = −B0 (Ak B0), the first-order {@link jetInverse} along each
 * direction; at second order also Ckl(B) = −B0 (Ckl(A) B0 + Ak Bl + Al Bk), or −B0 (Ckk(A) B0 + Ak Bk)
 * on the diagonal, the second-order terms of A B = I. Never for floats.
 */
function dualInverse<U>(base: Field<U>, n: number, order: 1 | 2, m: Matrix<readonly U[]>): Matrix<readonly U[]> {
  const size = order === 1 ? 1 + n : 1 + n + (n * (n + 1)) / 2;
  const a = Array.from({ length: size }, (_, slot) => partOf(m, slot));
  const b0 = inverse(base, a[0]);
  const b = [b0];
  for (let k = 1; k <= n; k++) b.push(negate(base, matmul(base, b0, matmul(base, a[k], b0))));
  if (order === 2) {
    for (let k = 1; k <= n; k++) {
      for (let l = k; l <= n; l++) {
        let s = add(base, matmul(base, a[b.length], b0), matmul(base, a[k], b[l]));
        if (k !== l) s = add(base, s, matmul(base, a[l], b[k]));
        b.push(negate(base, matmul(base, b0, s)));
      }
    }
  }
  return fromParts(b);
}

/** Coefficient k of every entry of a matrix of coefficient arrays (jets, duals). */
function partOf<U>(m: Matrix<readonly U[]>, k: number): Matrix<U> {
  return map(m, (x) => x[k]);
}

/** A matrix of coefficient arrays from its parts, coefficient k of every entry from parts[k]. */
function fromParts<U>(parts: readonly Matrix<U>[]): Matrix<readonly U[]> {
  return { rows: parts[0].rows, cols: parts[0].cols, data: parts[0].data.map((_, i) => parts.map((part) => part.data[i])) };
}

function negate<U>(base: Field<U>, m: Matrix<U>): Matrix<U> {
  return map(m, (x) => base.neg(x));
}

/** Inverse by Gauss–Jordan elimination; throws {@link SingularError} on a zero pivot. */
function gaussJordanInverse<T>(F: Field<T>, m: Matrix<T>): Matrix<T> {
  const n = m.rows;
  const a = toRows(m).map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? F.one : F.zero))]);
  for (let col = 0; col < n; col++) {
    const p = pivotRow(F, a, col);
    if (p < 0) throw new SingularError();
    [a[col], a[p]] = [a[p], a[col]];
    const pivot = a[col][col];
    a[col] = a[col].map((x) => F.div(x, pivot));
    for (let r = 0; r < n; r++) {
      if (r === col || (F.name === 'exact' && F.isZero(a[r][col]))) continue;
      const factor = a[r][col];
      a[r] = a[r].map((x, k) => F.sub(x, F.mul(factor, a[col][k])));
    }
  }
  const result = fromFunction(n, n, (i, j) => a[i][n + j]);
  if (!F.exact && conditionEstimate(F, m, result) > MAX_CONDITION) throw new SingularError('ill-conditioned sample');
  return result;
}

/** Float samples whose condition number exceeds this are re-drawn (exact samples never need it). */
export const MAX_CONDITION = 1e8;

function infinityNorm<T>(F: Field<T>, m: Matrix<T>): number {
  let best = 0;
  for (let i = 0; i < m.rows; i++) {
    let row = 0;
    for (let j = 0; j < m.cols; j++) row += Math.abs(F.toNumber(at(m, i, j)));
    best = Math.max(best, row);
  }
  return best;
}

/** κ∞(A) = ‖A‖∞ ‖A⁻¹‖∞ on the primal values. */
function conditionEstimate<T>(F: Field<T>, m: Matrix<T>, inv: Matrix<T>): number {
  return infinityNorm(F, m) * infinityNorm(F, inv);
}

/** Determinant by elimination; a singular matrix has determinant zero (no throw). */
export function determinant<T>(F: Field<T>, m: Matrix<T>): T {
  const n = m.rows;
  const a = toRows(m);
  let det = F.one;
  for (let col = 0; col < n; col++) {
    const p = pivotRow(F, a, col);
    if (p < 0) return F.zero;
    if (p !== col) {
      [a[col], a[p]] = [a[p], a[col]];
      det = F.neg(det);
    }
    const pivot = a[col][col];
    det = F.mul(det, pivot);
    for (let r = col + 1; r < n; r++) {
      const factor = F.div(a[r][col], pivot);
      a[r] = a[r].map((x, k) => F.sub(x, F.mul(factor, a[col][k])));
    }
  }
  return det;
}
