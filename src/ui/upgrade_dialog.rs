//! The upgrade pop-up: a modal `<dialog>` shown while a send is blocked. It says the limit
//! is reached and when it resets, and lists every way to unblock the send by what the month
//! costs in all once it is chosen, the cheapest first, marked and focused. Esc and "Not now" close it; focus goes back to
//! Send.

use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{HtmlDialogElement, HtmlElement};
use yew::prelude::*;

use super::checkout_link::CheckoutLink;
use super::context::{use_ids, use_texts};
use super::rich::rich;
use crate::engine::bill::Billing;
use crate::engine::plan::Selection;
use crate::engine::rules::RuleSet;
use crate::engine::send::{apply_unblock, Blocked, Unblock, UnblockOption};
use crate::host::checkout::{CheckoutSource, Purchase};
use crate::text::key;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub blocked: Option<Rc<Blocked>>,
    pub rules: Rc<RuleSet>,
    pub billing: Billing,
    /// The selection the send was blocked under: each way to unblock changes it.
    pub selection: Selection,
    /// A way to unblock was chosen.
    pub on_choose: Callback<UnblockOption>,
    /// The pop-up was closed (Esc or "Not now").
    pub on_close: Callback<()>,
    /// Where focus goes when the pop-up closes.
    pub return_focus: NodeRef,
}

/// An option's name in test ids: the tier's id, or `addon-{size}`.
fn option_id(unblock: &Unblock) -> String {
    match unblock {
        Unblock::Tier(id) => id.clone(),
        Unblock::Bundle(size) => format!("addon-{size}"),
    }
}

#[function_component]
pub fn UpgradeDialog(props: &Props) -> Html {
    let t = use_texts();
    let ids = use_ids();
    let dialog_ref = use_node_ref();
    let was_open = use_mut_ref(|| false);
    {
        // The dialog's state follows the widget's: open while a send is blocked. When it
        // closes (by a choice, "Not now" or Esc), focus goes back to Send.
        let (dialog_ref, return_focus) = (dialog_ref.clone(), props.return_focus.clone());
        use_effect_with(props.blocked.is_some(), move |open| {
            let Some(dialog) = dialog_ref.cast::<HtmlDialogElement>() else {
                return;
            };
            if *open && !dialog.open() {
                let _ = dialog.show_modal();
            } else if !*open && dialog.open() {
                dialog.close();
            }
            let closed_now = std::mem::replace(&mut *was_open.borrow_mut(), *open) && !*open;
            if closed_now {
                if let Some(send) = return_focus.cast::<HtmlElement>() {
                    let _ = send.focus();
                }
            }
        });
    }
    {
        // Esc closes the dialog natively; the widget hears of it through `close`.
        let (dialog_ref, on_close) = (dialog_ref.clone(), props.on_close.clone());
        use_effect_with((), move |_| {
            let listener = dialog_ref.cast::<HtmlDialogElement>().map(|dialog| {
                EventListener::new(&dialog, "close", move |event| {
                    // The event is queued: if the pop-up opened again since (a quick Send
                    // after Esc), this close is old news.
                    let reopened = event
                        .target()
                        .and_then(|t| t.dyn_into::<HtmlDialogElement>().ok())
                        .is_some_and(|d| d.open());
                    if !reopened {
                        on_close.emit(());
                    }
                })
            });
            move || drop(listener)
        });
    }
    let heading = ids.id("upgrade-heading");
    let body = props.blocked.as_ref().map(|b| {
        let intro = rich(&t.template(key::DIALOG_BODY, None), |name| match name {
            "allowance" => Some(Html::from(t.count(b.allowance))),
            "not-delivered" => Some(html! { <strong>{ t.text(key::DIALOG_NOT_DELIVERED) }</strong> }),
            "date" => Some(Html::from(t.date(b.reset))),
            "days" => Some(Html::from(t.plural(key::UNITS_DAYS_LEFT, b.days_left, &[]))),
            _ => None,
        });
        let options = b.options.iter().map(|o| {
            let testid = format!("upgrade-option-{}", option_id(&o.unblock));
            let onclick = {
                let (option, on_choose) = (o.clone(), props.on_choose.clone());
                Callback::from(move |_: MouseEvent| on_choose.emit(option.clone()))
            };
            // What the visitor pays in all is the figure that leads; what the option itself
            // costs follows.
            let purchase = |o: &UnblockOption| {
                let mut selection = props.selection.clone();
                apply_unblock(&mut selection, &o.unblock);
                Purchase {
                    selection,
                    billing: props.billing,
                    currency: props.rules.currency,
                    month_cents: o.new_total_cents,
                    year_cents: o.new_year_cents,
                }
            };
            let total = |o: &UnblockOption| match props.billing {
                Billing::Monthly => t.fill(key::DIALOG_TOTAL, &[("total", &t.money(o.new_total_cents))]),
                Billing::Yearly => t.fill(key::DIALOG_TOTAL_YEARLY, &[
                    ("total", &t.money(o.new_total_cents)),
                    ("year", &t.money(o.new_year_cents)),
                ]),
            };
            let detail = match &o.unblock {
                Unblock::Tier(_) => key::DIALOG_DETAIL_TIER,
                Unblock::Bundle(_) => key::DIALOG_DETAIL_BUNDLE,
            };
            html! {
                <li key={testid.clone()} class={o.cheapest.then_some("cheapest")}>
                    <button type="button" class="unblock-option" data-testid={testid}
                        data-cents={o.price_cents.to_string()} data-total-cents={o.new_total_cents.to_string()}
                        data-year-cents={o.new_year_cents.to_string()}
                        data-cheapest={o.cheapest.then_some("true")} autofocus={o.cheapest} {onclick}>
                        <span class="option-label">{ t.unblock(&o.unblock, &props.rules) }</span>
                        <span class="option-price">{ total(o) }</span>
                        <span class="option-detail">{ t.fill(detail, &[
                            ("messages", &t.count(o.new_allowance)),
                            ("price", &t.money(o.price_cents)),
                        ]) }</span>
                        if o.cheapest {
                            <span class="badge">{ t.text(key::BADGE_CHEAPEST) }</span>
                        }
                    </button>
                    // Buying it, beside choosing it (a link may not sit inside a button).
                    <CheckoutLink rules={props.rules.clone()} purchase={purchase(o)} source={CheckoutSource::PopUp}
                        testid={format!("upgrade-checkout-{}", option_id(&o.unblock))} class="small" />
                </li>
            }
        });
        html! {
            <>
                <p>{ intro }</p>
                <ul class="unblock-options">{ for options }</ul>
                if b.options.is_empty() {
                    <p class="muted">{ t.text(key::DIALOG_NONE) }</p>
                }
            </>
        }
    });
    let on_not_now = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <dialog class="upgrade-dialog" ref={dialog_ref} role="dialog" aria-modal="true"
            aria-labelledby={heading.clone()} data-testid="upgrade-dialog">
            <h2 id={heading}>{ t.text(key::DIALOG_HEADING) }</h2>
            { body }
            <div class="dialog-actions">
                <button type="button" class="button secondary" data-testid="upgrade-dialog-close" onclick={on_not_now}>
                    { t.text(key::DIALOG_CLOSE) }
                </button>
            </div>
        </dialog>
    }
}
