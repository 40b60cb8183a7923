/**
 * The reference table: correct formulas from standard references (Matrix Cookbook, Magnus–Neudecker,
 * the four notes), each with a realistic wrong variant and, where the wrong variant is one of the listed
 * slips, a word the *did you mean* must contain.
 */
export interface TableEntry {
  /** Declarations in the author's syntax (see src/engine/README.md). */
  decl?: string;
  /** Formulas verified first on the same page (their definitions carry forward). */
  setup?: string[];
  latex: string;
  wrong: string;
  /** Expected words of the suggestion: transpose, swapped, Kronecker, sign, factor 2, is meant, commutation. */
  slip?: string;
}

const SQ = 'A: n×n; B: n×n; C: n×n; D: n×n; X: n×n; Y: n×n';

/** Trace, determinant and inverse identities (exact arithmetic). */
const algebra: TableEntry[] = [
  { decl: 'A: m×n; B: n×m', latex: '\\mathrm{tr}(AB) = \\mathrm{tr}(BA)', wrong: '\\mathrm{tr}(AB) = -\\mathrm{tr}(BA)', slip: 'sign' },
  { latex: '\\mathrm{tr}(A^T) = \\mathrm{tr}(A)', wrong: '\\mathrm{tr}(A^T) = -\\mathrm{tr}(A)', slip: 'sign' },
  { latex: '\\mathrm{tr}(A+B) = \\mathrm{tr}(A)+\\mathrm{tr}(B)', wrong: '\\mathrm{tr}(A+B) = \\mathrm{tr}(A)-\\mathrm{tr}(B)', slip: 'sign' },
  { decl: 'A: m×n; B: n×p; C: p×m', latex: '\\mathrm{tr}(ABC) = \\mathrm{tr}(CAB)', wrong: '\\mathrm{tr}(ABC) = \\mathrm{tr}(CAB) + \\mathrm{tr}(BCA)', slip: 'factor 2' },
  { decl: SQ, latex: '\\mathrm{tr}(ABC) = \\mathrm{tr}(BCA)', wrong: '\\mathrm{tr}(ABC) = \\mathrm{tr}(BAC)', slip: 'swapped' },
  { decl: 'A: m×n; B: m×n', latex: '\\langle A, B\\rangle = \\mathrm{tr}(A^TB)', wrong: '\\langle A, B\\rangle = -\\mathrm{tr}(A^TB)', slip: 'sign' },
  { decl: SQ, latex: '\\mathrm{tr}(A^TB) = \\mathrm{vec}(A)^T\\mathrm{vec}(B)', wrong: '\\mathrm{tr}(A^TB) = \\mathrm{vec}(A^T)^T\\mathrm{vec}(B)', slip: 'transpose' },
  { decl: 'a: n; b: n', latex: '\\mathrm{tr}(ab^T) = b^Ta', wrong: '\\mathrm{tr}(ab^T) = 2b^Ta', slip: 'factor 2' },
  { decl: 'x: n; A: n×n', latex: 'x^TAx = \\mathrm{tr}(Axx^T)', wrong: 'x^TAx = 2\\mathrm{tr}(Axx^T)', slip: 'factor 2' },
  { decl: 'x: n; y: m; A: n×m', latex: 'x^TAy = y^TA^Tx', wrong: 'x^TAy = -y^TA^Tx', slip: 'sign' },
  { decl: SQ, latex: '|AB| = |A||B|', wrong: '|AB| = -|A||B|', slip: 'sign' },
  { latex: '|A^T| = |A|', wrong: '|A^T| = -|A|', slip: 'sign' },
  { latex: '|A^{-1}| = \\frac{1}{|A|}', wrong: '|A^{-1}| = |A|' },
  { decl: SQ, latex: '(AB)^{-1} = B^{-1}A^{-1}', wrong: '(AB)^{-1} = A^{-1}B^{-1}', slip: 'swapped' },
  { decl: 'A: m×n; B: n×p', latex: '(AB)^T = B^TA^T', wrong: '(AB)^T = A^TB^T', slip: 'swapped' },
  { decl: SQ, latex: '(AB)^T = B^TA^T', wrong: '(AB)^T = A^TB^T', slip: 'swapped' },
  { latex: '(A^T)^{-1} = (A^{-1})^T', wrong: '(A^T)^{-1} = A^{-1}', slip: 'transpose' },
  { latex: '(A^{-1})^{-1} = A', wrong: '(A^{-1})^{-1} = A^T', slip: 'transpose' },
  { latex: '(I + A)^{-1} = I - (I + A)^{-1}A', wrong: '(I + A)^{-1} = I + (I + A)^{-1}A', slip: 'sign' },
  { decl: 'A: n×n; U: n×k; C: k×k; V: k×n', latex: '(A + UCV)^{-1} = A^{-1} - A^{-1}U(C^{-1} + VA^{-1}U)^{-1}VA^{-1}', wrong: '(A + UCV)^{-1} = A^{-1} + A^{-1}U(C^{-1} + VA^{-1}U)^{-1}VA^{-1}', slip: 'sign' },
  { decl: 'A: n×n; u: n; v: n', latex: '(A + uv^T)^{-1} = A^{-1} - \\frac{A^{-1}uv^TA^{-1}}{1 + v^TA^{-1}u}', wrong: '(A + uv^T)^{-1} = A^{-1} + \\frac{A^{-1}uv^TA^{-1}}{1 + v^TA^{-1}u}', slip: 'sign' },
  { latex: 'X^{\\#} = |X|X^{-1}', wrong: 'X^{\\#} = |X|X^{-T}', slip: 'transpose' },
  { decl: 'a: n; b: n', latex: '|I + ab^T| = 1 + b^Ta', wrong: '|I + ab^T| = 1 - b^Ta', slip: 'sign' },
  { decl: 'A: n×n; u: n; v: n', latex: '|A + uv^T| = (1 + v^TA^{-1}u)|A|', wrong: '|A + uv^T| = (1 + v^TA^{-T}u)|A|', slip: 'transpose' },
  { latex: 'A^{-1}A = I', wrong: 'A^{-1}A^T = I' },
  { latex: 'A^2 A^{-1} = A', wrong: 'A^2 A^{-1} = A^T', slip: 'transpose' },
  { decl: SQ, latex: '(A+B)^2 = A^2 + AB + BA + B^2', wrong: '(A+B)^2 = A^2 + 2AB + B^2' },
  { decl: 'x: n; A: n×n symmetric', latex: 'x^TAx = x^TA^Tx', wrong: 'x^TAx = -x^TA^Tx', slip: 'sign' },
  { decl: 'Q: n×n orthogonal', latex: 'Q^TQ = I', wrong: 'Q^TQ = -I', slip: 'sign' },
  { decl: 'Q: n×n orthogonal', latex: 'Q^{-1} = Q^T', wrong: 'Q^{-1} = Q', slip: 'transpose' },
  { decl: 'A: n×n symmetric', latex: 'A^T = A', wrong: 'A^T = -A', slip: 'sign' },
  { decl: 'S: n×n positive-definite', latex: '(S^{-1})^T = S^{-1}', wrong: '(S^{-1})^T = -S^{-1}', slip: 'sign' },
  { decl: 'D: n×n diagonal; E: n×n diagonal', latex: 'DE = ED', wrong: 'DE = -ED', slip: 'sign' },
];

