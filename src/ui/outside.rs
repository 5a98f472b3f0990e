//! What the widget does outside itself that nothing on screen depends on: the page's
//! attribute updates, the URL and storage it keeps, the error card's words, auto-play and
//! the warm-up. A component of its own, rendering nothing, so coming alive sets it up in a
//! step of its own.

use std::rc::Rc;

use yew::prelude::*;

use super::autoplay::use_autoplay;
use super::host_page::{use_host_updates, ConfigUpdate};
use super::page_writes::{use_page_writes, LinkRules, Writes};
use super::warm_up::use_warm_up;
use super::{ErrorWords, HostLink, InitCell};
use crate::state::{HostAction, NoticeAction, PlayerAction, Widget};
use crate::text::I18n;

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    pub state: Rc<Widget>,
    pub words: I18n,
    pub link: HostLink,
    pub init: InitCell,
    pub instance: u32,
    pub update: Option<ConfigUpdate>,
    pub link_rules: LinkRules,
    /// Whether every section has been rendered (the warm-up waits for it).
    pub appeared: bool,
    pub on_notice: Callback<NoticeAction>,
    pub on_host: Callback<HostAction>,
    pub on_player: Callback<PlayerAction>,
}

#[function_component]
pub fn Outside(props: &Props) -> Html {
    let Props {
        state, words, link, ..
    } = props;
    use_warm_up(props.appeared, state.clone(), words.clone());
    use_error_words(link.error_words.clone(), words.clone());
    use_host_updates(props.update.clone(), props.on_host.clone());
    let writes = Writes {
        sync_url: link.sync_url,
        storage_key: link.storage_key.clone(),
        instance: props.instance,
        host: link.host.clone(),
    };
    use_page_writes(
        writes,
        props.init.init.clone(),
        state.clone(),
        props.link_rules.clone(),
        props.on_notice.clone(),
        props.on_host.clone(),
    );
    use_autoplay(
        state.player.playing(),
        state.player.speed_ms,
        props.on_player.clone(),
    );
    Html::default()
}

/// Keeps the widget's current words where the panic hook's error card can read them.
#[hook]
fn use_error_words(words: ErrorWords, texts: I18n) {
    use_effect_with(texts, move |t| {
        *words.0.borrow_mut() = Some(t.0.clone());
    });
}
