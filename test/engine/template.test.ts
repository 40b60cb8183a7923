import { describe, expect, test } from 'vitest';
import { inferTemplate, splitCells, splitList, type Template } from '../../src/engine/latex/template.js';

/** An axis 1..last with index letter `index`. */
const ax = (index: string, last: string) => ({ index, first: '1', last });

// The environments and lists of /work/template-targets.md (content/notes/…), cut out by hand.
const DX = String.raw`
\mathrm{d}X_{11} & \mathrm{d}X_{12}&\cdots & \mathrm{d}X_{1n} \\
\mathrm{d}X_{21} & \mathrm{d}X_{22}&\cdots & \mathrm{d}X_{2n} \\
\vdots & \vdots & & \vdots  \\
 \mathrm{d}X_{m1} & \mathrm{d}X_{m2}&\cdots & \mathrm{d}X_{mn} 
`;
const JACOBIAN_588 = String.raw`
	\frac{\partial f_1}{\partial x_1}&		\frac{\partial f_2}{\partial x_1}&		\cdots&		\frac{\partial f_p}{\partial x_1}\\
	\frac{\partial f_1}{\partial x_2}&		\frac{\partial f_2}{\partial x_2}&		\cdots&		\frac{\partial f_p}{\partial x_2}\\
	\vdots&		\vdots&		\ddots&		\vdots\\
	\frac{\partial f_1}{\partial x_m}&		\frac{\partial f_2}{\partial x_m}&		\cdots&		\frac{\partial f}{\partial x_m}\\
`;
const JACOBIAN_670 = String.raw`
	\frac{\partial f_1}{\partial x_1}&		\frac{\partial f_1}{\partial x_2}&		\cdots&		\frac{\partial f_1}{\partial x_m}\\
	\frac{\partial f_2}{\partial x_1}&		\frac{\partial f_2}{\partial x_2}&		\cdots&		\frac{\partial f_2}{\partial x_m}\\
	\vdots&		\vdots&		\vdots&		\vdots\\
	\frac{\partial f_n}{\partial x_1}&		\frac{\partial f_n}{\partial x_2}&		\cdots&		\frac{\partial f_n}{\partial x_m}\\
	`;
const K22 = String.raw`
	1&		&		&		\\
	&		&		1&		\\
	&		1&		&		\\
	&		&		&		1\\
`;
const HESSIAN_131 = String.raw`
\dfrac{\partial ^2f }{\partial x_1 \partial x_1} & \dfrac{\partial ^2f }{\partial x_1 \partial x_2} & \cdots & \dfrac{\partial ^2f }{\partial x_1 \partial x_m} \\
\dfrac{\partial ^2f }{\partial x_2 \partial x_1} & \dfrac{\partial ^2f }{\partial x_2 \partial x_2} & \cdots & \dfrac{\partial ^2f }{\partial x_2 \partial x_m} \\ 
\vdots& \vdots& & \vdots  \\
\dfrac{\partial ^2f }{\partial x_m \partial x_1} & \dfrac{\partial ^2f }{\partial x_m \partial x_2} & \cdots & \dfrac{\partial ^2f }{\partial x_m \partial x_m} \\ 
`;
const JACOBIAN_25 = String.raw`
\dfrac{\partial f_1(x)}{\partial x_1} & \dfrac{\partial f_2(x)}{\partial x_1} & \cdots & \dfrac{\partial f_m(x)}{\partial x_1}\\
\cdots & \cdots & \cdots & \cdots\\
\cdots & \cdots & \cdots & \cdots\\
\dfrac{\partial f_1(x)}{\partial x_n} & \dfrac{\partial f_2(x)}{\partial x_n} & \cdots & \dfrac{\partial f_m(x)}{\partial x_n}
`;
const HESSIAN_115 = String.raw`
   \dfrac{\partial^2 f}{\partial x_1\partial x_1} & \dfrac{\partial^2 f}{\partial x_1\partial x_2} & \cdots & \dfrac{\partial^2 f}{\partial x_1\partial x_n}\\
   \dfrac{\partial^2 f}{\partial x_2\partial x_1}& \dfrac{\partial^2 f}{\partial x_2\partial x_2} & \cdots & \dfrac{\partial^2 f}{\partial x_2\partial x_n}\\
   \cdots & \cdots & \cdots & \cdots\\
   \dfrac{\partial^2 f}{\partial x_n\partial x_1}&\dfrac{\partial^2 f}{\partial x_n\partial x_2} & \cdots & \dfrac{\partial^2 f}{\partial x_n\partial x_n}
   `;
