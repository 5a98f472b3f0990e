//! The root component: one reducer over [`Widget`], the layout, and the effects that reach
//! outside the widget (page URL, localStorage, host events, the auto-play timer).

use std::rc::Rc;

use gloo::timers::callback::Interval;
use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

use super::compare_table::CompareTable;
use super::cost_chart::CostChart;
use super::message_log::MessageLog;
use super::month_player::MonthPlayer;
use super::need_panel::NeedPanel;
use super::notices::Notices;
use super::plan_picker::PlanPicker;
use super::results::Results;
use super::rules_editor::RulesEditor;
use super::send_preview::SendPreview;
use super::upgrade_dialog::UpgradeDialog;
use crate::browser;
use crate::engine::chart::cost_chart;
use crate::engine::compare::compare;
use crate::engine::embed_config::EmbedConfig;
use crate::engine::events::{change_detail, upgrade_detail};
use crate::engine::period::human_date;
use crate::engine::player::timeline;
use crate::state::{initial_widget, storage_value, Action, Init, Widget};

/// The reducer's state.
#[derive(Clone, PartialEq)]
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

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// Makes element ids unique when a page holds several widgets.
    pub instance: u32,
    pub init: InitCell,
    pub link: HostLink,
    #[prop_or_default]
    pub update: Option<ConfigUpdate>,
}

fn is_typing(e: &KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    e.target().and_then(|t| t.dyn_into::<Element>().ok()).is_some_and(|el| {
        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.closest("dialog[open]").ok().flatten().is_some()
    })
}

