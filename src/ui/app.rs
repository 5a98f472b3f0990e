//! The root component: one reducer over [`Widget`], the derived values every section
//! shares (computed once per change), the contexts (words, dispatcher, ids), the sections,
//! and, each as a hook of its own, what the widget does outside itself.

use std::rc::Rc;

use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

use super::autoplay::use_autoplay;
use super::calculator::Calculator;
use super::checkout_link::Checkout;
use super::context::{Dispatch, I18n, Ids};
use super::host_page::{
    use_english, use_host_events, use_host_updates, use_upgrade_choice, ConfigUpdate,
};
use super::language_menu::LanguageMenu;
use super::later::{is_later, use_later, Later, LaterPart};
use super::notices::Notices;
use super::page_heading::{PageHeading, PartRefs};
use super::page_writes::{use_link_rules, use_page_writes, Writes};
use super::schedule::use_staged;
use super::share::use_shared;
use super::upgrade_dialog::UpgradeDialog;
use super::use_words::use_words;
use super::warm_up::use_warm_up;
use super::{demo, finder, rules_editor, share};
use crate::browser::catalogue_files::{locale, wanted, Wanted, WordsFiles};
use crate::engine::currency::Currency;
use crate::host::attributes::Sections;
use crate::state::{
    initial_widget, priced, shortcut, Action, Init, Notice, Part, RulesOrigin, Widget,
};
use crate::text::key;
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
    /// The loader's folder: the standalone page and the loader itself are there.
    pub base: AttrValue,
    /// This build's language files.
    pub words_files: WordsFiles,
    /// Title, detail, `lang` and `dir` of the error card.
    pub error_words: ErrorWords,
}

/// What the widget starts from, read once: the page's settings, links and saved state
/// (`init`), and the first state worked out from them (`start`).
#[derive(Clone)]
pub struct InitCell {
    pub init: Rc<Init>,
    pub start: Rc<Widget>,
}

impl InitCell {
    /// Works out the first state (the rules read and checked, the link and the saved state
    /// applied): a task's worth of work, which the mount does apart from the first render.
    pub fn new(init: Init) -> InitCell {
        let start = Rc::new(initial_widget(init.clone()));
        InitCell {
            init: Rc::new(init),
            start,
        }
    }
}

impl PartialEq for InitCell {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.init, &other.init)
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

/// The parts that are on, in the order they show (as `PART_NAMES` lists them).
fn enabled(sections: Sections, share: bool, heading: bool) -> Vec<Part> {
    [
        (heading, Part::Heading),
        (sections.calculator, Part::Calculator),
        (share, Part::Share),
        (sections.compare, Part::Compare),
        (sections.demo, Part::Demo),
        (sections.rules, Part::Rules),
    ]
    .into_iter()
    .filter_map(|(on, s)| on.then_some(s))
    .collect()
}

/// The words a widget needs: its language (an embed speaks its page's unless told
/// otherwise; the standalone page, the one with the language menu, the visitor's) and the
/// host's own catalogue. Worked out once per change of what it depends on.
#[hook]
fn use_wanted(state: &Widget, files: &WordsFiles) -> Rc<Wanted> {
    let deps = (
        state.requested_locale().map(str::to_owned),
        state.language_menu,
        state.messages_src.clone(),
        files.clone(),
    );
    (*use_memo(deps, |(requested, menu, messages_src, files)| {
        Rc::new(wanted(
            locale(requested.as_deref(), !menu),
            messages_src.as_deref(),
            files,
        ))
    }))
    .clone()
}

/// Keeps the widget's current words where the panic hook's error card can read them.
#[hook]
fn use_error_words(words: ErrorWords, texts: I18n) {
    use_effect_with(texts, move |t| {
        *words.0.borrow_mut() = Some(t.0.clone());
    });
}

