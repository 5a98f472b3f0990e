//! A labelled number field: what the visitor types is kept as typed while it stands for
//! the value in use; text that is not a valid number stays, with the reason beside it and
//! the value still used. ↑/↓ step the value. The text lives in the state, so what the field
//! shows is always what the state holds.

use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use super::context::{use_dispatch, use_texts};
use crate::state::{field_text, Action, Count, FieldDraft};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: AttrValue,
    pub label: AttrValue,
    pub testid: AttrValue,
    pub count: Count,
    /// The value in use; `None` when there is none (a rule the form cannot read).
    pub value: Option<u64>,
    /// What the visitor last typed here.
    pub draft: Option<FieldDraft>,
}

#[function_component]
pub fn NumberField(props: &Props) -> Html {
    let t = use_texts();
    let dispatch = use_dispatch();
    let count = props.count;
    let shown = field_text(count, props.value, props.draft.as_ref());
    let oninput = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            dispatch.emit(Action::TypeCount(count, input.value()));
        })
    };
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        let up = match e.key().as_str() {
            "ArrowUp" => true,
            "ArrowDown" => false,
            _ => return,
        };
        if !count.is_money() {
            e.prevent_default();
            dispatch.emit(Action::StepCount(count, up));
        }
    });
    let error = shown.error.as_ref().map(|e| t.field_error(e, &shown.value));
    let error_id = format!("{}-error", props.id);
    html! {
        <div class={classes!("number-field", error.is_some().then_some("has-error"))}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <input
                id={props.id.clone()}
                type="text"
                inputmode={if count.is_money() { "decimal" } else { "numeric" }}
                autocomplete="off"
                spellcheck="false"
                data-testid={props.testid.clone()}
                value={shown.text}
                aria-invalid={error.is_some().then_some("true")}
                aria-describedby={error.is_some().then(|| error_id.clone())}
                {oninput}
                {onkeydown}
            />
            if let Some(message) = error {
                <p class="field-error" id={error_id} data-testid={format!("{}-error", props.testid)} role="alert">
                    { message }
                </p>
            }
        </div>
    }
}
