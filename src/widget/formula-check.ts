/**
 * `<formula-check>`: the live check of one formula. It loads the page's compiled formulas, runs the
 * engine on them (the build's seed first, so the first numbers are the build's), and lets the reader
 * re-roll the inputs, resize dimensions and switch exact/float. For an erratum it runs the source's
 * formula and the correction side by side on the same numbers.
 */
import { type FormulaSample, type SampledDimension, sampleCompiled } from '../engine/index.js';
import { loadFormulas, type WidgetFormula } from './data.js';
import { h } from './dom.js';
import { inputsView, sameInputs, stepsView, type ViewOptions } from './render.js';
import { text, type WidgetLang } from './strings.js';
import type { Typesetter } from './typeset.js';

/** The reader's settings. */
interface CheckState {
  seed: number;
  sizes: Record<string, number>;
  forceFloat: boolean;
  full: boolean;
}

/**
 * The typesetting chunk (KaTeX), one load for every widget of the page, begun when this module loads
 * (the page loads it when a reader reaches for a control); undefined when it cannot load.
 */
const typesetter: Promise<Typesetter | undefined> = import('./typeset.js').then(
  (module) => module.typeset,
  () => undefined,
);

/** A fresh 32-bit seed for a re-roll. */
function freshSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0];
}

function dimensionLabel(d: SampledDimension, lang: WidgetLang): string {
  return d.of ? text(d.of.part, lang, { s: d.of.symbol }) : d.name;
}

/** The original's sizes that match the correction's: same name, or the same part of the same symbol. */
function matchSizes(from: FormulaSample, to: FormulaSample): Record<string, number> {
  const sizes: Record<string, number> = {};
  for (const d of to.dimensions) {
    const twin = from.dimensions.find((e) => (d.of && e.of ? e.of.symbol === d.of.symbol && e.of.part === d.of.part : e.name === d.name));
    if (twin) sizes[d.name] = twin.size;
  }
  return sizes;
}

/** The live check widget of one formula. */
export class FormulaCheck extends HTMLElement {
  /** Called when the reader closes the widget (the page returns focus to its control). */
  onClose: (() => void) | null = null;
  private formula: WidgetFormula | null = null;
  private typeset: Typesetter | undefined;
  private buildSeed = 0;
  private state: CheckState = { seed: 0, sizes: {}, forceFloat: false, full: false };
  private started = false;
  private readonly results = h('div', { class: 'check-results' });
  private readonly meta = h('p', { class: 'check-meta', role: 'status', 'aria-live': 'polite' });
  private readonly sizeGroup = h('span', { class: 'check-sizes', role: 'group' });
  private readonly modeGroup = h('span', { class: 'check-mode', role: 'group' });

  private get widgetLang(): WidgetLang {
    return this.getAttribute('lang') === 'en' ? 'en' : 'zh';
  }

