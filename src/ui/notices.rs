//! Notices about input the widget could not use, with a Dismiss button.

use std::rc::Rc;

use yew::prelude::*;

use super::context::{use_dispatch, use_texts};
use crate::browser::console::{console_words, warn_once};
use crate::state::{Action, Notice};
use crate::text::key;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub notices: Rc<[Notice]>,
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
                Some(format!("{} (the JSON reader said: {detail})", console_words().notice(n)))
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
                { for props.notices.iter().map(|n| html! { <li>{ t.notice(n) }</li> }) }
            </ul>
            <button type="button" class="button link" {onclick}>{ t.text(key::NOTICES_DISMISS) }</button>
        </div>
    }
}
