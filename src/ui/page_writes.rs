//! What the widget writes outside itself: the page URL's query (`sync-url`) and the saved
//! state (`persist`). Both are read back at the next visit, so neither may lag behind a
//! change the visitor made just before leaving.

use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use web_sys::Element;
use yew::prelude::*;

use super::context::Dispatch;
use crate::browser::link;
use crate::browser::page::{self, RulesPart};
use crate::engine::rules::RuleSet;
use crate::host::attributes::STORAGE_PREFIX;
use crate::host::params::ParamTarget;
use crate::state::{Action, Notice, RulesOrigin, Widget};

/// How long typing must pause before the saved state is written.
const SAVE_AFTER_MS: u32 = 200;

/// What the saved state and the URL are made of: a change of anything else (the pop-up,
/// the player's speed) writes nothing.
fn written_parts(w: &Widget) -> (Rc<RuleSet>, RulesOrigin, ParamTarget) {
    (w.rules.clone(), w.rules_origin, w.param_target())
}

/// What a link carries of the rules in use: a preset is named in the query; edited rules
/// travel in the fragment, compressed (src/host/link_rules.rs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkRules {
    Preset,
    /// Edited rules whose part is still being worked out.
    Pending,
    /// Edited rules, as the fragment's rules part.
    Edited(Rc<str>),
}

impl LinkRules {
    /// What to do with the URL fragment's rules part.
    pub fn fragment(&self) -> RulesPart<'_> {
        match self {
            LinkRules::Preset => RulesPart::Remove,
            LinkRules::Pending => RulesPart::Keep,
            LinkRules::Edited(part) => RulesPart::Set(part),
        }
    }
}

/// The rules part of a link for the rules in use, when a link is wanted (`needed`): for
/// edited rules it is compressed once per change of them, by the browser's
/// `CompressionStream` off the render (a few milliseconds), and `Pending` until then.
#[hook]
pub fn use_link_rules(needed: bool, rules: Rc<RuleSet>, origin: RulesOrigin) -> LinkRules {
    let packed = use_state(|| None::<(Rc<RuleSet>, Rc<str>)>);
    let custom = origin == RulesOrigin::Custom;
    {
        let packed = packed.clone();
        let wanted = (needed && custom).then(|| rules.clone());
        use_effect_with(wanted, move |wanted| {
            if let Some(rules) = wanted.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    if let Some(part) = link::rules_part(&rules).await {
                        packed.set(Some((rules, part.into())));
                    }
                });
            }
        });
    }
    match &*packed {
        _ if !custom => LinkRules::Preset,
        Some((packed_rules, part)) if *packed_rules == rules => LinkRules::Edited(part.clone()),
        _ => LinkRules::Pending,
    }
}

/// Keeps the page URL in step with the widget (`sync-url`): its parameters in the query, its
/// edited rules in the fragment. Written at once, in the task of the change: a reload or a
/// link copied from the address bar reads the URL before any later event could write it.
/// (`replaceState`, no new history entry; a fraction of a millisecond.)
#[hook]
pub fn use_url_sync(on: bool, state: Rc<Widget>, rules: LinkRules) {
    let deps = on.then(|| (written_parts(&state), rules));
    use_effect_with(deps, move |deps| {
        if let Some((_, rules)) = deps {
            // Worked out when quiet too (a rehearsal runs this code once), but not written.
            let params = state.url_params();
            if !state.quiet {
                page::replace_url(&params, rules.fragment());
            }
        }
    });
}

/// The state waiting to be saved, and the timer that will save it.
#[derive(Default)]
struct Pending {
    state: Option<Rc<Widget>>,
    timer: Option<Timeout>,
}

/// Remembers the widget's state in `localStorage` (`persist`). A change is written once
/// typing pauses (200 ms), so a keystroke does not pay for it; whatever is waiting is
/// written at once when the page is hidden (`visibilitychange`) or left (`pagehide`, which
/// a reload, a navigation and a closed tab all fire) and when the widget is taken down, so
/// no change is lost. One widget per page writes a key, the first in document order: any
/// other with the same key says so with a notice and leaves the saved state to it.
#[hook]
pub fn use_persisted_state(
    key: Option<String>,
    instance: u32,
    host: Element,
    state: Rc<Widget>,
    dispatch: Dispatch,
) {
    let pending = use_mut_ref(Pending::default);
    let owner = use_mut_ref(|| false);
    let flush = {
        let (pending, owner, key) = (pending.clone(), owner.clone(), key.clone());
        Rc::new(move || {
            let waiting = {
                let mut p = pending.borrow_mut();
                p.timer = None;
                p.state.take()
            };
            if let (Some(state), Some(key), true) = (waiting, &key, *owner.borrow()) {
                page::store(key, &state.saved_state());
            }
        })
    };
    {
        // Claimed for as long as the widget lives; released when it goes.
        let (owner, flush) = (owner.clone(), flush.clone());
        use_effect_with(key.clone(), move |key| {
            // Said when this widget may not write the key: at once, or when an earlier widget
            // of the page that loaded later takes it over.
            let shared = |key: &str| {
                let (dispatch, key) = (dispatch.clone(), key.to_owned());
                move || {
                    dispatch.emit(Action::AddNotice(Notice::PersistKeyShared {
                        key: key.trim_start_matches(STORAGE_PREFIX).to_owned(),
                    }))
                }
            };
            if let Some(key) = key {
                let said = shared(key);
                let claimed =
                    page::claim_storage_key(key, instance, &host, owner.clone(), Rc::new(said));
                if !claimed {
                    shared(key)();
                }
            }
            let claimed = key.clone();
            let window = gloo::utils::window();
            let document = gloo::utils::document();
            let on_hide = {
                let flush = flush.clone();
                EventListener::new(&window, "pagehide", move |_| flush())
            };
            let on_hidden = {
                let (flush, document) = (flush.clone(), document.clone());
                EventListener::new(&document.clone(), "visibilitychange", move |_| {
                    if document.hidden() {
                        flush();
                    }
                })
            };
            move || {
                flush();
                drop((on_hide, on_hidden));
                if let Some(key) = claimed {
                    page::release_storage_key(&key, instance);
                }
            }
        });
    }
    let deps = key.is_some().then(|| written_parts(&state));
    use_effect_with(deps, move |deps| {
        if deps.is_some() && !state.quiet {
            let mut p = pending.borrow_mut();
            p.state = Some(state);
            p.timer = Some(Timeout::new(SAVE_AFTER_MS, move || flush()));
        }
    });
}
