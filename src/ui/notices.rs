//! Notices about ignored input: bad link values, attributes or saved state.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub notices: Vec<String>,
    pub on_dismiss: Callback<()>,
}

/// The list of notices, with a dismiss button; nothing when there are none.
#[function_component]
pub fn Notices(props: &Props) -> Html {
    if props.notices.is_empty() {
        return html! {};
    }
    html! {
        <div class="notices" role="status" data-testid="input-notice">
            <ul>{ for props.notices.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
            <button type="button" class="button link" onclick={props.on_dismiss.reform(|_| ())}>{ "Dismiss" }</button>
        </div>
    }
}
