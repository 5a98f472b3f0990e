//! The Yew view. Inputs, selects, radios and buttons are Yew elements, so they keep their
//! focus and state across updates; display-only regions are HTML text from
//! [`crate::view`]. Buttons carry `data-action` commands and selects carry `data-field`
//! names, read by one click and one change handler at the root (`app.rs`).

mod app;
mod calculator;
mod compare;
mod demo;
mod number_field;
mod rules_editor;
mod scope;
mod upgrade_dialog;

pub use app::{App, AppProps, ConfigUpdate, HostLink, InitCell};

/// Wraps the first state for the root component's props.
pub fn app_init(init: crate::state::Init) -> InitCell {
    InitCell(std::rc::Rc::new(init))
}

/// Display-only HTML text as a Yew node.
fn raw(html: String) -> yew::Html {
    yew::Html::from_html_unchecked(yew::AttrValue::from(html))
}

/// Fixed markup as a Yew node.
fn raw_static(html: &'static str) -> yew::Html {
    yew::Html::from_html_unchecked(yew::AttrValue::Static(html))
}
