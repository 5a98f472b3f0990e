//! "Try a send": choose a recipient, press Send, read what happened to the message.

use yew::prelude::*;

use super::select::Select;
use crate::engine::send::Recipient;
use crate::state::SendAction;
use crate::view::calculator::SendView;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub view: std::rc::Rc<SendView>,
    pub on_send: Callback<SendAction>,
    /// The Send button, so focus can come back to it when the pop-up closes.
    pub send_ref: NodeRef,
}

#[function_component]
pub fn SendPreview(props: &Props) -> Html {
    let v = &props.view;
    let on_recipient = {
        let on_send = props.on_send.clone();
        Callback::from(move |id: String| {
            if let Some(r) = Recipient::from_id(&id) {
                on_send.emit(SendAction::SetRecipient(r));
            }
        })
    };
    let on_press = props.on_send.reform(|_: MouseEvent| SendAction::Send);
    let on_inmail = props.on_send.reform(|_: MouseEvent| SendAction::SendInMail);
    let outcome = v.outcome.as_ref().map(|o| html! {
        <div class={classes!("send-outcome", o.id)} data-testid="send-outcome" data-outcome={o.id} data-inmail={o.inmail}>
            <strong>{ o.title.clone() }</strong>
            <p>{ o.detail.clone() }</p>
        </div>
    });
    html! {
        <>
            <div class="send-row">
                <Select view={v.recipient.clone()} onchange={on_recipient} />
                <button type="button" class="button primary" data-testid="send-button" ref={props.send_ref.clone()}
                    onclick={on_press}>{ v.send.clone() }</button>
                if let Some(label) = &v.send_inmail {
                    <button type="button" class="button secondary" data-testid="send-inmail-button" onclick={on_inmail}>
                        { label.clone() }
                    </button>
                }
            </div>
            <div class="outcome-slot" aria-live="polite">{ outcome }</div>
        </>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::state::Action;
    use crate::ui::testing::{render, widget, words_of};
    use crate::view::calculator::{calculator, CalculatorInput};

    #[test]
    fn a_non_connection_is_offered_an_inmail() {
        let mut w = widget();
        w.apply(Action::Send(SendAction::SetRecipient(
            Recipient::NotConnected,
        )));
        w.apply(Action::Send(SendAction::Send));
        let input = CalculatorInput::of(&w, &Rc::new(w.priced()), &Rc::new(w.summary()), true);
        let view = calculator(&input, &words_of(&w)).send;
        let page = render(
            html! { <SendPreview {view} on_send={Callback::noop()} send_ref={NodeRef::default()} /> },
        );
        assert_eq!(
            page.attr("send-outcome", "data-inmail").as_deref(),
            Some("offered")
        );
        assert_eq!(
            page.text("send-inmail-button"),
            "Send as InMail (costs $10.00)"
        );
        assert_eq!(page.count("select[data-testid=recipient-kind] option"), 5);
        assert_eq!(page.count("option[value=not-connected][selected]"), 1);
    }
}
