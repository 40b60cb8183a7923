/** The widget's interface strings, in both languages of the site. */

/** A language of the site. */
export type WidgetLang = 'zh' | 'en';

const STRINGS = {
  region: { zh: '自己验证：在随机矩阵上重新检验这个公式', en: 'Check it yourself: this formula re-checked on random matrices' },
  controls: { zh: '检验的设置', en: 'Check settings' },
  reroll: { zh: '换一组输入', en: 'Re-roll inputs' },
  sizes: { zh: '维数', en: 'Sizes' },
  arithmetic: { zh: '算术', en: 'Arithmetic' },
  exact: { zh: '精确（有理数）', en: 'Exact (rational)' },
  float: { zh: '浮点（float64）', en: 'Float (float64)' },
  fullPrecision: { zh: '完整精度', en: 'Full precision' },
  close: { zh: '收起', en: 'Close' },
  loading: { zh: '正在载入公式引擎…', en: 'Loading the formula engine…' },
  failed: { zh: '无法运行检验：', en: 'The check could not run: ' },
  seed: { zh: '种子', en: 'seed' },
  buildSeed: { zh: '（与构建时相同）', en: ' (the build’s)' },
  modeExact: { zh: '精确有理数运算', en: 'exact rational arithmetic' },
  modeFloat: { zh: '双精度浮点，相对容差', en: 'float64, relative tolerance' },
  fellBack: { zh: '（精确运算的数过大，改用浮点）', en: ' (exact numbers grew too large; fell back to float)' },
  took: { zh: '用时', en: 'took' },
  inputs: { zh: '输入', en: 'Inputs' },
  step: { zh: '第 {n} 步', en: 'Step {n}' },
  left: { zh: '左边', en: 'Left side' },
  right: { zh: '右边', en: 'Right side' },
  engineDerivative: { zh: '引擎算出的导数（对左边的函数自动微分）', en: 'Engine’s derivative (automatic differentiation of the left side)' },
  closedForm: { zh: '公式给出的闭式（右边）', en: 'The formula’s closed form (right side)' },
  difference: { zh: '差（左 − 右）', en: 'Difference (left − right)' },
  relError: { zh: '相对误差', en: 'Relative error' },
  passExact: { zh: '✓ 两边完全相等', en: '✓ both sides are exactly equal' },
  passFloat: { zh: '✓ 在容差之内', en: '✓ within tolerance' },
  fail: { zh: '✗ 两边不相等', en: '✗ the two sides differ' },
  noValues: { zh: '此步没有数值：', en: 'No numbers for this step: ' },
  premise: { zh: '这一步是定义或前提，不是要检验的断言', en: 'This step is a definition or premise, not a claim to check' },
  original: { zh: '原文的公式（勘误前）', en: 'The source’s formula (before the erratum)' },
  correction: { zh: '更正后的公式', en: 'The correction' },
  sameInputs: { zh: '两者用同一组输入。', en: 'Both run on the same inputs.' },
  badSizes: { zh: '这组维数不满足公式的形状约束。', en: 'These sizes break a shape constraint of the formula.' },
  singular: { zh: '这组输入都是奇异的，请换一组。', en: 'Every sample was singular; re-roll.' },
  order: { zh: '{s} 的阶数', en: 'order of {s}' },
  rows: { zh: '{s} 的行数', en: 'rows of {s}' },
  cols: { zh: '{s} 的列数', en: 'columns of {s}' },
} as const satisfies Record<string, Record<WidgetLang, string>>;

/** A key of the widget's strings. */
export type WidgetStringKey = keyof typeof STRINGS;

/**
 * A widget string in a language, with `{name}` placeholders filled in.
 *
 * @param key The string's key.
 * @param lang The language.
 * @param values Placeholder values.
 */
export function text(key: WidgetStringKey, lang: WidgetLang, values: Record<string, string | number> = {}): string {
  return STRINGS[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}
