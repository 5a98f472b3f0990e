//! What every component can reach without props: the widget's element ids and where a
//! followed checkout link is told. `App` provides both and every component renders inside
//! it, so a missing one is a wiring mistake: the hooks panic, and the panic hook shows the
//! error card, rather than rendering a widget that silently ignores clicks.

use yew::prelude::*;

use crate::host::checkout::{CheckoutDetail, ContactDetail};

/// Element ids unique to this widget (a page may hold several).
#[derive(Clone, PartialEq)]
pub struct Ids(pub AttrValue);

impl Ids {
    pub fn id(&self, name: &str) -> AttrValue {
        AttrValue::from(format!("{}-{name}", self.0))
    }
}

#[hook]
pub fn use_ids() -> Ids {
    use_context::<Ids>().expect("use_ids: rendered outside App, which provides the ids")
}

/// Tells the host a checkout link (`.0`) or a "Contact sales" link (`.1`) is being
/// followed; answers whether to go on (a host that calls `preventDefault()` runs its own
/// flow).
#[derive(Clone, PartialEq)]
pub struct Checkout(
    pub Callback<CheckoutDetail, bool>,
    pub Callback<ContactDetail, bool>,
);

#[hook]
pub fn use_checkout() -> Checkout {
    use_context::<Checkout>()
        .expect("use_checkout: rendered outside App, which provides the checkout context")
}

// Rendered by yew's server renderer, natively.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[function_component]
    fn Labelled() -> Html {
        let ids = use_ids();
        html! { <p id={ids.id("x")}></p> }
    }

    #[test]
    #[should_panic(expected = "rendered outside App")]
    fn a_component_outside_app_fails_loudly() {
        futures::executor::block_on(yew::LocalServerRenderer::<Labelled>::new().render());
    }
}
