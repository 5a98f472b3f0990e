//! The language menu (the standalone page's): each language under its own name, marked
//! with its `lang` so a screen reader says it right.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::context::{use_dispatch, use_ids, use_texts};
use crate::state::Action;
use crate::text::key;
use crate::text::languages::{language_for, LANGUAGES};

#[function_component]
pub fn LanguageMenu() -> Html {
    let t = use_texts();
    let dispatch = use_dispatch();
    let id = use_ids().id("language");
    let current = language_for(t.lang()).locale;
    let select_ref = use_node_ref();
    {
        // The state's choice, whatever the visitor did to the select before.
        let select_ref = select_ref.clone();
        use_effect(move || {
            if let Some(select) = select_ref.cast::<HtmlSelectElement>() {
                if select.value() != current {
                    select.set_value(current);
                }
            }
        });
    }
    let onchange = dispatch.reform(|e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        Action::ChooseLocale(select.value())
    });
    html! {
        <div class="language-menu">
            <label for={id.clone()}>{ t.text(key::LANGUAGE_LABEL) }</label>
            <select {id} ref={select_ref} data-testid="language" {onchange}>
                { for LANGUAGES.iter().map(|l| html! {
                    <option key={l.code} value={l.locale} lang={l.code} selected={l.locale == current}>
                        { l.name }
                    </option>
                }) }
            </select>
        </div>
    }
}
