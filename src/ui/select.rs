//! A labelled select. After each render its value is set to the state's, so it always shows
//! what the state holds, whatever options it had before (the `selected` attribute alone
//! stops counting once a visitor has used the select).

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::view::SelectView;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub view: SelectView,
    /// The value of the option picked.
    pub onchange: Callback<String>,
}

#[function_component]
pub fn Select(props: &Props) -> Html {
    let v = &props.view;
    let select_ref = use_node_ref();
    {
        let (select_ref, selected) = (select_ref.clone(), v.selected.clone());
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
            <span>{ v.label.clone() }</span>
            <select ref={select_ref} data-testid={v.testid} {onchange}>
                { for v.choices.iter().map(|c| html! {
                    <option key={&*c.value} value={c.value.clone()} selected={c.value == v.selected}>
                        { c.text.clone() }
                    </option>
                }) }
            </select>
        </label>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::ui::testing::render;
    use crate::view::Choice;

    #[test]
    fn the_option_in_use_is_selected() {
        let view = SelectView {
            label: "Speed".into(),
            testid: "speed",
            choices: vec![Choice::new("1", "Slow"), Choice::new("2", "Fast")].into(),
            selected: "2".into(),
        };
        let page = render(html! { <Select {view} onchange={Callback::noop()} /> });
        assert_eq!(page.texts("label.select-field > span"), ["Speed"]);
        assert_eq!(page.texts("[data-testid=speed] option[selected]"), ["Fast"]);
    }
}
