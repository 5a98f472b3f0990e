//! The root component, a short shell: one reducer over [`Widget`], the actions as typed
//! callbacks, the contexts (ids, checkout), the sections each with its input, the host's
//! events, and [`Outside`]: what the widget does outside itself that shows nothing.

use std::rc::Rc;

use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

use super::calculator::Calculator;
use super::context::Ids;
use super::host_page::{
    use_checkout_events, use_english, use_host_events, use_upgrade_choice, ConfigUpdate,
};
use super::language_menu::LanguageMenu;
use super::later::{is_later, use_later, Later, LaterPart};
use super::notices::Notices;
use super::outside::{self, Outside};
use super::page_heading::{PageHeading, PartRefs};
use super::page_writes::use_link_rules;
use super::schedule::{use_steps, Rendering};
use super::share::use_shared;
use super::upgrade_dialog::UpgradeDialog;
use super::use_view::use_view;
use super::use_words::use_words;
use super::{compare, demo, rules_editor, share};
use crate::browser::catalogue_files::{locale, wanted, Wanted, WordsFiles};
use crate::engine::rules::RuleSet;
use crate::engine::summary::Summary;
use crate::host::parts::Part;
use crate::state::{
    initial_widget, priced, shortcut, summary, Action, DisplayAction, Edit, EditorAction, Field,
    HostAction, Init, Notice, NoticeAction, PlanAction, PlayerAction, SendAction, TextSize, Widget,
};
use crate::text::{key, Texts};
use crate::view::calculator::CalculatorInput;
use crate::view::compare::CompareInput;
use crate::view::demo::DemoInput;
use crate::view::dialog::{dialog, DialogInput};
use crate::view::heading::{heading, language_menu, HeadingInput};
use crate::view::notices::{notices, WayOn};
use crate::view::rules::RulesInput;

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

/// The state a widget carries on from once it has come alive over prerendered markup: what
/// the visitor's own inputs give (their day, link, saved state). Compared by identity.
#[derive(Clone)]
pub struct Resume(pub Rc<Widget>);

impl PartialEq for Resume {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// A widget drawn ahead of the page (`resume` is `None`), or coming alive over such a
/// drawing (hydrating with the drawing's inputs, then carrying on from `resume`).
#[derive(Clone, PartialEq)]
pub struct Ahead {
    /// Whether the drawing's day is the visitor's (a `today` attribute): if not, what
    /// depends on the day is drawn, unseen, until the widget is alive.
    pub day_known: bool,
    pub resume: Option<Resume>,
}

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// Makes element ids unique when a page holds several widgets.
    pub instance: u32,
    pub init: InitCell,
    pub link: HostLink,
    #[prop_or_default]
    pub update: Option<ConfigUpdate>,
    /// In steps (a first render in the browser), or whole.
    #[prop_or(Rendering::Steps)]
    pub rendering: Rendering,
    /// Drawn ahead of the page, or hydrating over such a drawing.
    #[prop_or_default]
    pub ahead: Option<Ahead>,
    /// Called once the first render is complete (after a hydration: once the widget carries
    /// on from `ahead.resume`): a widget rendered off the page is put in its place then, and
    /// what the visitor did to a drawing meanwhile is given back.
    #[prop_or_default]
    pub on_first_render: Callback<()>,
}

/// The widget's actions as typed callbacks, one per part of the state, made once: a section
/// gets the ones it acts through.
#[derive(Clone, PartialEq)]
struct On {
    plan: Callback<PlanAction>,
    field: Callback<(Field, Edit)>,
    send: Callback<SendAction>,
    player: Callback<PlayerAction>,
    editor: Callback<EditorAction>,
    notice: Callback<NoticeAction>,
    display: Callback<DisplayAction>,
    host: Callback<HostAction>,
    /// A notice about what the widget could not do (an unreadable file).
    add_notice: Callback<Notice>,
    dismiss: Callback<()>,
    close_dialog: Callback<()>,
    locale: Callback<String>,
}

/// The callback that sends a part's actions to the reducer.
fn to<A: 'static>(store: &UseReducerDispatcher<Store>, part: fn(A) -> Action) -> Callback<A> {
    let store = store.clone();
    Callback::from(move |a| store.dispatch(part(a)))
}

#[hook]
fn use_on(store: UseReducerDispatcher<Store>) -> On {
    (*use_memo((), move |_| {
        let notice = to(&store, Action::Notices);
        On {
            plan: to(&store, Action::Plan),
            field: to(&store, |(field, edit)| Action::Field(field, edit)),
            send: to(&store, Action::Send),
            player: to(&store, Action::Player),
            editor: to(&store, Action::Editor),
            display: to(&store, Action::Display),
            host: to(&store, Action::Host),
            add_notice: notice.reform(NoticeAction::Add),
            dismiss: notice.reform(|()| NoticeAction::DismissAll),
            notice,
            close_dialog: to(&store, |()| Action::Send(SendAction::CloseDialog)),
            locale: to(&store, |tag| {
                Action::Display(DisplayAction::ChooseLocale(tag))
            }),
        }
    }))
    .clone()
}