/** Kronecker products, vec and commutation matrices (exact arithmetic). */
const kronecker: TableEntry[] = [
  { decl: 'A: p×m; X: m×n; B: n×q', latex: '\\mathrm{vec}(AXB) = (B^T\\otimes A)\\mathrm{vec}(X)', wrong: '\\mathrm{vec}(AXB) = (A\\otimes B^T)\\mathrm{vec}(X)', slip: 'Kronecker' },
  { decl: SQ, latex: '\\mathrm{vec}(AXB) = (B^T\\otimes A)\\mathrm{vec}(X)', wrong: '\\mathrm{vec}(AXB) = (B\\otimes A)\\mathrm{vec}(X)', slip: 'transpose' },
  { decl: 'A: m×n; B: p×q', latex: '(A\\otimes B)^T = A^T\\otimes B^T', wrong: '(A\\otimes B)^T = B^T\\otimes A^T', slip: 'Kronecker' },
  { decl: SQ, latex: '(A\\otimes B)(C\\otimes D) = (AC)\\otimes(BD)', wrong: '(A\\otimes B)(C\\otimes D) = (CA)\\otimes(BD)', slip: 'swapped' },
  { decl: 'A: m×m; B: n×n', latex: '(A\\otimes B)^{-1} = A^{-1}\\otimes B^{-1}', wrong: '(A\\otimes B)^{-1} = B^{-1}\\otimes A^{-1}', slip: 'Kronecker' },
  { decl: 'a: m; b: n', latex: '\\mathrm{vec}(ab^T) = b\\otimes a', wrong: '\\mathrm{vec}(ab^T) = a\\otimes b', slip: 'Kronecker' },
  { decl: 'A: m×m; B: n×n', latex: '\\mathrm{tr}(A\\otimes B) = \\mathrm{tr}(A)\\mathrm{tr}(B)', wrong: '\\mathrm{tr}(A\\otimes B) = \\mathrm{tr}(A)+\\mathrm{tr}(B)' },
  { decl: 'A: m×n', latex: 'K_{mn}\\mathrm{vec}(A) = \\mathrm{vec}(A^T)', wrong: 'K_{mn}\\mathrm{vec}(A) = \\mathrm{vec}(A)', slip: 'transpose' },
  { latex: 'K_{mn}^T = K_{nm}', wrong: 'K_{mn}^T = K_{mn}', slip: 'commutation|transpose' },
  { latex: 'K_{mn}K_{nm} = I', wrong: 'K_{mn}K_{mn} = I' },
  { decl: 'A: m×n; B: p×q', latex: 'K_{pm}(A\\otimes B)K_{nq} = B\\otimes A', wrong: 'K_{pm}(A\\otimes B)K_{nq} = A\\otimes B', slip: 'Kronecker' },
  { decl: 'A: m×n', latex: '\\mathrm{vec}(A^T) = K_{mn}\\mathrm{vec}(A)', wrong: '\\mathrm{vec}(A^T) = \\mathrm{vec}(A)', slip: 'commutation|transpose' },
  { decl: 'A: m×n; B: n×p', latex: '\\mathrm{vec}(AB) = (I_p\\otimes A)\\mathrm{vec}(B)', wrong: '\\mathrm{vec}(AB) = (A\\otimes I_p)\\mathrm{vec}(B)', slip: 'Kronecker' },
  { decl: 'A: m×n; B: n×p', latex: '\\mathrm{vec}(AB) = (B^T\\otimes I_m)\\mathrm{vec}(A)', wrong: '\\mathrm{vec}(AB) = (I_m\\otimes B^T)\\mathrm{vec}(A)', slip: 'Kronecker' },
  { decl: 'A: m×n; B: n×p; C: p×q; D: q×m', latex: '\\mathrm{tr}(ABCD) = \\mathrm{vec}(D^T)^T(C^T\\otimes A)\\mathrm{vec}(B)', wrong: '\\mathrm{tr}(ABCD) = \\mathrm{vec}(D^T)^T(A\\otimes C^T)\\mathrm{vec}(B)', slip: 'Kronecker' },
  { decl: 'A: m×n; X: m×n', latex: '\\mathrm{vec}(A\\odot X) = \\mathrm{diag}(A)\\mathrm{vec}(X)', wrong: '\\mathrm{vec}(A\\odot X) = -\\mathrm{diag}(A)\\mathrm{vec}(X)', slip: 'sign' },
  { decl: 'A: p×q; B: m×n; X: n×q', latex: '(A\\otimes B)\\mathrm{vec}(X) = \\mathrm{vec}(BXA^T)', wrong: '(A\\otimes B)\\mathrm{vec}(X) = \\mathrm{vec}(BXA)', slip: 'transpose' },
  { decl: 'A: m×n; B: p×q; C: p×q', latex: 'A\\otimes(B+C) = A\\otimes B + A\\otimes C', wrong: 'A\\otimes(B+C) = A\\otimes B + C\\otimes A', slip: 'Kronecker' },
  { decl: 'A: m×n; B: m×n', latex: 'A\\odot B = B\\odot A', wrong: 'A\\odot B = -B\\odot A', slip: 'sign' },
  { decl: SQ, latex: '\\mathrm{tr}(A^T(B\\odot C)) = \\mathrm{tr}((A\\odot B)^TC)', wrong: '\\mathrm{tr}(A^T(B\\odot C)) = \\mathrm{tr}((A\\odot B)C)', slip: 'transpose' },
  { decl: 'x: n; a: n; b: n', latex: 'x^T(a\\odot b) = (x\\odot a)^Tb', wrong: 'x^T(a\\odot b) = -(x\\odot a)^Tb', slip: 'sign' },
  { decl: 'a: n; b: n', latex: '\\mathrm{diag}(a)b = a\\odot b', wrong: '\\mathrm{diag}(a)b = -a\\odot b', slip: 'sign' },
  { decl: 'a: m; b: n', latex: 'a\\otimes b^T = ab^T', wrong: 'a\\otimes b^T = ba^T', slip: 'transpose' },
  { decl: 'A: m×n; B: p×q', latex: '(A\\otimes B)^T = A^T\\otimes B^T', wrong: '(A\\otimes B)^T = A\\otimes B^T', slip: 'transpose' },
  { decl: 'A: m×n; B: p×q; C: n×r; D: q×s', latex: '(A\\otimes B)(C\\otimes D) = (AC)\\otimes(BD)', wrong: '(A\\otimes B)(C\\otimes D) = (AC)\\otimes(BD) + (AC)\\otimes(BD)', slip: 'factor 2' },
];

