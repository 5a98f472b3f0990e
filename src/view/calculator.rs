//! The calculator's display parts: results, the send outcome, notices, unblock options.

use std::fmt::Write;

use super::controls::{flag, number_field, select};
use super::{esc, plural, Parts};
use crate::engine::locale::Locale;
use crate::engine::period::{human_date, iso_date};
use crate::engine::send::{Blocked, Recipient, Unblock};
use crate::engine::summary::{Level, Summary};
use crate::state::{Count, LastSend, Widget};

/// The results panel: allowance, what is left, the meter, InMail, cost lines, reset.
fn results(s: &Summary, locale: &Locale, prefix: &str) -> String {
    let (level, message) = match s.level {
        Level::Ok => ("ok", String::new()),
        Level::Warning => (
            "warning",
            format!(
                "{}% of this month's messages used: {} left.",
                s.percent_used,
                locale.count(s.remaining)
            ),
        ),
        Level::Reached => (
            "reached",
            format!(
                "Monthly limit reached: the next message will not be delivered until {}.",
                human_date(s.period.reset)
            ),
        ),
    };
    let i = s.inmail;
    let mut parts = vec![format!("{} included", locale.count(i.included))];
    if i.rolled_over > 0 {
        parts.push(format!("{} rolled over", locale.count(i.rolled_over)));
    }
    if i.from_blocks > 0 {
        parts.push(format!("{} from blocks", locale.count(i.from_blocks)));
    }
    let pay_per = if i.pay_per_count > 0 {
        format!(
            r#" · <strong data-testid="pay-per-inmail-count" data-count="{0}">{1} pay-per-InMail</strong>"#,
            i.pay_per_count,
            locale.count(i.pay_per_count)
        )
    } else {
        String::new()
    };
    let mut lines = String::new();
    for line in &s.lines {
        let _ = write!(
            lines,
            r#"<tr><th scope="row">{}</th><td>{}</td></tr>"#,
            esc(&line.label),
            locale.money(line.cents)
        );
    }
    let used = format!("{} of {}", locale.count(s.sent), locale.count(s.allowance));
    format!(
        concat!(
            r#"<section class="results {level}" aria-labelledby="{p}-results-h"><h2 id="{p}-results-h">This month<span class="muted"> · {tier}</span></h2>"#,
            r#"<div class="figures"><div class="figure"><span class="figure-label">Allowance</span><span class="figure-value" data-testid="allowance">{allowance}</span><span class="figure-unit">messages</span></div>"#,
            r#"<div class="figure"><span class="figure-label">Left</span><span class="figure-value" data-testid="remaining">{remaining}</span><span class="figure-unit">of {allowance_text}</span></div>"#,
            r#"<div class="figure"><span class="figure-label">InMail credits left</span><span class="figure-value" data-testid="inmail-credits-remaining">{credits}</span><span class="figure-unit">of {available}</span></div></div>"#,
            r#"<div class="meter" role="meter" aria-label="Messages used this month" aria-valuemin="0" aria-valuemax="100" aria-valuenow="{pct}" aria-valuetext="{used} messages used">"#,
            r#"<svg viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect class="meter-track" width="100" height="4" rx="2"/><rect class="meter-fill" width="{pct}" height="4" rx="2"/><line class="meter-mark" x1="80" x2="80" y1="0" y2="4"/></svg>"#,
            r#"<span class="meter-caption">{used} used ({pct}%)</span></div>"#,
            r#"<p class="level-message {level}" role="status" data-testid="quota-warning" data-level="{level}">{message}</p>"#,
            r#"<p class="inmail-line">InMail: {parts} ({available} in all); {inmail_sent} sent{pay_per}</p>"#,
            r#"<table class="cost-lines"><caption>Monthly cost</caption><tbody>{lines}</tbody><tfoot><tr><th scope="row">Total per month</th>"#,
            r#"<td data-testid="monthly-cost" data-cents="{cents}">{total}</td></tr></tfoot></table>"#,
            r#"<p class="reset-line">Allowance resets on <time data-testid="reset-date" datetime="{reset_iso}">{reset}</time> · <span data-testid="days-until-reset">{days}</span> {days_word} left</p></section>"#
        ),
        level = level,
        p = prefix,
        tier = esc(&s.tier_name),
        allowance = s.allowance,
        remaining = s.remaining,
        allowance_text = locale.count(s.allowance),
        credits = i.credits_left,
        available = locale.count(i.available),
        pct = s.percent_used,
        used = used,
        message = message,
        parts = parts.join(" + "),
        inmail_sent = locale.count(i.sent),
        pay_per = pay_per,
        lines = lines,
        cents = s.total_cents,
        total = locale.money(s.total_cents),
        reset_iso = iso_date(s.period.reset),
        reset = human_date(s.period.reset),
        days = s.days_left,
        days_word = if s.days_left == 1 { "day" } else { "days" },
    )
}

