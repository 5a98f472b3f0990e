//! The widget and its host page: the events it tells the page about (`ready`, `change`,
//! `upgrade-click`) and the attribute changes the page makes.

use std::cell::Cell;
use std::rc::Rc;

use web_sys::Element;
use yew::prelude::*;

use super::context::Checkout;
use crate::browser::intl::IntlFormat;
use crate::browser::{clock, events};
use crate::engine::bill::Billing;
use crate::engine::plan::Selection;
use crate::engine::rules::RuleSet;
use crate::engine::send::UnblockOption;
use crate::engine::summary::Summary;
use crate::host::attributes::EmbedConfig;
use crate::host::events::{change_detail, upgrade_detail};
use crate::host::Ignored;
use crate::state::{HostAction, SendAction};
use crate::text::{I18n, Texts};

/// New attributes from the host page; `generation` tells one update from the next.
#[derive(Clone)]
pub struct ConfigUpdate {
    pub generation: u32,
    pub config: EmbedConfig,
    pub problems: Vec<Ignored>,
}

impl PartialEq for ConfigUpdate {
    fn eq(&self, other: &Self) -> bool {
        self.generation == other.generation
    }
}

/// English words with `en-US` numbers, for event details: a host logs and matches them
/// whatever the widget's language. Made once per widget.
#[hook]
pub fn use_english() -> I18n {
    (*use_memo((), |_| {
        I18n::new(Rc::new(Texts::english(Box::new(IntlFormat::new("en-US")))))
    }))
    .clone()
}

/// Tells the host page what the visitor sees. After the first render: the
/// `messaging-quota:first-render` performance mark and `messaging-quota:ready`, with the
/// plan the visitor starts from. After every later change of the selection, usage or
/// results: `messaging-quota:change`, with the same detail.
#[hook]
pub fn use_host_events(
    host: Element,
    english: I18n,
    rules: Rc<RuleSet>,
    selection: Selection,
    summary: Rc<Summary>,
) {
    let first = use_mut_ref(|| Cell::new(true));
    use_effect_with(
        (rules, selection, summary),
        move |(rules, selection, summary)| {
            let detail = change_detail(&rules.id, selection, summary, |charge| {
                english.charge(charge, &summary.tier_name)
            });
            if first.borrow().replace(false) {
                clock::mark("messaging-quota:first-render");
                events::dispatch(&host, "messaging-quota:ready", &detail);
            } else {
                events::dispatch(&host, "messaging-quota:change", &detail);
            }
        },
    );
}

/// What happens when the visitor picks a way to unblock in the pop-up: the host hears of it
/// (`messaging-quota:upgrade-click`), then the widget applies it.
#[hook]
pub fn use_upgrade_choice(
    host: Element,
    english: I18n,
    rules: Rc<RuleSet>,
    billing: Billing,
    on_send: Callback<SendAction>,
) -> Callback<UnblockOption> {
    use_callback(
        (host, english, rules, billing),
        move |option: UnblockOption, (host, english, rules, billing)| {
            let label = english.unblock(&option.unblock, rules);
            let detail = upgrade_detail(&option, label, rules.currency, *billing);
            events::dispatch(host, "messaging-quota:upgrade-click", &detail);
            on_send.emit(SendAction::ApplyUnblock(option.unblock));
        },
    )
}

/// Applies the host page's attribute changes (each once: an update carries a generation).
#[hook]
pub fn use_host_updates(update: Option<ConfigUpdate>, on_host: Callback<HostAction>) {
    use_effect_with(update, move |update| {
        if let Some(u) = update {
            on_host.emit(HostAction::Configure(
                Box::new(u.config.clone()),
                u.problems.clone(),
            ));
        }
    });
}

/// Where a followed checkout link is told: the host hears of it
/// (`messaging-quota:checkout`, cancelable) and says whether the browser goes on.
#[hook]
pub fn use_checkout_events(host: Element) -> Checkout {
    (*use_memo(host, |host| {
        let host = host.clone();
        let contact_host = host.clone();
        Checkout(
            Callback::from(move |detail| {
                events::dispatch_cancelable(&host, "messaging-quota:checkout", &detail)
            }),
            Callback::from(move |detail| {
                events::dispatch_cancelable(&contact_host, "messaging-quota:contact-sales", &detail)
            }),
        )
    }))
    .clone()
}