  connectedCallback(): void {
    if (this.started) return;
    this.started = true;
    this.setAttribute('role', 'region');
    this.setAttribute('aria-label', text('region', this.widgetLang));
    this.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        this.onClose?.();
      }
    });
    this.meta.textContent = text('loading', this.widgetLang);
    this.replaceChildren(this.meta);
    void this.start();
  }

  /** Focus the first control (after opening). */
  focusFirst(): void {
    this.querySelector<HTMLElement>('.check-controls button')?.focus();
  }

  private async start(): Promise<void> {
    const lang = this.widgetLang;
    try {
      const [data, typeset] = await Promise.all([loadFormulas(this.getAttribute('src') ?? ''), typesetter]);
      this.typeset = typeset;
      const formula = data.formulas[this.getAttribute('formula-id') ?? ''];
      if (!formula) throw new Error(`no compiled formula ${this.getAttribute('formula-id')}`);
      this.formula = formula;
      this.buildSeed = data.seed;
      this.state.seed = data.seed;
      this.replaceChildren(this.controls(), this.meta, this.results);
      this.run();
      this.dispatchEvent(new CustomEvent('check-ready', { bubbles: true }));
    } catch (error) {
      this.meta.setAttribute('role', 'alert');
      this.meta.textContent = text('failed', lang) + (error instanceof Error ? error.message : String(error));
      this.dataset.state = 'error';
    }
  }

  private controls(): HTMLElement {
    const lang = this.widgetLang;
    this.sizeGroup.setAttribute('aria-label', text('sizes', lang));
    this.modeGroup.setAttribute('aria-label', text('arithmetic', lang));
    return h('div', { class: 'check-controls', role: 'group', 'aria-label': text('controls', lang) }, [
      h('button', { type: 'button', class: 'check-reroll', onclick: () => this.update({ seed: freshSeed() }) }, [text('reroll', lang)]),
      this.sizeGroup,
      this.modeGroup,
      h('button', { type: 'button', class: 'check-full', 'aria-pressed': 'false', onclick: (e) => {
        const full = !this.state.full;
        (e.currentTarget as HTMLElement).setAttribute('aria-pressed', String(full));
        this.update({ full });
      } }, [text('fullPrecision', lang)]),
      h('button', { type: 'button', class: 'check-close', onclick: () => this.onClose?.() }, [text('close', lang)]),
    ]);
  }

  private update(patch: Partial<CheckState>): void {
    this.state = { ...this.state, ...patch };
    this.run();
  }

  /** Run the engine with the current settings and show the result. */
  private run(): void {
    const formula = this.formula;
    if (!formula) return;
    const started = performance.now();
    const options = { seed: this.state.seed, sizes: this.state.sizes, forceFloat: this.state.forceFloat };
    const shown = sampleCompiled(formula.compiled, options);
    let original: FormulaSample | undefined;
    if (formula.original) {
      original = sampleCompiled(formula.original, { ...options, sizes: {} });
      const sizes = matchSizes(shown, original);
      if (Object.entries(sizes).some(([name, size]) => original?.sizes[name] !== size || !(name in original.sizes))) {
        original = sampleCompiled(formula.original, { ...options, sizes });
      }
    }
    const ms = performance.now() - started;
    this.renderControls(shown);
    this.renderMeta(shown, ms);
    this.renderResults(shown, original);
    this.dataset.state = 'ready';
    this.dataset.ms = ms.toFixed(1);
    this.dataset.seed = String(this.state.seed);
  }

  private renderControls(sample: FormulaSample): void {
    const lang = this.widgetLang;
    const existing = new Map([...this.sizeGroup.querySelectorAll('select')].map((s) => [s.dataset.dim ?? '', s]));
    if (existing.size !== sample.dimensions.length || sample.dimensions.some((d) => !existing.has(d.name))) {
      this.sizeGroup.replaceChildren(...sample.dimensions.map((d) => {
        const select = h('select', { 'data-dim': d.name, onchange: (e) => {
          const value = Number((e.currentTarget as HTMLSelectElement).value);
          this.update({ sizes: { ...this.state.sizes, [d.name]: value } });
        } });
        existing.set(d.name, select);
        return h('label', {}, [h('span', {}, [dimensionLabel(d, lang)]), ' ', select]);
      }));
    }
    for (const d of sample.dimensions) {
      const select = existing.get(d.name);
      if (!select) continue;
      select.replaceChildren(...d.allowed.map((n) => h('option', { value: n, selected: n === d.size }, [String(n)])));
      select.value = String(d.size);
    }
    this.sizeGroup.hidden = sample.dimensions.length === 0;
    if (!this.modeGroup.childElementCount) {
      const choice = (float: boolean, key: 'exact' | 'float') =>
        h('button', { type: 'button', 'data-mode': key, 'aria-pressed': String(this.state.forceFloat === float), onclick: () => this.update({ forceFloat: float }) }, [text(key, lang)]);
      this.modeGroup.replaceChildren(choice(false, 'exact'), choice(true, 'float'));
    }
    this.modeGroup.hidden = !sample.canExact;
    for (const button of this.modeGroup.querySelectorAll('button')) {
      button.setAttribute('aria-pressed', String((button.dataset.mode === 'float') === (sample.mode === 'float')));
    }
  }

  private renderMeta(sample: FormulaSample, ms: number): void {
    const lang = this.widgetLang;
    const parts = [
      `${text('seed', lang)} ${sample.seed}${sample.seed === this.buildSeed ? text('buildSeed', lang) : ''}`,
      ...sample.dimensions.map((d) => `${dimensionLabel(d, lang)} = ${d.size}`),
      sample.mode === 'exact' ? text('modeExact', lang) : `${text('modeFloat', lang)} ${sample.tolerance.toExponential(0)}${sample.fellBackToFloat ? text('fellBack', lang) : ''}`,
      `${text('took', lang)} ${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`,
    ];
    this.meta.setAttribute('role', 'status');
    this.meta.textContent = parts.join(' · ');
  }

  private renderResults(shown: FormulaSample, original?: FormulaSample): void {
    const lang = this.widgetLang;
    const view: ViewOptions = { lang, full: this.state.full, typeset: this.typeset };
    const problem = (sample: FormulaSample) =>
      sample.problem ? h('p', { class: 'check-note', role: 'alert' }, [text(sample.problem === 'sizes' ? 'badSizes' : 'singular', lang)]) : null;
    const body = (sample: FormulaSample, withInputs: boolean) => [problem(sample), withInputs && !sample.problem ? inputsView(sample, view) : null, stepsView(sample, view)];
    if (!original) {
      this.results.replaceChildren(...body(shown, true).filter((n): n is HTMLElement => Boolean(n)));
      return;
    }
    const shared = sameInputs(original, shown);
    this.results.replaceChildren(
      ...(shared ? [inputsView(shown, view), h('p', { class: 'check-note' }, [text('sameInputs', lang)])] : []),
      h('section', { class: 'check-formula check-original' }, [h('h4', {}, [text('original', lang)]), ...body(original, !shared)]),
      h('section', { class: 'check-formula check-correction' }, [h('h4', {}, [text('correction', lang)]), ...body(shown, !shared)]),
    );
  }
}
