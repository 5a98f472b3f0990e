//! A labelled whole-number field that refuses bad input with a message beside it and keeps
//! the last valid value. Arrow keys step the value.

use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use crate::engine::fields::{parse_count, parse_money, CountError, CountField};
use crate::engine::rules::MAX_PRICE_CENTS;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: AttrValue,
    pub label: AttrValue,
    pub testid: AttrValue,
    pub value: u64,
    pub field: CountField,
    pub on_change: Callback<u64>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// A dollar amount: the value is cents, typed and shown as `29.99`.
    #[prop_or_default]
    pub money: bool,
}

fn parse(text: &str, field: CountField, money: bool) -> Result<u64, CountError> {
    if money {
        parse_money(text, MAX_PRICE_CENTS)
    } else {
        parse_count(text, field)
    }
}

fn show(value: u64, money: bool) -> String {
    if money {
        format!("{}.{:02}", value / 100, value % 100)
    } else {
        value.to_string()
    }
}

/// A whole-number (or dollar) input.
#[function_component]
pub fn NumberField(props: &Props) -> Html {
    let money = props.money;
    let draft = use_state(|| show(props.value, money));
    let error = use_state(|| None::<String>);

    // A change from elsewhere (a shared link, the pop-up, the player) replaces the draft.
    {
        let (draft, error, field) = (draft.clone(), error.clone(), props.field);
        use_effect_with(props.value, move |value| {
            if parse(&draft, field, money).ok() != Some(*value) {
                draft.set(show(*value, money));
                error.set(None);
            }
        });
    }

    let commit = {
        let (draft, error, field, on_change, value) = (draft.clone(), error.clone(), props.field, props.on_change.clone(), props.value);
        move |text: String| {
            match parse(&text, field, money) {
                Ok(v) => {
                    error.set(None);
                    if v != value {
                        on_change.emit(v);
                    }
                }
                Err(e) => error.set(Some(e.to_string())),
            }
            draft.set(text);
        }
    };
    let oninput = {
        let commit = commit.clone();
        Callback::from(move |e: InputEvent| commit(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let onkeydown = {
        let (field, value) = (props.field, props.value);
        Callback::from(move |e: KeyboardEvent| {
            if money {
                return;
            }
            let (min, max) = field.range();
            let next = match e.key().as_str() {
                "ArrowUp" => value.saturating_add(1).min(max),
                "ArrowDown" => value.saturating_sub(1).max(min),
                _ => return,
            };
            e.prevent_default();
            commit(next.to_string());
        })
    };

    let error_id = format!("{}-error", props.id);
    let hint_id = format!("{}-hint", props.id);
    let described = match (&*error, &props.hint) {
        (Some(_), _) => Some(error_id.clone()),
        (None, Some(_)) => Some(hint_id.clone()),
        _ => None,
    };
    html! {
        <div class={classes!("number-field", error.is_some().then_some("has-error"))}>
            <label for={props.id.clone()}>{ &props.label }</label>
            <input
                id={props.id.clone()}
                type="text"
                inputmode={if money { "decimal" } else { "numeric" }}
                autocomplete="off"
                spellcheck="false"
                data-testid={props.testid.clone()}
                value={(*draft).clone()}
                aria-invalid={error.is_some().then_some("true")}
                aria-describedby={described}
                {oninput}
                {onkeydown}
            />
            if let Some(message) = &*error {
                <p class="field-error" id={error_id} data-testid={format!("{}-error", props.testid)} role="alert">
                    { format!("{message} — still using {}", show(props.value, money)) }
                </p>
            } else if let Some(hint) = &props.hint {
                <p class="field-hint" id={hint_id}>{ hint }</p>
            }
        </div>
    }
}
