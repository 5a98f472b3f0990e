//! A labelled number field: what the visitor types is kept as typed while it stands for
//! the value in use; text that is not a valid number stays, with the reason beside it and
//! the value still used. ↑/↓ step the value. The text lives in the state, so what the field
//! shows is always what the state holds.

use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use super::context::{use_dispatch, use_ids, use_texts};
use crate::state::{field_text, Action, Count, FieldDraft};

/// One number field as a section describes it: what it counts, its label and its value.
/// Its element id and test id follow from the count ([`Count::name`], [`Count::test_id`]),
/// so no two places spell them.
pub struct Field {
    pub count: Count,
    pub label: AttrValue,
    /// The value in use; `None` when there is none (a rule the form cannot read).
    pub value: Option<u64>,
    /// The tier a rule field belongs to, named in its test id.
    pub tier_id: Option<AttrValue>,
    /// Minor digits of a price's currency.
    pub digits: u8,
}

impl Field {
    pub fn new(count: Count, label: impl Into<AttrValue>, value: Option<u64>) -> Field {
        Field {
            count,
            label: label.into(),
            value,
            tier_id: None,
            digits: 2,
        }
    }

    /// A price in a currency of `digits` minor digits.
    pub fn in_digits(self, digits: u8) -> Field {
        Field { digits, ..self }
    }

    /// A rule field of the tier with this id.
    pub fn of_tier(self, tier_id: &str) -> Field {
        Field {
            tier_id: Some(AttrValue::from(tier_id.to_owned())),
            ..self
        }
    }

    /// The field, with what was last typed into it (among a part's `drafts`).
    pub fn view(self, drafts: &[FieldDraft]) -> Html {
        let draft = drafts.iter().find(|d| d.count == self.count).cloned();
        html! {
            <NumberField key={self.count.name()} count={self.count} label={self.label} value={self.value}
                tier_id={self.tier_id} {draft} digits={self.digits} />
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub count: Count,
    pub label: AttrValue,
    pub value: Option<u64>,
    #[prop_or_default]
    pub tier_id: Option<AttrValue>,
    /// What the visitor last typed here.
    pub draft: Option<FieldDraft>,
    /// Minor digits of a price's currency.
    #[prop_or(2)]
    pub digits: u8,
}

#[function_component]
pub fn NumberField(props: &Props) -> Html {
    let t = use_texts();
    let dispatch = use_dispatch();
    let count = props.count;
    let id = use_ids().id(&count.name());
    let testid = count.test_id(props.tier_id.as_deref());
    let shown = field_text(count, props.value, props.draft.as_ref(), props.digits);
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
    let error_id = format!("{id}-error");
    html! {
        <div class={classes!("number-field", error.is_some().then_some("has-error"))}>
            <label for={id.clone()}>{ props.label.clone() }</label>
            // The input and its message share a cell, so a row of fields keeps its inputs level.
            <div class="number-input">
                <input
                    id={id}
                    type="text"
                    inputmode={if count.is_money() { "decimal" } else { "numeric" }}
                    autocomplete="off"
                    spellcheck="false"
                    data-testid={testid.clone()}
                    value={shown.text}
                    aria-invalid={error.is_some().then_some("true")}
                    aria-describedby={error.is_some().then(|| error_id.clone())}
                    {oninput}
                    {onkeydown}
                />
                if let Some(message) = error {
                    <p class="field-error" id={error_id} data-testid={format!("{testid}-error")} role="alert">
                        { message }
                    </p>
                }
            </div>
        </div>
    }
}
