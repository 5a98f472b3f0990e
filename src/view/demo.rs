//! The month player's display parts: the timeline and the message log.

use std::fmt::Write;

use chrono::Datelike;

use crate::engine::locale::Locale;
use crate::engine::period::{day_month, human_date, iso_date, Period};
use crate::engine::player::{LogItem, Outcome, Status, TimelineDay};

/// The period's days, each with a stacked bar of its sends, today and the reset marked.
pub fn timeline(days: &[TimelineDay], period: &Period) -> String {
    let busiest = days
        .iter()
        .map(|d| d.delivered + d.inmails + d.blocked + d.refused)
        .max()
        .unwrap_or(0)
        .max(1);
    let mut out = format!(
        r#"<ol class="timeline" data-testid="timeline" aria-label="Days from {} to the reset on {}">"#,
        human_date(period.start),
        human_date(period.reset)
    );
    for d in days {
        let total = d.delivered + d.inmails + d.blocked + d.refused;
        let label = format!(
            "{}: {} delivered, {} InMail, {} not delivered, {} refused{}",
            human_date(d.day),
            d.delivered,
            d.inmails,
            d.blocked,
            d.refused,
            if d.is_today { " (today)" } else { "" }
        );
        let mut bars = String::new();
        let mut y = 40;
        for (count, class) in [
            (d.delivered, "delivered"),
            (d.inmails, "inmail"),
            (d.blocked, "blocked"),
            (d.refused, "refused"),
        ] {
            let h = count * 40 / busiest;
            if h > 0 {
                y -= h;
                let _ = write!(
                    bars,
                    r#"<rect class="bar-{class}" x="1" y="{y}" width="10" height="{h}"/>"#
                );
            }
        }
        let _ = write!(
            out,
            concat!(
                r#"<li class="day{today}{weekend}" data-date="{iso}" data-sends="{total}"{current} title="{label}">"#,
                r#"<svg viewBox="0 0 12 40" preserveAspectRatio="none" aria-hidden="true" focusable="false">{bars}</svg>"#,
                r#"<span class="day-number">{day}</span><span class="visually-hidden">{label}</span>{count}</li>"#
            ),
            today = if d.is_today { " today" } else { "" },
            weekend = if d.is_working_day { "" } else { " weekend" },
            iso = iso_date(d.day),
            total = total,
            current = if d.is_today {
                r#" aria-current="date""#
            } else {
                ""
            },
            label = label,
            bars = bars,
            day = d.day.day(),
            count = if total > 0 {
                format!(r#"<span class="day-count" aria-hidden="true">{total}</span>"#)
            } else {
                String::new()
            },
        );
    }
    let _ = write!(
        out,
        concat!(
            r#"<li class="day reset-day" data-testid="reset-day" data-date="{iso}" title="Allowance resets on {human}"><span class="reset-flag" aria-hidden="true">↺</span>"#,
            r#"<span class="day-number">{short}</span><span class="visually-hidden">Resets on {human}</span></li></ol>"#
        ),
        iso = iso_date(period.reset),
        human = human_date(period.reset),
        short = day_month(period.reset)
    );
    out
}

fn status_text(status: Status) -> &'static str {
    match status {
        Status::Sent => "Sent",
        Status::Delivered => "Delivered",
        Status::Read => "Read",
        Status::NotDelivered => "Not delivered",
        Status::Refused => "Refused",
    }
}

/// The newest sends and resets first (the 60 latest shown).
pub fn message_log(log: &[LogItem], locale: &Locale) -> String {
    if log.is_empty() {
        return r#"<p class="muted">Nothing sent yet. Press Send, or Play to run the scenario.</p><ol class="message-log" data-testid="message-log"></ol>"#.to_owned();
    }
    let mut out = r#"<ol class="message-log" data-testid="message-log">"#.to_owned();
    for item in log.iter().rev().take(60) {
        match item {
            LogItem::Send(e) => {
                let what = match e.outcome {
                    Outcome::Delivered => "Message".to_owned(),
                    Outcome::InMail { charge_cents: 0 } => "InMail (credit)".to_owned(),
                    Outcome::InMail { charge_cents } => {
                        format!("InMail ({})", locale.money(charge_cents))
                    }
                    Outcome::Refused => "Refused".to_owned(),
                    Outcome::Blocked => "Over the limit".to_owned(),
                };
                let _ = write!(
                    out,
                    concat!(
                        r#"<li class="log-entry" data-outcome="{outcome}" data-status="{status}"><time datetime="{iso}">{day}</time>"#,
                        r#"<span class="log-recipient">{recipient}</span><span class="log-what">{what}</span>"#,
                        r#"<span class="status {status}">{status_text}</span>{replied}</li>"#
                    ),
                    outcome = e.outcome.id(),
                    status = e.status.id(),
                    iso = iso_date(e.day),
                    day = day_month(e.day),
                    recipient = e.recipient.label(),
                    what = what,
                    status_text = status_text(e.status),
                    replied = if e.replied {
                        r#"<span class="badge subtle">Replied</span>"#
                    } else {
                        ""
                    },
                );
            }
            LogItem::Reset { day, rolled_over } => {
                let rolled = if *rolled_over > 0 {
                    format!(
                        ", {} InMail credits rolled over",
                        locale.count(*rolled_over)
                    )
                } else {
                    String::new()
                };
                let _ = write!(
                    out,
                    r#"<li class="log-event" data-testid="reset-event"><time datetime="{}">{}</time><strong>Allowance reset</strong> — counters back to zero, bundles and blocks renewed{rolled}</li>"#,
                    iso_date(*day),
                    day_month(*day)
                );
            }
        }
    }
    out.push_str("</ol>");
    out
}
