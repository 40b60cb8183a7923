/**
 * The "Check it yourself" controls of a note page: added to every verified formula (the build ran
 * it on numbers and published its compiled form), next to its badge, with the hidden panel the
 * widget opens in. Tiny and engine-free: the widget module (and with it the formula engine) is
 * imported only when a reader hovers, focuses or clicks a control, so a page on which no widget is
 * opened loads none of it. The HTML carries no control: without scripts it could not work.
 */

type WidgetModule = typeof import('../widget/index.js');

let widgets: Promise<WidgetModule> | null = null;

function load(): Promise<WidgetModule> {
  widgets ??= import('../widget/index.js').catch((error: unknown) => {
    widgets = null;
    throw error;
  });
  return widgets;
}

const LABEL = { zh: '自己验证', en: 'Check it yourself' };
const TITLE = {
  zh: '在浏览器里用随机矩阵重新检验这个公式，可以换一组输入、改变维数',
  en: 'Re-check this formula in your browser on random matrices you can re-roll and resize',
};

/** The control and panel of one formula, in its pane's language; ids as the figure's (a hidden pane keeps them as data-alt-id). */
function addControl(figure: HTMLElement): void {
  const mount = figure.querySelector<HTMLElement>(':scope > [data-formula-mount]');
  if (!mount || mount.querySelector('button.check-toggle')) return;
  const idAttribute = figure.hasAttribute('id') ? 'id' : 'data-alt-id';
  const id = figure.getAttribute(idAttribute) ?? '';
  const lang = figure.closest<HTMLElement>('[data-lang]')?.dataset.lang === 'en' ? 'en' : 'zh';
  const toggle = Object.assign(document.createElement('button'), { type: 'button', className: 'check-toggle', title: TITLE[lang], textContent: LABEL[lang] });
  toggle.setAttribute('aria-expanded', 'false');
  toggle.setAttribute('aria-controls', `check-${id}`);
  toggle.dataset.checkFor = id;
  const panel = Object.assign(document.createElement('div'), { className: 'check-panel', hidden: true });
  panel.setAttribute(idAttribute, `check-${id}`);
  mount.append(toggle);
  figure.append(panel);
}

function toggleOf(event: Event): HTMLElement | null {
  return event.target instanceof Element ? event.target.closest<HTMLElement>('button.check-toggle') : null;
}

/** Add the controls and wire them (one listener per event type on the document). */
export function setupCheckWidgets(): void {
  for (const figure of document.querySelectorAll<HTMLElement>('figure.formula[data-status="verified"]')) addControl(figure);
  const warm = (event: Event) => {
    if (toggleOf(event)) void load().catch(() => undefined);
  };
  document.addEventListener('pointerover', warm, { passive: true });
  document.addEventListener('focusin', warm);
  document.addEventListener('click', (event) => {
    const toggle = toggleOf(event);
    if (!toggle) return;
    toggle.setAttribute('aria-busy', 'true');
    load()
      .then((module) => module.toggleCheck(toggle))
      .catch(() => toggle.setAttribute('data-failed', 'true'))
      .finally(() => toggle.removeAttribute('aria-busy'));
  });
}
