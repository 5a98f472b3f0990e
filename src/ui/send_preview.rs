//! Send preview: pick a recipient, press Send, read what happened.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::engine::locale::Locale;
use crate::engine::send::Recipient;
use crate::state::{Action, LastSend};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub prefix: AttrValue,
    pub recipient: Recipient,
    pub last_send: Option<LastSend>,
    pub locale: Locale,
    pub send_ref: NodeRef,
    pub on_action: Callback<Action>,
}

/// The send preview.
#[function_component]
pub fn SendPreview(props: &Props) -> Html {
    let Props { prefix, recipient, last_send, locale, on_action, .. } = props;
    let select_id = format!("{prefix}-recipient");
    let onchange = on_action.reform(|e: Event| {
        let value = e.target_unchecked_into::<HtmlSelectElement>().value();
        Action::SetRecipient(Recipient::from_id(&value).unwrap_or_default())
    });
    let outcome = last_send.as_ref().map(|last| {
        let (title, detail, extra): (String, String, Html) = match last {
            LastSend::Delivered { remaining } => ("Delivered".into(), format!("Counted against your allowance: {} left.", locale.count(*remaining)), html! {}),
            LastSend::InMailOffered { credits_left, charge_cents } => {
                let cost = if *credits_left > 0 {
                    format!("uses 1 of {} credits", locale.count(*credits_left))
                } else {
                    format!("no credits left: costs {}", locale.money(*charge_cents))
                };
                (
                    "Needs an InMail".into(),
                    "You are not connected, so this is not a message: it needs an InMail. It never uses your message allowance.".into(),
                    html! {
                        <button type="button" class="button secondary" data-testid="send-inmail-button"
                            onclick={on_action.reform(|_| Action::SendInMail)}>
                            { format!("Send as InMail ({cost})") }
                        </button>
                    },
                )
            }
            LastSend::InMailSent { charge_cents, credits_left } => {
                let how = if *charge_cents == 0 { "paid with 1 credit".to_owned() } else { format!("charged {} pay-per-InMail", locale.money(*charge_cents)) };
                ("InMail sent".into(), format!("Delivered as an InMail, {how}. {} credits left.", locale.count(*credits_left)), html! {})
            }
            LastSend::Refused { reason } => ("Refused".into(), (*reason).to_owned(), html! {}),
            LastSend::Blocked { allowance, applied } => (
                "Not delivered".into(),
                match applied {
                    Some(label) => format!("Over the monthly limit of {}, so it was not sent. Done: {label}. Press Send to try again.", locale.count(*allowance)),
                    None => format!("Over the monthly limit of {}: not sent, not counted, not charged.", locale.count(*allowance)),
                },
                html! {},
            ),
        };
        html! {
            <div class={classes!("send-outcome", last.outcome_id())} data-testid="send-outcome" data-outcome={last.outcome_id()}>
                <strong>{ title }</strong>
                <p>{ detail }</p>
                { extra }
            </div>
        }
    });

    html! {
        <section class="send-preview" aria-labelledby={format!("{prefix}-send-heading")}>
            <h2 id={format!("{prefix}-send-heading")}>{ "Try a send" }</h2>
            <div class="send-row">
                <div class="select-field">
                    <label for={select_id.clone()}>{ "Recipient" }</label>
                    <select id={select_id} data-testid="recipient-kind" {onchange}>
                        { for Recipient::ALL.iter().map(|r| html! {
                            <option value={r.id()} selected={r == recipient}>{ r.label() }</option>
                        }) }
                    </select>
                </div>
                <button type="button" class="button primary" data-testid="send-button" ref={props.send_ref.clone()}
                    onclick={on_action.reform(|_| Action::Send)}>{ "Send" }</button>
            </div>
            <div class="outcome-slot" aria-live="polite">{ for outcome }</div>
        </section>
    }
}