/** Differential rules (directional derivatives by jets). */
const differentials: TableEntry[] = [
  { latex: '\\mathrm{d}(X^{-1}) = -X^{-1}(\\mathrm{d}X)X^{-1}', wrong: '\\mathrm{d}(X^{-1}) = X^{-1}(\\mathrm{d}X)X^{-1}', slip: 'sign' },
  { latex: '\\mathrm{d}X^{-1} = -X^{-1}\\mathrm{d}XX^{-1}', wrong: '\\mathrm{d}X^{-1} = -X^{-1}X^{-1}\\mathrm{d}X', slip: 'swapped' },
  { latex: '\\mathrm{d}|X| = |X|\\mathrm{tr}(X^{-1}\\mathrm{d}X)', wrong: '\\mathrm{d}|X| = |X|\\mathrm{tr}(X^{-T}\\mathrm{d}X)', slip: 'transpose' },
  { latex: '\\mathrm{d}|X| = \\mathrm{tr}(X^{\\#}\\mathrm{d}X)', wrong: '\\mathrm{d}|X| = \\mathrm{tr}((X^{\\#})^T\\mathrm{d}X)', slip: 'transpose' },
  { decl: 'X: m×n; Y: n×p', latex: '\\mathrm{d}(XY) = (\\mathrm{d}X)Y + X\\mathrm{d}Y', wrong: '\\mathrm{d}(XY) = Y\\mathrm{d}X + X\\mathrm{d}Y', slip: 'swapped' },
  { decl: SQ, latex: '\\mathrm{d}(XY) = (\\mathrm{d}X)Y + X\\mathrm{d}Y', wrong: '\\mathrm{d}(XY) = Y\\mathrm{d}X + X\\mathrm{d}Y', slip: 'swapped' },
  { decl: 'X: m×n', latex: '\\mathrm{d}(X^T) = (\\mathrm{d}X)^T', wrong: '\\mathrm{d}(X^T) = \\mathrm{d}X', slip: 'transpose' },
  { latex: '\\mathrm{d}\\mathrm{tr}(X) = \\mathrm{tr}(\\mathrm{d}X)', wrong: '\\mathrm{d}\\mathrm{tr}(X) = -\\mathrm{tr}(\\mathrm{d}X)', slip: 'sign' },
  { decl: 'X: m×n; Y: m×n', latex: '\\mathrm{d}(X\\odot Y) = \\mathrm{d}X\\odot Y + X\\odot\\mathrm{d}Y', wrong: '\\mathrm{d}(X\\odot Y) = \\mathrm{d}X\\odot Y - X\\odot\\mathrm{d}Y', slip: 'sign' },
  { decl: 'U: m×n; V: p×q', latex: '\\mathrm{d}(U\\otimes V) = \\mathrm{d}U\\otimes V + U\\otimes\\mathrm{d}V', wrong: '\\mathrm{d}(U\\otimes V) = V\\otimes\\mathrm{d}U + U\\otimes\\mathrm{d}V', slip: 'Kronecker' },
  { decl: 'X: m×n', latex: '\\mathrm{d}(\\mathrm{vec}(X)) = \\mathrm{vec}(\\mathrm{d}X)', wrong: '\\mathrm{d}(\\mathrm{vec}(X)) = \\mathrm{vec}((\\mathrm{d}X)^T)', slip: 'transpose' },
  { decl: 'X: m×n', latex: '\\mathrm{d}(\\mathrm{vec}X^T) = K_{mn}\\mathrm{vec}(\\mathrm{d}X)', wrong: '\\mathrm{d}(\\mathrm{vec}X^T) = K_{nm}\\mathrm{vec}(\\mathrm{d}X)', slip: 'commutation|transpose' },
  { latex: '\\mathrm{d}(X^2) = (\\mathrm{d}X)X + X\\mathrm{d}X', wrong: '\\mathrm{d}(X^2) = 2X\\mathrm{d}X' },
  { decl: 'A: p×m; X: m×n; B: n×q', latex: '\\mathrm{d}(AXB) = A(\\mathrm{d}X)B', wrong: '\\mathrm{d}(AXB) = -A(\\mathrm{d}X)B', slip: 'sign' },
  { latex: '\\mathrm{d}(AXB) = A(\\mathrm{d}X)B', wrong: '\\mathrm{d}(AXB) = A(\\mathrm{d}X)^TB', slip: 'transpose' },
  { decl: 'X: m×n; A: m×m', latex: '\\mathrm{d}(X^TAX) = (\\mathrm{d}X)^TAX + X^TA\\mathrm{d}X', wrong: '\\mathrm{d}(X^TAX) = (\\mathrm{d}X)^TAX + X^TA^T\\mathrm{d}X', slip: 'transpose' },
  { decl: 'X: n×n; a: n; b: n', latex: '\\mathrm{d}(a^TXb) = a^T(\\mathrm{d}X)b', wrong: '\\mathrm{d}(a^TXb) = a^T(\\mathrm{d}X)^Tb', slip: 'transpose' },
  { latex: '\\mathrm{d}\\log|X| = \\mathrm{tr}(X^{-1}\\mathrm{d}X)', wrong: '\\mathrm{d}\\log|X| = \\mathrm{tr}(X^{-T}\\mathrm{d}X)', slip: 'transpose' },
  { latex: '\\mathrm{d}\\mathrm{tr}(X^{-1}) = -\\mathrm{tr}(X^{-2}\\mathrm{d}X)', wrong: '\\mathrm{d}\\mathrm{tr}(X^{-1}) = \\mathrm{tr}(X^{-2}\\mathrm{d}X)', slip: 'sign' },
  { latex: '\\mathrm{d}\\mathrm{tr}(AX) = \\mathrm{tr}(A\\mathrm{d}X)', wrong: '\\mathrm{d}\\mathrm{tr}(AX) = \\mathrm{tr}(A^T\\mathrm{d}X)', slip: 'transpose' },
  { decl: 'X: m×n; A: m×m', latex: '\\mathrm{d}\\mathrm{tr}(X^TAX) = \\mathrm{tr}(X^T(A+A^T)\\mathrm{d}X)', wrong: '\\mathrm{d}\\mathrm{tr}(X^TAX) = \\mathrm{tr}(X^TA\\mathrm{d}X)', slip: 'is meant' },
  { decl: 'X: m×n; A: m×m', latex: '\\mathrm{d}\\mathrm{tr}(X^TAX) = \\mathrm{tr}(X^T(A+A^T)\\mathrm{d}X)', wrong: '\\mathrm{d}\\mathrm{tr}(X^TAX) = 2\\mathrm{tr}(X^TA\\mathrm{d}X)' },
  { decl: 'X: m×n', latex: '\\mathrm{d}\\sigma(X) = \\sigma\'(X)\\odot\\mathrm{d}X', wrong: '\\mathrm{d}\\sigma(X) = \\sigma(X)\\odot\\mathrm{d}X' },
  { decl: 'X: m×n', latex: '\\mathrm{d}\\sigma(X) = \\sigma(X)\\odot(1-\\sigma(X))\\odot\\mathrm{d}X', wrong: '\\mathrm{d}\\sigma(X) = \\sigma(X)\\odot(1+\\sigma(X))\\odot\\mathrm{d}X', slip: 'sign' },
  { decl: 'X: m×n', latex: '\\mathrm{d}\\exp(X) = \\exp(X)\\odot\\mathrm{d}X', wrong: '\\mathrm{d}\\exp(X) = -\\exp(X)\\odot\\mathrm{d}X', slip: 'sign' },
  { decl: 'x: n positive', latex: '\\mathrm{d}\\log(x) = \\mathrm{diag}(x)^{-1}\\mathrm{d}x', wrong: '\\mathrm{d}\\log(x) = \\mathrm{diag}(x)\\mathrm{d}x' },
  { decl: 'x: n', latex: '\\mathrm{d}(x^Tx) = 2x^T\\mathrm{d}x', wrong: '\\mathrm{d}(x^Tx) = x^T\\mathrm{d}x', slip: 'factor 2' },
  { decl: 'X: m×n; w: n; y: m', latex: '\\mathrm{d}\\|Xw-y\\|^2 = 2(Xw-y)^TX\\mathrm{d}w', wrong: '\\mathrm{d}\\|Xw-y\\|^2 = (Xw-y)^TX\\mathrm{d}w', slip: 'factor 2' },
  { latex: '\\mathrm{d}(\\mathrm{tr}(X)^2) = 2\\mathrm{tr}(X)\\mathrm{tr}(\\mathrm{d}X)', wrong: '\\mathrm{d}(\\mathrm{tr}(X)^2) = \\mathrm{tr}(X)\\mathrm{tr}(\\mathrm{d}X)', slip: 'factor 2' },
  { decl: 'X: m×n', latex: '\\mathrm{d}(X^TX) = (\\mathrm{d}X)^TX + X^T\\mathrm{d}X', wrong: '\\mathrm{d}(X^TX) = 2X^T\\mathrm{d}X' },
  { latex: '\\mathrm{tr}(X^{-1}\\mathrm{d}XX^{-1}) = \\mathrm{tr}(X^{-2}\\mathrm{d}X)', wrong: '\\mathrm{tr}(X^{-1}\\mathrm{d}XX^{-1}) = -\\mathrm{tr}(X^{-2}\\mathrm{d}X)', slip: 'sign' },
  { decl: 'a: n', latex: '\\mathrm{d}(\\mathbf{1}^T\\exp(a)) = \\exp(a)^T\\mathrm{d}a', wrong: '\\mathrm{d}(\\mathbf{1}^T\\exp(a)) = -\\exp(a)^T\\mathrm{d}a', slip: 'sign' },
  { decl: 'a: n', latex: '\\mathrm{d}\\log(\\mathbf{1}^T\\exp(a)) = \\mathrm{softmax}(a)^T\\mathrm{d}a', wrong: '\\mathrm{d}\\log(\\mathbf{1}^T\\exp(a)) = \\exp(a)^T\\mathrm{d}a' },
  { decl: 'X: m×n; A: m×m', latex: '\\mathrm{d}(AX) = A\\mathrm{d}X', wrong: '\\mathrm{d}(AX) = A^T\\mathrm{d}X', slip: 'transpose' },
  { decl: 'X: n×n', latex: '\\mathrm{d}(X^{-T}) = -X^{-T}(\\mathrm{d}X)^TX^{-T}', wrong: '\\mathrm{d}(X^{-T}) = -X^{-T}\\mathrm{d}XX^{-T}', slip: 'transpose' },
];

