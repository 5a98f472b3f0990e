//! "Try a send": choose a recipient, press Send, read what happened to the message.

use std::rc::Rc;

use yew::prelude::*;

use super::context::{use_dispatch, use_texts, I18n};
use super::select::{Choice, Select};
use crate::engine::rules::RuleSet;
use crate::engine::send::{Recipient, Refusal};
use crate::state::{Action, LastSend};
use crate::text::key;
use crate::text::Texts;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub rules: Rc<RuleSet>,
    pub recipient: Recipient,
    pub last_send: Option<LastSend>,
    pub credits_left: u64,
    /// The Send button, so focus can come back to it when the pop-up closes.
    pub send_ref: NodeRef,
}

/// What the last send did: a title and a sentence.
fn outcome_words(t: &I18n, last: &LastSend, rules: &RuleSet) -> (String, String) {
    match last {
        LastSend::Delivered { remaining } => (
            t.text(key::OUTCOME_DELIVERED).to_string(),
            t.fill(
                key::OUTCOME_DELIVERED_DETAIL,
                &[("remaining", &t.count(*remaining))],
            ),
        ),
        LastSend::InMailOffered {
            credits_left,
            charge_cents,
        } => {
            let cost = if *credits_left > 0 {
                t.fill(
                    key::OUTCOME_INMAIL_CREDIT,
                    &[("credits", &t.count(*credits_left))],
                )
            } else {
                t.fill(
                    key::OUTCOME_INMAIL_PAID,
                    &[("price", &t.money(*charge_cents))],
                )
            };
            (
                t.text(key::OUTCOME_INMAIL).to_string(),
                t.fill(key::OUTCOME_INMAIL_DETAIL, &[("cost", &cost)]),
            )
        }
        LastSend::InMailSent {
            charge_cents,
            credits_left,
        } => {
            let detail = if *charge_cents == 0 {
                t.plural(key::OUTCOME_INMAIL_SENT_CREDIT, *credits_left, &[])
            } else {
                t.plural(
                    key::OUTCOME_INMAIL_SENT_PAID,
                    *credits_left,
                    &[("price", &t.money(*charge_cents))],
                )
            };
            (t.text(key::OUTCOME_INMAIL_SENT).to_string(), detail)
        }
        LastSend::Refused {
            reason: Refusal::NotAMember,
        } => (
            t.text(key::OUTCOME_REFUSED).to_string(),
            t.text(key::OUTCOME_REFUSED_DETAIL).to_string(),
        ),
        LastSend::Blocked { allowance, applied } => {
            let allowance = t.count(*allowance);
            let detail = match applied {
                Some(unblock) => t.fill(
                    key::OUTCOME_BLOCKED_APPLIED,
                    &[
                        ("allowance", &allowance),
                        ("option", &t.unblock(unblock, rules)),
                    ],
                ),
                None => t.fill(key::OUTCOME_BLOCKED_DETAIL, &[("allowance", &allowance)]),
            };
            (t.text(key::OUTCOME_BLOCKED).to_string(), detail)
        }
    }
}

/// The recipient select's choices, in the order the rules list them (docs/rules.md).
fn recipient_choices(t: &Texts) -> Rc<[Choice]> {
    Recipient::ALL
        .iter()
        .map(|r| Choice::new(r.id(), t.recipient(*r)))
        .collect()
}

#[function_component]
pub fn SendPreview(props: &Props) -> Html {
    let t = use_texts();
    let dispatch = use_dispatch();
    let choices = (*use_memo(t.clone(), |t| recipient_choices(t))).clone();
    let on_recipient = {
        let dispatch = dispatch.clone();
        use_callback((), move |id: String, _| {
            if let Some(r) = Recipient::from_id(&id) {
                dispatch.emit(Action::SetRecipient(r));
            }
        })
    };
    let on_send = dispatch.reform(|_: MouseEvent| Action::Send);
    let on_inmail = dispatch.reform(|_: MouseEvent| Action::SendInMail);
    let inmail_label = if props.credits_left > 0 {
        t.fill(
            key::SEND_INMAIL_CREDIT,
            &[("credits", &t.count(props.credits_left))],
        )
    } else {
        t.fill(
            key::SEND_INMAIL_PAID,
            &[("price", &t.money(props.rules.inmail.pay_per_inmail_cents))],
        )
    };
    let outcome = props.last_send.as_ref().map(|last| {
        let (title, detail) = outcome_words(&t, last, &props.rules);
        let id = last.outcome_id();
        let inmail = match last {
            LastSend::InMailOffered { .. } => Some("offered"),
            LastSend::InMailSent { .. } => Some("sent"),
            _ => None,
        };
        html! {
            <div class={classes!("send-outcome", id)} data-testid="send-outcome" data-outcome={id} data-inmail={inmail}>
                <strong>{ title }</strong>
                <p>{ detail }</p>
            </div>
        }
    });
    html! {
        <>
            <div class="send-row">
                <Select label={AttrValue::from(t.text(key::SEND_RECIPIENT))} testid="recipient-kind"
                    choices={choices} selected={props.recipient.id()} onchange={on_recipient} />
                <button type="button" class="button primary" data-testid="send-button" ref={props.send_ref.clone()}
                    onclick={on_send}>{ t.text(key::SEND_BUTTON) }</button>
                if props.recipient == Recipient::NotConnected {
                    <button type="button" class="button secondary" data-testid="send-inmail-button" onclick={on_inmail}>
                        { inmail_label }
                    </button>
                }
            </div>
            <div class="outcome-slot" aria-live="polite">{ outcome }</div>
        </>
    }
}
