//! The root component: one reducer over [`Widget`], the widget's regions, the root
//! handlers for `data-action`, `data-field` and `data-count`, and the effects that reach
//! outside the widget (page URL, localStorage, host events, the auto-play timer).

use std::rc::Rc;

use gloo::timers::callback::Interval;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use super::regions::use_regions;
use crate::browser;
use crate::engine::chart::cost_chart;
use crate::engine::compare::compare;
use crate::engine::embed_config::EmbedConfig;
use crate::engine::events::{change_detail, upgrade_detail};
use crate::engine::player::timeline;
use crate::state::{initial_widget, storage_value, Action, Count, Init, Widget};
use crate::view;

/// The root's frame: one region per section, each a `display: contents` wrapper.
const ROOT_FRAME: &str = concat!(
    r#"<div class="mq-part" data-slot="notices"></div><div class="mq-part" data-slot="calculator"></div>"#,
    r#"<div class="mq-part" data-slot="compare"></div><div class="mq-part" data-slot="demo"></div>"#,
    r#"<div class="mq-part" data-slot="rules"></div><div class="mq-part" data-slot="dialog"></div>"#
);

/// The reducer's state.
#[derive(Clone)]
struct Store(Widget);

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.0.apply(action);
        Rc::new(next)
    }
}

/// Where the widget lives and what it may touch outside itself.
#[derive(Clone, PartialEq)]
pub struct HostLink {
    /// The element events are dispatched on: the mount point or custom element.
    pub host: Element,
    pub sync_url: bool,
    pub storage_key: Option<String>,
    /// The loader's `patch(root, parts)`, which puts a render on the page (`regions.rs`).
    pub patch: js_sys::Function,
}

/// New attributes from the host page; `generation` tells one update from the next.
#[derive(Clone)]
pub struct ConfigUpdate {
    pub generation: u32,
    pub config: EmbedConfig,
    pub warnings: Vec<String>,
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

fn target_element(e: &Event) -> Option<Element> {
    e.target()?.dyn_into::<Element>().ok()
}

/// Keys typed into fields, or inside the pop-up, are not shortcuts.
fn is_typing(target: &Element) -> bool {
    matches!(target.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || target.closest("dialog[open]").ok().flatten().is_some()
}

fn property(target: &Element, name: &str) -> JsValue {
    js_sys::Reflect::get(target, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn value_of(target: &Element) -> String {
    property(target, "value").as_string().unwrap_or_default()
}

/// Reads an imported rule file, then hands its text to the widget.
fn import_rules(input: HtmlInputElement, on_action: Callback<Action>) {
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return;
    };
    input.set_value("");
    wasm_bindgen_futures::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(file.text()).await {
            Ok(text) => on_action.emit(Action::ImportRules(text.as_string().unwrap_or_default())),
            Err(_) => on_action.emit(Action::AddNotice("The rule file could not be read.".into())),
        }
    });
}

/// The widget.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let store = use_reducer(|| Store(initial_widget((*props.init.0).clone())));
    let w = &store.0;
    let on_action = {
        let dispatcher = store.dispatcher();
        (*use_memo((), move |_| {
            Callback::from(move |action: Action| dispatcher.dispatch(action))
        }))
        .clone()
    };
    let p = format!("mq{}", props.instance);
    let summary = w.summary();
    let link = &props.link;
    let locale = w.locale;

