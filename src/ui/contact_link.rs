//! A tier's "Contact sales" link: a real `<a href>`. Following it tells the host first
//! (`messaging-quota:contact-sales`, cancelable): a host that calls `preventDefault()` keeps
//! the visitor on the page and opens its own form.

use yew::prelude::*;

use super::context::use_checkout;
use crate::browser::url::link_href;
use crate::host::checkout::ContactDetail;
use crate::view::price::ContactView;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub view: ContactView,
}

#[function_component]
pub fn ContactLink(props: &Props) -> Html {
    let checkout = use_checkout();
    let v = &props.view;
    // Only ever a web address, resolved against the page.
    let Some(href) = link_href(&v.href) else {
        return Html::default();
    };
    let onclick = {
        let detail = ContactDetail {
            tier: v.tier_id.clone(),
            url: href.clone(),
        };
        Callback::from(move |e: MouseEvent| {
            if !checkout.1.emit(detail.clone()) {
                e.prevent_default();
            }
        })
    };
    html! {
        <a href={href} class="button secondary small contact-sales" data-testid={format!("contact-sales-{}", v.tier_id)}
            aria-label={v.label.clone()} {onclick}>
            { v.text.clone() }
        </a>
    }
}