/** Second differentials (second-order jets). */
const secondDifferentials: TableEntry[] = [
  { latex: '\\mathrm{d}^2\\mathrm{tr}(X^{-1}) = 2\\mathrm{tr}(X^{-1}(\\mathrm{d}X)X^{-1}(\\mathrm{d}X)X^{-1})', wrong: '\\mathrm{d}^2\\mathrm{tr}(X^{-1}) = \\mathrm{tr}(X^{-1}(\\mathrm{d}X)X^{-1}(\\mathrm{d}X)X^{-1})', slip: 'factor 2' },
  { latex: '\\mathrm{d}^2\\log|X| = -\\mathrm{tr}(X^{-1}\\mathrm{d}XX^{-1}\\mathrm{d}X)', wrong: '\\mathrm{d}^2\\log|X| = \\mathrm{tr}(X^{-1}\\mathrm{d}XX^{-1}\\mathrm{d}X)', slip: 'sign' },
  { decl: 'x: n; A: n×n', latex: '\\mathrm{d}^2(x^TAx) = 2(\\mathrm{d}x)^TA\\mathrm{d}x', wrong: '\\mathrm{d}^2(x^TAx) = (\\mathrm{d}x)^TA\\mathrm{d}x', slip: 'factor 2' },
  { decl: 'X: m×n; A: m×m', latex: '\\mathrm{d}^2\\mathrm{tr}(X^TAX) = 2\\mathrm{tr}((\\mathrm{d}X)^TA\\mathrm{d}X)', wrong: '\\mathrm{d}^2\\mathrm{tr}(X^TAX) = \\mathrm{tr}((\\mathrm{d}X)^TA\\mathrm{d}X)', slip: 'factor 2' },
  { latex: '\\mathrm{d}^2(X^{-1}) = 2X^{-1}\\mathrm{d}XX^{-1}\\mathrm{d}XX^{-1}', wrong: '\\mathrm{d}^2(X^{-1}) = -2X^{-1}\\mathrm{d}XX^{-1}\\mathrm{d}XX^{-1}', slip: 'sign' },
  { decl: 'x: n', latex: '\\mathrm{d}^2x = \\mathrm{d}(\\mathrm{d}x) = 0', wrong: '\\mathrm{d}^2x = \\mathrm{d}x' },
  { decl: 'X: n×n', latex: '\\mathrm{d}^2|X| = |X|(\\mathrm{tr}(X^{-1}\\mathrm{d}X)^2 - \\mathrm{tr}(X^{-1}\\mathrm{d}XX^{-1}\\mathrm{d}X))', wrong: '\\mathrm{d}^2|X| = |X|(\\mathrm{tr}(X^{-1}\\mathrm{d}X)^2 + \\mathrm{tr}(X^{-1}\\mathrm{d}XX^{-1}\\mathrm{d}X))', slip: 'sign' },
  { decl: 'X: n×n', latex: '\\mathrm{d}^2\\mathrm{tr}(X^3) = 6\\mathrm{tr}(X(\\mathrm{d}X)^2)', wrong: '\\mathrm{d}^2\\mathrm{tr}(X^3) = 3\\mathrm{tr}(X(\\mathrm{d}X)^2)', slip: 'factor 2' },
];

export const TABLE_PART_1: TableEntry[] = [...algebra, ...kronecker, ...differentials, ...secondDifferentials];