    // The first render shows the first section only; the rest follow once that has been
    // painted, so the calculator appears as soon as possible (README: "Size and speed").
    let settled = use_state_eq(|| false);
    {
        let settled = settled.clone();
        use_effect_with((), move |_| {
            // After the next paint; the timeout covers pages that paint no frames (a
            // background tab renders fully without waiting to be shown).
            let after_paint = settled.clone();
            let frame = gloo::render::request_animation_frame(move |_| {
                gloo::timers::callback::Timeout::new(0, move || after_paint.set(true)).forget();
            });
            let fallback = gloo::timers::callback::Timeout::new(100, move || settled.set(true));
            move || drop((frame, fallback))
        });
    }
    {
        // One effect keeps the page in step: the host's change event at once (not for the
        // first render: nothing has changed yet); the URL and saved state a moment later,
        // once typing pauses, since both are slow calls that need not run per keystroke.
        let first = use_mut_ref(|| true);
        let pending = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
        let link = link.clone();
        // Only what this widget writes is serialised.
        let deps = (
            link.sync_url.then(|| w.params()),
            link.storage_key.as_ref().map(|_| storage_value(w)),
            change_detail(&w.rules.id, &w.selection, &summary),
        );
        use_effect_with(deps, move |(params, stored, detail)| {
            let is_first = std::mem::replace(&mut *first.borrow_mut(), false);
            if !is_first {
                browser::dispatch(&link.host, "messaging-quota:change", detail);
            }
            let (params, stored) = (params.clone(), stored.clone());
            let write = move || {
                if let Some(params) = &params {
                    browser::replace_url_params(params);
                }
                if let (Some(key), Some(stored)) = (&link.storage_key, &stored) {
                    browser::store(key, stored);
                }
            };
            // Replacing the pending timeout cancels it; the first write waits too, so it
            // does not hold up the first render.
            *pending.borrow_mut() = Some(gloo::timers::callback::Timeout::new(
                if is_first { 0 } else { 200 },
                write,
            ));
        });
    }
    {
        let on_action = on_action.clone();
        use_effect_with((w.playing, w.speed_ms), move |(playing, ms)| {
            let timer = playing.then(|| Interval::new(*ms, move || on_action.emit(Action::Step)));
            move || drop(timer)
        });
    }
    {
        let on_action = on_action.clone();
        use_effect_with(props.update.clone(), move |update| {
            if let Some(u) = update {
                on_action.emit(Action::Configure(
                    Box::new(u.config.clone()),
                    u.warnings.clone(),
                ));
            }
        });
    }

    // What shows on this render.
    let sections = {
        let mut shown = w.sections;
        if !*settled {
            // Only the first enabled section on the first render.
            let first = [shown.calculator, shown.compare, shown.demo, shown.rules]
                .iter()
                .position(|on| *on);
            shown.compare &= first == Some(1);
            shown.demo &= first == Some(2);
            shown.rules &= first == Some(3);
        }
        shown
    };
    // Derived views, rebuilt only when their inputs change, and only once shown.
    let compare_inputs = sections.compare.then(|| {
        (
            w.recommender.clone(),
            w.rules.clone(),
            w.need.clone(),
            locale,
        )
    });
    let compare_html = use_memo(
        (compare_inputs.clone(), w.selection.tier_id.clone()),
        |(inputs, tier)| {
            inputs
                .as_ref()
                .map_or_else(String::new, |(recommender, rules, need, locale)| {
                    view::compare_table(
                        &compare(recommender, rules, need, tier, locale),
                        need.messages,
                        locale,
                    )
                })
        },
    );
    let recommendation = if sections.compare {
        w.recommendation()
    } else {
        None
    };
    let chart = use_memo(compare_inputs, |inputs| {
        inputs
            .as_ref()
            .map(|(recommender, rules, need, locale)| cost_chart(recommender, rules, need, locale))
    });
    let cheapest = recommendation.as_ref().map(|r| r.tier_index);
    let chart_html = use_memo((chart.clone(), cheapest), |(chart, cheapest)| {
        (**chart)
            .as_ref()
            .map(|chart| view::chart(chart, &p, *cheapest))
            .unwrap_or_default()
    });
    // The selection's marker moves with every change to the selection; it is priced at
    // the stated InMail need, like the lines it sits among.
    let marker_html = (*chart)
        .as_ref()
        .map(|c| {
            let cents =
                crate::engine::compare::cost_with_inmails(&w.rules, &w.selection, w.need.inmails);
            view::chart_marker(&c.selection_marker(summary.allowance, cents, &locale))
        })
        .unwrap_or_default();
    let month_key =
        sections
            .demo
            .then_some((w.month.revision, w.month.today, w.period_rule, locale));
    let timeline_html = use_memo(month_key, |key| match key {
        Some(_) => view::timeline(
            &timeline(&w.month, w.period_rule),
            &w.month.period(w.period_rule),
        ),
        None => String::new(),
    });
    let log_html = use_memo(month_key, |key| match key {
        Some((.., locale)) => view::message_log(&w.month.log, locale),
        None => String::new(),
    });

