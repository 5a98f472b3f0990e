//! The upgrade pop-up: a modal `<dialog>` (focus moves in, Esc closes, focus returns to
//! the Send button) listing every way to unblock the send, the cheapest marked.

use web_sys::{HtmlDialogElement, HtmlElement};
use yew::prelude::*;

use crate::engine::locale::Locale;
use crate::engine::period::human_date;
use crate::engine::send::{Blocked, UnblockOption};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub prefix: AttrValue,
    pub blocked: Option<Blocked>,
    pub locale: Locale,
    /// Where focus goes back to when the pop-up closes.
    pub return_focus: NodeRef,
    pub on_choose: Callback<UnblockOption>,
    pub on_close: Callback<()>,
}

/// The upgrade pop-up.
#[function_component]
pub fn UpgradeDialog(props: &Props) -> Html {
    let dialog_ref = use_node_ref();
    let open = props.blocked.is_some();
    {
        let (dialog_ref, return_focus) = (dialog_ref.clone(), props.return_focus.clone());
        use_effect_with(open, move |open| {
            if let Some(dialog) = dialog_ref.cast::<HtmlDialogElement>() {
                if *open && !dialog.open() {
                    let _ = dialog.show_modal();
                } else if !*open && dialog.open() {
                    dialog.close();
                    if let Some(button) = return_focus.cast::<HtmlElement>() {
                        let _ = button.focus();
                    }
                }
            }
        });
    }
    let on_close = props.on_close.clone();
    // Esc closes the dialog natively; the state follows.
    let onclose = Callback::from(move |_: Event| on_close.emit(()));
    let heading = format!("{}-upgrade-heading", props.prefix);
    let locale = &props.locale;

    let body = props.blocked.as_ref().map(|b| {
        let days = if b.days_left == 1 { "1 day".to_owned() } else { format!("{} days", b.days_left) };
        html! {
            <>
                <p>
                    { format!("You have used all {} messages of this month's allowance, so your message was ", locale.count(b.allowance)) }
                    <strong>{ "not delivered" }</strong>
                    { format!(". The allowance resets on {} ({days} left). To send now:", human_date(b.reset)) }
                </p>
                <ul class="unblock-options">
                    { for b.options.iter().map(|option| {
                        let chosen = option.clone();
                        let testid = match &option.unblock {
                            crate::engine::send::Unblock::Tier(id) => format!("upgrade-option-{id}"),
                            crate::engine::send::Unblock::Bundle(size) => format!("upgrade-option-addon-{size}"),
                        };
                        html! {
                            <li class={classes!(option.cheapest.then_some("cheapest"))}>
                                <button type="button" class="unblock-option" data-testid={testid}
                                    data-cheapest={option.cheapest.then_some("true")}
                                    autofocus={option.cheapest}
                                    onclick={props.on_choose.reform(move |_| chosen.clone())}>
                                    <span class="option-label">{ &option.label }</span>
                                    <span class="option-price">{ format!("{}/mo", locale.money(option.price_cents)) }</span>
                                    <span class="option-detail">
                                        { format!("{} messages a month · {} a month in all", locale.count(option.new_allowance), locale.money(option.new_total_cents)) }
                                    </span>
                                    if option.cheapest {
                                        <span class="badge">{ "Cheapest" }</span>
                                    }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
                if b.options.is_empty() {
                    <p class="muted">{ "These rules offer no way to add messages this month." }</p>
                }
            </>
        }
    });

    html! {
        <dialog ref={dialog_ref} class="upgrade-dialog" role="dialog" aria-modal="true"
            aria-labelledby={heading.clone()} data-testid="upgrade-dialog" {onclose}>
            <h2 id={heading}>{ "Monthly message limit reached" }</h2>
            { for body }
            <div class="dialog-actions">
                <button type="button" class="button secondary" data-testid="upgrade-dialog-close"
                    onclick={props.on_close.reform(|_| ())}>{ "Not now" }</button>
            </div>
        </dialog>
    }
}
