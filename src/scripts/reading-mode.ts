/**
 * The reading-language switch on a note page: zh, en or both, without a reload, remembered in
 * localStorage. Ids (formula permalinks, headings) always live on the language shown, so an
 * anchor lands on what the reader sees; a single-language choice also moves the address bar to
 * that language's URL.
 */

type Mode = 'zh' | 'en' | 'both';
const STORAGE_KEY = 'reading-mode';
const MODES: readonly Mode[] = ['zh', 'en', 'both'];

function isMode(value: unknown): value is Mode {
  return MODES.includes(value as Mode);
}

function moveIds(pane: Element, visible: boolean): void {
  const [from, to] = visible ? ['data-alt-id', 'id'] : ['id', 'data-alt-id'];
  for (const element of pane.querySelectorAll(`[${from}]`)) {
    element.setAttribute(to, element.getAttribute(from) ?? '');
    element.removeAttribute(from);
  }
}

/** Apply a reading mode to the page. */
function apply(mode: Mode, remember: boolean): void {
  const root = document.documentElement;
  const pageLang = root.dataset.pageLang as 'zh' | 'en';
  root.dataset.mode = mode;
  const anchored = mode === 'both' ? pageLang : mode;
  for (const pane of document.querySelectorAll('.pane[data-lang]')) {
    moveIds(pane, (pane as HTMLElement).dataset.lang === anchored);
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-set-mode]')) {
    button.setAttribute('aria-pressed', String(button.dataset.setMode === mode));
    if (remember && button.dataset.setMode === mode && button.dataset.href && mode !== 'both') {
      history.replaceState(history.state, '', button.dataset.href + location.hash);
    }
  }
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, mode);
    } catch {
      // Storage may be disabled; the switch still works for this page.
    }
  }
}

/** Wire the switch and apply the remembered mode. */
export function setupReadingMode(): void {
  const initial = document.documentElement.dataset.mode;
  apply(isMode(initial) ? initial : 'zh', false);
  if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-set-mode]')) {
    button.addEventListener('click', () => {
      if (isMode(button.dataset.setMode)) apply(button.dataset.setMode, true);
    });
  }
}