    // The widget as (slot, HTML) parts, each frame before the parts that fill it.
    let mut parts: view::Parts = Vec::with_capacity(40);
    parts.push(("", ROOT_FRAME.to_owned()));
    parts.push(("notices", view::notices(&w.notices)));
    if sections.calculator {
        view::calculator_parts(&mut parts, w, &summary, &p);
    } else {
        parts.push(("calculator", String::new()));
    }
    if sections.compare {
        view::compare_parts(&mut parts, w, &p, recommendation.as_ref());
        parts.push(("compare-table", (*compare_html).clone()));
        parts.push(("cost-chart", (*chart_html).clone()));
        parts.push(("chart-marker", marker_html));
    } else {
        parts.push(("compare", String::new()));
    }
    if sections.demo {
        view::demo_parts(&mut parts, w, &summary, &p);
        parts.push(("timeline", (*timeline_html).clone()));
        parts.push(("message-log", (*log_html).clone()));
    } else {
        parts.push(("demo", String::new()));
    }
    if sections.rules {
        view::rules_parts(&mut parts, w, &p);
    } else {
        parts.push(("rules", String::new()));
    }
    view::dialog_parts(&mut parts, w, &p);
    let root = use_regions(
        parts,
        w.dialog.is_some(),
        link.patch.clone(),
        on_action.reform(|_| Action::CloseDialog),
    );

    // Root handlers: buttons name their action, controls their field or count.
    let onclick = {
        let (on_action, host, dialog, draft) = (
            on_action.clone(),
            link.host.clone(),
            w.dialog.clone(),
            w.rules_draft.clone(),
        );
        Callback::from(move |e: MouseEvent| {
            let Some(button) =
                target_element(&e).and_then(|t| t.closest("[data-action]").ok().flatten())
            else {
                return;
            };
            let command = button.get_attribute("data-action").unwrap_or_default();
            if command == "rules-export" {
                browser::download("messaging-quota-rules.json", &draft);
                return;
            }
            let Some(action) = Action::from_command(&command) else {
                return;
            };
            if let (Action::ApplyUnblock(unblock), Some(blocked)) = (&action, &dialog) {
                if let Some(option) = blocked.options.iter().find(|o| &o.unblock == unblock) {
                    browser::dispatch(
                        &host,
                        "messaging-quota:upgrade-click",
                        &upgrade_detail(option),
                    );
                }
            }
            on_action.emit(action);
        })
    };
    let onchange = {
        let on_action = on_action.clone();
        Callback::from(move |e: Event| {
            let Some(target) = target_element(&e) else {
                return;
            };
            let Some(field) = target.get_attribute("data-field") else {
                return;
            };
            if field == "rules-import" {
                if let Ok(input) = target.dyn_into::<HtmlInputElement>() {
                    import_rules(input, on_action.clone());
                }
                return;
            }
            if let Some(action) = Action::from_field(
                &field,
                &value_of(&target),
                property(&target, "checked").is_truthy(),
            ) {
                on_action.emit(action);
            }
        })
    };
    let oninput = {
        let on_action = on_action.clone();
        Callback::from(move |e: InputEvent| {
            let Some(target) = target_element(&e) else {
                return;
            };
            if let Some(count) = target
                .get_attribute("data-count")
                .and_then(|k| Count::from_key(&k))
            {
                on_action.emit(Action::TypeCount(count, value_of(&target)));
            } else if target.get_attribute("data-field").as_deref() == Some("rules-json") {
                on_action.emit(Action::EditRulesDraft(value_of(&target)));
            }
        })
    };
    let onkeydown = {
        let (on_action, playing, sections) = (on_action.clone(), w.playing, w.sections);
        Callback::from(move |e: KeyboardEvent| {
            let Some(target) = target_element(&e) else {
                return;
            };
            let key = e.key();
            if let Some(count) = target
                .get_attribute("data-count")
                .and_then(|k| Count::from_key(&k))
            {
                if let ("ArrowUp" | "ArrowDown", false) = (key.as_str(), count.is_money()) {
                    e.prevent_default();
                    on_action.emit(Action::StepCount(count, key == "ArrowUp"));
                }
                return;
            }
            if e.ctrl_key() || e.meta_key() || e.alt_key() || is_typing(&target) {
                return;
            }
            let action = match key.as_str() {
                "s" | "S" if sections.calculator => Action::Send,
                "n" | "N" if sections.demo => Action::NextDay,
                "r" | "R" if sections.demo => Action::JumpToReset,
                "p" | "P" if sections.demo => {
                    if playing {
                        Action::Pause
                    } else {
                        Action::Play
                    }
                }
                "l" | "L" => Action::ToggleLargeText,
                _ => return,
            };
            e.prevent_default();
            on_action.emit(action);
        })
    };

    html! {
        <div class={if w.large_text { "mq-root large-text" } else { "mq-root" }} data-theme={w.theme.id()}
            tabindex="-1" ref={root} {onclick} {onchange} {oninput} {onkeydown} />
    }
}
