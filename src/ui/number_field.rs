//! A labelled number field that refuses bad input with a message beside it and keeps the
//! last valid value. Arrow keys step whole numbers; prices are typed in dollars.

use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use crate::engine::fields::{parse_count, parse_money, CountError};
use crate::engine::rules::MAX_PRICE_CENTS;
use crate::state::{Action, Count};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: AttrValue,
    pub label: AttrValue,
    pub testid: AttrValue,
    pub value: u64,
    /// What the number counts; decides its range and the action it sends.
    pub target: Count,
    pub on_action: Callback<Action>,
}

fn parse(text: &str, target: Count) -> Result<u64, CountError> {
    if target.is_money() {
        parse_money(text, MAX_PRICE_CENTS)
    } else {
        parse_count(text, target.field())
    }
}

fn show(value: u64, target: Count) -> String {
    if target.is_money() {
        format!("{}.{:02}", value / 100, value % 100)
    } else {
        value.to_string()
    }
}

/// A number input.
#[function_component]
pub fn NumberField(props: &Props) -> Html {
    let target = props.target;
    let draft = use_state(|| show(props.value, target));
    let error = use_state(|| None::<String>);

    // A change from elsewhere (a shared link, the pop-up, the player) replaces the draft.
    {
        let (draft, error) = (draft.clone(), error.clone());
        use_effect_with(props.value, move |value| {
            if parse(&draft, target).ok() != Some(*value) {
                draft.set(show(*value, target));
                error.set(None);
            }
        });
    }

    let commit = {
        let (draft, error, on_action, value) = (
            draft.clone(),
            error.clone(),
            props.on_action.clone(),
            props.value,
        );
        move |text: String| {
            match parse(&text, target) {
                Ok(v) => {
                    error.set(None);
                    if v != value {
                        on_action.emit(Action::SetCount(target, v));
                    }
                }
                Err(e) => error.set(Some(e.sentence())),
            }
            draft.set(text);
        }
    };
    let oninput = {
        let commit = commit.clone();
        Callback::from(move |e: InputEvent| {
            commit(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let onkeydown = {
        let value = props.value;
        Callback::from(move |e: KeyboardEvent| {
            let (min, max) = target.field().range();
            let next = match e.key().as_str() {
                "ArrowUp" if !target.is_money() => value.saturating_add(1).min(max),
                "ArrowDown" if !target.is_money() => value.saturating_sub(1).max(min),
                _ => return,
            };
            e.prevent_default();
            commit(next.to_string());
        })
    };

    let error_id = format!("{}-error", props.id);
    html! {
        <div class={if error.is_some() { "number-field has-error" } else { "number-field" }}>
            <label for={props.id.clone()}>{ &props.label }</label>
            <input id={props.id.clone()} type="text" inputmode={if target.is_money() { "decimal" } else { "numeric" }}
                autocomplete="off" spellcheck="false" data-testid={props.testid.clone()} value={(*draft).clone()}
                aria-invalid={error.is_some().then_some("true")} aria-describedby={error.is_some().then(|| error_id.clone())}
                {oninput} {onkeydown} />
            if let Some(message) = &*error {
                <p class="field-error" id={error_id} data-testid={format!("{}-error", props.testid)} role="alert">
                    { format!("{message} — still using {}", show(props.value, target)) }
                </p>
            }
        </div>
    }
}
