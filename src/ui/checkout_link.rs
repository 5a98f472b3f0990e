//! A link to buy a plan: a real `<a href>` (middle-click, copy link and screen readers work),
//! drawn only when a checkout URL applies (the host's `checkout-url`, the tier's, the rules').
//! Following it tells the host first (`messaging-quota:checkout`, cancelable): a host that
//! calls `preventDefault()` keeps the visitor on the page and runs its own flow.

use std::rc::Rc;

use web_sys::Element;
use yew::prelude::*;

use super::context::use_texts;
use crate::browser::events;
use crate::browser::url::resolve_web_url;
use crate::engine::rules::RuleSet;
use crate::host::checkout::{fill, template, CheckoutDetail, CheckoutSource, Purchase};
use crate::text::key;

/// What every checkout link needs from the widget: the host's template and where to tell.
#[derive(Clone, PartialEq)]
pub struct Checkout {
    pub template: Option<AttrValue>,
    pub host: Element,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The rules in the widget's currency (the tiers' and rule set's URLs, trials).
    pub rules: Rc<RuleSet>,
    pub purchase: Purchase,
    pub source: CheckoutSource,
    pub testid: AttrValue,
    #[prop_or_default]
    pub class: Classes,
}

#[function_component]
pub fn CheckoutLink(props: &Props) -> Html {
    let t = use_texts();
    let checkout = use_context::<Checkout>()
        .expect("CheckoutLink: rendered outside App, which provides the checkout context");
    let tier_id = props.purchase.selection.tier_id.clone();
    // The URL, once per change of what it is made of; `None` when no safe URL applies.
    let href = use_memo(
        (
            checkout.template.clone(),
            props.rules.clone(),
            props.purchase.clone(),
        ),
        |(host, rules, purchase)| {
            let template = template(host.as_deref(), rules, &purchase.selection.tier_id)?;
            resolve_web_url(&fill(template, purchase))
        },
    );
    let Some(href) = (*href).clone() else {
        return html! {};
    };
    let tier = props.rules.tier(&tier_id);
    let action = match tier {
        Some(tier) if tier.trial_days.is_some() => key::CHECKOUT_TRIAL,
        _ if props.purchase.year_cents == 0 => key::CHECKOUT_FREE,
        _ => key::CHECKOUT_SUBSCRIBE,
    };
    let tier_name = tier.map_or(tier_id.as_str(), |t| t.name.as_str());
    let label = t.fill(
        key::CHECKOUT_LABEL,
        &[("action", &t.text(action)), ("tier", tier_name)],
    );
    let onclick = {
        let detail: CheckoutDetail = props.purchase.detail(props.source, &href);
        let host = checkout.host.clone();
        Callback::from(move |e: MouseEvent| {
            let go = events::dispatch_cancelable(&host, "messaging-quota:checkout", &detail);
            if !go {
                e.prevent_default();
            }
        })
    };
    html! {
        <a href={href} class={classes!("button", "primary", "checkout", props.class.clone())}
            data-testid={props.testid.clone()} aria-label={label} {onclick}>
            { t.text(action) }
        </a>
    }
}
