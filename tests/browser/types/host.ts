// A strict TypeScript host, without React's types: the element and its events are typed
// by dist/messaging-quota.d.ts alone. Type-checked by the test command (tsc), never run.
import type { ChangeDetail, LoadErrorDetail, MessagingQuotaElement } from '../../../dist/messaging-quota';

const widget: MessagingQuotaElement | null = document.querySelector('messaging-quota');
if (widget) {
  widget.setAttribute('tier', 'recruiter');
  widget.addEventListener('messaging-quota:change', (event) => {
    const detail: ChangeDetail = event.detail;
    const cents: number = detail.summary.monthly_cost_cents;
    const level: 'ok' | 'warning' | 'reached' = detail.summary.level;
    const charges: string[] = detail.summary.lines.map((line) => `${line.charge}: ${line.cents}`);
    // Every amount comes with its currency and how it is billed.
    const currency: string = detail.currency;
    const billing: 'monthly' | 'quarterly' | 'yearly' = detail.billing;
    const billed: ('monthly' | 'quarterly' | 'yearly' | 'per-use')[] = detail.summary.lines.map((line) => line.billed);
    console.log(currency, billing, billed, detail.summary.yearly_cost_cents.toFixed(0));
    // Where the prices state a tax, and where a promotion applies: optional, typed.
    const mode: 'inclusive' | 'exclusive' | undefined = detail.summary.tax?.mode;
    const off: number | undefined = detail.summary.promotion?.period_off_cents;
    // At a reply rate: the InMails answered, and the month per answered InMail.
    const perAnswered: number | undefined = detail.summary.replies?.per_answered_cents;
    console.log(perAnswered, detail.summary.replies?.reply_percent);
    // @ts-expect-error The tax may be absent: read it with `?.`.
    console.log(mode, off, detail.summary.tax.gross_cents);
    // @ts-expect-error Billing is one of three words.
    const weekly: ChangeDetail['billing'] = 'weekly';
    console.log(weekly);
    // @ts-expect-error No such field: a field renamed in Rust fails the host's build, not its visitors.
    console.log(detail.summary.monthlyCost, cents, level, charges);
  });
  widget.addEventListener('messaging-quota:upgrade-click', (event) => {
    const kind: 'tier' | 'bundle' | 'seat' = event.detail.kind;
    const tier: string | null = event.detail.tier;
    // A seat more, for a team: the seats in all (absent for the other kinds).
    const seats: number | undefined = event.detail.seats;
    console.log(seats);
    console.log(kind, tier, event.detail.price_cents.toFixed(0), event.detail.currency, event.detail.new_yearly_cents);
  });
  widget.addEventListener('messaging-quota:checkout', (event) => {
    // Cancelable: the host runs its own checkout with the plan's facts.
    event.preventDefault();
    const source: 'calculator' | 'compare' | 'recommendation' | 'pop-up' = event.detail.source;
    const promo: string | null = event.detail.promo;
    // A team's seats, and the plan the visitor changes from: each absent where it does not apply.
    const seats: number = event.detail.seats ?? 1;
    const from: string | undefined = event.detail.from_tier;
    console.log(seats, from);
    console.log(event.detail.tier, event.detail.url, event.detail.year_cents.toFixed(0), source, promo,
      event.detail.net_cents + event.detail.tax_cents === event.detail.gross_cents);
  });
  widget.addEventListener('messaging-quota:contact-sales', (event) => {
    // Cancelable too: the host may open its own form.
    event.preventDefault();
    const tier: string = event.detail.tier;
    console.log(tier, event.detail.url);
  });
  widget.addEventListener('messaging-quota:error', (event) => {
    const detail: LoadErrorDetail = event.detail;
    const failure: 'http' | 'network' | 'timeout' | 'invalid' = detail.failure;
    console.log(detail.reason, failure, detail.status ?? 'no status');
  });
  // The element's own events keep their types.
  widget.addEventListener('click', (event) => console.log(event.clientX));
}

// The events bubble: a listener on the document gets them typed too.
document.addEventListener('messaging-quota:ready', (event) => {
  console.log(event.detail.selection.tier.toUpperCase(), event.detail.summary.reset_date, event.detail.selection.seats ?? 1);
});

// @ts-expect-error A count is a number, not text.
const wrong: ChangeDetail['summary']['allowance'] = 'many';
console.log(wrong);

// The version on the page, as the loader announces it.
const running: string | undefined = window.messagingQuota?.version;
console.log(running?.split('.'));
// @ts-expect-error The announcement is read-only.
window.messagingQuota = { version: '0' };
