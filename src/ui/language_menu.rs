//! The language menu (the standalone page's): each language under its own name, marked
//! with its `lang` so a screen reader says it right.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::context::use_ids;
use crate::view::heading::LanguageMenuView;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub view: LanguageMenuView,
    /// The locale of the language picked.
    pub on_locale: Callback<String>,
}

#[function_component]
pub fn LanguageMenu(props: &Props) -> Html {
    let v = &props.view;
    let id = use_ids().id("language");
    let select_ref = use_node_ref();
    {
        // The state's choice, whatever the visitor did to the select before.
        let (select_ref, current) = (select_ref.clone(), v.current);
        use_effect(move || {
            if let Some(select) = select_ref.cast::<HtmlSelectElement>() {
                if select.value() != current {
                    select.set_value(current);
                }
            }
        });
    }
    let onchange = props.on_locale.reform(|e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        select.value()
    });
    html! {
        <div class="language-menu">
            <label for={id.clone()}>{ v.label.clone() }</label>
            <select {id} ref={select_ref} data-testid="language" {onchange}>
                { for v.languages.iter().map(|l| html! {
                    <option key={l.code} value={l.locale} lang={l.code} selected={l.locale == v.current}>
                        { l.name }
                    </option>
                }) }
            </select>
        </div>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::ui::testing::render;
    use crate::view::heading::language_menu;
    use crate::view::words;

    #[test]
    fn each_language_under_its_own_name_and_in_its_own_language() {
        let page = render(
            html! { <LanguageMenu view={language_menu(&words())} on_locale={Callback::noop()} /> },
        );
        assert_eq!(page.count("label[for=mq1-language]"), 1);
        assert_eq!(page.texts("option[lang=de]"), ["Deutsch"]);
        assert_eq!(page.texts("option[selected]"), ["English"]);
    }
}
