//! What the widget writes outside itself: the page URL (`sync-url`) and the saved state
//! (`persist`). Both are read back at the next visit, so neither may lag behind a change the
//! visitor made just before leaving; neither may slow down the input that made it.

use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use crate::browser::link;
use crate::browser::storage::{self, KeyClaim};
use crate::browser::url::{self, RulesPart};
use crate::engine::rules::RuleSet;
use crate::host::attributes::STORAGE_PREFIX;
use crate::host::params::Params;
use crate::state::{
    followed, ActiveRules, HostAction, Init, Notice, NoticeAction, RulesOrigin, Unsaved, Widget,
};

/// How long typing must pause before the URL and the saved state are written.
const WRITE_AFTER_MS: u32 = 200;

/// How long after a storage refused the saved state it is tried again.
const RETRY_REFUSED_MS: u32 = 5_000;

/// What the saved state and the URL are made of: a change of anything else (the pop-up,
/// the player's speed) writes nothing.
fn written_parts(w: &Widget) -> (ActiveRules, Params) {
    (w.rules.clone(), w.params())
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

/// Where the widget writes: the page URL or not, the storage key or none.
#[derive(Clone, PartialEq)]
pub struct Writes {
    pub sync_url: bool,
    pub storage_key: Option<String>,
    pub instance: u32,
    pub host: Element,
}

/// The state waiting to be written, and the timer that will write it.
#[derive(Default)]
struct Pending {
    state: Option<(Rc<Widget>, LinkRules)>,
    timer: Option<Timeout>,
    /// The storage refused the last write: said on the page (this notice), tried again.
    refused: Option<Notice>,
}

/// Writes whatever is waiting (`url`: the URL too); the writer holds itself in `again` for a
/// retry, which teardown empties.
type Flush = Rc<dyn Fn(bool)>;

/// Keeps the page URL (`sync-url`: the parameters in the query, edited rules in the
/// fragment) and the saved state (`persist`) in step with the widget. Written once typing
/// pauses (200 ms), so an input's frame never pays for them: the URL first, then the saved
/// state, which records the URL it was saved beside. Whatever is waiting is written at once
/// when the page is hidden (`visibilitychange`) and at teardown; when the page is left
/// (`pagehide`: a reload, a navigation, a closed tab), the saved state alone, since a reload
/// has read the URL already. Opened on the URL it was saved beside, the saved state wins
/// (src/state/init.rs), so no change is lost. One widget per page writes a storage key, the
/// first in document order: any other with the same key says so with a notice and leaves
/// the saved state to it.
///
/// A storage that refuses a write (full, or forbidden) is said once on the page; the state stays in
/// memory, and is written again every few seconds and at the next change until it is
/// taken. Another tab's save under the same key (a `storage` event) is followed, unless
/// this widget has a change not written yet, which it then offers instead
/// (`HostAction::FollowSaved`): no tab overwrites another's plan without a word.
#[hook]
pub fn use_page_writes(
    writes: Writes,
    init: Rc<Init>,
    state: Rc<Widget>,
    rules: LinkRules,
    on_notice: Callback<NoticeAction>,
    on_host: Callback<HostAction>,
) {
    let pending = use_mut_ref(Pending::default);
    // This widget's claim on its storage key, while it has one.
    let claim = use_mut_ref(|| None::<KeyClaim>);
    let again = use_mut_ref(|| None::<Flush>);
    let flush: Flush = {
        let (pending, claim) = (pending.clone(), claim.clone());
        let (again, on_notice) = (again.clone(), on_notice.clone());
        (*use_memo(writes.clone(), move |writes| -> Flush {
            let writes = writes.clone();
            Rc::new(move |url: bool| {
                let waiting = {
                    let mut p = pending.borrow_mut();
                    p.timer = None;
                    p.state.take()
                };
                let Some((state, rules)) = waiting else {
                    return;
                };
                if writes.sync_url && url {
                    url::replace(&state.url_params(), rules.fragment());
                }
                let writes_key = claim.borrow().as_ref().is_some_and(KeyClaim::writes);
                let (Some(key), true) = (&writes.storage_key, writes_key) else {
                    return;
                };
                let link = writes.sync_url.then(url::link_key).flatten();
                let stored = storage::store(key, &state.saved_state(link));
                let mut p = pending.borrow_mut();
                match stored {
                    Ok(()) => {
                        if let Some(said) = p.refused.take() {
                            on_notice.emit(NoticeAction::Withdraw(said));
                        }
                    }
                    Err(refusal) => {
                        let notice = Notice::StorageRefused(refusal);
                        if p.refused.as_ref() != Some(&notice) {
                            if let Some(said) = p.refused.replace(notice.clone()) {
                                on_notice.emit(NoticeAction::Withdraw(said));
                            }
                            on_notice.emit(NoticeAction::Add(notice));
                        }
                        // Kept, unless a newer state is waiting already, and tried again.
                        p.state.get_or_insert((state, rules));
                        let again = again.clone();
                        p.timer = Some(Timeout::new(RETRY_REFUSED_MS, move || {
                            let flush = again.borrow().clone();
                            if let Some(flush) = flush {
                                flush(false);
                            }
                        }));
                    }
                }
            })
        }))
        .clone()
    };
    *again.borrow_mut() = Some(flush.clone());
    {
        // Claimed for as long as the widget lives; released when it goes.
        let (claim, flush, host) = (claim.clone(), flush.clone(), writes.host.clone());
        let (pending, instance) = (pending.clone(), writes.instance);
        use_effect_with(writes.storage_key.clone(), move |key| {
            let mut on_other_tab = None;
            if let Some(key) = key {
                // Said when this widget may not write the key: at once, or when an earlier
                // widget of the page that loaded later takes it over.
                let notice = Notice::PersistKeyShared {
                    key: key.trim_start_matches(STORAGE_PREFIX).to_owned(),
                };
                let say: Rc<dyn Fn()> = {
                    let on_notice = on_notice.clone();
                    Rc::new(move || on_notice.emit(NoticeAction::Add(notice.clone())))
                };
                let claimed = storage::claim(key, instance, &host, say.clone());
                if claimed.is_none() {
                    say();
                }
                *claim.borrow_mut() = claimed;
                let key = key.clone();
                on_other_tab = Some(EventListener::new(
                    &gloo::utils::window(),
                    "storage",
                    move |event| {
                        let Some(text) = event
                            .dyn_ref::<web_sys::StorageEvent>()
                            .and_then(|e| storage::written_elsewhere(e, &key))
                        else {
                            return;
                        };
                        // A save this page cannot read as a whole is left alone.
                        if let Some(followed) = followed(&init, &text) {
                            let unsaved = if pending.borrow().state.is_some() {
                                Unsaved::Changes
                            } else {
                                Unsaved::Nothing
                            };
                            on_host.emit(HostAction::FollowSaved(Rc::new(followed), unsaved));
                        }
                    },
                ));
            }
            let on_hide = {
                let flush = flush.clone();
                EventListener::new(&gloo::utils::window(), "pagehide", move |_| flush(false))
            };
            let on_hidden = {
                let (flush, document) = (flush.clone(), gloo::utils::document());
                EventListener::new(&document.clone(), "visibilitychange", move |_| {
                    if document.hidden() {
                        flush(true);
                    }
                })
            };
            move || {
                flush(true);
                drop((on_hide, on_hidden, on_other_tab));
                claim.borrow_mut().take();
            }
        });
    }
    {
        // Gone: no retry outlives the widget.
        let (again, pending) = (again.clone(), pending.clone());
        use_effect_with((), move |_| {
            move || {
                pending.borrow_mut().timer = None;
                again.borrow_mut().take();
            }
        });
    }
    let writes_any = writes.sync_url || writes.storage_key.is_some();
    let deps = writes_any.then(|| (written_parts(&state), rules.clone()));
    use_effect_with(deps, move |deps| {
        if deps.is_some() {
            let mut p = pending.borrow_mut();
            p.state = Some((state, rules));
            p.timer = Some(Timeout::new(WRITE_AFTER_MS, move || flush(true)));
        }
    });
}
