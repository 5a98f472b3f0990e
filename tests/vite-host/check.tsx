// The component's props as TypeScript sees them: right props compile, wrong ones fail
// (each @ts-expect-error must meet an error, or tsc fails).
import { useRef } from 'react';
import { MessagingQuota, type MessagingQuotaProps } from 'messaging-quota/react';
import { version, attributes, type ChangeDetail, type MessagingQuotaElement } from 'messaging-quota';

export function Good() {
  const ref = useRef<MessagingQuotaElement>(null);
  const props: MessagingQuotaProps = { tier: "basic", billing: 'yearly', syncUrl: true };
  return (
    <>
      <MessagingQuota
        ref={ref}
        tier="premium-business"
        inmailBlocks={2}
        sent="40"
        theme="dark"
        heading
        className="pricing"
        onChange={(detail: ChangeDetail) => detail.summary.monthly_cost_cents.toFixed(0)}
        onUpgradeClick={(detail) => detail.new_total_cents}
        onCheckout={(detail, event) => event.detail === detail}
        onError={(detail) => detail.asset}
      />
      <MessagingQuota {...props} />
      <p>{version} {attributes.join(',')}</p>
    </>
  );
}

export function Bad() {
  return (
    <>
      {/* @ts-expect-error billing is monthly or yearly */}
      <MessagingQuota billing="weekly" />
      {/* @ts-expect-error a tier is text, not a number */}
      <MessagingQuota tier={5} />
      {/* @ts-expect-error no such attribute */}
      <MessagingQuota colour="red" />
      {/* @ts-expect-error the change detail has no such field */}
      <MessagingQuota onChange={(detail) => detail.total} />
      {/* @ts-expect-error theme is light, dark or auto */}
      <MessagingQuota theme="blue" />
    </>
  );
}