/// Keys typed into fields, or inside the pop-up, are not shortcuts.
fn is_typing(e: &KeyboardEvent) -> bool {
    let target: Option<Element> = e.target_dyn_into();
    target.is_some_and(|el| {
        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
            || el.closest("dialog[open]").ok().flatten().is_some()
    })
}

/// The words a widget needs: its language (an embed speaks its page's unless told
/// otherwise; the standalone page, the one with the language menu, the visitor's) and the
/// host's own catalogue. Worked out once per change of what it depends on.
#[hook]
fn use_wanted(state: &Widget, files: &WordsFiles) -> Rc<Wanted> {
    let deps = (
        state.requested_locale().map(str::to_owned),
        state.page.language_menu,
        state.page.messages_src.clone(),
        files.clone(),
    );
    use_memo(deps, |(requested, menu, messages_src, files)| {
        wanted(
            locale(requested.as_deref(), !menu),
            messages_src.as_deref(),
            files,
        )
    })
}

/// The rules in the widget's currency, which every figure is computed from, and this
/// month's summary under them: each worked out once per change of what it reads.
#[hook]
fn use_priced(state: &Widget) -> (Rc<RuleSet>, Rc<Summary>) {
    let priced = use_memo(
        (state.rules.set.clone(), state.choices.currency),
        |(rules, currency)| priced(rules, *currency),
    );
    let month = &state.month;
    let summary = use_memo(
        (
            priced.clone(),
            state.choices.clone(),
            month.today,
            month.usage,
        ),
        |(priced, choices, today, usage)| summary(priced, choices, *today, usage),
    );
    (priced, summary)
}

/// Whether the widget is alive: drawn ahead of the page it is not; hydrating over such a
/// drawing, it comes alive once hydrated, carrying on from the visitor's own state. Either
/// way, `on_first_render` hears when the first render is complete.
#[hook]
fn use_alive(
    ahead: Option<Ahead>,
    on_host: Callback<HostAction>,
    on_first_render: Callback<()>,
) -> Option<Ahead> {
    let drawn = use_state(|| ahead.clone());
    {
        let drawn = drawn.clone();
        use_effect_with((), move |_| {
            if let Some(Ahead {
                resume: Some(resume),
                ..
            }) = ahead
            {
                on_host.emit(HostAction::Resume(resume.0));
                drawn.set(None);
            }
            on_first_render.emit(());
        });
    }
    (*drawn).clone()
}

