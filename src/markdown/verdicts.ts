/**
 * Remark plugin: put each formula's verdict on its node (for the badge and the widget), add the
 * erratum note under a corrected formula (with the erratum record's id, which the report links
 * to), and fail the file when one of its formulas is wrong — with every problem of the file, the
 * same text `npm run verify` prints. It asks for verdicts through an option, so it works in any
 * unified pipeline; the site passes its verification.
 */
import type { Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';
import { langOfFile, type Lang } from './lang.js';

/** The part of a report record this plugin uses. */
export interface VerdictRecord {
  id: string;
  status: string;
  reason: string;
  mode?: string;
  trials: number;
  maxRelError: number;
  /** On a corrected formula: the id of its erratum record (the source's original). */
  erratum?: string;
  original?: string;
  originalCounterexample?: { sizes: Record<string, number> };
  originalError?: number;
  steps: { error: number | null; status: string }[];
}

/** Options of {@link remarkFormulaVerdicts}. */
export interface FormulaVerdictOptions {
  /** Verdicts of a file's formulas and the file's problems, formatted. */
  verdictsFor: (path: string, text: string) => Promise<{ records: VerdictRecord[]; problems: string[] }>;
}

const ERRATUM_TEXT: Record<Lang, { before: string; after: (record: VerdictRecord) => string }> = {
  zh: {
    before: '勘误：原文写作 ',
    after: (r) => `。构建时的检验找到了反例：在随机输入${sizes(r, 'zh')}上，${differs(r) ? `原式两边的相对误差为 ${error(r)}` : '原式两边的形状不同'}。上面是更正后的公式，它通过了检验。`,
  },
  en: {
    before: 'Erratum: the source writes ',
    after: (r) => `. The build's check found a counterexample: on random inputs${sizes(r, 'en')} ${differs(r) ? `the two sides of the original differ by a relative error of ${error(r)}` : 'the two sides of the original have different shapes'}. The formula above is the correction, and it verifies.`,
  },
};

function differs(record: VerdictRecord): boolean {
  return Number.isFinite(record.originalError) && (record.originalError ?? 0) > 0;
}

function error(record: VerdictRecord): string {
  return (record.originalError ?? 0).toPrecision(2);
}

function sizes(record: VerdictRecord, lang: Lang): string {
  const entries = Object.entries(record.originalCounterexample?.sizes ?? {});
  if (!entries.length) return '';
  const text = entries.map(([name, size]) => `${name}=${size}`).join(', ');
  return lang === 'zh' ? `（${text}）` : ` (${text})`;
}

function erratumNote(record: VerdictRecord, lang: Lang): Nodes {
  const text = ERRATUM_TEXT[lang];
  const original = record.original ?? '';
  // The source's formula, rendered as it was written (display when it spans environments or lines).
  // remark-math builds its hast through `data` on the nodes it parses; a made node must do the same.
  const code = (display: boolean) => ({
    type: 'element',
    tagName: 'code',
    properties: { className: ['language-math', display ? 'math-display' : 'math-inline'] },
    children: [{ type: 'text', value: original }],
  });
  const display = /\\begin\{|\\\\/.test(original);
  const quoted = display
    ? { type: 'math', value: original, data: { hName: 'pre', hProperties: { className: ['erratum-original'] }, hChildren: [code(true)] } }
    : { type: 'inlineMath', value: original, data: { hName: 'span', hProperties: { className: ['erratum-original'] }, hChildren: [code(false)] } };
  return {
    type: 'erratumNote',
    data: { hName: 'div', hProperties: { className: ['erratum-note'], role: 'note', id: record.erratum } },
    children: display
      ? [
          { type: 'paragraph', children: [{ type: 'text', value: text.before.trim() }] },
          quoted,
          { type: 'paragraph', children: [{ type: 'text', value: text.after(record).replace(/^[,.。，]\s*/, '') }] },
        ]
      : [{ type: 'paragraph', children: [{ type: 'text', value: text.before }, quoted, { type: 'text', value: text.after(record) }] }],
  } as unknown as Nodes;
}

function attach(node: Nodes, record: VerdictRecord): void {
  const error = record.steps.reduce((max, step) => Math.max(max, step.error || 0), record.maxRelError || 0);
  node.data = {
    ...node.data,
    hProperties: {
      ...(node.data?.hProperties ?? {}),
      dataStatus: record.status,
      dataErratum: record.erratum,
      dataMode: record.mode,
      dataError: record.status === 'verified' ? error : undefined,
      dataTrials: record.trials,
      dataReason: record.status === 'verified' ? undefined : record.reason,
    },
  };
}

/** Remark plugin: verdicts onto formula nodes. Runs after the notes pipeline's block numbering. */
export default function remarkFormulaVerdicts(options: FormulaVerdictOptions) {
  return async (tree: Root, file: VFile) => {
    if (!file.path) return;
    const { records, problems } = await options.verdictsFor(file.path, String(file.value));
    if (problems.length) {
      file.fail(`${problems.length} formula problem(s) in this file:\n\n${problems.join('\n\n')}`, { ruleId: 'formula-mismatch', source: 'remark-formula-verdicts' });
    }
    const lang = langOfFile(file);
    const byId = new Map(records.map((record) => [record.id, record]));
    const recordOf = (node: Nodes) => {
      const id = (node.data?.hProperties as { dataFormulaId?: string } | undefined)?.dataFormulaId;
      return id ? byId.get(id) : undefined;
    };
    /** Attach verdicts below `node`; returns the errata of inline formulas met, whose notes follow their paragraph. */
    const visit = (node: Nodes): VerdictRecord[] => {
      const record = recordOf(node);
      const inline: VerdictRecord[] = [];
      if (record) {
        attach(node, record);
        if (record.erratum && node.type === 'formula') node.children.push(erratumNote(record, lang) as never);
        // Inline formulas are marked (by id) on whatever node carries them; their ids start with `i-`.
        else if (record.erratum && record.id.startsWith('i-')) inline.push(record);
      }
      if (!('children' in node)) return inline;
      const children = node.children as Nodes[];
      for (let k = 0; k < children.length; k++) {
        const met = visit(children[k]);
        if (children[k].type !== 'paragraph') {
          inline.push(...met);
          continue;
        }
        const notes = met.map((r) => erratumNote(r, lang));
        children.splice(k + 1, 0, ...notes);
        k += notes.length;
      }
      return inline;
    };
    visit(tree);
  };
}
