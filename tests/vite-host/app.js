// The host's app: a plan picker of its own beside the widget, and what the widget last said.
// Plain createElement, so the same file renders on the server (prerender.mjs) and hydrates
// in the browser (main.js) with no JSX step.
import { createElement as h, useState } from 'react';
import { MessagingQuota } from 'messaging-quota/react';

/** `shadow`: the widget drawn ahead (messaging-quota/server), given on the server. */
export function App({ shadow } = {}) {
  const [tier, setTier] = useState('premium-business');
  const [blocks, setBlocks] = useState(0);
  const [ready, setReady] = useState(null);
  const [change, setChange] = useState(null);
  const [shown, setShown] = useState(true);
  return h('div', null,
    h('h1', null, 'Plans'),
    h('p', null,
      h('button', { type: 'button', 'data-testid': 'host-recruiter', onClick: () => setTier('recruiter-lite') }, 'Show Recruiter Lite'),
      ' ',
      h('button', { type: 'button', 'data-testid': 'host-add-block', onClick: () => setBlocks((n) => n + 1) }, 'Add InMail block'),
      ' ',
      h('button', { type: 'button', 'data-testid': 'host-remove', onClick: () => setShown(false) }, 'Remove the widget'),
    ),
    shown && h(MessagingQuota, {
      id: 'quota',
      tier,
      inmailBlocks: blocks,
      sections: 'calculator',
      loading: 'eager',
      shadow,
      onReady: (detail) => setReady(detail.selection.tier),
      onChange: (detail) => setChange(`${detail.selection.tier} ${detail.summary.monthly_cost_cents}`),
    }),
    h('p', null, 'Ready with: ', h('output', { 'data-testid': 'host-ready' }, ready ?? '–')),
    h('p', null, 'Last change: ', h('output', { 'data-testid': 'host-change' }, change ?? '–')),
  );
}