/// The widget.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let store = use_reducer(|| Store(props.init.start.clone()));
    let on = use_on(store.dispatcher());
    let state = store.0.clone();
    let drawn = use_alive(
        props.ahead.clone(),
        on.host.clone(),
        props.on_first_render.clone(),
    );
    let day_known = drawn.as_ref().is_none_or(|d| d.day_known);
    let link = &props.link;
    let parts = state.page.parts;
    // The parts render one at a time, each once the one before has been painted, so no
    // single task builds the whole widget; until then each keeps its reserved space. The
    // later sections' code is fetched from the first render on, if any is on; their turn
    // comes once it is here (or has failed).
    let later = use_later(parts.iter().any(is_later));
    let renderable = match later {
        Later::Loading => parts.iter().position(is_later),
        Later::Ready(_) | Later::Failed(_) => None,
    }
    .unwrap_or(parts.iter().count());
    let shown = use_steps(renderable, props.rendering);
    let wanted = use_wanted(&state, &link.words_files);
    let (words, words_again) = use_words(wanted, on.notice.clone());
    // Amounts in the widget's currency, in its language's way.
    let words = words.in_currency(state.choices.currency);
    let (priced, summary) = use_priced(&state);
    let ids = use_memo(props.instance, |n| Ids(AttrValue::from(format!("mq{n}"))));
    let part_refs = use_memo(parts, |parts| PartRefs::new(parts.iter()));
    let send_ref = use_node_ref();

    // What the widget does outside itself: the host page's events and the ways to pay
    // here; the rest (`Outside`) in a component of its own.
    let english = use_english();
    use_host_events(
        link.host.clone(),
        english.clone(),
        priced.clone(),
        state.choices.selection.clone(),
        summary.clone(),
    );
    let sharing = parts.has(Part::Share);
    let link_rules = use_link_rules(
        link.sync_url || sharing,
        state.rules.set.clone(),
        state.rules.origin,
    );
    let shared = use_shared(
        sharing,
        state.clone(),
        link_rules.clone(),
        link.sync_url,
        link.base.clone(),
    );
    let outside = outside::Props {
        state: state.clone(),
        words: words.clone(),
        link: link.clone(),
        init: props.init.clone(),
        instance: props.instance,
        update: props.update.clone(),
        link_rules,
        appeared: shown >= parts.iter().count(),
        on_notice: on.notice.clone(),
        on_host: on.host.clone(),
        on_player: on.player.clone(),
    };
    let on_choose = use_upgrade_choice(
        link.host.clone(),
        english,
        priced.clone(),
        state.choices.billing,
        on.send.clone(),
    );
    let checkout = use_checkout_events(link.host.clone());
    let onkeydown = {
        let (dispatch, player) = (store.dispatcher(), state.player);
        Callback::from(move |e: KeyboardEvent| {
            if e.ctrl_key() || e.meta_key() || e.alt_key() || is_typing(&e) {
                return;
            }
            if let Some(action) = shortcut(&e.key(), parts, &player) {
                e.prevent_default();
                dispatch.dispatch(action);
            }
        })
    };
    let on_way = {
        let (host, retry) = (on.host.clone(), words_again);
        use_callback((), move |way: WayOn, _| match way {
            WayOn::LoadOtherTab(followed) => host.emit(HostAction::LoadOffered(followed)),
            WayOn::RetryWords => retry.emit(()),
        })
    };

    // The sections that are not in the later module, each from its view model.
    let shown_notices: Rc<[Notice]> = state.notices.shown().into();
    let notices_view = use_view(&shown_notices, &words, notices);
    let dialog_view = use_view(&DialogInput::of(&state, &priced), &words, dialog);
    let heading_input = HeadingInput {
        parts,
        language_menu: state.page.language_menu,
    };
    let heading_view = use_view(&heading_input, &words, heading);

    let rendered = parts.iter().enumerate().map(|(i, part)| {
        let content = (i < shown).then(|| match part {
            Part::Heading => html! {
                <PageHeading view={heading_view.clone()} refs={(*part_refs).clone()} on_locale={on.locale.clone()} />
            },
            Part::Calculator => html! {
                <Calculator input={CalculatorInput::of(&state, &priced, &summary, day_known)} words={words.clone()}
                    on_plan={on.plan.clone()} on_field={on.field.clone()} on_send={on.send.clone()}
                    send_ref={send_ref.clone()} />
            },
            Part::Share => later.render(LaterPart::Share(share::Props {
                link: shared.link.clone(),
                snippet: shared.snippet.clone(),
                edited: state.rules.origin == crate::state::RulesOrigin::Custom,
                words: words.clone(),
            }), &words),
            Part::Compare => later.render(LaterPart::Compare(compare::Props {
                input: CompareInput::of(&state, &priced),
                words: words.clone(),
                on_plan: on.plan.clone(),
                on_field: on.field.clone(),
            }), &words),
            Part::Demo => later.render(LaterPart::Demo(demo::Props {
                input: DemoInput::of(&state, summary.sent, summary.remaining, day_known),
                words: words.clone(),
                on_player: on.player.clone(),
                on_display: on.display.clone(),
                on_field: on.field.clone(),
            }), &words),
            Part::Rules => later.render(LaterPart::Rules(rules_editor::Props {
                input: RulesInput::of(&state),
                words: words.clone(),
                on_editor: on.editor.clone(),
                on_field: on.field.clone(),
                on_notice: on.add_notice.clone(),
            }), &words),
        });
        // The part's class also reserves its space (the loader's sizing rules).
        html! {
            <div key={part.id()} class={format!("mq-part mq-{}", part.id())} ref={part_refs.of(part)}>
                { content }
            </div>
        }
    });
    let large = state.display.text_size == TextSize::Large;
    html! {
        <ContextProvider<Rendering> context={props.rendering}>
        <ContextProvider<Ids> context={(*ids).clone()}>
        <ContextProvider<super::context::Checkout> context={checkout}>
            <div class={classes!("mq-root", large.then_some("large-text"))} data-theme={state.page.theme.id()}
                data-alive={drawn.is_none().then_some("")}
                lang={words.lang().to_owned()} dir={words.dir().id()} aria-label={words.text(key::WIDGET_LABEL)}
                role="group" tabindex="-1" {onkeydown}>
                // With a heading, the language menu sits in it.
                if state.page.language_menu && !parts.has(Part::Heading) {
                    <LanguageMenu view={language_menu(&words)} on_locale={on.locale.clone()} />
                }
                <Notices view={notices_view} notices={shown_notices} on_way={on_way} on_dismiss={on.dismiss.clone()} />
                { for rendered }
                <UpgradeDialog view={dialog_view} on_choose={on_choose} on_close={on.close_dialog.clone()}
                    return_focus={send_ref} />
            </div>
            <Outside ..outside />
        </ContextProvider<super::context::Checkout>>
        </ContextProvider<Ids>>
        </ContextProvider<Rendering>>
    }
}
