//! The widget's own heading, for a page it is the main content of (`heading`): its title,
//! what it does, and a way to each of its sections, the cheapest-plan finder first, since
//! "what do I need?" is a visitor's first question. All in the widget's language, and the
//! page's title follows it.

use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use super::context::use_texts;
use super::language_menu::LanguageMenu;
use crate::state::Part;
use crate::text::{key, Key};

/// Where each part of the widget is, so the navigation can take the visitor there.
#[derive(Clone, PartialEq)]
pub struct PartRefs(Rc<[(Part, NodeRef)]>);

impl PartRefs {
    pub fn new(parts: &[Part]) -> PartRefs {
        PartRefs(parts.iter().map(|&p| (p, NodeRef::default())).collect())
    }

    /// The element of a part that is on.
    pub fn of(&self, part: Part) -> NodeRef {
        self.0
            .iter()
            .find(|(p, _)| *p == part)
            .map(|(_, r)| r.clone())
            .unwrap_or_default()
    }
}

/// The heading a part opens with, which also names it in the navigation.
fn heading_key(part: Part) -> Key {
    match part {
        Part::Heading => key::PAGE_TITLE,
        Part::Calculator => key::PLAN_HEADING,
        Part::Share => key::SHARE_HEADING,
        Part::Compare => key::COMPARE_HEADING,
        Part::Demo => key::DEMO_HEADING,
        Part::Rules => key::RULES_HEADING,
    }
}

/// Brings a part into view and moves focus to its heading, so keyboard and screen-reader
/// users land where sighted users look.
fn go_to(part: &NodeRef) {
    let Some(element) = part.cast::<HtmlElement>() else {
        return;
    };
    let heading = element
        .query_selector("h2")
        .ok()
        .flatten()
        .and_then(|h| wasm_bindgen::JsCast::dyn_into::<HtmlElement>(h).ok());
    if let Some(heading) = heading {
        let _ = heading.set_attribute("tabindex", "-1");
        let _ = heading.focus();
    }
    element.scroll_into_view();
}

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The parts that are on, in the order they show.
    pub parts: Rc<[Part]>,
    pub refs: PartRefs,
    /// The language menu shows beside the title.
    pub language_menu: bool,
}

#[function_component]
pub fn PageHeading(props: &Props) -> Html {
    let t = use_texts();
    use_effect_with(t.clone(), |t| {
        gloo::utils::document().set_title(&t.text(key::PAGE_DOCUMENT_TITLE));
    });
    // The finder first, then the rest as they show.
    let sections = props.parts.iter().filter(|p| **p != Part::Heading);
    let order = sections
        .clone()
        .filter(|p| **p == Part::Compare)
        .chain(sections.clone().filter(|p| **p != Part::Compare));
    let links = order.map(|&part| {
        let target = props.refs.of(part);
        let onclick = Callback::from(move |_: MouseEvent| go_to(&target));
        let key = heading_key(part);
        html! {
            <li key={key.id()}>
                <button type="button" class={classes!("button", if part == Part::Compare { "primary" } else { "secondary" })}
                    data-testid={format!("nav-{}", part.id())} {onclick}>
                    { t.text(key) }
                </button>
            </li>
        }
    });
    html! {
        <header class="page-heading">
            <div class="heading-row">
                <h1>{ t.text(key::PAGE_TITLE) }</h1>
                if props.language_menu { <LanguageMenu /> }
            </div>
            <p class="muted">{ t.text(key::PAGE_INTRO) }</p>
            if sections.count() > 1 {
                <nav aria-label={t.text(key::NAV_LABEL).to_string()}>
                    <ul class="section-nav">{ for links }</ul>
                </nav>
            }
        </header>
    }
}
