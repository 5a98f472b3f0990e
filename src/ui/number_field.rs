//! A labelled number field: what the visitor types is kept as typed while it stands for
//! the value in use; text that is not a valid number stays, with the reason beside it and
//! the value still used. ↑/↓ step the value. The text lives in the state, so what the field
//! shows is always what the state holds.

use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use super::context::use_ids;
use crate::state::{Direction, Edit, Field};
use crate::view::FieldView;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub view: FieldView,
    pub on_field: Callback<(Field, Edit)>,
}

/// The fields of a list, keyed by their names.
pub fn fields(views: &[FieldView], on_field: &Callback<(Field, Edit)>) -> Html {
    views
        .iter()
        .map(|view| html! { <NumberField key={view.name.clone()} view={view.clone()} on_field={on_field.clone()} /> })
        .collect()
}

#[function_component]
pub fn NumberField(props: &Props) -> Html {
    let v = &props.view;
    let field = v.field;
    let id = use_ids().id(&v.name);
    let oninput = props.on_field.reform(move |e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        (field, Edit::Type(input.value()))
    });
    let onkeydown = {
        let (on_field, money) = (props.on_field.clone(), v.money);
        Callback::from(move |e: KeyboardEvent| {
            let direction = match e.key().as_str() {
                "ArrowUp" => Direction::Up,
                "ArrowDown" => Direction::Down,
                _ => return,
            };
            // Prices are typed, not stepped.
            if !money {
                e.prevent_default();
                on_field.emit((field, Edit::Step(direction)));
            }
        })
    };
    let error_id = format!("{id}-error");
    html! {
        <div class={classes!("number-field", v.error.is_some().then_some("has-error"))}>
            <label for={id.clone()}>{ v.label.clone() }</label>
            // The input and its message share a cell, so a row of fields keeps its inputs level.
            <div class="number-input">
                <input
                    id={id}
                    type="text"
                    inputmode={if v.money { "decimal" } else { "numeric" }}
                    autocomplete="off"
                    spellcheck="false"
                    data-testid={v.testid.clone()}
                    value={v.text.clone()}
                    aria-invalid={v.error.is_some().then_some("true")}
                    aria-describedby={v.error.is_some().then(|| error_id.clone())}
                    {oninput}
                    {onkeydown}
                />
                if let Some(message) = &v.error {
                    <p class="field-error" id={error_id} data-testid={format!("{}-error", v.testid)} role="alert">
                        { message.clone() }
                    </p>
                }
            </div>
        </div>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::ui::testing::render;
    use crate::view::words;

    #[test]
    fn a_field_keeps_what_was_typed_with_why_it_is_not_used() {
        let t = words();
        let draft = crate::state::FieldDraft {
            field: Field::Sent,
            text: "1.5".into(),
            value: Some(4),
        };
        let view = FieldView::new(&t, Field::Sent, "Messages sent", Some(4), &[draft]);
        let page = render(html! { <NumberField {view} on_field={Callback::noop()} /> });
        assert_eq!(page.attr("sent-count", "value").as_deref(), Some("1.5"));
        assert_eq!(
            page.attr("sent-count", "inputmode").as_deref(),
            Some("numeric")
        );
        assert_eq!(
            page.attr("sent-count", "aria-describedby").as_deref(),
            Some("mq1-sent-count-error")
        );
        assert_eq!(page.count("label[for=mq1-sent-count]"), 1);
        assert_eq!(page.count("[data-testid=sent-count-error][role=alert]"), 1);
    }
}