const GRADIENT_151 = String.raw`
\dfrac{\partial f(x)}{\partial A_{11}} & \dfrac{\partial f(x)}{\partial A_{12}} & \cdots & \dfrac{\partial f(x)}{\partial A_{1n}}\\
\cdots &                                                                               \cdots & \cdots & \cdots\\
\cdots & \cdots & \cdots & \cdots\\
\dfrac{\partial f(x)}{\partial A_{m1}} & \dfrac{\partial f(x)}{\partial A_{m2}} & \cdots & \dfrac{\partial f(x)}{\partial A_{mn}}
`;
const VEC_604 = String.raw`\left[ X_{11},\cdots ,X_{m1},X_{12},\cdots ,X_{m2},\cdots ,X_{1n},\cdots ,X_{mn} \right]`;

type Expected = Template | RegExp;

const TARGETS: [string, string[][], Expected][] = [
  ['first/526 X', [splitList(String.raw`\left[ x_1,\cdots ,x_N \right]`)], { body: 'x_{j}', cols: ax('j', 'N') }],
  ['first/526 A_1', [splitList(String.raw`\left[ a_{1,1},\cdots ,a_{1,N} \right]`)], { body: 'a_{1,j}', cols: ax('j', 'N') }],
  ['first/526 H_1', [splitList(String.raw`\left[ h_{1,1},\cdots ,h_{1,N} \right]`)], { body: 'h_{1,j}', cols: ax('j', 'N') }],
  ['first/526 the array itself', splitCells(String.raw`
	X=\left[ x_1,\cdots ,x_N \right] ,A_1=\left[ a_{1,1},\cdots ,a_{1,N} \right] =W_1X+b_11^T\\
	H_1=\left[ h_{1,1},\cdots ,h_{1,N} \right] =\sigma \left( A_1 \right) ,A_2=W_2H_1+b_21^T\\
`), /^no ellipsis$/],
  [
    'first/539 softmax list (comma missing after \\cdots)',
    [splitList(String.raw`\left[ \mathrm{soft}\max \left( a_{2,1} \right) -y_1,\cdots \mathrm{soft}\max \left( a_{2,N} \right) -y_N \right] `)],
    { body: String.raw`\mathrm{soft}\max \left( a_{2,j} \right) -y_{j}`, cols: ax('j', 'N') },
  ],
  [
    'first/588 (and 659) last cell lacks f_p: the pattern holds elsewhere, the cell is kept as written',
    splitCells(JACOBIAN_588),
    { body: String.raw`\frac{\partial f_{j}}{\partial x_{i}}`, rows: ax('i', 'm'), cols: ax('j', 'p'), exceptions: [{ row: 'm', col: 'p', text: String.raw`\frac{\partial f}{\partial x_m}` }] },
  ],
  [
    'first/588 with the last cell corrected',
    splitCells(JACOBIAN_588.replace(String.raw`\frac{\partial f}{\partial x_m}`, String.raw`\frac{\partial f_p}{\partial x_m}`)),
    { body: String.raw`\frac{\partial f_{j}}{\partial x_{i}}`, rows: ax('i', 'm'), cols: ax('j', 'p') },
  ],
  ['first/604 vec(X)', [splitList(VEC_604)], { body: 'X_{ij}', nested: { inner: ax('i', 'm'), outer: ax('j', 'n') } }],
  ['first/670', splitCells(JACOBIAN_670), { body: String.raw`\frac{\partial f_{i}}{\partial x_{j}}`, rows: ax('i', 'n'), cols: ax('j', 'm') }],
  ['first/708 K_22', splitCells(K22), /^no ellipsis$/],
  ['first/708 vec(A^T)', splitCells('A_{11}\\\\ A_{12}\\\\ A_{21}\\\\ A_{22}\\\\'), /^no ellipsis$/],
  ['first/914 X', splitCells('x_{1}^{T}\\\\ \\vdots\\\\ x_{N}^{T}\\\\'), { body: 'x_{i}^{T}', rows: ax('i', 'N') }],
  ['first/914 y', splitCells('y_1\\\\ \\vdots\\\\ y_N\\\\'), { body: 'y_{i}', rows: ax('i', 'N') }],
  ['real/12 dX', splitCells(DX), { body: String.raw`\mathrm{d}X_{ij}`, rows: ax('i', 'm'), cols: ax('j', 'n') }],
  [
    'real/131 Hessian',
    splitCells(HESSIAN_131),
    { body: String.raw`\dfrac{\partial ^2f }{\partial x_{i} \partial x_{j}}`, rows: ax('i', 'm'), cols: ax('j', 'm') },
  ],
  [
    'vector/19 gradient list',
    [splitList(String.raw`(\dfrac{\partial f(x)}{\partial x_1},\cdots,\dfrac{\partial f(x)}{\partial x_n})`)],
    { body: String.raw`\dfrac{\partial f(x)}{\partial x_{j}}`, cols: ax('j', 'n') },
  ],
  [
    'vector/25 Jacobian with two \\cdots gap rows',
    splitCells(JACOBIAN_25),
    { body: String.raw`\dfrac{\partial f_{j}(x)}{\partial x_{i}}`, rows: ax('i', 'n'), cols: ax('j', 'm') },
  ],
  [
    'vector/115 Hessian',
    splitCells(HESSIAN_115),
    { body: String.raw`\dfrac{\partial^2 f}{\partial x_{i}\partial x_{j}}`, rows: ax('i', 'n'), cols: ax('j', 'n') },
  ],
  ['vector/151 gradient', splitCells(GRADIENT_151), { body: String.raw`\dfrac{\partial f(x)}{\partial A_{ij}}`, rows: ax('i', 'm'), cols: ax('j', 'n') }],
];

