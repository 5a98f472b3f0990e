//! A link to buy a plan: a real `<a href>` (middle-click, copy link and screen readers work).
//! Following it tells the host first (`messaging-quota:checkout`, cancelable): a host that
//! calls `preventDefault()` keeps the visitor on the page and runs its own flow.

use yew::prelude::*;

use super::context::use_checkout;
use crate::browser::url::link_href;
use crate::view::CheckoutView;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub view: CheckoutView,
    #[prop_or_default]
    pub class: Classes,
}

/// The link of `view`, when there is one.
pub fn checkout_link(view: &Option<CheckoutView>, class: &'static str) -> Html {
    match view {
        Some(view) => html! { <CheckoutLink view={view.clone()} class={class} /> },
        None => Html::default(),
    }
}

#[function_component]
pub fn CheckoutLink(props: &Props) -> Html {
    let checkout = use_checkout();
    let v = &props.view;
    // Only ever a web address, resolved against the page.
    let Some(href) = link_href(&v.href) else {
        return Html::default();
    };
    let onclick = {
        let (purchase, source, url) = (v.purchase.clone(), v.source, href.clone());
        Callback::from(move |e: MouseEvent| {
            if !checkout.0.emit(purchase.detail(source, &url)) {
                e.prevent_default();
            }
        })
    };
    html! {
        <a href={href} class={classes!("button", "primary", "checkout", props.class.clone())}
            data-testid={v.testid.clone()} aria-label={v.label.clone()} {onclick}>
            { v.text.clone() }
        </a>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::engine::bill::Billing;
    use crate::engine::currency::Currency;
    use crate::engine::plan::Selection;
    use crate::host::checkout::{CheckoutSource, Purchase};
    use crate::ui::testing::render;

    fn link(href: &str) -> Option<CheckoutView> {
        Some(CheckoutView {
            href: href.into(),
            text: "Subscribe".into(),
            label: "Subscribe: Pro".into(),
            testid: "checkout-pro".into(),
            purchase: Purchase {
                selection: Selection {
                    tier_id: "pro".into(),
                    addons: Vec::new(),
                    inmail_blocks: 0,
                    seats: 1,
                },
                billing: Billing::Monthly,
                currency: Currency::USD,
                month_cents: 100,
                year_cents: 1200,
                charge: crate::engine::tax::untaxed(100),
                promotion: None,
                from_tier: None,
            },
            source: CheckoutSource::Calculator,
        })
    }

    #[test]
    fn a_web_address_is_a_link_and_nothing_else_is() {
        let page = render(checkout_link(&link("/buy?plan=pro"), "small"));
        assert_eq!(
            page.attr("checkout-pro", "href").as_deref(),
            Some("/buy?plan=pro")
        );
        assert_eq!(
            page.attr("checkout-pro", "aria-label").as_deref(),
            Some("Subscribe: Pro")
        );
        assert_eq!(page.count("a.button.primary.checkout.small"), 1);
        assert_eq!(
            render(checkout_link(&link("javascript:alert(1)"), "")).count("a"),
            0
        );
        assert_eq!(render(checkout_link(&None, "")).count("a"), 0);
    }
}
