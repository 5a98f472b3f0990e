//! The widget's words as a hook: the catalogues its language needs are fetched when it
//! changes (the words shown so far stay until they arrive), and a catalogue that could not
//! be used becomes a notice.

use std::rc::Rc;

use yew::prelude::*;

use super::context::{Dispatch, I18n};
use crate::browser::catalogue_files::{load, ready, Wanted};
use crate::browser::console::warn_once;
use crate::browser::intl::IntlFormat;
use crate::state::{Action, Notice};
use crate::text::Texts;

/// The words on show, and what they were read for.
struct Shown {
    /// `None` for the English stand-in shown until a catalogue is read (a first render the
    /// loader did not prepare).
    wanted: Option<Rc<Wanted>>,
    texts: I18n,
    /// Catalogues that could not be used, said once these words show.
    notices: Rc<[Notice]>,
    /// Console lines for the host's developers, said once per page.
    warnings: Rc<[String]>,
}

impl Shown {
    /// The words for `wanted` if its catalogues are read; else English in its locale.
    fn first(wanted: Rc<Wanted>) -> Shown {
        let english = || Shown {
            texts: I18n::new(Rc::new(Texts::english(Box::new(IntlFormat::new(
                &wanted.locale,
            ))))),
            wanted: None,
            notices: Rc::new([]),
            warnings: Rc::new([]),
        };
        Shown::read(wanted.clone()).unwrap_or_else(english)
    }

    /// The words for `wanted`, when its catalogues are read.
    fn read(wanted: Rc<Wanted>) -> Option<Shown> {
        let words = ready(&wanted)?;
        Some(Shown {
            wanted: Some(wanted),
            texts: I18n::new(words.texts),
            notices: words.notices.into(),
            warnings: words.warnings.into(),
        })
    }
}

impl Reducible for Shown {
    /// The catalogues for this language may have been read: show its words if so.
    type Action = Rc<Wanted>;

    fn reduce(self: Rc<Self>, wanted: Rc<Wanted>) -> Rc<Self> {
        if self.wanted.as_ref() == Some(&wanted) {
            return self;
        }
        Shown::read(wanted).map_or(self, Rc::new)
    }
}

/// The words for `wanted`, once its catalogues are read; until then the words shown
/// before. The catalogues are read before the first render (the mount waits for them), so a
/// widget starts in its language; a later change of language keeps the old words on show
/// until the new ones have loaded, then swaps them in one render.
#[hook]
pub fn use_words(wanted: Rc<Wanted>, dispatch: Dispatch) -> I18n {
    let shown = {
        let wanted = wanted.clone();
        use_reducer(move || Shown::first(wanted))
    };
    {
        let show = shown.dispatcher();
        use_effect_with(wanted, move |wanted| {
            let wanted = wanted.clone();
            wasm_bindgen_futures::spawn_local(async move {
                load(&wanted).await;
                show.dispatch(wanted);
            });
        });
    }
    {
        // Said after the render that shows the words: the console's lines once per page,
        // the notices to the state.
        let said = (shown.notices.clone(), shown.warnings.clone());
        use_effect_with(said, move |(notices, warnings)| {
            warn_once(warnings);
            for notice in notices.iter() {
                dispatch.emit(Action::AddNotice(notice.clone()));
            }
        });
    }
    shown.texts.clone()
}
