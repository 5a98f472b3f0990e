//! What every component can reach without props: the widget's words and the reducer's
//! dispatcher. Both are made once per widget, so comparing them is comparing pointers.

use std::rc::Rc;

use yew::prelude::*;

use crate::state::Action;
use crate::text::Texts;

/// The widget's words and formats, shared.
#[derive(Clone)]
pub struct I18n(pub Rc<Texts>);

impl PartialEq for I18n {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
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
    use_context::<I18n>()
        .unwrap_or_else(|| I18n(Rc::new(Texts::english(Box::new(crate::text::FixedFormat)))))
}

/// The reducer's dispatcher.
#[hook]
pub fn use_dispatch() -> Dispatch {
    use_context::<Dispatch>().unwrap_or_default()
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
    use_context::<Ids>().unwrap_or_else(|| Ids(AttrValue::from("mq")))
}