/// What the last press of Send did.
fn send_outcome(last: &LastSend, locale: &Locale) -> String {
    let (title, detail, extra) = match last {
        LastSend::Delivered { remaining } => {
            ("Delivered", format!("Counted against your allowance: {} left.", locale.count(*remaining)), String::new())
        }
        LastSend::InMailOffered { credits_left, charge_cents } => {
            let cost = if *credits_left > 0 {
                format!("uses 1 of {} credits", locale.count(*credits_left))
            } else {
                format!("costs {} (no credits left)", locale.money(*charge_cents))
            };
            (
                "Needs an InMail",
                format!(
                    "You are not connected, so this is not a message: it needs an InMail, which {cost}. InMail never uses your message allowance. Use Send as InMail."
                ),
                String::new(),
            )
        }
        LastSend::InMailSent { charge_cents, credits_left } => {
            let how = if *charge_cents == 0 { "paid with 1 credit".to_owned() } else { format!("charged {} pay-per-InMail", locale.money(*charge_cents)) };
            ("InMail sent", format!("Delivered as an InMail, {how}. {} left.", plural(*credits_left, "credit")), String::new())
        }
        LastSend::Refused { reason } => ("Refused", (*reason).to_owned(), String::new()),
        LastSend::Blocked { allowance, applied } => (
            "Not delivered",
            match applied {
                Some(label) => format!(
                    "Over the monthly limit of {}, so it was not sent. Done: {}. Press Send to try again.",
                    locale.count(*allowance),
                    esc(label)
                ),
                None => format!("Over the monthly limit of {}: not sent, not counted, not charged.", locale.count(*allowance)),
            },
            String::new(),
        ),
    };
    let id = last.outcome_id();
    let status = match last {
        LastSend::InMailOffered { .. } => r#" data-inmail="offered""#,
        LastSend::InMailSent { .. } => r#" data-inmail="sent""#,
        _ => "",
    };
    format!(
        r#"<div class="send-outcome {id}" data-testid="send-outcome" data-outcome="{id}"{status}><strong>{title}</strong><p>{detail}</p>{extra}</div>"#
    )
}

/// The notices about ignored input, or nothing.
pub fn notices(list: &[String]) -> String {
    if list.is_empty() {
        return String::new();
    }
    let items: String = list
        .iter()
        .map(|n| format!("<li>{}</li>", esc(n)))
        .collect();
    format!(
        r#"<div class="notices" role="status" data-testid="input-notice"><ul>{items}</ul><button type="button" class="button link" data-action="dismiss-notices">Dismiss</button></div>"#
    )
}

