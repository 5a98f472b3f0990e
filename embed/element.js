// A widget's element: a `<messaging-quota>` custom element with plain attributes, or a mount
// point (`data-messaging-quota`) whose attributes are prefixed with `data-`.

import { FLAGGED_PARTS, PARTS } from '@messaging-quota/build';

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

/** The values that turn a flag attribute off. */
export const OFF = ['false', '0', 'no', 'off'];

/** Whether a flag attribute is on: present, and not `false` (`0`, `no`, `off`). */
export function flagOn(element, name) {
  const value = attribute(element, name);
  return value !== null && !OFF.includes(value.trim().toLowerCase());
}

/**
 * The parts that show, in their order: those `sections` names (all when it names none the
 * widget knows), and each flagged part (the heading, the Share panel) when its flag is on.
 */
export function partsOf(element) {
  const sections = PARTS.filter((p) => !FLAGGED_PARTS.includes(p));
  const named = (attribute(element, 'sections') ?? '').split(',').map((s) => s.trim());
  const on = sections.filter((p) => named.includes(p));
  const shown = on.length ? on : sections;
  return PARTS.filter((p) => shown.includes(p) || (FLAGGED_PARTS.includes(p) && flagOn(element, p)));
}