/// The widget.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let store = use_reducer(|| Store(props.init.start.clone()));
    // What the visitor did; everything the widget tells outside itself follows it.
    let state = store.0.clone();
    // The parts render one at a time, each once the one before has been painted, so no
    // single task builds the whole widget; until then each keeps its reserved space.
    let parts: Rc<[Part]> = enabled(state.sections, state.share, state.heading).into();
    // The later sections' code is fetched from the first render on, if any is on; their
    // turn to render comes once it is here (or has failed), still one part per paint.
    let later = use_later(parts.iter().copied().any(is_later));
    let renderable = match later {
        Later::Loading => parts.iter().position(|&p| is_later(p)),
        Later::Ready(_) | Later::Failed(_) => None,
    }
    .unwrap_or(parts.len());
    let shown = use_staged(renderable);
    use_warm_up(shown >= parts.len(), state.clone());
    let dispatch: Dispatch = {
        let dispatcher = store.dispatcher();
        (*use_memo((), move |_| {
            Callback::from(move |a: Action| dispatcher.dispatch(a))
        }))
        .clone()
    };
    let link = &props.link;
    let wanted = use_wanted(&state, &link.words_files);
    let (texts, words_again) = use_words(wanted, dispatch.clone());
    // Amounts in the widget's currency, in its language's way.
    let texts = texts.in_currency(state.currency);
    let ids = use_memo(props.instance, |n| Ids(AttrValue::from(format!("mq{n}"))));
    // The rules in the widget's currency, which every figure is computed from.
    let priced = (*use_memo(
        (state.rules.clone(), state.currency),
        |(rules, currency)| Rc::new(priced(rules, *currency)),
    ))
    .clone();
    let summary = use_memo(
        (
            priced.clone(),
            state.selection.clone(),
            state.month.usage,
            state.month.today,
            state.period_rule,
            state.billing,
        ),
        |_| Rc::new(state.summary()),
    );
    let summary: Rc<_> = (*summary).clone();
    let send_ref = use_node_ref();

    // What the widget does outside itself.
    let english = use_english();
    use_error_words(link.error_words.clone(), texts.clone());
    use_host_events(
        link.host.clone(),
        english.clone(),
        priced.clone(),
        state.selection.clone(),
        summary.clone(),
    );
    use_host_updates(props.update.clone(), dispatch.clone());
    let link_rules = use_link_rules(
        link.sync_url || state.share,
        state.rules.clone(),
        state.rules_origin,
    );
    let shared = use_shared(
        state.share,
        state.clone(),
        link_rules.clone(),
        link.sync_url,
        link.base.clone(),
    );
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
        link_rules,
        dispatch.clone(),
    );
    use_autoplay(state.playing, state.speed_ms, dispatch.clone());
    let on_choose = use_upgrade_choice(
        link.host.clone(),
        english,
        priced.clone(),
        state.billing,
        dispatch.clone(),
    );
    let part_refs = {
        let parts = parts.clone();
        (*use_memo(parts.clone(), move |_| PartRefs::new(&parts))).clone()
    };

    let on_close = dispatch.reform(|_: ()| Action::CloseDialog);
    let onkeydown = {
        let (dispatch, playing, sections) = (dispatch.clone(), state.playing, state.sections);
        Callback::from(move |e: KeyboardEvent| {
            if e.ctrl_key() || e.meta_key() || e.alt_key() || is_typing(&e) {
                return;
            }
            if let Some(action) = shortcut(&e.key(), sections, playing) {
                e.prevent_default();
                dispatch.emit(action);
            }
        })
    };

    let notices: Rc<[Notice]> = state.notices.as_slice().into();
    let checkout = Checkout {
        template: state.checkout_url.clone().map(AttrValue::from),
        host: link.host.clone(),
    };
    let currencies: Rc<[Currency]> = (*use_memo(state.rules.clone(), |rules| {
        Rc::<[Currency]>::from(rules.currencies())
    }))
    .clone();
    let rendered = parts.iter().enumerate().map(|(i, &part)| {
        let content = (i < shown).then(|| match part {
            Part::Heading => html! {
                <PageHeading parts={parts.clone()} refs={part_refs.clone()} language_menu={state.language_menu} />
            },
            Part::Calculator => html! {
                <Calculator rules={priced.clone()} currencies={currencies.clone()} billing={state.billing}
                    highlight={state.highlighted()}
                    selection={state.selection.clone()} period_rule={state.period_rule}
                    recipient={state.recipient} last_send={state.last_send.clone()} summary={summary.clone()}
                    drafts={state.drafts_of(part)} send_ref={send_ref.clone()} />
            },
            Part::Share => later.render(LaterPart::Share(share::Props {
                link: shared.link.clone(),
                snippet: shared.snippet.clone(),
                edited: state.rules_origin == RulesOrigin::Custom,
            })),
            Part::Compare => later.render(LaterPart::Compare(finder::Props {
                rules: priced.clone(),
                billing: state.billing,
                highlight: state.highlighted(),
                need: state.need.clone(),
                selection: state.selection.clone(),
                drafts: state.drafts_of(part),
            })),
            Part::Demo => later.render(LaterPart::Demo(demo::Props {
                month: state.month.clone(),
                period_rule: state.period_rule,
                sent: summary.sent,
                remaining: summary.remaining,
                scenario: state.scenario,
                playing: state.playing,
                speed_ms: state.speed_ms,
                large_text: state.large_text,
                drafts: state.drafts_of(part),
            })),
            Part::Rules => later.render(LaterPart::Rules(rules_editor::Props {
                rules: state.rules.clone(),
                origin: state.rules_origin,
                draft: state.rules_draft.clone(),
                error: state.rules_error.clone(),
                status: state.rules_status.clone(),
                drafts: state.drafts_of(part),
            })),
        });
        // The part's class also reserves its space (the loader's sizing rules).
        html! {
            <div key={part.id()} class={format!("mq-part mq-{}", part.id())} ref={part_refs.of(part)}>
                { content }
            </div>
        }
    });
    html! {
        <ContextProvider<I18n> context={texts.clone()}>
        <ContextProvider<Dispatch> context={dispatch}>
        <ContextProvider<Ids> context={(*ids).clone()}>
        <ContextProvider<Checkout> context={checkout}>
            <div class={classes!("mq-root", state.large_text.then_some("large-text"))} data-theme={state.theme.id()}
                lang={texts.lang().to_owned()} dir={texts.dir().id()} aria-label={texts.text(key::WIDGET_LABEL).to_string()}
                role="group" tabindex="-1" {onkeydown}>
                // With a heading, the language menu sits in it.
                if state.language_menu && !state.heading { <LanguageMenu /> }
                <Notices {notices} on_retry_words={words_again} />
                { for rendered }
                <UpgradeDialog blocked={state.dialog.clone()} rules={priced.clone()} billing={state.billing}
                    selection={state.selection.clone()} {on_choose} {on_close}
                    return_focus={send_ref} />
            </div>
        </ContextProvider<Checkout>>
        </ContextProvider<Ids>>
        </ContextProvider<Dispatch>>
        </ContextProvider<I18n>>
    }
}
