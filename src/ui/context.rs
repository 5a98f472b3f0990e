//! What every component can reach without props: the widget's words, the reducer's
//! dispatcher and its element ids. `App` provides all three and every component renders
//! inside it, so a missing one is a wiring mistake: the hooks panic, and the panic hook
//! shows the error card, rather than rendering a widget that silently ignores clicks.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::currency::Currency;
use crate::state::Action;
use crate::text::Texts;

/// The widget's words and formats, shared, and the currency its amounts are in.
#[derive(Clone)]
pub struct I18n(pub Rc<Texts>, pub Currency);

impl I18n {
    /// The words, writing amounts in US dollars until a currency is given.
    pub fn new(texts: Rc<Texts>) -> I18n {
        I18n(texts, Currency::USD)
    }

    /// The same words, writing amounts in `currency`.
    pub fn in_currency(&self, currency: Currency) -> I18n {
        I18n(self.0.clone(), currency)
    }

    /// An amount in the widget's currency, from its minor units: `$29.99`, `¥4,980`.
    pub fn money(&self, minor: u64) -> String {
        self.0.money(minor, self.1)
    }

    /// Whole major units of the widget's currency, for chart axes.
    pub fn money_whole(&self, major: u64) -> String {
        self.0.format().money_whole(major, self.1)
    }
}

impl PartialEq for I18n {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0) && self.1 == other.1
    }
}

impl std::ops::Deref for I18n {
    type Target = Texts;
    fn deref(&self) -> &Texts {
        &self.0
    }
}

/// Sends an action to the widget's reducer.
pub type Dispatch = Callback<Action>;

/// The widget's words.
#[hook]
pub fn use_texts() -> I18n {
    use_context::<I18n>().expect("use_texts: rendered outside App, which provides the words")
}

/// The reducer's dispatcher.
#[hook]
pub fn use_dispatch() -> Dispatch {
    use_context::<Dispatch>()
        .expect("use_dispatch: rendered outside App, which provides the dispatcher")
}

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

// Rendered by yew's server renderer, natively.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::text::{key, FixedFormat};

    #[function_component]
    fn Greeting() -> Html {
        let t = use_texts();
        html! { <p>{ t.text(key::PLAN_HEADING) }</p> }
    }

    #[function_component]
    fn Provided() -> Html {
        let words = I18n::new(Rc::new(Texts::english(Box::new(FixedFormat))));
        html! {
            <ContextProvider<I18n> context={words}><Greeting /></ContextProvider<I18n>>
        }
    }

    fn render<C: BaseComponent<Properties = ()>>() -> String {
        futures::executor::block_on(yew::LocalServerRenderer::<C>::new().render())
    }

    #[test]
    fn a_component_inside_app_reads_the_words() {
        assert!(
            render::<Provided>().contains("Your plan"),
            "{}",
            render::<Provided>()
        );
    }

    #[test]
    #[should_panic(expected = "rendered outside App")]
    fn a_component_outside_app_fails_loudly() {
        render::<Greeting>();
    }
}
