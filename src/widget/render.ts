/** The widget's result views: matrices, inputs and steps of one sampled formula. */
import type { FormulaSample, SampledMatrix, SampledStep } from '../engine/index.js';
import { h } from './dom.js';
import { formatError, fullEntry, roundedEntry, sameMatrix } from './format.js';
import { text, type WidgetLang } from './strings.js';
import type { Typesetter } from './typeset.js';

/** How to show numbers. */
export interface ViewOptions {
  lang: WidgetLang;
  /** Show every entry at full precision (else rounded; full precision is always in the entry's tooltip). */
  full: boolean;
  /** Typesetting of the steps' LaTeX, once its chunk has loaded (else the LaTeX source is shown). */
  typeset?: Typesetter;
}

/** A step's LaTeX, typeset, or as source where it cannot be. */
function latexView(latex: string, view: ViewOptions): HTMLElement {
  return view.typeset?.(latex) ?? h('code', {}, [latex]);
}

/**
 * A matrix in its own scrolling box, each entry rounded (full precision in its title).
 *
 * @param label What the matrix is.
 * @param m The matrix.
 * @param view Number display.
 * @param tone `pass` / `fail` colouring of the box, if any.
 */
export function matrixView(label: string | Node, m: SampledMatrix, view: ViewOptions, tone?: 'pass' | 'fail'): HTMLElement {
  const rows = m.rows.map((row, i) =>
    h('tr', {}, row.map((value, j) => {
      const full = fullEntry(value, m.exact?.[i][j]);
      return h('td', { title: full }, [view.full ? full : roundedEntry(value, m.exact?.[i][j])]);
    })),
  );
  const size = `${m.rows.length}×${m.rows[0]?.length ?? 0}`;
  return h('figure', { class: `check-matrix${tone ? ` check-${tone}` : ''}` }, [
    h('figcaption', {}, [label, h('span', { class: 'check-size' }, [` ${size}`])]),
    h('div', { class: 'check-matrix-box' }, [h('table', { class: 'check-matrix-table' }, [h('tbody', {}, rows)])]),
  ]);
}

/**
 * The inputs of a sample (and the directions of its differentials).
 *
 * @param sample The sample.
 * @param view Number display.
 */
export function inputsView(sample: FormulaSample, view: ViewOptions): HTMLElement {
  const names = Object.keys(sample.inputs).sort((a, b) => a.replace(/^d/, '').localeCompare(b.replace(/^d/, '')) || a.length - b.length);
  return h('section', { class: 'check-inputs' }, [
    h('h4', {}, [text('inputs', view.lang)]),
    h('div', { class: 'check-matrices' }, names.map((name) => matrixView(h('var', {}, [name]), sample.inputs[name], view))),
  ]);
}

/**
 * Whether two samples drew the same inputs.
 *
 * @param a A sample.
 * @param b Another.
 */
export function sameInputs(a: FormulaSample, b: FormulaSample): boolean {
  const names = Object.keys(a.inputs);
  return names.length === Object.keys(b.inputs).length && names.every((name) => sameMatrix(a.inputs[name], b.inputs[name]));
}

function stepView(step: SampledStep, index: number, sample: FormulaSample, view: ViewOptions): HTMLElement {
  const { lang } = view;
  const heading = h('p', { class: 'check-step-title' }, [h('strong', {}, [text('step', lang, { n: index + 1 })]), ' ', latexView(step.latex, view)]);
  if (!step.values) {
    const why = step.premise ? `${text('premise', lang)} (${step.reason})` : step.reason;
    return h('li', { class: 'check-step check-step-none' }, [heading, h('p', { class: 'check-note' }, [text('noValues', lang), why])]);
  }
  const v = step.values;
  const derivative = step.leftKind === 'derivative';
  const leftLabel = derivative ? text('engineDerivative', lang) : text('left', lang);
  const rightLabel = derivative && step.rightKind === 'expression' ? text('closedForm', lang) : text('right', lang);
  const tone = v.equal ? 'pass' : 'fail';
  const verdict = v.equal ? (sample.mode === 'exact' ? text('passExact', lang) : text('passFloat', lang)) : text('fail', lang);
  const bound = sample.mode === 'float' ? ` ≤ ${formatError(sample.tolerance)}` : '';
  return h('li', { class: `check-step check-${tone}`, 'data-equal': String(v.equal) }, [
    heading,
    h('div', { class: 'check-matrices' }, [
      matrixView(h('span', {}, [leftLabel, h('br'), latexView(step.leftLatex, view)]), v.left, view),
      matrixView(h('span', {}, [rightLabel, h('br'), latexView(step.rightLatex, view)]), v.right, view),
      matrixView(text('difference', lang), v.difference, view, tone),
    ]),
    h('p', { class: 'check-error', 'data-rel-error': String(v.relError) }, [
      `${text('relError', lang)} `,
      h('strong', { title: String(v.relError) }, [formatError(v.relError)]),
      v.equal ? bound : '',
      ' ',
      h('span', { class: 'check-verdict' }, [verdict]),
    ]),
  ]);
}

/**
 * The steps of a sample, each with both sides, their difference and relative error.
 *
 * @param sample The sample.
 * @param view Number display.
 */
export function stepsView(sample: FormulaSample, view: ViewOptions): HTMLElement {
  return h('ol', { class: 'check-steps' }, sample.steps.map((step, k) => stepView(step, k, sample, view)));
}
