//! The calculator: tier radios, bundle and usage fields, the results, the send preview.

use yew::prelude::*;

use super::scope::Scope;
use super::{raw, raw_static};
use crate::engine::send::Recipient;
use crate::state::Count;
use crate::view;

/// The calculator section.
pub fn render(s: &Scope) -> Html {
    let Scope {
        w, summary, locale, ..
    } = *s;
    let rules = &w.rules;
    let tiers = rules.tiers.iter().map(|t| {
        let credits = if t.inmail_credits > 0 { format!(" · {} InMail credits", locale.count(t.inmail_credits)) } else { String::new() };
        html! {
            <label class="tier-option">
                <input type="radio" name={s.id("tier")} value={t.id.clone()} data-field="tier"
                    data-testid={format!("tier-option-{}", t.id)} checked={w.selection.tier_id == t.id} />
                { raw(format!(
                    r#"<span class="tier-name">{}</span><span class="tier-price">{}<small>/mo</small></span><span class="tier-detail">{} messages{}</span>"#,
                    view::esc(&t.name), locale.money(t.price_cents), locale.count(t.free_messages), credits)) }
            </label>
        }
    });
    let bundles = rules.bundles.iter().map(|b| {
        let size = b.size;
        s.count(
            &format!("addon-{size}"),
            format!(
                "{} messages · {}/mo",
                locale.count(size),
                locale.money(b.price_cents)
            ),
            &format!("addon-count-{size}"),
            w.selection.addon_count(size),
            Count::Addon(size),
        )
    });
    let block = rules.inmail;
    let days = std::iter::once(("1".to_owned(), "The 1st (calendar month)".to_owned()))
        .chain((2..=31).map(|d| (d.to_string(), format!("Day {d} (billing day)"))))
        .collect();
    let credits_left = summary.inmail.credits_left;
    let inmail_label = if credits_left > 0 {
        format!(
            "Send as InMail (uses 1 of {} credits)",
            locale.count(credits_left)
        )
    } else {
        format!(
            "Send as InMail (costs {})",
            locale.money(rules.inmail.pay_per_inmail_cents)
        )
    };
    let recipients = Recipient::ALL
        .iter()
        .map(|r| (r.id().to_owned(), r.label().to_owned()))
        .collect();
    html! {
        <div class="calculator">
            <section class="plan-picker" aria-label="Your plan">
                { raw_static("<h2>Your plan</h2>") }
                <fieldset class="tiers">{ raw_static("<legend>Account tier</legend>") }{ for tiers }</fieldset>
                <fieldset class="addons">
                    { raw_static(r#"<legend>Add-on message bundles<small> (how many of each)</small></legend>"#) }
                    if rules.bundles.is_empty() { { raw_static(r#"<p class="muted">These rules sell no bundles.</p>"#) } }
                    <div class="field-grid">{ for bundles }</div>
                </fieldset>
                <fieldset class="usage">
                    { raw_static("<legend>InMail and this period</legend>") }
                    <div class="field-grid">
                        { s.count("inmail-blocks", format!("InMail blocks ({} credits, {})", block.block_size, locale.money(block.block_price_cents)),
                            "inmail-blocks", w.selection.inmail_blocks, Count::InMailBlocks) }
                        { s.count("sent", "Messages sent this period".into(), "sent-count", summary.sent, Count::Sent) }
                        { s.count("inmail-sent", "InMails sent this period".into(), "inmail-sent-count", summary.inmail.sent, Count::InMailSent) }
                        { s.select("billing-day", "Allowance resets on", "billing-day", days, w.period_rule.day().to_string()) }
                    </div>
                </fieldset>
            </section>
            <div class="calculator-side">
                { raw(view::results(summary, &locale, s.prefix)) }
                <section class="send-preview" aria-label="Try a send">
                    { raw_static("<h2>Try a send</h2>") }
                    <div class="send-row">
                        { s.select("recipient", "Recipient", "recipient-kind", recipients, w.recipient.id().to_owned()) }
                        <button type="button" class="button primary" data-testid="send-button" data-action="send" ref={s.send_ref.clone()}>{ "Send" }</button>
                        if w.recipient == Recipient::NotConnected {
                            <button type="button" class="button secondary" data-testid="send-inmail-button" data-action="send-inmail">
                                { inmail_label }
                            </button>
                        }
                    </div>
                    <div class="outcome-slot" aria-live="polite">
                        { raw(w.last_send.as_ref().map(|last| view::send_outcome(last, &locale)).unwrap_or_default()) }
                    </div>
                </section>
            </div>
        </div>
    }
}
