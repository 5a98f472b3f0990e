'use client';

// `messaging-quota/react`: <messaging-quota> as a React component. Props are the element's
// attributes, camelCased (`inmailBlocks` for `inmail-blocks`), written as attributes, so the
// server renders them into the HTML and the browser mounts the widget when the module
// loads; a changed prop changes its attribute, which the widget applies. Callbacks
// (`onChange`, `onReady`, `onUpgradeClick`, `onCheckout`, `onError`) receive the event's
// detail and the event; they are listened for from the first commit (before the widget can
// fire one) and no longer once the component unmounts. Safe under StrictMode: its effect
// adds and removes the same listeners. Plain `createElement`, no JSX: no build step of its
// own, and React 18 or 19. A client component (`'use client'`): a server component may render
// it, and Next.js's App Router renders it on the server and hydrates it in the browser.
// `shadow` (from `renderToString` of `messaging-quota/server`, with the same attributes) is
// rendered into the element as its declarative shadow root, so the widget's figures are in
// the server's HTML; React leaves it as it is when it hydrates, and the widget comes alive
// over it.

import { createElement, forwardRef, useCallback, useEffect, useRef } from 'react';
import { HANDLERS, PROPS } from '@messaging-quota/react-names';
import './index.js';

/** An attribute's value for a prop's: flags as `true`/`false`, the rest as text. */
const attributeValue = (value) => (value === undefined || value === null ? undefined : String(value));

export const MessagingQuota = forwardRef(function MessagingQuota(props, forwarded) {
  const element = useRef(null);
  // The latest callbacks, read when an event arrives: a new callback needs no new listener.
  const handlers = useRef({});
  handlers.current = props;

  const attributes = {};
  for (const [prop, name] of Object.entries(PROPS)) {
    const value = attributeValue(props[prop]);
    if (value !== undefined) attributes[name] = value;
  }

  useEffect(() => {
    const node = element.current;
    if (!node) return undefined;
    const listeners = Object.entries(HANDLERS).map(([prop, type]) => {
      const listener = (event) => handlers.current[prop]?.(event.detail, event);
      node.addEventListener(type, listener);
      return [type, listener];
    });
    return () => {
      for (const [type, listener] of listeners) node.removeEventListener(type, listener);
    };
  }, []);

  const ref = useCallback((node) => {
    element.current = node;
    if (typeof forwarded === 'function') forwarded(node);
    else if (forwarded) forwarded.current = node;
  }, [forwarded]);

  return createElement('messaging-quota', {
    ...attributes,
    id: props.id,
    className: props.className,
    style: props.style,
    ref,
    // The drawing becomes the element's shadow root as the browser parses it: the element
    // itself has no children to compare when React hydrates.
    ...(props.shadow ? { dangerouslySetInnerHTML: { __html: props.shadow }, suppressHydrationWarning: true } : {}),
  });
});

export default MessagingQuota;
