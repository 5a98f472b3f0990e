// A React 19 component in strict TypeScript: <messaging-quota> in JSX with typed attributes
// (dist/messaging-quota-react.d.ts) and its events through a typed ref. Type-checked by the
// test command (tsc), never run.
import { useEffect, useRef } from 'react';
import type {} from '../../../dist/messaging-quota-react';
import type { MessagingQuotaElement } from '../../../dist/messaging-quota';

export function Pricing({ onCost }: { onCost: (cents: number) => void }) {
  const ref = useRef<MessagingQuotaElement>(null);
  useEffect(() => {
    const widget = ref.current;
    if (!widget) return undefined;
    const listener = (event: CustomEvent<{ summary: { monthly_cost_cents: number } }>) => onCost(event.detail.summary.monthly_cost_cents);
    widget.addEventListener('messaging-quota:change', listener);
    return () => widget.removeEventListener('messaging-quota:change', listener);
  }, [onCost]);
  return (
    <messaging-quota ref={ref} tier="sales-navigator" addons="100x1" sent={40} theme="dark"
      language-menu sections="calculator,compare" className="pricing" />
  );
}

export function Misconfigured() {
  // @ts-expect-error theme is light, dark or auto.
  return <messaging-quota theme="purple" />;
}
