/**
 * Upgrades the "Check it yourself" controls of a note page. Tiny and engine-free: the widget module
 * (and with it the formula engine) is imported only when a reader hovers, focuses or clicks a
 * control, so a page on which no widget is opened loads none of it.
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

function toggleOf(event: Event): HTMLElement | null {
  return event.target instanceof Element ? event.target.closest<HTMLElement>('button.check-toggle') : null;
}

/** Wire the controls (one listener per event type on the document). */
export function setupCheckWidgets(): void {
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
