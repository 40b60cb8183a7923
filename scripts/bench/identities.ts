/**
 * A generator of true matrix-calculus identities for the benchmark's synthetic notes: gradients of
 * sums of terms with random coefficients (some through a defined function, so context threads
 * through the page), differentials, vec/Kronecker algebra and second-order claims, each written
 * with the page's own symbol names. Every identity is true by construction (the right side is the
 * sum of the terms' known derivatives), so a synthetic build that checks formulas must pass.
 */

/** A seeded generator of uniform numbers in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The symbol names of one page: a variable matrix V (m×n), a square invertible S (n×n), constants. */
export interface PageSymbols {
  V: string;
  S: string;
  /** A: n×m, B: m×m, C: n×n, P: p×m, Q: n×p. */
  A: string;
  B: string;
  C: string;
  P: string;
  Q: string;
  /** a: m, b: n, x: n (the variable of Hessians). */
  a: string;
  b: string;
  x: string;
}

/** What a formula claims, for the throughput table. */
export type IdentityKind = 'gradient' | 'differential' | 'algebra' | 'second-order' | 'definition';

/** One display formula of a synthetic page. */
export interface Identity {
  latex: string;
  kind: IdentityKind;
}

type Random = () => number;

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/**
 * Symbol names for a page, drawn from letters the notes use for the same roles.
 *
 * @param random The page's generator.
 */
export function pageSymbols(random: Random): PageSymbols {
  const V = pick(random, ['X', 'Y', 'Z', 'W']);
  const S = pick(random, ['S', 'U', 'R']);
  const [A, B, C, P, Q] = shuffled(random, ['A', 'B', 'C', 'E', 'F', 'G', 'L', 'M', 'N', 'P', 'Q'].filter((l) => l !== V && l !== S));
  const [a, b] = shuffled(random, ['a', 'b', 'c', 'u', 'v', 'w']);
  const x = pick(random, ['x', 'y', 'z']);
  return { V, S, A, B, C, P, Q, a, b, x };
}

/**
 * The page's declaration block (the engine's grammar).
 *
 * @param s The page's symbols.
 */
export function declarations(s: PageSymbols): string {
  return [
    `${s.V}: m×n`,
    `${s.S}: n×n invertible`,
    `${s.A}: n×m; ${s.B}: m×m; ${s.C}: n×n; ${s.P}: p×m; ${s.Q}: n×p`,
    `${s.a}: m; ${s.b}: n; ${s.x}: n`,
  ].join('\n');
}

/** A term of a scalar function and its gradient: gradient = factor · body. */
interface Term {
  term: string;
  factor: number;
  body: string;
}

function rectangularTerms(s: PageSymbols): Term[] {
  const { V, A, B, P, Q, a, b } = s;
  return [
    { term: `${a}^T${V}${b}`, factor: 1, body: `${a}${b}^T` },
    { term: `\\mathrm{tr}(${A}${V})`, factor: 1, body: `${A}^T` },
    { term: `\\mathrm{tr}(${V}^T${V})`, factor: 2, body: V },
    { term: `\\mathrm{tr}(${V}^T${B}${V})`, factor: 1, body: `(${B}+${B}^T)${V}` },
    { term: `${a}^T${V}${V}^T${a}`, factor: 2, body: `${a}${a}^T${V}` },
    { term: `\\mathrm{tr}(${P}${V}${Q})`, factor: 1, body: `${P}^T${Q}^T` },
    { term: `1^T\\exp(${V}${b})`, factor: 1, body: `\\exp(${V}${b})${b}^T` },
    { term: `\\log(1+\\exp(${a}^T${V}${b}))`, factor: 1, body: `\\sigma(${a}^T${V}${b})${a}${b}^T` },
  ];
}

function squareTerms(s: PageSymbols): Term[] {
  const { S, C, x } = s;
  return [
    { term: `\\log|${S}|`, factor: 1, body: `${S}^{-T}` },
    { term: `\\mathrm{tr}(${S}^{-1}${C})`, factor: -1, body: `${S}^{-T}${C}^T${S}^{-T}` },
    { term: `\\mathrm{tr}(${C}${S})`, factor: 1, body: `${C}^T` },
    { term: `${x}^T${S}${x}`, factor: 1, body: `${x}${x}^T` },
    { term: `|${S}|`, factor: 1, body: `|${S}|${S}^{-T}` },
  ];
}

/** `c·body` added to a sum: `+ 3ab^T`, `- ab^T`, or the first term without `+`. */
function signed(coefficient: number, body: string, first: boolean): string {
  // `5\,1^T…`, not `51^T…`: a coefficient before a term that starts with a digit needs a space.
  const magnitude = Math.abs(coefficient) === 1 ? '' : `${Math.abs(coefficient)}${/^\d/.test(body) ? '\\,' : ''}`;
  const sign = coefficient < 0 ? (first ? '-' : ' - ') : first ? '' : ' + ';
  return `${sign}${magnitude}${body}`;
}

function coefficient(random: Random): number {
  return (random() < 0.25 ? -1 : 1) * (1 + Math.floor(random() * 9));
}

/** A sum of 1–3 distinct terms with coefficients, and its gradient. */
function gradientOfSum(random: Random, terms: readonly Term[]): { function: string; gradient: string } {
  const chosen = shuffled(random, terms).slice(0, 1 + Math.floor(random() * 3));
  const coefficients = chosen.map(() => coefficient(random));
  return {
    function: chosen.map((t, i) => signed(coefficients[i], t.term, i === 0)).join(''),
    gradient: chosen.map((t, i) => signed(coefficients[i] * t.factor, t.body, i === 0)).join(''),
  };
}

