/**
 * The live check widgets, loaded on a page only when a reader first reaches for one: opens and
 * closes a formula's panel, creating its `<formula-check>` element on first open. Imports the
 * engine (through the element) and nothing of the build.
 */
import { FormulaCheck } from './formula-check.js';
import styles from './widget.css?inline';

const TAG = 'formula-check';
if (!customElements.get(TAG)) {
  customElements.define(TAG, FormulaCheck);
  // The widget's styles arrive with it: a page where no widget opens carries none of them.
  document.head.append(Object.assign(document.createElement('style'), { textContent: styles }));
}

function panelOf(toggle: HTMLElement): HTMLElement | null {
  return toggle.closest('figure')?.querySelector<HTMLElement>(':scope > .check-panel') ?? null;
}

function close(toggle: HTMLElement, panel: HTMLElement): void {
  panel.hidden = true;
  toggle.setAttribute('aria-expanded', 'false');
  toggle.focus();
}

/**
 * Open or close the widget of a formula's control.
 *
 * @param toggle The `button.check-toggle` of a formula.
 */
export function toggleCheck(toggle: HTMLElement): void {
  const panel = panelOf(toggle);
  if (!panel) return;
  if (toggle.getAttribute('aria-expanded') === 'true') {
    close(toggle, panel);
    return;
  }
  let widget = panel.querySelector<FormulaCheck>(TAG);
  if (!widget) {
    const pane = toggle.closest<HTMLElement>('[data-formulas-src]');
    widget = document.createElement(TAG) as FormulaCheck;
    widget.setAttribute('formula-id', toggle.dataset.checkFor ?? '');
    widget.setAttribute('src', pane?.dataset.formulasSrc ?? '');
    widget.setAttribute('lang', pane?.dataset.lang === 'en' ? 'en' : 'zh');
    widget.addEventListener('check-ready', () => widget?.focusFirst(), { once: true });
    panel.append(widget);
  } else {
    queueMicrotask(() => widget?.focusFirst());
  }
  widget.onClose = () => close(toggle, panel);
  panel.hidden = false;
  toggle.setAttribute('aria-expanded', 'true');
}
