//! Notices about input the widget could not use and what it could not do, with a Dismiss
//! button; a notice with a way on has its button beside it (load another tab's plan, fetch
//! a language again).

use std::rc::Rc;

use yew::prelude::*;

use super::context::{use_dispatch, use_texts, Dispatch, I18n};
use crate::browser::console::{console_words, warn_once};
use crate::state::{Action, Notice};
use crate::text::key;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub notices: Rc<[Notice]>,
    /// Fetches the language's words again.
    pub on_retry_words: Callback<()>,
}

#[function_component]
pub fn Notices(props: &Props) -> Html {
    let t = use_texts();
    let dispatch = use_dispatch();
    // What a reader said of a text it could not read goes to the console, once.
    use_effect_with(props.notices.clone(), |notices| {
        let details: Vec<String> = notices
            .iter()
            .filter_map(|n| {
                let detail = n.parser_detail()?;
                Some(format!(
                    "{} (the JSON reader said: {detail})",
                    console_words().notice(n)
                ))
            })
            .collect();
        warn_once(&details);
    });
    if props.notices.is_empty() {
        return html! {};
    }
    let onclick = dispatch.reform(|_: MouseEvent| Action::DismissNotices);
    html! {
        <div class="notices" role="status" data-testid="input-notice">
            <ul>
                { for props.notices.iter().map(|n| html! { <li>{ t.notice(n) }{ way_on(n, &t, &dispatch, &props.on_retry_words) }</li> }) }
            </ul>
            <button type="button" class="button link" {onclick}>{ t.text(key::NOTICES_DISMISS) }</button>
        </div>
    }
}

/// The button that acts on a notice, for the notices that have one.
fn way_on(notice: &Notice, t: &I18n, dispatch: &Dispatch, retry_words: &Callback<()>) -> Html {
    let (label, testid, onclick) = match notice {
        Notice::OtherTabSaved(followed) => {
            let followed = followed.clone();
            let onclick =
                dispatch.reform(move |_: MouseEvent| Action::LoadOffered(followed.clone()));
            (key::NOTICE_OTHER_TAB_LOAD, "load-other-tab", onclick)
        }
        Notice::LanguageUnavailable { .. } => {
            let onclick = retry_words.reform(|_: MouseEvent| ());
            (key::NOTICE_LANGUAGE_RETRY, "language-retry", onclick)
        }
        _ => return html! {},
    };
    html! {
        <>{ " " }<button type="button" class="button link" data-testid={testid} {onclick}>{ t.text(label) }</button></>
    }
}