/// The pop-up's text and its list of ways to unblock the send.
fn unblock_options(b: &Blocked, locale: &Locale) -> String {
    let mut out = format!(
        r#"<p>You have used all {} messages of this month's allowance, so your message was <strong>not delivered</strong>. The allowance resets on {} ({} left). To send now:</p><ul class="unblock-options">"#,
        locale.count(b.allowance),
        human_date(b.reset),
        plural(b.days_left, "day")
    );
    for o in &b.options {
        let (testid, action) = match &o.unblock {
            Unblock::Tier(id) => (
                format!("upgrade-option-{}", esc(id)),
                format!("unblock-tier:{}", esc(id)),
            ),
            Unblock::Bundle(size) => (
                format!("upgrade-option-addon-{size}"),
                format!("unblock-addon:{size}"),
            ),
        };
        let _ = write!(
            out,
            concat!(
                r#"<li{cheapest_class}><button type="button" class="unblock-option" data-testid="{testid}" data-action="{action}"{cheapest_attr}>"#,
                r#"<span class="option-label">{label}</span><span class="option-price">{price}/mo</span>"#,
                r#"<span class="option-detail">{messages} messages a month · {total} a month in all</span>{badge}</button></li>"#
            ),
            cheapest_class = if o.cheapest {
                r#" class="cheapest""#
            } else {
                ""
            },
            testid = testid,
            action = action,
            cheapest_attr = if o.cheapest {
                r#" data-cheapest="true" autofocus"#
            } else {
                ""
            },
            label = esc(&o.label),
            price = locale.money(o.price_cents),
            messages = locale.count(o.new_allowance),
            total = locale.money(o.new_total_cents),
            badge = if o.cheapest {
                r#"<span class="badge">Cheapest</span>"#
            } else {
                ""
            },
        );
    }
    out.push_str("</ul>");
    if b.options.is_empty() {
        out.push_str(
            r#"<p class="muted">These rules offer no way to add messages this month.</p>"#,
        );
    }
    out
}

/// The calculator's frame; its parts fill the slots.
const CALCULATOR: &str = concat!(
    r#"<div class="calculator"><section class="plan-picker" aria-label="Your plan"><h2>Your plan</h2>"#,
    r#"<div class="mq-slot" data-slot="tiers"></div><div class="mq-slot" data-slot="addons"></div>"#,
    r#"<fieldset class="usage"><legend>InMail and this period</legend><div class="field-grid">"#,
    r#"<div class="mq-slot" data-slot="usage"></div><div class="mq-slot" data-slot="billing-day"></div></div></fieldset></section>"#,
    r#"<div class="calculator-side"><div class="mq-slot" data-slot="results"></div>"#,
    r#"<section class="send-preview" aria-label="Try a send"><h2>Try a send</h2><div class="mq-slot" data-slot="send-preview"></div></section></div></div>"#
);

