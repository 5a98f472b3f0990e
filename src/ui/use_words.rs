//! The widget's words as a hook: the catalogues its language needs are fetched when it
//! changes (the words shown so far stay until they arrive), a catalogue that could not be
//! used becomes a notice, and one that failed is fetched again when the visitor asks
//! (the notice's Try again) or the browser comes back online.

use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

use crate::browser::catalogue_files::{load, ready, Wanted};
use crate::browser::console::warn_once;
use crate::browser::intl::IntlFormat;
use crate::state::{Notice, NoticeAction};
use crate::text::I18n;
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
    /// The catalogues for this language were fetched (again): show its words if they read.
    type Action = Rc<Wanted>;

    fn reduce(self: Rc<Self>, wanted: Rc<Wanted>) -> Rc<Self> {
        let same = self.wanted.as_ref() == Some(&wanted);
        match Shown::read(wanted) {
            // Read again to the same end (nothing failed, or it failed again): no change.
            Some(read) if same && read.notices == self.notices => self,
            Some(read) => Rc::new(read),
            None => self,
        }
    }
}

/// How many times the words were asked for again (each ask runs the fetch once more).
struct Asks(u32);

impl Reducible for Asks {
    type Action = ();

    fn reduce(self: Rc<Self>, (): ()) -> Rc<Self> {
        Rc::new(Asks(self.0 + 1))
    }
}

/// The words for `wanted` and a way to fetch what failed again; until they are read, the
/// words shown before. The catalogues are read before the first render (the mount waits for
/// them), so a widget starts in its language; a later change of language keeps the old
/// words on show until the new ones have loaded, then swaps them in one render. A catalogue
/// that failed is fetched again on the callback, on the browser's `online`, and when the
/// language is asked for again.
#[hook]
pub fn use_words(wanted: Rc<Wanted>, on_notice: Callback<NoticeAction>) -> (I18n, Callback<()>) {
    let shown = {
        let wanted = wanted.clone();
        use_reducer(move || Shown::first(wanted))
    };
    let asks = use_reducer(|| Asks(0));
    let again = {
        let ask = asks.dispatcher();
        Callback::from(move |()| ask.dispatch(()))
    };
    {
        let again = again.clone();
        use_effect_with((), move |_| {
            let online =
                EventListener::new(&gloo::utils::window(), "online", move |_| again.emit(()));
            move || drop(online)
        });
    }
    {
        let show = shown.dispatcher();
        // The mount read these words already: nothing to fetch until asked.
        let read_at_mount = shown.wanted.clone();
        use_effect_with((wanted, asks.0), move |(wanted, asks)| {
            if *asks == 0 && read_at_mount.as_ref() == Some(wanted) {
                return;
            }
            let wanted = wanted.clone();
            wasm_bindgen_futures::spawn_local(async move {
                load(&wanted).await;
                show.dispatch(wanted);
            });
        });
    }
    {
        // Said after the render that shows the words: the console's lines once per page,
        // the notices to the state; a notice no longer true (the language loaded after all)
        // is withdrawn.
        let said_before = use_mut_ref(|| Rc::<[Notice]>::from([]));
        let said = (shown.notices.clone(), shown.warnings.clone());
        use_effect_with(said, move |(notices, warnings)| {
            warn_once(warnings);
            let before = std::mem::replace(&mut *said_before.borrow_mut(), notices.clone());
            for gone in before.iter().filter(|n| !notices.contains(n)) {
                on_notice.emit(NoticeAction::Withdraw(gone.clone()));
            }
            for notice in notices.iter() {
                on_notice.emit(NoticeAction::Add(notice.clone()));
            }
        });
    }
    (shown.texts.clone(), again)
}