/// The widget.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let store = use_reducer(|| Store(initial_widget((*props.init.0).clone())));
    let w = &store.0;
    let on_action = {
        let store = store.clone();
        Callback::from(move |action: Action| store.dispatch(action))
    };
    let send_ref = use_node_ref();
    let prefix = AttrValue::from(format!("mq{}", props.instance));
    let summary = w.summary();
    let link = props.link.clone();

    // Effects
    use_effect_with((), |_| browser::mark_first_render());
    {
        let params = w.params();
        let sync = link.sync_url;
        use_effect_with(params, move |params| {
            if sync {
                browser::replace_url_params(params);
            }
        });
    }
    {
        let key = link.storage_key.clone();
        use_effect_with(storage_value(w), move |value| {
            if let Some(key) = key {
                browser::store(&key, value);
            }
        });
    }
    {
        let detail = change_detail(&w.rules.id, &w.selection, &summary);
        let first = use_mut_ref(|| true);
        let host = link.host.clone();
        use_effect_with(detail, move |detail| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                browser::dispatch(&host, "messaging-quota:change", detail);
            }
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
                on_action.emit(Action::Configure(Box::new(u.config.clone()), u.warnings.clone()));
            }
        });
    }

    // Derived views, recomputed only when their inputs change.
    let current = (summary.allowance, summary.total_cents);
    let compare_rows = use_memo(
        (w.recommender.clone(), w.rules.clone(), w.need.clone(), w.locale, w.selection.tier_id.clone()),
        |(recommender, rules, need, locale, tier)| compare(recommender, rules, need, tier, locale),
    );
    let chart = use_memo(
        (w.recommender.clone(), w.rules.clone(), w.need.clone(), w.locale, current),
        |(recommender, rules, need, locale, current)| cost_chart(recommender, rules, need, Some(*current), locale),
    );
    let recommendation = w.recommendation();

    // Callbacks
    let on_choose = {
        let (on_action, host) = (on_action.clone(), link.host.clone());
        Callback::from(move |option: crate::engine::send::UnblockOption| {
            browser::dispatch(&host, "messaging-quota:upgrade-click", &upgrade_detail(&option));
            on_action.emit(Action::ApplyUnblock(option.unblock));
        })
    };
    let onkeydown = {
        let (on_action, playing, sections) = (on_action.clone(), w.playing, w.sections);
        Callback::from(move |e: KeyboardEvent| {
            if e.ctrl_key() || e.meta_key() || e.alt_key() || is_typing(&e) {
                return;
            }
            let action = match e.key().to_ascii_lowercase().as_str() {
                "s" if sections.calculator => Action::Send,
                "n" if sections.demo => Action::NextDay,
                "r" if sections.demo => Action::JumpToReset,
                "p" if sections.demo => if playing { Action::Pause } else { Action::Play },
                "l" => Action::ToggleLargeText,
                _ => return,
            };
            e.prevent_default();
            on_action.emit(action);
        })
    };

    let period = w.month.period(w.period_rule);
    let day_of_period = (w.month.today - period.start).num_days() + 1;
    let sections = w.sections;
    html! {
        <div class={classes!("mq-root", w.large_text.then_some("large-text"))} data-theme={w.theme.id()} {onkeydown}>
            <Notices notices={w.notices.clone()} on_dismiss={on_action.reform(|_| Action::DismissNotices)} />
            if sections.calculator {
                <div class="calculator">
                    <PlanPicker prefix={prefix.clone()} rules={w.rules.clone()} selection={w.selection.clone()}
                        usage={w.month.usage} period_rule={w.period_rule} locale={w.locale} on_action={on_action.clone()} />
                    <div class="calculator-side">
                        <Results prefix={prefix.clone()} summary={summary.clone()} locale={w.locale} />
                        <SendPreview prefix={prefix.clone()} recipient={w.recipient} last_send={w.last_send.clone()}
                            locale={w.locale} send_ref={send_ref.clone()} on_action={on_action.clone()} />
                    </div>
                </div>
            }
            if sections.compare {
                <section class="compare" aria-labelledby={format!("{prefix}-compare-heading")}>
                    <h2 id={format!("{prefix}-compare-heading")}>{ "Find the cheapest plan" }</h2>
                    <NeedPanel prefix={prefix.clone()} rules={w.rules.clone()} need={w.need.clone()} recommendation={recommendation.clone()}
                        selection={w.selection.clone()} locale={w.locale} on_action={on_action.clone()} />
                    <CompareTable rows={(*compare_rows).clone()} messages={w.need.messages} locale={w.locale} />
                    <CostChart prefix={prefix.clone()} chart={chart.clone()} cheapest_tier={recommendation.as_ref().map(|p| p.tier_index)} />
                </section>
            }
            if sections.demo {
                <section class="demo" aria-labelledby={format!("{prefix}-demo-heading")}>
                    <h2 id={format!("{prefix}-demo-heading")}>{ "Play a month" }</h2>
                    <p class="today-line" data-testid="today" data-date={crate::engine::period::iso_date(w.month.today)}>
                        { format!("Today: {} · day {} of {} · ", human_date(w.month.today), day_of_period, period.length()) }
                        { format!("{} sent, {} left", w.locale.count(summary.sent), w.locale.count(summary.remaining)) }
                    </p>
                    <div class="demo-grid">
                        <MonthPlayer prefix={prefix.clone()} days={timeline(&w.month, w.period_rule)} period={period}
                            playing={w.playing} speed_ms={w.speed_ms} scenario={w.scenario} large_text={w.large_text}
                            on_action={on_action.clone()} />
                        <MessageLog log={w.month.log.clone()} unread_replies={w.month.unread_replies} locale={w.locale}
                            on_action={on_action.clone()} />
                    </div>
                    <details class="shortcuts">
                        <summary>{ "Keyboard shortcuts" }</summary>
                        <dl>
                            <dt><kbd>{ "S" }</kbd></dt><dd>{ "Send to the chosen recipient" }</dd>
                            <dt><kbd>{ "N" }</kbd></dt><dd>{ "Next day" }</dd>
                            <dt><kbd>{ "P" }</kbd></dt><dd>{ "Play or pause" }</dd>
                            <dt><kbd>{ "R" }</kbd></dt><dd>{ "Jump to the reset" }</dd>
                            <dt><kbd>{ "L" }</kbd></dt><dd>{ "Large text" }</dd>
                        </dl>
                        <p class="muted">{ "Shortcuts work while the widget has focus and you are not typing in a field." }</p>
                    </details>
                </section>
            }
            if sections.rules {
                <section class="rules" aria-labelledby={format!("{prefix}-rules-heading")}>
                    <h2 id={format!("{prefix}-rules-heading")}>{ "Rules" }</h2>
                    <RulesEditor prefix={prefix.clone()} rules={w.rules.clone()} origin={w.rules_origin}
                        draft={AttrValue::from(w.rules_draft.clone())} error={w.rules_error.clone()}
                        message={w.rules_message.clone()} on_action={on_action.clone()} />
                </section>
            }
            <UpgradeDialog prefix={prefix.clone()} blocked={w.dialog.clone()} locale={w.locale} return_focus={send_ref}
                on_choose={on_choose} on_close={on_action.reform(|_| Action::CloseDialog)} />
        </div>
    }
}
