//! The message log: each send with its day, recipient and outcome, newest first, and the
//! replies badge.

use yew::prelude::*;

use crate::engine::locale::Locale;
use crate::engine::period::{day_month, iso_date};
use crate::engine::player::{LogItem, Outcome, Status};
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub log: Vec<LogItem>,
    pub unread_replies: u64,
    pub locale: Locale,
    pub on_action: Callback<Action>,
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

/// The log and its badge.
#[function_component]
pub fn MessageLog(props: &Props) -> Html {
    let locale = &props.locale;
    let replies = props.unread_replies;
    let items = props.log.iter().rev().take(60).map(|item| match item {
        LogItem::Send(e) => {
            let what = match e.outcome {
                Outcome::Delivered => "Message".to_owned(),
                Outcome::InMail { charge_cents: 0 } => "InMail (credit)".to_owned(),
                Outcome::InMail { charge_cents } => format!("InMail ({})", locale.money(charge_cents)),
                Outcome::Refused => "Refused".to_owned(),
                Outcome::Blocked => "Over the limit".to_owned(),
            };
            html! {
                <li key={e.id.to_string()} class={classes!("log-entry", e.status.id())} data-outcome={e.outcome.id()} data-status={e.status.id()}>
                    <time datetime={iso_date(e.day)}>{ day_month(e.day) }</time>
                    <span class="log-recipient">{ e.recipient.label() }</span>
                    <span class="log-what">{ what }</span>
                    <span class={classes!("status", e.status.id())}>{ status_text(e.status) }</span>
                    if e.replied { <span class="badge subtle">{ "Replied" }</span> }
                </li>
            }
        }
        LogItem::Reset { day, rolled_over } => html! {
            <li key={format!("reset-{}", iso_date(*day))} class="log-event" data-testid="reset-event">
                <time datetime={iso_date(*day)}>{ day_month(*day) }</time>
                <strong>{ "Allowance reset" }</strong>
                { " — counters back to zero, bundles and blocks renewed" }
                if *rolled_over > 0 { { format!(", {} InMail credits rolled over", locale.count(*rolled_over)) } }
            </li>
        },
    });
    html! {
        <div class="message-log-panel">
            <div class="log-header">
                <h3>{ "Message log" }</h3>
                <button type="button" class="button link replies" onclick={props.on_action.reform(|_| Action::MarkRepliesSeen)}
                    aria-label={format!("{replies} new replies; mark as seen")}>
                    { "Replies" }
                    if replies > 0 {
                        <span class="notification-badge" data-testid="notification-badge">{ replies }</span>
                    }
                </button>
            </div>
            if props.log.is_empty() {
                <p class="muted">{ "Nothing sent yet. Press Send, or Play to run the scenario." }</p>
            }
            <ol class="message-log" data-testid="message-log" aria-live="polite">{ for items }</ol>
        </div>
    }
}
