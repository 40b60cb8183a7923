/** Interface strings of the site, in both languages. */
import type { Lang } from '../markdown/lang.js';

const STRINGS = {
  siteTitle: { zh: '矩阵微积分笔记', en: 'Matrix Calculus Notes' },
  siteTagline: {
    zh: '四篇矩阵微积分讲义，中英对照；每个公式在构建时都经过独立推导检验。',
    en: 'Four lecture notes on matrix calculus in Chinese and English; every formula is re-derived when the site is built.',
  },
  notes: { zh: '笔记', en: 'Notes' },
  glossary: { zh: '术语表', en: 'Glossary' },
  reference: { zh: '参考', en: 'Reference' },
  glossaryIntro: {
    zh: '两种语言的笔记都遵循这份术语表。每个术语给出中英文名称和一句话的含义。',
    en: 'Both languages of the notes follow this glossary. Each term has its Chinese and English name and a one-line meaning.',
  },
  term: { zh: '术语', en: 'Term' },
  meaning: { zh: '含义', en: 'Meaning' },
  onThisPage: { zh: '本页目录', en: 'On this page' },
  previous: { zh: '上一篇', en: 'Previous' },
  next: { zh: '下一篇', en: 'Next' },
  search: { zh: '搜索', en: 'Search' },
  searchPlaceholder: { zh: '搜索中英文内容，例如 交换矩阵 或 Hadamard', en: 'Search both languages, e.g. commutation matrix or 交换矩阵' },
  close: { zh: '关闭', en: 'Close' },
  readingMode: { zh: '阅读语言', en: 'Reading language' },
  modeZh: { zh: '中文', en: '中文' },
  modeEn: { zh: 'English', en: 'English' },
  modeBoth: { zh: '对照', en: 'Both' },
  theme: { zh: '切换深色模式', en: 'Toggle dark mode' },
  menu: { zh: '菜单', en: 'Menu' },
  skipToContent: { zh: '跳到正文', en: 'Skip to content' },
  date: { zh: '日期', en: 'Date' },
  tags: { zh: '标签', en: 'Tags' },
  category: { zh: '分类', en: 'Category' },
  layoutConvention: { zh: '布局约定', en: 'Layout convention' },
  numerator: { zh: '分子布局', en: 'numerator layout' },
  denominator: { zh: '分母布局', en: 'denominator layout' },
  source: { zh: '原始文件', en: 'Source file' },
  readIn: { zh: '阅读', en: 'Read' },
  notFoundTitle: { zh: '页面不存在', en: 'Page not found' },
  notFoundText: { zh: '这个地址没有页面。可以从下面的笔记列表继续阅读。', en: 'There is no page at this address. Continue from the list of notes below.' },
  home: { zh: '首页', en: 'Home' },
  verification: { zh: '公式验证报告', en: 'Formula verification report' },
  verificationIntro: {
    zh: '构建网站时，每个公式都由公式引擎在随机矩阵上独立推导并检验（能用精确有理数时就用精确运算）。下表列出每篇笔记中每个公式的结果；点击行号跳到该公式。',
    en: 'When the site is built, the formula engine re-derives every formula on random matrices (in exact rational arithmetic where it can). The tables list the result for every formula of every note; the line number links to the formula.',
  },
  verificationOff: { zh: '这次构建没有检验公式（FORMULA_CHECK=off）。', en: 'This build did not check formulas (FORMULA_CHECK=off).' },
  total: { zh: '合计', en: 'Total' },
  displayVerified: { zh: '已验证的行间公式', en: 'Display formulas verified' },
  erratumNote: {
    zh: '勘误是原文中不成立的公式，作为记录保留在它的更正旁边：更正后的公式计为已验证，原文的公式计为勘误（每次构建都重新确认它仍不成立）。',
    en: 'An erratum is the source’s wrong formula, kept for the record next to its correction: the corrected formula counts as verified, the source’s as an erratum (every build confirms it still fails).',
  },
  line: { zh: '行', en: 'Line' },
  formula: { zh: '公式', en: 'Formula' },
  status: { zh: '状态', en: 'Status' },
  detail: { zh: '误差或原因', en: 'Error or reason' },
  inline: { zh: '行内', en: 'inline' },
  guide: { zh: '写作指南', en: 'Authoring guide' },
  guideDescription: {
    zh: '怎样写一篇每个公式都能被检验的笔记，怎样读懂检验失败的信息，以及写作流程。',
    en: 'How to write a note whose every formula is checked, how to read a failed check, and the authoring loop.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

/** A key of the interface strings. */
export type StringKey = keyof typeof STRINGS;

/**
 * An interface string in a language.
 *
 * @param key Which string.
 * @param lang Which language.
 */
export function t(key: StringKey, lang: Lang): string {
  return STRINGS[key][lang];
}

/** BCP 47 tags of the languages, for `lang` and `hreflang`. */
export const LANG_TAG: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };
