//! A labelled select. After each render its value is set to the state's, so it always shows
//! what the state holds, whatever options it had before (the `selected` attribute alone
//! stops counting once a visitor has used the select).

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// One option of a select.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// What the select's value becomes when it is picked.
    pub value: AttrValue,
    /// What the visitor reads.
    pub text: AttrValue,
}

impl Choice {
    pub fn new(value: impl Into<AttrValue>, text: impl Into<AttrValue>) -> Choice {
        Choice {
            value: value.into(),
            text: text.into(),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub label: AttrValue,
    pub testid: AttrValue,
    /// Memoised by the caller, so an unchanged list is the same pointer.
    pub choices: Rc<[Choice]>,
    pub selected: AttrValue,
    pub onchange: Callback<String>,
}

#[function_component]
pub fn Select(props: &Props) -> Html {
    let select_ref = use_node_ref();
    {
        let (select_ref, selected) = (select_ref.clone(), props.selected.clone());
        use_effect(move || {
            if let Some(select) = select_ref.cast::<HtmlSelectElement>() {
                if select.value() != *selected {
                    select.set_value(&selected);
                }
            }
        });
    }
    let onchange = props.onchange.reform(|e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        select.value()
    });
    html! {
        <label class="select-field">
            <span>{ props.label.clone() }</span>
            <select ref={select_ref} data-testid={props.testid.clone()} {onchange}>
                { for props.choices.iter().map(|c| html! {
                    <option key={c.value.to_string()} value={c.value.clone()} selected={c.value == props.selected}>
                        { c.text.clone() }
                    </option>
                }) }
            </select>
        </label>
    }
}
