//! "Share this plan": the link to what the widget shows (edited rules included) and the embed
//! code that shows the same plan on any page, each with a copy button that says whether it
//! worked; where the browser refuses the clipboard, the text is selected for the visitor to
//! copy.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlElement, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::context::use_ids;
use super::page_writes::LinkRules;
use super::use_view::use_view;
use crate::browser::{embed_markup, url};
use crate::state::Widget;
use crate::text::I18n;
use crate::view::share::{share, Copied, ShareInput};

/// The link and the embed code for a state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shared {
    pub link: AttrValue,
    pub snippet: AttrValue,
}

impl Shared {
    /// Works out both. `base` is the loader's folder: the standalone page is there, and the
    /// loader.
    fn of(state: &Widget, rules: &LinkRules, sync_url: bool, base: &str) -> Shared {
        let link = url::share_link(&state.url_params(), rules.fragment(), sync_url, base);
        let loader = format!("{base}messaging-quota.js");
        let code =
            embed_markup::embed_code(&loader, &state.snippet_attributes()).unwrap_or_default();
        Shared {
            link: link.into(),
            snippet: code.into(),
        }
    }
}

/// How long the state must stay unchanged before the link and the code follow it: they are
/// shown, not needed by the frame of the input that changed them (a visitor cannot reach a
/// copy button sooner).
const SHARE_AFTER_MS: u32 = 100;

/// The link and the embed code for what the widget shows (when the Share panel is `on`):
/// worked out with the first render, then again once the state has stayed unchanged for
/// 100 ms, off the task of every input.
#[hook]
pub fn use_shared(
    on: bool,
    state: Rc<Widget>,
    rules: LinkRules,
    sync_url: bool,
    base: AttrValue,
) -> Rc<Shared> {
    let shared = {
        let (state, rules, base) = (state.clone(), rules.clone(), base.clone());
        // Drawn ahead of the page, there is no page to link to yet: the link and the code
        // come with the widget's first render in the page.
        use_state_eq(move || {
            if on && crate::browser::in_a_page() {
                Rc::new(Shared::of(&state, &rules, sync_url, &base))
            } else {
                Rc::default()
            }
        })
    };
    {
        let shared = shared.clone();
        let deps = on.then(|| (state.rules.clone(), state.params(), rules.clone()));
        use_effect_with(deps, move |deps| {
            let timer = deps.is_some().then(|| {
                Timeout::new(SHARE_AFTER_MS, move || {
                    shared.set(Rc::new(Shared::of(&state, &rules, sync_url, &base)))
                })
            });
            move || drop(timer)
        });
    }
    (*shared).clone()
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub link: AttrValue,
    pub snippet: AttrValue,
    /// Whether the rules are edited (the link and the code carry them).
    pub edited: bool,
    pub words: I18n,
}

/// Selects all the text of a field (the link's input or the code's textarea).
fn select_text(field: &web_sys::Element) {
    if let Some(input) = field.dyn_ref::<HtmlInputElement>() {
        input.select();
    } else if let Some(area) = field.dyn_ref::<HtmlTextAreaElement>() {
        area.select();
    }
}

/// Copies `text`, then says so; where the clipboard is refused, selects `field`'s text.
fn copy(text: Rc<str>, field: NodeRef, done: Copied, status: UseStateHandle<Option<Copied>>) {
    let select = move || {
        if let Some(element) = field.cast::<HtmlElement>() {
            let _ = element.focus();
            select_text(&element);
        }
    };
    let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
        select();
        status.set(Some(Copied::Refused));
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        match JsFuture::from(clipboard.write_text(&text)).await {
            Ok(_) => status.set(Some(done)),
            Err(_) => {
                select();
                status.set(Some(Copied::Refused));
            }
        }
    });
}

#[function_component]
pub fn Share(props: &Props) -> Html {
    let ids = use_ids();
    let status = use_state_eq(|| None::<Copied>);
    let input = ShareInput {
        link: Rc::from(props.link.as_str()),
        snippet: Rc::from(props.snippet.as_str()),
        edited: props.edited,
        copied: *status,
    };
    let view = use_view(&input, &props.words, share);
    let (link_ref, code_ref) = (use_node_ref(), use_node_ref());
    let (link_id, code_id) = (ids.id("share-link"), ids.id("share-code"));
    let on_copy = |text: &Rc<str>, field: &NodeRef, done: Copied| {
        let (text, field, status) = (text.clone(), field.clone(), status.clone());
        Callback::from(move |_: MouseEvent| copy(text.clone(), field.clone(), done, status.clone()))
    };
    // Clicking into a field selects all of it, ready to copy by hand.
    let select_all = Callback::from(|e: FocusEvent| {
        if let Some(field) = e.target_dyn_into::<web_sys::Element>() {
            select_text(&field);
        }
    });
    html! {
        <section class="share" aria-label={view.heading.clone()}>
            <h2>{ view.heading.clone() }</h2>
            <div class="share-field">
                <label for={link_id.clone()}>{ view.link_label.clone() }</label>
                <div class="share-row">
                    <input id={link_id} ref={link_ref.clone()} type="url" readonly=true data-testid="share-link"
                        value={view.link.clone()} onfocus={select_all.clone()} />
                    <button type="button" class="button secondary" data-testid="share-copy-link"
                        onclick={on_copy(&view.link, &link_ref, Copied::Link)}>{ view.copy_link.clone() }</button>
                </div>
                if let Some(edited) = &view.edited {
                    <p class="muted">{ edited.clone() }</p>
                }
            </div>
            <div class="share-field">
                <label for={code_id.clone()}>{ view.snippet_label.clone() }</label>
                <textarea id={code_id} ref={code_ref.clone()} class="share-code" readonly=true rows="4" spellcheck="false"
                    data-testid="embed-snippet" value={view.snippet.clone()} onfocus={select_all} />
                <div class="share-row">
                    <p class="muted">{ view.snippet_note.clone() }</p>
                    <button type="button" class="button secondary" data-testid="share-copy-snippet"
                        onclick={on_copy(&view.snippet, &code_ref, Copied::Snippet)}>{ view.copy_snippet.clone() }</button>
                </div>
            </div>
            <p class="share-status" role="status" aria-live="polite" data-testid="share-status">{ view.status.clone() }</p>
        </section>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::ui::testing::render;
    use crate::view::words;

    #[test]
    fn the_link_and_the_code_each_with_a_copy_button() {
        let page = render(html! {
            <Share link="https://x.example/?tier=basic" snippet="<messaging-quota></messaging-quota>" edited=true
                words={words()} />
        });
        assert_eq!(
            page.attr("share-link", "value").as_deref(),
            Some("https://x.example/?tier=basic")
        );
        assert_eq!(
            page.text("embed-snippet"),
            "<messaging-quota></messaging-quota>"
        );
        assert_eq!(page.text("share-copy-link"), "Copy link");
        assert_eq!(
            page.count("[data-testid=share-status][aria-live=polite]"),
            1
        );
        assert_eq!(page.count("label[for=mq1-share-link]"), 1);
        assert!(page
            .all_text()
            .contains("The link carries your edited rules"));
    }
}