const OTHERS: [string, string[][], Expected][] = [
  [
    'README example with \\ddots',
    splitCells(String.raw`\mathrm{d}X_{11} & \mathrm{d}X_{12}&\cdots & \mathrm{d}X_{1n} \\ \mathrm{d}X_{21} & \mathrm{d}X_{22}&\cdots & \mathrm{d}X_{2n} \\ \vdots & \vdots & \ddots & \vdots \\ \mathrm{d}X_{m1} & \mathrm{d}X_{m2}&\cdots & \mathrm{d}X_{mn}`),
    { body: String.raw`\mathrm{d}X_{ij}`, rows: ax('i', 'm'), cols: ax('j', 'n') },
  ],
  ['1, ⋯, end matrix', splitCells(String.raw`a_{11} & \cdots & a_{1n} \\ \vdots & \ddots & \vdots \\ a_{m1} & \cdots & a_{mn}`), { body: 'a_{ij}', rows: ax('i', 'm'), cols: ax('j', 'n') }],
  ['rows written out, no row gap', splitCells(String.raw`a_{11} & \cdots & a_{1n} \\ a_{21} & \cdots & a_{2n}`), { body: 'a_{ij}', rows: ax('i', '2'), cols: ax('j', 'n') }],
  ['constant subscript W_1 kept', [splitList(String.raw`W_1 x_1, W_1 x_2, \ldots, W_1 x_n`)], { body: 'W_1 x_{j}', cols: ax('j', 'n') }],
  ['comma subscript with spaces', [splitList(String.raw`a_{2, 1}, \dots, a_{2, N}`)], { body: 'a_{2,j}', cols: ax('j', 'N') }],
  ['function call f_1(x)', splitCells(String.raw`f_1(x) \\ \vdots \\ f_m(x)`), { body: 'f_{i}(x)', rows: ax('i', 'm') }],
  ['numeric last index', [splitList(String.raw`x_1, x_2, \cdots, x_5`)], { body: 'x_{j}', cols: ax('j', '5') }],
  ['index letter fallback (i, j used)', [splitList(String.raw`e^{ij} x_1, \cdots, e^{ij} x_n`)], { body: 'e^{ij} x_{p}', cols: ax('p', 'n') }],
  [
    'index letter fallback (i, j, p used)',
    splitCells(String.raw`p_{11}+ij & \cdots & p_{1n}+ij \\ \vdots & & \vdots \\ p_{m1}+ij & \cdots & p_{mn}+ij`),
    { body: 'p_{qr}+ij', rows: ax('q', 'm'), cols: ax('r', 'n') },
  ],
  ['X_{mn} replaced by X_{nm}: kept as written', splitCells(DX.replace('X_{mn}', 'X_{nm}')), { body: String.raw`\mathrm{d}X_{ij}`, rows: ax('i', 'm'), cols: ax('j', 'n'), exceptions: [{ row: 'm', col: 'n', text: String.raw`\mathrm{d}X_{nm}` }] }],
  ['two cells off the pattern: no pattern', splitCells(DX.replace('X_{mn}', 'X_{nm}').replace('X_{22}', 'X_{21}')), /cell \(4,4\) `\\mathrm\{d\}X_\{nm\}` does not match/],
  ['a wrong middle column', splitCells(DX.replace('X_{12}', 'X_{13}')), /columns: explicit entry 2 has index 3, expected 2/],
  ['a wrong row', splitCells(DX.replace('X_{21}', 'X_{31}')), /rows: explicit entry 2 has index 3/],
  ['a wrong inner cell: kept as written', splitCells(DX.replace('X_{22}', 'X_{21}')), { body: String.raw`\mathrm{d}X_{ij}`, rows: ax('i', 'm'), cols: ax('j', 'n'), exceptions: [{ row: '2', col: '2', text: String.raw`\mathrm{d}X_{21}` }] }],
  ['two columns after the gap', [splitList(String.raw`x_1, \cdots, x_{n-1}, x_n`)], /pattern EGEE/],
  ['gap first', [splitList(String.raw`\cdots, x_n`)], /pattern GE/],
  ['mixed names', [splitList(String.raw`x_1, \cdots, y_N`)], /cell \(1,3\) `y_N` does not match/],
  ['mixed subscript shapes', splitCells(String.raw`X_{11} & \cdots & X_n`), /cell \(1,3\) `X_n` has other subscripts/],
  ['nothing varies', [splitList(String.raw`0, \cdots, 0`)], /no subscript varies along the columns/],
  ['last index not after the first ones', [splitList(String.raw`x_1, x_2, \cdots, x_2`)], /last index 2/],
  ['last index an expression', [splitList(String.raw`a_{1,1}, \cdots, a_{1,N-1}`)], /last index N-1/],
  ['first index 0', [splitList(String.raw`x_0, \cdots, x_n`)], /explicit entry 1 has index 0, expected 1/],
  ['a subscript varying with row and column', splitCells(String.raw`x_1 & \cdots & x_n \\ \vdots & \ddots & \vdots \\ x_m & \cdots & x_{mn}`), /varies with both/],
  ['diagonal with \\ddots', splitCells(String.raw`a_1 & & \\ & \ddots & \\ & & a_n`), /is empty outside the gaps/],
  ['ellipsis alone', [['\\cdots']], /pattern G/],
  ['nested: last item X_{nm}', [splitList(VEC_604.replace('X_{mn}', 'X_{nm}'))], /nested list: the item `X_\{nm\}` does not match/],
  ['nested: a run without its gap', [splitList(String.raw`X_{11},\cdots,X_{m1},X_{12},X_{22},\cdots,X_{m2},\cdots,X_{mn}`)], /the run at item 4 does not repeat/],
  ['empty input', [], /^no ellipsis$/],
];

