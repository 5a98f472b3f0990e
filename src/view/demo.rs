//! The month player's display parts: the timeline and the message log.

use std::fmt::Write;

use chrono::Datelike;

use super::controls::{flag, number_field, select};
use super::Parts;
use crate::engine::locale::Locale;
use crate::engine::period::{day_month, human_date, iso_date, Period};
use crate::engine::player::{LogItem, Outcome, Status, TimelineDay};
use crate::engine::send::Recipient;
use crate::engine::summary::Summary;
use crate::state::{Count, Widget, SPEEDS};

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

/// The month player's frame; its parts fill the slots.
const DEMO: &str = concat!(
    r#"<section class="demo" aria-label="Play a month"><h2>Play a month</h2><div class="mq-slot" data-slot="today"></div>"#,
    r#"<div class="demo-grid"><div class="month-player"><div class="mq-slot" data-slot="timeline"></div>"#,
    r#"<div class="controls" role="group" aria-label="Clock"><div class="mq-slot" data-slot="clock"></div></div>"#,
    r#"<details class="scenario"><summary>Auto-play scenario</summary><div class="field-grid"><div class="mq-slot" data-slot="scenario"></div></div></details></div>"#,
    r#"<div class="message-log-panel"><div class="log-header"><h3>Message log</h3><div class="mq-slot" data-slot="replies"></div></div>"#,
    r#"<div class="mq-slot" data-slot="message-log"></div></div></div>"#,
    r#"<details class="shortcuts"><summary>Keyboard shortcuts</summary><dl>"#,
    r#"<dt><kbd>S</kbd></dt><dd>Send to the chosen recipient</dd><dt><kbd>N</kbd></dt><dd>Next day</dd>"#,
    r#"<dt><kbd>P</kbd></dt><dd>Play or pause</dd><dt><kbd>R</kbd></dt><dd>Jump to the reset</dd><dt><kbd>L</kbd></dt><dd>Large text</dd></dl>"#,
    r#"<p class="muted">Shortcuts work while the widget has focus and you are not typing in a field.</p></details></section>"#
);

/// "Play a month": today, the clock controls, the scenario and the replies (the timeline
/// and the log are built by the caller, which keeps them while the month stays the same).
pub fn demo_parts(out: &mut Parts, w: &Widget, s: &Summary, prefix: &str) {
    let locale = &w.locale;
    out.push(("demo", DEMO.to_owned()));
    let period = w.month.period(w.period_rule);
    let day_of_period = (w.month.today - period.start).num_days() + 1;
    out.push((
        "today",
        format!(
            r#"<p class="today-line" data-testid="today" data-date="{}">Today: {} · day {} of {} · {} sent, {} left</p>"#,
            iso_date(w.month.today),
            human_date(w.month.today),
            day_of_period,
            period.length(),
            locale.count(s.sent),
            locale.count(s.remaining)
        ),
    ));

    let play = if w.playing { "pause" } else { "play" };
    let mut clock = format!(
        concat!(
            r#"<button type="button" class="button secondary" data-testid="next-day" data-action="next-day">Next day<kbd>N</kbd></button>"#,
            r#"<button type="button" class="button secondary" data-testid="jump-to-reset" data-action="jump-to-reset">Jump to reset<kbd>R</kbd></button>"#,
            r#"<button type="button" class="button primary" data-testid="{play}" data-action="{play}">{play_label}<kbd>P</kbd></button>"#,
            r#"<button type="button" class="button secondary" data-testid="step" data-action="step"{step_disabled}>Step one day</button>"#
        ),
        play = play,
        play_label = if w.playing { "Pause" } else { "Play" },
        step_disabled = flag(w.playing, "disabled"),
    );
    let speeds = SPEEDS
        .iter()
        .map(|(ms, name)| (ms.to_string(), (*name).to_owned()));
    select(
        &mut clock,
        "speed",
        "Speed",
        "speed",
        speeds,
        &w.speed_ms.to_string(),
    );
    let _ = write!(
        clock,
        concat!(
            r#"<button type="button" class="button link" data-testid="reset-month" data-action="reset-month">Start over</button>"#,
            r#"<button type="button" class="button link" data-testid="large-text" data-action="large-text" aria-pressed="{}">Large text<kbd>L</kbd></button>"#
        ),
        w.large_text
    );
    out.push(("clock", clock));

    let scenario = &w.scenario;
    let mut fields = String::new();
    number_field(
        &mut fields,
        w,
        &format!("{prefix}-per-day"),
        "Sends per working day",
        "scenario-per-day",
        Count::ScenarioPerDay,
        scenario.per_working_day,
    );
    let share_labels = [
        "Connections %",
        "Shared connections %",
        "Not connected %",
        "Groups %",
        "Company pages %",
    ];
    for (i, label) in share_labels.iter().enumerate() {
        number_field(
            &mut fields,
            w,
            &format!("{prefix}-share-{i}"),
            label,
            &format!("scenario-share-{}", Recipient::ALL[i].id()),
            Count::ScenarioShare(i),
            scenario.shares[i],
        );
    }
    number_field(
        &mut fields,
        w,
        &format!("{prefix}-read-rate"),
        "Read each day %",
        "scenario-read-rate",
        Count::ReadRate,
        scenario.read_rate,
    );
    number_field(
        &mut fields,
        w,
        &format!("{prefix}-seed"),
        "Seed (same seed, same month)",
        "scenario-seed",
        Count::Seed,
        scenario.seed,
    );
    let _ = write!(
        fields,
        r#"<label class="check"><input type="checkbox" data-field="scenario-inmail" data-testid="scenario-inmail"{}>Send InMail to non-connections</label>"#,
        flag(scenario.use_inmail, "checked")
    );
    out.push(("scenario", fields));

    let replies = w.month.unread_replies;
    out.push((
        "replies",
        format!(
            r#"<button type="button" class="button link replies" data-action="mark-replies-seen" aria-label="{replies} new replies; mark as seen">Replies{}</button>"#,
            if replies > 0 {
                format!(r#"<span class="notification-badge" data-testid="notification-badge">{replies}</span>"#)
            } else {
                String::new()
            }
        ),
    ));
}
