/**
 * Status badges: what the check found about a display formula, in the page's language. The
 * verdict rides on the formula's figure as `data-*` attributes (set by the verification plugin);
 * this builds the small badge shown in the formula's mount point.
 */
import type { Element } from 'hast';
import type { Lang } from './lang.js';

/** The verdict attributes a badge reads. */
export interface BadgeData {
  status: string;
  mode?: string;
  error?: number;
  reason?: string;
  trials?: number;
  /** A corrected formula: the id of the erratum record of the source's original. */
  erratum?: string;
}

const LABELS: Record<string, Record<Lang, string>> = {
  'verified-exact': { zh: '✓ 精确验证', en: '✓ verified exactly' },
  'verified-float': { zh: '✓ 数值验证', en: '✓ verified numerically' },
  'not-checkable': { zh: '— 不可检验', en: '— not checkable' },
  unsupported: { zh: '? 不支持', en: '? unsupported' },
  erratum: { zh: '✎ 已勘误', en: '✎ corrected' },
  mismatch: { zh: '✗ 不成立', en: '✗ mismatch' },
};

const TITLES: Record<string, Record<Lang, (data: BadgeData) => string>> = {
  'verified-exact': {
    zh: (d) => `构建时在 ${d.trials} 组随机输入上用精确有理数运算独立推导并验证：两边完全相等。`,
    en: (d) => `Re-derived at build time on ${d.trials} random inputs in exact rational arithmetic: both sides are equal.`,
  },
  'verified-float': {
    zh: (d) => `构建时在 ${d.trials} 组随机输入上用双精度浮点独立推导并验证，最大相对误差 ${formatError(d.error)}。`,
    en: (d) => `Re-derived at build time on ${d.trials} random inputs in float64; largest relative error ${formatError(d.error)}.`,
  },
};

const ERRATUM_TITLE: Record<Lang, string> = {
  zh: '这是更正后的公式：原文的写法不成立，见下方的勘误说明。',
  en: 'This is the corrected formula: the source’s version fails; see the erratum note below.',
};

function formatError(error: number | undefined): string {
  return error === undefined ? '–' : error === 0 ? '0' : error.toExponential(1);
}

function badgeKey(data: BadgeData): string {
  return data.status === 'verified' ? `verified-${data.mode === 'exact' ? 'exact' : 'float'}` : data.status;
}

/**
 * The badge as one line of text (the tooltip of an inline formula).
 *
 * @param data The verdict.
 * @param lang Page language.
 */
export function badgeTitle(data: BadgeData, lang: Lang): string {
  const key = badgeKey(data);
  const label = LABELS[key]?.[lang] ?? data.status;
  const detail = TITLES[key]?.[lang](data) ?? data.reason ?? '';
  const line = detail ? `${label} — ${detail}` : label;
  return data.erratum ? `${line} ${LABELS.erratum[lang]} — ${ERRATUM_TITLE[lang]}` : line;
}

/**
 * The badge element for a verdict (with the erratum mark after it, for a corrected formula).
 *
 * @param data The verdict as carried on the figure.
 * @param lang Page language.
 */
export function badge(data: BadgeData, lang: Lang): Element {
  const key = badgeKey(data);
  const label = LABELS[key]?.[lang] ?? data.status;
  const title = TITLES[key]?.[lang](data) ?? data.reason ?? '';
  const children: Element['children'] = [{ type: 'text', value: label }];
  if (key === 'verified-float') {
    children.push({ type: 'element', tagName: 'span', properties: { className: ['badge-error'] }, children: [{ type: 'text', value: ` ${formatError(data.error)}` }] });
  }
  if (key !== 'verified-exact' && key !== 'verified-float' && data.reason) {
    children.push({ type: 'element', tagName: 'span', properties: { className: ['badge-reason'] }, children: [{ type: 'text', value: `：${data.reason}`.replace(/^：/, lang === 'zh' ? '：' : ': ') }] });
  }
  const main: Element = { type: 'element', tagName: 'span', properties: { className: ['badge', `badge-${key}`], title, role: 'status' }, children };
  if (!data.erratum) return main;
  // A corrected formula: its verdict, then the mark that the source wrote something else (linked to the note).
  const mark: Element = {
    type: 'element',
    tagName: 'a',
    properties: { className: ['badge', 'badge-erratum'], href: `#${data.erratum}`, title: ERRATUM_TITLE[lang] },
    children: [{ type: 'text', value: LABELS.erratum[lang] }],
  };
  return { type: 'element', tagName: 'span', properties: { className: ['badges'] }, children: [main, { type: 'text', value: ' ' }, mark] };
}

/**
 * The verdict attributes of a formula figure, if it has been checked.
 *
 * @param figure A `figure.formula` element.
 */
export function badgeData(figure: Element): BadgeData | undefined {
  const p = figure.properties;
  if (typeof p.dataStatus !== 'string') return undefined;
  return {
    status: p.dataStatus,
    mode: typeof p.dataMode === 'string' ? p.dataMode : undefined,
    error: p.dataError === undefined ? undefined : Number(p.dataError),
    reason: typeof p.dataReason === 'string' ? p.dataReason : undefined,
    trials: p.dataTrials === undefined ? undefined : Number(p.dataTrials),
    erratum: typeof p.dataErratum === 'string' ? p.dataErratum : undefined,
  };
}