describe('inferTemplate', () => {
  test.each([...TARGETS, ...OTHERS])('%s', (_name, cells, expected) => {
    const result = inferTemplate(cells);
    if (expected instanceof RegExp) {
      expect(result).toHaveProperty('reason');
      expect('reason' in result ? result.reason : '').toMatch(expected);
    } else expect(result).toEqual(expected);
  });
});

describe('splitCells', () => {
  test.each<[string, string[][]]>([
    [String.raw` a & b \\ c & d \\ `, [['a', 'b'], ['c', 'd']]],
    [String.raw`a & {b & c} \\ {d \\ e}`, [['a', '{b & c}'], [String.raw`{d \\ e}`]]],
    [String.raw`x_1 \\ \vdots \\ x_n`, [['x_1'], ['\\vdots'], ['x_n']]],
    [String.raw`\vdots & & \vdots`, [['\\vdots', '', '\\vdots']]],
    [String.raw`a \& b & c`, [['a \\& b', 'c']]],
  ])('%s', (latex, cells) => expect(splitCells(latex)).toEqual(cells));
});

describe('splitList', () => {
  test.each<[string, string[]]>([
    [String.raw`[x_1,\cdots ,x_N]`, ['x_1', '\\cdots', 'x_N']],
    [String.raw`\left[ x_1,\cdots ,x_N \right]`, ['x_1', '\\cdots', 'x_N']],
    [
      String.raw`(\frac{\partial f}{\partial x_1},\cdots,\frac{\partial f}{\partial x_n})`,
      [String.raw`\frac{\partial f}{\partial x_1}`, '\\cdots', String.raw`\frac{\partial f}{\partial x_n}`],
    ],
    [String.raw`f(a,b), g_{1,2}, [c,d]`, ['f(a,b)', 'g_{1,2}', '[c,d]']],
    [String.raw`(a)-(b)`, ['(a)-(b)']],
    [String.raw`y_1,\cdots z_N`, ['y_1', '\\cdots', 'z_N']],
    [String.raw`y_1\ldots, y_N`, ['y_1', '\\ldots', 'y_N']],
  ])('%s', (latex, items) => expect(splitList(latex)).toEqual(items));
});
