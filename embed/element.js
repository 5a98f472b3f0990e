// A widget's element: a `<messaging-quota>` custom element with plain attributes, or a mount
// point (`data-messaging-quota`) whose attributes are prefixed with `data-`.

import { PARTS } from '@messaging-quota/build';

export const isCustomElement = (element) => element.localName.includes('-');

/** The widget's attributes as [name, value] pairs, `data-` prefixes dropped. */
export function attributesOf(element) {
  const prefixed = !isCustomElement(element);
  return Array.from(element.attributes)
    .filter((a) => !prefixed || a.name.startsWith('data-'))
    .map((a) => [prefixed ? a.name.slice(5) : a.name, a.value]);
}

export function attribute(element, name) {
  return element.getAttribute(isCustomElement(element) ? name : `data-${name}`);
}

/** The parts `sections` turns on, in the order they show (all when it names none). */
export function partsOf(element) {
  const named = (attribute(element, 'sections') ?? '').split(',').map((s) => s.trim());
  const on = PARTS.filter((p) => named.includes(p));
  return on.length ? on : PARTS;
}