/// The calculator: tier radios, bundle and usage fields, the results, the send preview.
pub fn calculator_parts(out: &mut Parts, w: &Widget, s: &Summary, prefix: &str) {
    let locale = &w.locale;
    let rules = &w.rules;
    out.push(("calculator", CALCULATOR.to_owned()));

    let mut tiers = String::from(r#"<fieldset class="tiers"><legend>Account tier</legend>"#);
    for t in &rules.tiers {
        let credits = if t.inmail_credits > 0 {
            format!(" · {} InMail credits", locale.count(t.inmail_credits))
        } else {
            String::new()
        };
        let _ = write!(
            tiers,
            concat!(
                r#"<label class="tier-option"><input type="radio" name="{p}-tier" value="{id}" data-field="tier" data-testid="tier-option-{id}"{checked}>"#,
                r#"<span class="tier-name">{name}</span><span class="tier-price">{price}<small>/mo</small></span><span class="tier-detail">{messages} messages{credits}</span></label>"#
            ),
            p = prefix,
            id = esc(&t.id),
            checked = flag(w.selection.tier_id == t.id, "checked"),
            name = esc(&t.name),
            price = locale.money(t.price_cents),
            messages = locale.count(t.free_messages),
            credits = credits,
        );
    }
    tiers.push_str("</fieldset>");
    out.push(("tiers", tiers));

    let mut addons = String::from(
        r#"<fieldset class="addons"><legend>Add-on message bundles<small> (how many of each)</small></legend>"#,
    );
    if rules.bundles.is_empty() {
        addons.push_str(r#"<p class="muted">These rules sell no bundles.</p>"#);
    }
    addons.push_str(r#"<div class="field-grid">"#);
    for b in &rules.bundles {
        let size = b.size;
        number_field(
            &mut addons,
            w,
            &format!("{prefix}-addon-{size}"),
            &format!(
                "{} messages · {}/mo",
                locale.count(size),
                locale.money(b.price_cents)
            ),
            &format!("addon-count-{size}"),
            Count::Addon(size),
            w.selection.addon_count(size),
        );
    }
    addons.push_str("</div></fieldset>");
    out.push(("addons", addons));

    let mut usage = String::new();
    let block = rules.inmail;
    number_field(
        &mut usage,
        w,
        &format!("{prefix}-inmail-blocks"),
        &format!(
            "InMail blocks ({} credits, {})",
            block.block_size,
            locale.money(block.block_price_cents)
        ),
        "inmail-blocks",
        Count::InMailBlocks,
        w.selection.inmail_blocks,
    );
    number_field(
        &mut usage,
        w,
        &format!("{prefix}-sent"),
        "Messages sent this period",
        "sent-count",
        Count::Sent,
        s.sent,
    );
    number_field(
        &mut usage,
        w,
        &format!("{prefix}-inmail-sent"),
        "InMails sent this period",
        "inmail-sent-count",
        Count::InMailSent,
        s.inmail.sent,
    );
    out.push(("usage", usage));

    let mut billing = String::new();
    let days = std::iter::once(("1".to_owned(), "The 1st (calendar month)".to_owned()))
        .chain((2..=31).map(|d| (d.to_string(), format!("Day {d} (billing day)"))));
    select(
        &mut billing,
        "billing-day",
        "Allowance resets on",
        "billing-day",
        days,
        &w.period_rule.day().to_string(),
    );
    out.push(("billing-day", billing));

    out.push(("results", results(s, locale, prefix)));

    let mut send = String::from(r#"<div class="send-row">"#);
    let recipients = Recipient::ALL
        .iter()
        .map(|r| (r.id().to_owned(), r.label().to_owned()));
    select(
        &mut send,
        "recipient",
        "Recipient",
        "recipient-kind",
        recipients,
        w.recipient.id(),
    );
    send.push_str(r#"<button type="button" class="button primary" data-testid="send-button" data-action="send">Send</button>"#);
    if w.recipient == Recipient::NotConnected {
        let credits_left = s.inmail.credits_left;
        let label = if credits_left > 0 {
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
        let _ = write!(
            send,
            r#"<button type="button" class="button secondary" data-testid="send-inmail-button" data-action="send-inmail">{label}</button>"#
        );
    }
    send.push_str(r#"</div><div class="outcome-slot" aria-live="polite">"#);
    if let Some(last) = &w.last_send {
        send.push_str(&send_outcome(last, locale));
    }
    send.push_str("</div>");
    out.push(("send-preview", send));
}

/// The upgrade pop-up, a modal `<dialog>` the UI opens while the state holds a blocked send.
pub fn dialog_parts(out: &mut Parts, w: &Widget, prefix: &str) {
    out.push((
        "dialog",
        format!(
            concat!(
                r#"<dialog class="upgrade-dialog" role="dialog" aria-modal="true" aria-labelledby="{p}-upgrade-heading" data-testid="upgrade-dialog">"#,
                r#"<h2 id="{p}-upgrade-heading">Monthly message limit reached</h2><div class="mq-slot" data-slot="dialog-body"></div><div class="dialog-actions">"#,
                r#"<button type="button" class="button secondary" data-testid="upgrade-dialog-close" data-action="close-dialog">Not now</button></div></dialog>"#
            ),
            p = prefix
        ),
    ));
    let body = w
        .dialog
        .as_ref()
        .map(|b| unblock_options(b, &w.locale))
        .unwrap_or_default();
    out.push(("dialog-body", body));
}