function gradient(random: Random, s: PageSymbols, name: string): Identity[] {
  const square = random() < 0.3;
  const variable = square ? s.S : s.V;
  const sum = gradientOfSum(random, square ? squareTerms(s) : rectangularTerms(s));
  const style = random();
  if (style < 0.3) {
    return [
      { kind: 'definition', latex: `${name}(${variable}) = ${sum.function}` },
      { kind: 'gradient', latex: `\\frac{\\partial ${name}}{\\partial ${variable}} = ${sum.gradient}` },
    ];
  }
  if (style < 0.5) return [{ kind: 'gradient', latex: `\\nabla_${variable} \\left(${sum.function}\\right) = ${sum.gradient}` }];
  return [{ kind: 'gradient', latex: `\\frac{\\partial \\left(${sum.function}\\right)}{\\partial ${variable}} = ${sum.gradient}` }];
}

function differential(random: Random, s: PageSymbols): Identity {
  const { V, S, A, B, P, Q } = s;
  const c = Math.abs(coefficient(random));
  const k = c === 1 ? '' : String(c);
  const forms = [
    `\\mathrm{d}(${k}${P}${V}${Q}) = ${k}${P}(\\mathrm{d}${V})${Q}`,
    `\\mathrm{d}(${k}${V}^T${V}) = ${k}(\\mathrm{d}${V})^T${V} + ${k}${V}^T\\mathrm{d}${V}`,
    `\\mathrm{d}(${k}${S}^{-1}) = -${k}${S}^{-1}(\\mathrm{d}${S})${S}^{-1}`,
    `\\mathrm{d}(${k}|${S}|) = ${k}|${S}|\\mathrm{tr}(${S}^{-1}\\mathrm{d}${S})`,
    `\\mathrm{d}\\,\\mathrm{tr}(${k}${A}${V}) = ${k}\\mathrm{tr}(${A}\\,\\mathrm{d}${V})`,
    `\\mathrm{d}(${V}^T${B}${V}) = (\\mathrm{d}${V})^T${B}${V} + ${V}^T${B}\\,\\mathrm{d}${V}`,
    `\\mathrm{d}\\,\\mathrm{tr}(${k}${V}^T${V}) = ${k}\\mathrm{tr}((\\mathrm{d}${V})^T${V} + ${V}^T\\mathrm{d}${V}) = ${2 * c}\\mathrm{tr}(${V}^T\\mathrm{d}${V})`,
  ];
  return { kind: 'differential', latex: pick(random, forms) };
}

function algebra(random: Random, s: PageSymbols): Identity {
  const { V, A, P, Q } = s;
  const c = Math.abs(coefficient(random));
  const k = c === 1 ? '' : String(c);
  const forms = [
    `\\mathrm{vec}(${k}${P}${V}${Q}) = ${k}(${Q}^T\\otimes ${P})\\mathrm{vec}${V}`,
    `\\mathrm{D}_${V}(${k}${P}${V}${Q}) = ${k}${Q}^T\\otimes ${P}`,
    `\\mathrm{tr}(${k}${A}${V}) = \\mathrm{tr}(${k}${V}${A})`,
    `(${k}${P}${V})^T = ${k}${V}^T${P}^T`,
    `K_{mn}\\mathrm{vec}(${k}${V}) = \\mathrm{vec}(${k}${V}^T)`,
  ];
  return { kind: 'algebra', latex: pick(random, forms) };
}

function secondOrder(random: Random, s: PageSymbols): Identity {
  const { V, S, B, C, b, x } = s;
  const c1 = Math.abs(coefficient(random));
  const c2 = coefficient(random);
  const k = c1 === 1 ? '' : String(c1);
  const roll = random();
  if (roll < 0.45) {
    return { kind: 'second-order', latex: `\\frac{\\partial^2 (${k}${x}^T${C}${x}${signed(c2, `${b}^T${x}`, false)})}{\\partial ${x}\\partial ${x}^T} = ${k}(${C} + ${C}^T)` };
  }
  if (roll < 0.75) return { kind: 'second-order', latex: `\\mathrm{d}^2\\mathrm{tr}(${k}${V}^T${B}${V}) = ${2 * c1}\\mathrm{tr}((\\mathrm{d}${V})^T${B}\\,\\mathrm{d}${V})` };
  if (roll < 0.95) {
    return { kind: 'second-order', latex: `\\nabla^2_${x} \\left(${k}\\log(1 + \\exp(${b}^T${x}))\\right) = ${k}\\sigma(${b}^T${x})(1-\\sigma(${b}^T${x}))${b}${b}^T` };
  }
  return { kind: 'second-order', latex: `\\frac{\\partial^2 ${k}\\log|${S}|}{\\partial \\mathrm{vec}${S}\\partial(\\mathrm{vec}${S})^T} = -${k}(${S}^{-1}\\otimes ${S}^{-T})K_{nn}` };
}

/**
 * The next identities of a page (one, or a definition and the claim that uses it).
 *
 * @param random The page's generator.
 * @param s The page's symbols.
 * @param name The function name a definition may use (`f`, `g`, `h`).
 */
export function nextIdentities(random: Random, s: PageSymbols, name: string): Identity[] {
  const roll = random();
  if (roll < 0.55) return gradient(random, s, name);
  if (roll < 0.75) return [differential(random, s)];
  if (roll < 0.85) return [algebra(random, s)];
  return [secondOrder(random, s)];
}
