//! The upgrade pop-up: a modal `<dialog>` shown while a send is blocked. It says the limit
//! is reached and when it resets, and lists every way to unblock the send by what the month
//! costs in all once it is chosen, the cheapest first, marked and focused. Esc and "Not
//! now" close it; focus goes back to Send.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{HtmlDialogElement, HtmlElement};
use yew::prelude::*;

use super::checkout_link::checkout_link;
use super::context::use_ids;
use super::rich::rich;
use crate::engine::send::UnblockOption;
use crate::view::dialog::DialogView;
use crate::view::Piece;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub view: std::rc::Rc<DialogView>,
    /// A way to unblock was chosen.
    pub on_choose: Callback<UnblockOption>,
    /// The pop-up was closed (Esc or "Not now").
    pub on_close: Callback<()>,
    /// Where focus goes when the pop-up closes.
    pub return_focus: NodeRef,
}

/// Keeps the dialog element open while the widget's state says so; when it closes (by a
/// choice, "Not now" or Esc), focus goes back to `return_focus`. Esc closes it natively:
/// `on_close` hears of it.
#[hook]
fn use_modal(dialog_ref: NodeRef, open: bool, return_focus: NodeRef, on_close: Callback<()>) {
    let was_open = use_mut_ref(|| false);
    {
        let dialog_ref = dialog_ref.clone();
        use_effect_with(open, move |open| {
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

#[function_component]
pub fn UpgradeDialog(props: &Props) -> Html {
    let v = &*props.view;
    let heading = use_ids().id("upgrade-heading");
    let dialog_ref = use_node_ref();
    use_modal(
        dialog_ref.clone(),
        v.body.is_some(),
        props.return_focus.clone(),
        props.on_close.clone(),
    );
    let body = v.body.as_ref().map(|b| {
        let intro = rich(&b.intro, |piece| match piece {
            Piece::Slot(_, text) => html! { <strong>{ text.clone() }</strong> },
            Piece::Text(text) => Html::from(text.clone()),
        });
        let options = b.options.iter().map(|o| {
            let onclick = {
                let (option, on_choose) = (o.option.clone(), props.on_choose.clone());
                Callback::from(move |_: MouseEvent| on_choose.emit(option.clone()))
            };
            let cheapest = o.cheapest.is_some();
            html! {
                <li key={o.testid.clone()} class={cheapest.then_some("cheapest")}>
                    <button type="button" class="unblock-option" data-testid={o.testid.clone()}
                        data-cents={o.option.price_cents.to_string()} data-total-cents={o.option.new_total_cents.to_string()}
                        data-year-cents={o.option.new_year_cents.to_string()}
                        data-cheapest={cheapest.then_some("true")} autofocus={cheapest} {onclick}>
                        <span class="option-label">{ o.label.clone() }</span>
                        <span class="option-price">{ o.total.clone() }</span>
                        <span class="option-detail">{ o.detail.clone() }</span>
                        if let Some(badge) = &o.cheapest {
                            <span class="badge">{ badge.clone() }</span>
                        }
                    </button>
                    { checkout_link(&o.checkout, "small") }
                </li>
            }
        });
        html! {
            <>
                <p>{ intro }</p>
                <ul class="unblock-options">{ for options }</ul>
                if let Some(none) = &b.none {
                    <p class="muted">{ none.clone() }</p>
                }
            </>
        }
    });
    let on_not_now = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <dialog class="upgrade-dialog" ref={dialog_ref} role="dialog" aria-modal="true"
            aria-labelledby={heading.clone()} data-testid="upgrade-dialog">
            <h2 id={heading}>{ v.heading.clone() }</h2>
            { body }
            <div class="dialog-actions">
                <button type="button" class="button secondary" data-testid="upgrade-dialog-close" onclick={on_not_now}>
                    { v.close.clone() }
                </button>
            </div>
        </dialog>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::state::{Action, Edit, Field, SendAction};
    use crate::ui::testing::{render, widget_with, words_of};
    use crate::view::dialog::{dialog, DialogInput};

    #[test]
    fn a_blocked_send_lists_every_way_the_cheapest_first_with_a_link_to_buy_it() {
        let mut w = widget_with(&[(
            "checkout-url",
            "https://shop.example/buy?plan={tier}&addons={addons}",
        )]);
        w.apply(Action::Field(Field::Sent, Edit::Set(15)));
        w.apply(Action::Send(SendAction::Send));
        let view = Rc::new(dialog(
            &DialogInput::of(&w, &Rc::new(w.priced())),
            &words_of(&w),
        ));
        let page = render(html! {
            <UpgradeDialog {view} on_choose={Callback::noop()} on_close={Callback::noop()} return_focus={NodeRef::default()} />
        });
        assert_eq!(
            page.count("dialog[data-testid=upgrade-dialog][aria-labelledby=mq1-upgrade-heading]"),
            1
        );
        assert_eq!(page.texts("dialog p strong"), ["not delivered"]);
        let first = page.texts(".unblock-options > li:first-child .option-price");
        assert_eq!(first, ["$14.99/mo in all"]);
        assert_eq!(
            page.attr("upgrade-option-addon-25", "data-cheapest")
                .as_deref(),
            Some("true")
        );
        assert_eq!(page.count("[data-cheapest=true]"), 1);
        assert_eq!(
            page.attr("upgrade-checkout-addon-25", "href").as_deref(),
            Some("https://shop.example/buy?plan=basic&addons=25x1")
        );
        assert_eq!(page.text("upgrade-dialog-close"), "Not now");
    }

    #[test]
    fn closed_it_holds_only_its_heading_and_close_button() {
        let w = widget_with(&[]);
        let view = Rc::new(dialog(
            &DialogInput::of(&w, &Rc::new(w.priced())),
            &words_of(&w),
        ));
        let page = render(html! {
            <UpgradeDialog {view} on_choose={Callback::noop()} on_close={Callback::noop()} return_focus={NodeRef::default()} />
        });
        assert_eq!(page.count("dialog li"), 0);
        assert_eq!(page.count("dialog[open]"), 0);
    }
}
