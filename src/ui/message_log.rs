//! The latest sends and resets, newest first: to whom, what it was, and where it stands
//! (sent, delivered, read, not delivered, refused).

use std::rc::Rc;

use yew::prelude::*;

use super::context::use_texts;
use crate::engine::period::iso_date;
use crate::engine::player::{LogItem, Outcome};
use crate::text::key;

/// The most entries shown; the month keeps more.
pub const SHOWN: usize = 60;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The latest entries, newest first.
    pub entries: Rc<[LogItem]>,
}

#[function_component]
pub fn MessageLog(props: &Props) -> Html {
    let t = use_texts();
    let items = props.entries.iter().map(|item| match item {
        LogItem::Send(e) => {
            let what = match e.outcome {
                Outcome::Delivered => t.text(key::LOG_MESSAGE).to_string(),
                Outcome::InMail { charge_cents: 0 } => t.text(key::LOG_INMAIL_CREDIT).to_string(),
                Outcome::InMail { charge_cents } => {
                    t.fill(key::LOG_INMAIL_PAID, &[("price", &t.money(charge_cents))])
                }
                Outcome::Refused => t.text(key::LOG_REFUSED).to_string(),
                Outcome::Blocked => t.text(key::LOG_BLOCKED).to_string(),
            };
            html! {
                <li key={format!("s{}", e.id)} class="log-entry" data-outcome={e.outcome.id()} data-status={e.status.id()}>
                    <time datetime={iso_date(e.day)}>{ t.format().day_month(e.day) }</time>
                    <span class="log-recipient">{ t.recipient(e.recipient) }</span>
                    <span class="log-what">{ what }</span>
                    <span class={classes!("status", e.status.id())}>{ t.status(e.status) }</span>
                    if e.replied {
                        <span class="badge subtle">{ t.text(key::LOG_REPLIED) }</span>
                    }
                </li>
            }
        }
        LogItem::Reset { day, rolled_over } => {
            let detail = if *rolled_over > 0 {
                t.plural(key::LOG_RESET_ROLLED_OVER, *rolled_over, &[])
            } else {
                t.text(key::LOG_RESET_DETAIL).to_string()
            };
            html! {
                <li key={format!("r{}", iso_date(*day))} class="log-event" data-testid="reset-event">
                    <time datetime={iso_date(*day)}>{ t.format().day_month(*day) }</time>
                    <strong>{ t.text(key::LOG_RESET) }</strong>{ detail }
                </li>
            }
        }
    });
    html! {
        <>
            if props.entries.is_empty() {
                <p class="muted">{ t.text(key::LOG_EMPTY) }</p>
            }
            <ol class="message-log" data-testid="message-log">{ for items }</ol>
        </>
    }
}
