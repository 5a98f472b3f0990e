'use client';
// The host's client component: the widget with the props the page drew it for, and what it
// last said.
import { useState } from 'react';
import { MessagingQuota } from 'messaging-quota/react';

export function Plans({ shadow }) {
  const [change, setChange] = useState('–');
  return (
    <>
      <MessagingQuota id="quota" tier="sales-navigator" addons="100x1" sections="calculator" loading="eager"
        today="2026-03-10" shadow={shadow} onChange={(detail) => setChange(`${detail.selection.tier} ${detail.summary.monthly_cost_cents}`)} />
      <p>Last change: <output data-testid="host-change">{change}</output></p>
    </>
  );
}
