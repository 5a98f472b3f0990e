//! The root component: one reducer over [`Widget`], the derived values every section
//! shares (computed once per change), the contexts (words, dispatcher, ids), the sections,
//! and the effects that reach outside the widget: the host's events, the page URL,
//! localStorage and the auto-play timer.

use std::rc::Rc;

use gloo::timers::callback::{Interval, Timeout};
use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

use super::calculator::{is_calculator_count, Calculator};
use super::compare::{is_compare_count, Compare};
use super::context::{Dispatch, I18n, Ids};
use super::demo::{is_demo_count, Demo};
use super::language_menu::LanguageMenu;
use super::notices::Notices;
use super::rules_editor::{is_rule_count, RulesEditor};
use super::schedule::after_paint;
use super::upgrade_dialog::UpgradeDialog;
use super::words::use_words;
use crate::browser::intl::IntlFormat;
use crate::browser::page;
use crate::browser::words::{locale, wanted};
use crate::engine::send::UnblockOption;
use crate::host::attributes::{EmbedConfig, Sections};
use crate::host::events::{change_detail, upgrade_detail};
use crate::host::Ignored;
use crate::state::{initial_widget, Action, Init, Notice, Widget};
use crate::text::Texts;

/// The reducer's state: the widget behind an `Rc`, so sections share it for free.
#[derive(Clone, PartialEq)]
struct Store(Rc<Widget>);

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self.0).clone();
        next.apply(action);
        Rc::new(Store(Rc::new(next)))
    }
}

/// The widget's current words, kept for the panic hook's error card (which cannot render
/// and so cannot read a context); `None` until the first render.
#[derive(Clone, Default)]
pub struct ErrorWords(pub Rc<std::cell::RefCell<Option<Rc<Texts>>>>);

impl PartialEq for ErrorWords {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Where the widget lives and what it may touch outside itself.
#[derive(Clone, PartialEq)]
pub struct HostLink {
    /// The element events are dispatched on: the mount point or custom element.
    pub host: Element,
    pub sync_url: bool,
    pub storage_key: Option<String>,
    /// The loader's URL: the language catalogues are beside it.
    pub base: String,
    /// Title, detail, `lang` and `dir` of the error card.
    pub error_words: ErrorWords,
}

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

/// The first state, read once.
#[derive(Clone)]
pub struct InitCell(pub Rc<Init>);

impl PartialEq for InitCell {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// Makes element ids unique when a page holds several widgets.
    pub instance: u32,
    pub init: InitCell,
    pub link: HostLink,
    #[prop_or_default]
    pub update: Option<ConfigUpdate>,
}

/// Keys typed into fields, or inside the pop-up, are not shortcuts.
fn is_typing(e: &KeyboardEvent) -> bool {
    let target: Option<Element> = e.target_dyn_into();
    target.is_some_and(|el| {
        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
            || el.closest("dialog[open]").ok().flatten().is_some()
    })
}

/// The sections that are on, in the order they show.
fn enabled(sections: Sections) -> Vec<Section> {
    [
        (sections.calculator, Section::Calculator),
        (sections.compare, Section::Compare),
        (sections.demo, Section::Demo),
        (sections.rules, Section::Rules),
    ]
    .into_iter()
    .filter_map(|(on, s)| on.then_some(s))
    .collect()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    Calculator,
    Compare,
    Demo,
    Rules,
}

impl Section {
    /// The part's class, which also reserves its space (the loader's sizing rules).
    fn class(self) -> &'static str {
        match self {
            Section::Calculator => "mq-part mq-calculator",
            Section::Compare => "mq-part mq-compare",
            Section::Demo => "mq-part mq-demo",
            Section::Rules => "mq-part mq-rules",
        }
    }
}

