/** A tiny element builder: the widget builds DOM nodes, never HTML strings. */

/** Attributes of {@link h}: strings set attributes, `false`/`undefined` omit them, functions become listeners. */
export type Attributes = Record<string, string | number | boolean | undefined | ((event: Event) => void)>;

/**
 * Create an element.
 *
 * @param tag Tag name.
 * @param attributes Attributes and `on…` listeners.
 * @param children Child nodes or text.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, children: (Node | string | null | undefined | false)[] = []): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, '');
    else if (value !== false && value !== undefined) element.setAttribute(name, String(value));
  }
  for (const child of children) if (child) element.append(child);
  return element;
}
