import type { SymbolProperty } from '../types/context.js';
import type { ShapeInfo } from '../types/infer.js';
import { dimSize } from '../types/dims.js';
import { type Matrix, fromFunction } from './matrix.js';
import type { Random } from './prng.js';
import type { Rational } from './rational.js';

/** Sizes for square dimensions: never 2 (Cayley–Hamilton coincidences hide slips there). */
export const SQUARE_SIZES = [3, 4, 5];
/** Sizes for other dimensions: distinct, non-unit. */
export const OTHER_SIZES = [2, 5, 3, 4, 6];
/** Exact samples are integers in [-EXACT_RANGE, EXACT_RANGE]. */
export const EXACT_RANGE = 4;
/** Float samples are multiples of 1/FLOAT_DENOMINATOR in [-1, 1] (exactly representable). */
export const FLOAT_DENOMINATOR = 64;

/** Free dimension variables, with those that size a square matrix marked. */
export function freeDimensions(info: ShapeInfo): { vars: string[]; square: Set<string> } {
  const u = info.unifier;
  const vars = new Set<string>();
  const square = new Set<string>();
  const shapes = [...info.symbols.values(), ...info.nodes.values()];
  // Ranges of indices that nothing else sizes (`\sum_{i=1}^N` over samples) still need a size.
  for (const d of info.indices.values()) for (const v of u.resolve(d).vars) vars.add(v);
  for (const s of shapes) {
    const r = u.resolve(s.rows);
    const c = u.resolve(s.cols);
    for (const v of [...r.vars, ...c.vars]) vars.add(v);
    if (r.vars.length === 1 && c.vars.length === 1 && r.vars[0] === c.vars[0]) square.add(r.vars[0]);
  }
  return { vars: [...vars].sort(), square };
}

/** Draw distinct sizes for the dimension variables of one trial; returns null if constraints fail. */
export function drawSizes(info: ShapeInfo, trial: number): Map<string, number> | null {
  const { vars, square } = freeDimensions(info);
  const sizes = new Map<string, number>();
  const used = new Set<number>();
  const rotate = (list: number[]) => list.map((_, k) => list[(k + trial) % list.length]);
  const squareOrder = rotate(SQUARE_SIZES);
  const otherOrder = rotate(OTHER_SIZES);
  const pick = (candidates: number[]) => candidates.find((n) => !used.has(n)) ?? candidates[0];
  for (const v of vars.filter((v) => square.has(v))) {
    const n = pick(squareOrder);
    sizes.set(v, n);
    used.add(n);
  }
  for (const v of vars.filter((v) => !square.has(v))) {
    const n = pick(otherOrder);
    sizes.set(v, n);
    used.add(n);
  }
  for (const [a, b] of info.unifier.pending) {
    if (dimSize(info.unifier.resolve(a), sizes) !== dimSize(info.unifier.resolve(b), sizes)) return null;
  }
  return sizes;
}

function ratio(n: number, d = 1): Rational {
  return { n: BigInt(n), d: BigInt(d) };
}

/** One random entry: an integer (exact mode) or a dyadic fraction in [-1, 1] (float mode). */
export function drawEntry(rng: Random, exact: boolean): Rational {
  if (exact) return ratio(rng.int(-EXACT_RANGE, EXACT_RANGE));
  return ratio(rng.int(-FLOAT_DENOMINATOR, FLOAT_DENOMINATOR), FLOAT_DENOMINATOR);
}

function addR(a: Rational, b: Rational): Rational {
  return { n: a.n * b.d + b.n * a.d, d: a.d * b.d };
}

function mulR(a: Rational, b: Rational): Rational {
  return { n: a.n * b.n, d: a.d * b.d };
}

/** Draw a matrix that respects the declared properties (symmetric, positive definite, one-hot, ...). */
export function drawMatrix(rng: Random, rows: number, cols: number, props: readonly SymbolProperty[], exact: boolean): Matrix<Rational> {
  const raw = fromFunction(rows, cols, () => drawEntry(rng, exact));
  const get = (i: number, j: number) => raw.data[i + j * rows];
  if (props.includes('identity')) return fromFunction(rows, cols, (i, j) => ratio(i === j ? 1 : 0));
  if (props.includes('one-hot')) {
    const hot = rng.int(0, rows * cols - 1);
    return fromFunction(rows, cols, (i, j) => ratio(i + j * rows === hot ? 1 : 0));
  }
  if (props.includes('probability')) {
    const weights = raw.data.map(() => rng.int(1, 5));
    const total = weights.reduce((s, w) => s + w, 0);
    return fromFunction(rows, cols, (i, j) => ratio(weights[i + j * rows], total));
  }
  if (props.includes('positive')) return fromFunction(rows, cols, () => ratio(rng.int(1, 5), exact ? 1 : 4));
  if (props.includes('diagonal')) return fromFunction(rows, cols, (i, j) => (i === j ? get(i, j) : ratio(0)));
  if (props.includes('positive-definite')) {
    return fromFunction(rows, cols, (i, j) => {
      let s = ratio(i === j ? rows : 0);
      for (let k = 0; k < cols; k++) s = addR(s, mulR(get(i, k), get(j, k)));
      return s;
    });
  }
  if (props.includes('symmetric')) return fromFunction(rows, cols, (i, j) => addR(get(i, j), get(j, i)));
  if (props.includes('orthogonal')) return cayley(rng, rows);
  return raw;
}

/** A rational orthogonal matrix by the Cayley transform (I - S)(I + S)^{-1}, S skew-symmetric. */
function cayley(rng: Random, n: number): Matrix<Rational> {
  const s = fromFunction(n, n, (i, j) => (i < j ? rng.int(-2, 2) : 0));
  const skew = (i: number, j: number) => (i < j ? s.data[i + j * n] : i > j ? -s.data[j + i * n] : 0);
  // Solve (I + S) Q = (I - S) by Gauss–Jordan in plain rationals (numbers stay small).
  const a: Rational[][] = Array.from({ length: n }, (_, i) => [
    ...Array.from({ length: n }, (_, j) => ratio((i === j ? 1 : 0) + skew(i, j))),
    ...Array.from({ length: n }, (_, j) => ratio((i === j ? 1 : 0) - skew(i, j))),
  ]);
  const div = (x: Rational, y: Rational): Rational => ({ n: x.n * y.d * (y.n < 0n ? -1n : 1n), d: x.d * (y.n < 0n ? -y.n : y.n) });
  const sub = (x: Rational, y: Rational): Rational => ({ n: x.n * y.d - y.n * x.d, d: x.d * y.d });
  for (let c = 0; c < n; c++) {
    const p = a.findIndex((row, r) => r >= c && row[c].n !== 0n);
    [a[c], a[p]] = [a[p], a[c]];
    const pivot = a[c][c];
    a[c] = a[c].map((x) => div(x, pivot));
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r][c];
      a[r] = a[r].map((x, k) => sub(x, mulR(f, a[c][k])));
    }
  }
  return fromFunction(n, n, (i, j) => a[i][n + j]);
}