/// The widget.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let store = use_reducer(|| Store(Rc::new(initial_widget((*props.init.0).clone()))));
    let state = store.0.clone();
    let w = &*state;
    let dispatch: Dispatch = {
        let dispatcher = store.dispatcher();
        (*use_memo((), move |_| {
            Callback::from(move |a: Action| dispatcher.dispatch(a))
        }))
        .clone()
    };
    let link = &props.link;
    // An embed speaks its page's language unless told otherwise; the standalone page (the
    // one with the language menu) speaks the visitor's.
    let wanted = use_memo(
        (
            w.requested_locale().map(str::to_owned),
            w.language_menu,
            w.messages_src.clone(),
            link.base.clone(),
        ),
        |(requested, menu, messages_src, base)| {
            Rc::new(wanted(
                locale(requested.as_deref(), !menu),
                messages_src.as_deref(),
                base,
            ))
        },
    );
    let texts = use_words((*wanted).clone(), dispatch.clone());
    {
        let words = link.error_words.clone();
        use_effect_with(texts.clone(), move |t| {
            *words.0.borrow_mut() = Some(t.0.clone());
        });
    }
    // Event details are in English, whatever the widget's language.
    let english = use_memo((), |_| {
        Rc::new(Texts::english(Box::new(IntlFormat::new("en-US"))))
    });
    let ids = use_memo(props.instance, |n| Ids(AttrValue::from(format!("mq{n}"))));
    let summary = use_memo(
        (
            w.rules.clone(),
            w.selection.clone(),
            w.month.usage,
            w.month.today,
            w.period_rule,
        ),
        |_| Rc::new(w.summary()),
    );
    let summary: Rc<_> = (*summary).clone();
    let send_ref = use_node_ref();

    // Effects
    use_effect_with((), |_| page::mark("messaging-quota:first-render"));
    // Sections render one at a time, each once the one before has been painted, so no
    // single task builds the whole widget; until then each keeps its reserved space.
    let sections = enabled(w.sections);
    let rendered = use_state_eq(|| 1usize);
    {
        let (rendered, count) = (rendered.clone(), sections.len());
        use_effect_with((*rendered, count), move |&(done, count)| {
            let next = (done < count).then(|| after_paint(move || rendered.set(done + 1)));
            move || drop(next)
        });
    }
    {
        // The host hears of every change at once (not of the first render: nothing has
        // changed yet).
        let first = use_mut_ref(|| true);
        let (host, english) = (link.host.clone(), english.clone());
        use_effect_with(
            (w.rules.clone(), w.selection.clone(), summary.clone()),
            move |(rules, selection, summary)| {
                if !std::mem::replace(&mut *first.borrow_mut(), false) {
                    let detail = change_detail(&rules.id, selection, summary, |charge| {
                        english.charge(charge, &summary.tier_name)
                    });
                    page::dispatch(&host, "messaging-quota:change", &detail);
                }
            },
        );
    }
    {
        // The URL and the saved state are written once typing pauses: both are slow calls
        // that need not run per keystroke, and the first write must not hold up the first
        // render. They are worked out in the timeout, never during a render.
        let pending = use_mut_ref(|| None::<Timeout>);
        let (link, state) = (link.clone(), state.clone());
        let writes = link.sync_url || link.storage_key.is_some();
        let deps = writes.then(|| (w.rules.clone(), w.rules_origin, w.param_target()));
        use_effect_with(deps, move |deps| {
            if deps.is_none() {
                return;
            }
            *pending.borrow_mut() = Some(Timeout::new(200, move || {
                if link.sync_url {
                    page::replace_url_params(&state.url_params());
                }
                if let Some(key) = &link.storage_key {
                    page::store(key, &state.saved_state());
                }
            }));
        });
    }
    {
        let dispatch = dispatch.clone();
        use_effect_with((w.playing, w.speed_ms), move |(playing, ms)| {
            let timer = playing.then(|| Interval::new(*ms, move || dispatch.emit(Action::Step)));
            move || drop(timer)
        });
    }
    {
        let dispatch = dispatch.clone();
        use_effect_with(props.update.clone(), move |update| {
            if let Some(u) = update {
                dispatch.emit(Action::Configure(
                    Box::new(u.config.clone()),
                    u.problems.clone(),
                ));
            }
        });
    }

    // Callbacks
    let on_choose = {
        let (dispatch, host, english, rules) = (
            dispatch.clone(),
            link.host.clone(),
            english.clone(),
            w.rules.clone(),
        );
        Callback::from(move |option: UnblockOption| {
            let label = english.unblock(&option.unblock, &rules);
            page::dispatch(
                &host,
                "messaging-quota:upgrade-click",
                &upgrade_detail(&option, label),
            );
            dispatch.emit(Action::ApplyUnblock(option.unblock));
        })
    };
    let on_close = dispatch.reform(|_: ()| Action::CloseDialog);
    let onkeydown = {
        let (dispatch, playing, sections) = (dispatch.clone(), w.playing, w.sections);
        Callback::from(move |e: KeyboardEvent| {
            if e.ctrl_key() || e.meta_key() || e.alt_key() || is_typing(&e) {
                return;
            }
            let action = match e.key().as_str() {
                "s" | "S" if sections.calculator => Action::Send,
                "n" | "N" if sections.demo => Action::NextDay,
                "r" | "R" if sections.demo => Action::JumpToReset,
                "p" | "P" if sections.demo && playing => Action::Pause,
                "p" | "P" if sections.demo => Action::Play,
                "l" | "L" => Action::ToggleLargeText,
                _ => return,
            };
            e.prevent_default();
            dispatch.emit(action);
        })
    };

    let notices: Rc<[Notice]> = w.notices.as_slice().into();
    let parts = sections.iter().enumerate().map(|(i, &section)| {
        let content = (i < *rendered).then(|| match section {
            Section::Calculator => html! {
                <Calculator rules={w.rules.clone()} selection={w.selection.clone()} period_rule={w.period_rule}
                    recipient={w.recipient} last_send={w.last_send.clone()} summary={summary.clone()}
                    drafts={w.drafts_of(is_calculator_count)} send_ref={send_ref.clone()} />
            },
            Section::Compare => html! {
                <Compare rules={w.rules.clone()} recommender={w.recommender.clone()} need={w.need.clone()}
                    selection={w.selection.clone()} drafts={w.drafts_of(is_compare_count)} />
            },
            Section::Demo => html! {
                <Demo month={w.month.clone()} period_rule={w.period_rule} sent={summary.sent}
                    remaining={summary.remaining} scenario={w.scenario} playing={w.playing} speed_ms={w.speed_ms}
                    large_text={w.large_text} drafts={w.drafts_of(is_demo_count)} />
            },
            Section::Rules => html! {
                <RulesEditor rules={w.rules.clone()} origin={w.rules_origin} draft={w.rules_draft.clone()}
                    error={w.rules_error.clone()} status={w.rules_status.clone()} drafts={w.drafts_of(is_rule_count)} />
            },
        });
        html! { <div key={section.class()} class={section.class()}>{ content }</div> }
    });
    html! {
        <ContextProvider<I18n> context={texts.clone()}>
        <ContextProvider<Dispatch> context={dispatch}>
        <ContextProvider<Ids> context={(*ids).clone()}>
            <div class={classes!("mq-root", w.large_text.then_some("large-text"))} data-theme={w.theme.id()}
                lang={texts.lang().to_owned()} dir={texts.dir().id()} aria-label={texts.text("widget.label").to_string()}
                role="group" tabindex="-1" {onkeydown}>
                if w.language_menu { <LanguageMenu /> }
                <Notices {notices} />
                { for parts }
                <UpgradeDialog blocked={w.dialog.clone()} rules={w.rules.clone()} {on_choose} {on_close}
                    return_focus={send_ref} />
            </div>
        </ContextProvider<Ids>>
        </ContextProvider<Dispatch>>
        </ContextProvider<I18n>>
    }
}
