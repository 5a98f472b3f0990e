//! The widget's own heading, for a page it is the main content of (`heading`): its title,
//! what it does, and a way to each of its sections. All in the widget's language, and the
//! page's title follows it.

use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use super::language_menu::LanguageMenu;
use crate::host::parts::Part;
use crate::view::heading::HeadingView;

/// Where each part of the widget is, so the navigation can take the visitor there.
#[derive(Clone, PartialEq)]
pub struct PartRefs(Rc<[(Part, NodeRef)]>);

impl PartRefs {
    pub fn new(parts: impl Iterator<Item = Part>) -> PartRefs {
        PartRefs(parts.map(|p| (p, NodeRef::default())).collect())
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
    pub view: Rc<HeadingView>,
    pub refs: PartRefs,
    pub on_locale: Callback<String>,
}

#[function_component]
pub fn PageHeading(props: &Props) -> Html {
    let v = &*props.view;
    use_effect_with(v.document_title.clone(), |title| {
        gloo::utils::document().set_title(title);
    });
    let links = v.nav.iter().map(|item| {
        let target = props.refs.of(item.part);
        let onclick = Callback::from(move |_: MouseEvent| go_to(&target));
        html! {
            <li key={item.part.id()}>
                <button type="button" class={classes!("button", if item.primary { "primary" } else { "secondary" })}
                    data-testid={format!("nav-{}", item.part.id())} {onclick}>
                    { item.label.clone() }
                </button>
            </li>
        }
    });
    html! {
        <header class="page-heading">
            <div class="heading-row">
                <h1>{ v.title.clone() }</h1>
                if let Some(menu) = &v.language_menu {
                    <LanguageMenu view={menu.clone()} on_locale={props.on_locale.clone()} />
                }
            </div>
            <p class="muted">{ v.intro.clone() }</p>
            if !v.nav.is_empty() {
                <nav aria-label={v.nav_label.clone()}>
                    <ul class="section-nav">{ for links }</ul>
                </nav>
            }
        </header>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::host::parts::Parts;
    use crate::ui::testing::render;
    use crate::view::heading::{heading, HeadingInput};
    use crate::view::words;

    #[test]
    fn the_title_a_way_to_each_section_and_the_language_menu() {
        let parts = Parts::default().with(Part::Heading, true);
        let view = Rc::new(heading(
            &HeadingInput {
                parts,
                language_menu: true,
            },
            &words(),
        ));
        let page = render(html! {
            <PageHeading {view} refs={PartRefs::new(parts.iter())} on_locale={Callback::noop()} />
        });
        assert_eq!(page.texts("h1"), ["Messaging Quota"]);
        assert_eq!(
            page.texts("nav button"),
            [
                "Find the cheapest plan",
                "Your plan",
                "Play a month",
                "Rules"
            ]
        );
        assert_eq!(page.count("[data-testid=nav-compare].primary"), 1);
        assert_eq!(page.count("select[data-testid=language] option"), 9);
        assert_eq!(page.count("option[value=en-US][selected]"), 1);
    }
}
