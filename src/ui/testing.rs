//! Components rendered natively by Yew's server renderer, inside the contexts `App` gives
//! them, and read as a visitor reads them: by test id, role and text.

use scraper::{ElementRef, Html as Document, Selector};
use yew::prelude::*;

use super::context::{Checkout, Ids};
use super::schedule::Rendering;

#[derive(Properties, PartialEq)]
struct HarnessProps {
    child: Html,
}

/// What `App` provides: the ids of widget 1, a host that lets every checkout go on, and
/// every part at once.
#[function_component]
fn Harness(props: &HarnessProps) -> Html {
    html! {
        <ContextProvider<Rendering> context={Rendering::Whole}>
        <ContextProvider<Ids> context={Ids("mq1".into())}>
        <ContextProvider<Checkout> context={Checkout(Callback::from(|_| true), Callback::from(|_| true))}>
            { props.child.clone() }
        </ContextProvider<Checkout>>
        </ContextProvider<Ids>>
        </ContextProvider<Rendering>>
    }
}

/// A rendered component, parsed as a browser parses it.
pub struct Rendered(Document);

/// Renders `child` as the server renderer does.
pub fn render(child: Html) -> Rendered {
    let html = futures::executor::block_on(
        yew::LocalServerRenderer::<Harness>::with_props(HarnessProps { child })
            .hydratable(false)
            .render(),
    );
    Rendered(Document::parse_fragment(&html))
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|e| panic!("{css}: {e}"))
}

fn text_of(element: ElementRef) -> String {
    element
        .text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl Rendered {
    /// The elements `css` selects.
    fn select(&self, css: &str) -> Vec<ElementRef<'_>> {
        self.0.select(&selector(css)).collect()
    }

    /// The text of the element with this test id (white space collapsed).
    pub fn text(&self, testid: &str) -> String {
        let found = self.select(&format!("[data-testid=\"{testid}\"]"));
        match found[..] {
            [one] => text_of(one),
            _ => panic!("{} elements with the test id {testid}", found.len()),
        }
    }

    /// The texts of every element `css` selects.
    pub fn texts(&self, css: &str) -> Vec<String> {
        self.select(css).into_iter().map(text_of).collect()
    }

    /// An attribute of the element with this test id.
    pub fn attr(&self, testid: &str, name: &str) -> Option<String> {
        let found = self.select(&format!("[data-testid=\"{testid}\"]"));
        found
            .first()
            .and_then(|e| e.value().attr(name))
            .map(str::to_owned)
    }

    /// How many elements `css` selects.
    pub fn count(&self, css: &str) -> usize {
        self.select(css).len()
    }

    /// The whole text, white space collapsed.
    pub fn all_text(&self) -> String {
        text_of(self.0.root_element())
    }
}

/// A widget as a page with no attributes starts it, on 20 January 2026.
pub fn widget() -> crate::state::Widget {
    crate::state::initial_widget(crate::state::Init {
        local_today: crate::engine::period::parse_iso_date("2026-01-20"),
        ..crate::state::Init::default()
    })
}

/// A widget on a page with these attributes, on 20 January 2026.
pub fn widget_with(attributes: &[(&str, &str)]) -> crate::state::Widget {
    let (config, problems) =
        crate::host::attributes::parse_attributes(attributes.iter().copied(), false);
    crate::state::initial_widget(crate::state::Init {
        config,
        problems,
        local_today: crate::engine::period::parse_iso_date("2026-01-20"),
        ..crate::state::Init::default()
    })
}

/// English words, `en-US` formats, in the widget's currency.
pub fn words_of(w: &crate::state::Widget) -> crate::text::I18n {
    crate::view::words().in_currency(w.choices.currency)
}
