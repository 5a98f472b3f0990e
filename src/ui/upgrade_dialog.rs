//! The upgrade pop-up: a modal `<dialog>` (focus moves in, Esc closes, focus returns to
//! the Send button). Its options are buttons with `data-action` commands.

use web_sys::{HtmlDialogElement, HtmlElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub prefix: AttrValue,
    /// The body as HTML text; `None` when the pop-up is closed.
    pub body: Option<AttrValue>,
    /// Where focus goes back to when the pop-up closes.
    pub return_focus: NodeRef,
    pub on_close: Callback<()>,
}

/// The upgrade pop-up.
#[function_component]
pub fn UpgradeDialog(props: &Props) -> Html {
    let dialog_ref = use_node_ref();
    let open = props.body.is_some();
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
    // Esc closes the dialog natively; the state follows.
    let onclose = props.on_close.reform(|_: Event| ());
    let heading = format!("{}-upgrade-heading", props.prefix);
    html! {
        <dialog ref={dialog_ref} class="upgrade-dialog" role="dialog" aria-modal="true"
            aria-labelledby={heading.clone()} data-testid="upgrade-dialog" {onclose}>
            <h2 id={heading}>{ "Monthly message limit reached" }</h2>
            if let Some(body) = &props.body {
                { super::raw(body.to_string()) }
            }
            <div class="dialog-actions">
                <button type="button" class="button secondary" data-testid="upgrade-dialog-close" data-action="close-dialog">{ "Not now" }</button>
            </div>
        </dialog>
    }
}
