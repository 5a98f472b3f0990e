//! The sections after the calculator (Share, Compare, Demo, Rules) live in a wasm module of
//! their own, fetched once the widget has first rendered: a first view carries only its own
//! code. [`use_later`] fetches it; `later_views` is its one entry point, split off by
//! `wasm_split_helpers` (the build splits the module there: xtask/src/split.rs).
//!
//! Natively (tests) and in the server renderer's build (feature `ssr`, not split), the entry
//! point is an ordinary function, ready at once. A widget that comes alive over its
//! prerendered markup fetches the later module before it hydrates ([`fetch_later`]): its
//! later sections are on the page already, and hydration needs their code.

use std::cell::Cell;

use gloo::events::EventListener;
#[cfg(not(feature = "ssr"))]
use wasm_split_helpers::wasm_split;
use wasm_split_helpers::SplitLoaderError;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::compare::{self, Compare};
use super::demo::{self, Demo};
use super::rules_editor::{self, RulesEditor};
use super::share::{self, Share};
use crate::host::parts::Part;
use crate::text::I18n;
use crate::view::{unavailable, UnavailableView};

/// Whether a part's code is in the later module.
pub fn is_later(part: Part) -> bool {
    !matches!(part, Part::Heading | Part::Calculator)
}

/// A later section with what it shows.
pub enum LaterPart {
    Share(share::Props),
    Compare(compare::Props),
    Demo(demo::Props),
    Rules(rules_editor::Props),
}

/// Renders a later section: the split module's one function, called once loaded.
pub type LaterView = fn(LaterPart) -> Html;

fn view(part: LaterPart) -> Html {
    match part {
        LaterPart::Share(props) => html! { <Share ..props /> },
        LaterPart::Compare(props) => html! { <Compare ..props /> },
        LaterPart::Demo(props) => html! { <Demo ..props /> },
        LaterPart::Rules(props) => html! { <RulesEditor ..props /> },
    }
}

/// Hands out the later sections' view. Its body, and all that only it reaches, is what the
/// build moves to the split module; calling it fetches that module first (a failed fetch is
/// an `Err`, and the next call tries again).
#[cfg(not(feature = "ssr"))]
#[wasm_split(later, fallible)]
fn later_views() -> Result<LaterView, SplitLoaderError> {
    Ok(view)
}

/// The server renderer's build is not split: the view is right here.
#[cfg(feature = "ssr")]
#[allow(clippy::unused_async)]
async fn later_views() -> Result<LaterView, SplitLoaderError> {
    Ok(view)
}

thread_local! {
    /// The later sections' view, once fetched (the module is fetched once per page).
    static FETCHED: Cell<Option<LaterView>> = const { Cell::new(None) };
}

/// Fetches the later sections' code, if it is not here yet; its view, once it is.
pub async fn fetch_later() -> Option<LaterView> {
    if let Some(view) = FETCHED.get() {
        return Some(view);
    }
    let view = later_views().await.ok()?;
    FETCHED.set(Some(view));
    Some(view)
}

/// Where the later sections' code is.
#[derive(Clone)]
pub enum Later {
    /// Not asked for yet, or on its way.
    Loading,
    Ready(LaterView),
    /// The fetch failed; the callback asks again.
    Failed(Callback<()>),
}

/// Fetches the later sections' code once `wanted`. A failed fetch is tried again on Try again, or when the browser is back online (as a
/// language file is).
#[hook]
pub fn use_later(wanted: bool) -> Later {
    // Fetched before (for another widget, or before hydrating): here from the first render.
    let loaded = use_state(|| FETCHED.get().map(Ok::<LaterView, ()>));
    let attempt = use_state_eq(|| 0u32);
    let ready = matches!(*loaded, Some(Ok(_)));
    let failed = matches!(*loaded, Some(Err(())));
    {
        let loaded = loaded.clone();
        use_effect_with((wanted && !ready, *attempt), move |&(fetch, _)| {
            if fetch {
                spawn_local(async move {
                    loaded.set(Some(fetch_later().await.ok_or(())));
                });
            }
        });
    }
    let retry = {
        let (loaded, attempt) = (loaded.clone(), attempt.clone());
        Callback::from(move |()| {
            loaded.set(None);
            attempt.set(*attempt + 1);
        })
    };
    {
        let retry = retry.clone();
        use_effect_with(failed, move |&failed| {
            let online = failed.then(|| {
                EventListener::new(&gloo::utils::window(), "online", move |_| retry.emit(()))
            });
            move || drop(online)
        });
    }
    match *loaded {
        Some(Ok(view)) => Later::Ready(view),
        Some(Err(())) => Later::Failed(retry),
        None => Later::Loading,
    }
}

impl Later {
    /// The section, once its code is here: nothing while it loads (its space is kept), and
    /// what happened with a way on if the fetch failed.
    pub fn render(&self, part: LaterPart, words: &I18n) -> Html {
        match self {
            Later::Loading => Html::default(),
            Later::Ready(view) => view(part),
            Later::Failed(retry) => html! {
                <Unavailable view={unavailable(words)} retry={retry.clone()} />
            },
        }
    }
}

#[derive(Properties, PartialEq)]
struct UnavailableProps {
    view: UnavailableView,
    retry: Callback<()>,
}

/// In a later section's place when its code could not be fetched: what happened, and a way on.
#[function_component]
fn Unavailable(props: &UnavailableProps) -> Html {
    let onclick = props.retry.reform(|_: MouseEvent| ());
    html! {
        <p class="later-failed" role="status" data-testid="section-unavailable">
            <span>{ props.view.text.clone() }</span>
            <button type="button" class="button link" data-testid="section-retry" {onclick}>{ props.view.retry.clone() }</button>
        </p>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::ui::testing::render;

    #[test]
    fn a_section_whose_code_failed_says_so_with_try_again() {
        let words = crate::view::words();
        let failed = Later::Failed(Callback::noop());
        let page = render(failed.render(
            LaterPart::Share(share::Props {
                link: "".into(),
                snippet: "".into(),
                edited: false,
                words: words.clone(),
            }),
            &words,
        ));
        assert_eq!(
            page.count("[data-testid=section-unavailable][role=status]"),
            1
        );
        assert_eq!(page.text("section-retry"), "Try again");
        let loading = render(Later::Loading.render(
            LaterPart::Share(share::Props {
                link: "".into(),
                snippet: "".into(),
                edited: false,
                words: words.clone(),
            }),
            &words,
        ));
        assert_eq!(loading.all_text(), "", "its space is kept, empty");
        let ready = render(Later::Ready(view).render(
            LaterPart::Share(share::Props {
                link: "https://x.example/".into(),
                snippet: "".into(),
                edited: false,
                words: words.clone(),
            }),
            &words,
        ));
        assert_eq!(
            ready.attr("share-link", "value").as_deref(),
            Some("https://x.example/")
        );
    }
}
