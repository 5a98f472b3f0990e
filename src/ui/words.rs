//! The widget's words as a hook: the catalogues its language needs are fetched when it
//! changes (the words shown so far stay until they arrive), and a catalogue that could not
//! be used becomes a notice.

use std::rc::Rc;

use yew::prelude::*;

use super::context::{Dispatch, I18n};
use crate::browser::intl::IntlFormat;
use crate::browser::words::{load, ready, warn_once, Wanted};
use crate::state::Action;
use crate::text::Texts;

/// Counts catalogue loads that finished, so the words are looked up again after each.
#[derive(Default, PartialEq)]
struct Loads(u32);

impl Reducible for Loads {
    type Action = ();
    fn reduce(self: Rc<Self>, _: ()) -> Rc<Self> {
        Rc::new(Loads(self.0.wrapping_add(1)))
    }
}

/// The words for `wanted`, once its catalogues are read; until then the words shown
/// before (English on a first render the loader did not prepare).
#[hook]
pub fn use_words(wanted: Rc<Wanted>, dispatch: Dispatch) -> I18n {
    let loads = use_reducer(Loads::default);
    let words = use_memo((wanted.clone(), loads.0), |(wanted, _)| {
        ready(wanted).map(|w| (I18n(w.texts), w.notices, w.warnings))
    });
    let loading = words.is_none();
    {
        let loads = loads.dispatcher();
        use_effect_with((wanted.clone(), loading), move |(wanted, loading)| {
            if *loading {
                let wanted = wanted.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    load(&wanted).await;
                    loads.dispatch(());
                });
            }
        });
    }
    {
        // Said after the render: the console's warnings once per page, the notices to the state.
        let said = words
            .as_ref()
            .as_ref()
            .map(|(_, n, w)| (n.clone(), w.clone()));
        use_effect_with(said, move |said| {
            if let Some((notices, warnings)) = said {
                warn_once(warnings);
                for notice in notices {
                    dispatch.emit(Action::AddNotice(notice.clone()));
                }
            }
        });
    }
    let shown = use_mut_ref(|| None::<I18n>);
    if let Some((texts, _, _)) = &*words {
        *shown.borrow_mut() = Some(texts.clone());
    }
    let current = shown.borrow().clone();
    current.unwrap_or_else(|| {
        I18n(Rc::new(Texts::english(Box::new(IntlFormat::new(
            &wanted.locale,
        )))))
    })
}
