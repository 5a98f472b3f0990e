//! The root component: one reducer over [`Widget`], the layout, the root click and change
//! handlers for `data-action` and `data-field`, and the effects that reach outside the
//! widget (page URL, localStorage, host events, the auto-play timer).

use std::rc::Rc;

use gloo::timers::callback::Interval;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

use super::number_field::NumberField;
use super::{raw, raw_static};
use super::rules_editor::RulesEditor;
use super::upgrade_dialog::UpgradeDialog;
use crate::browser;
use crate::engine::chart::cost_chart;
use crate::engine::compare::compare;
use crate::engine::embed_config::EmbedConfig;
use crate::engine::events::{change_detail, upgrade_detail};
use crate::engine::period::{human_date, iso_date};
use crate::engine::player::timeline;
use crate::engine::send::Recipient;
use crate::state::{initial_widget, storage_value, Action, Count, Init, Widget, SPEEDS};
use crate::view;

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

fn target_element(e: &Event) -> Option<Element> {
    e.target()?.dyn_into::<Element>().ok()
}

/// Keys typed into fields, or inside the pop-up, are not shortcuts.
fn is_typing(e: &KeyboardEvent) -> bool {
    target_element(e).is_some_and(|el| {
        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.closest("dialog[open]").ok().flatten().is_some()
    })
}

fn property(target: &Element, name: &str) -> JsValue {
    js_sys::Reflect::get(target, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// The widget.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let store = use_reducer(|| Store(initial_widget((*props.init.0).clone())));
    let w = &store.0;
    // One callback for the widget's lifetime, so children whose other props are unchanged
    // skip re-rendering.
    let on_action = {
        let dispatcher = store.dispatcher();
        (*use_memo((), move |_| Callback::from(move |action: Action| dispatcher.dispatch(action)))).clone()
    };
    let send_ref = use_node_ref();
    let p = format!("mq{}", props.instance);
    let id = |name: &str| format!("{p}-{name}");
    let summary = w.summary();
    let link = &props.link;
    let locale = w.locale;

    // Effects
    // The first render shows the first section only; the rest follow once that has been
    // painted, so the calculator appears as soon as possible (README: "Speed").
    let settled = use_state_eq(|| false);
    {
        let settled = settled.clone();
        use_effect_with((), move |_| {
            browser::mark_first_render();
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
        // One effect keeps the page in step: URL, saved state, and the host's change event
        // (not sent for the first render: nothing has changed yet).
        let first = use_mut_ref(|| true);
        let link = link.clone();
        let deps = (w.params(), storage_value(w), change_detail(&w.rules.id, &w.selection, &summary));
        use_effect_with(deps, move |(params, stored, detail)| {
            if link.sync_url {
                browser::replace_url_params(params);
            }
            if let Some(key) = &link.storage_key {
                browser::store(key, stored);
            }
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                browser::dispatch(&link.host, "messaging-quota:change", detail);
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

    // Derived views, rebuilt only when their inputs change.
    let compare_html = use_memo(
        (w.recommender.clone(), w.rules.clone(), w.need.clone(), locale, w.selection.tier_id.clone()),
        |(recommender, rules, need, locale, tier)| view::compare_table(&compare(recommender, rules, need, tier, locale), need.messages, locale),
    );
    let recommendation = w.recommendation();
    let chart = use_memo((w.recommender.clone(), w.rules.clone(), w.need.clone(), locale), |(recommender, rules, need, locale)| {
        cost_chart(recommender, rules, need, locale)
    });
    let chart_html = {
        let cheapest = recommendation.as_ref().map(|r| r.tier_index);
        // Priced at the stated InMail need, like the lines it sits among.
        let cents = crate::engine::compare::cost_with_inmails(&w.rules, &w.selection, w.need.inmails);
        let current = chart.selection_marker(summary.allowance, cents, &locale);
        use_memo((chart.clone(), current, cheapest), |(chart, current, cheapest)| {
            view::chart(chart, current, &format!("mq{}", props.instance), *cheapest)
        })
    };

    // Root handlers: buttons name their action, selects and radios their field.
    let onclick = {
        let (on_action, host, dialog, draft) = (on_action.clone(), link.host.clone(), w.dialog.clone(), w.rules_draft.clone());
        Callback::from(move |e: MouseEvent| {
            let Some(button) = target_element(&e).and_then(|t| t.closest("[data-action]").ok().flatten()) else { return };
            let command = button.get_attribute("data-action").unwrap_or_default();
            if command == "rules-export" {
                browser::download("messaging-quota-rules.json", &draft);
                return;
            }
            let Some(action) = Action::from_command(&command) else { return };
            if let (Action::ApplyUnblock(unblock), Some(blocked)) = (&action, &dialog) {
                if let Some(option) = blocked.options.iter().find(|o| &o.unblock == unblock) {
                    browser::dispatch(&host, "messaging-quota:upgrade-click", &upgrade_detail(option));
                }
            }
            on_action.emit(action);
        })
    };
    let onchange = {
        let on_action = on_action.clone();
        Callback::from(move |e: Event| {
            let Some(target) = target_element(&e) else { return };
            let Some(field) = target.get_attribute("data-field") else { return };
            let value = property(&target, "value").as_string().unwrap_or_default();
            if let Some(action) = Action::from_field(&field, &value, property(&target, "checked").is_truthy()) {
                on_action.emit(action);
            }
        })
    };
    let onkeydown = {
        let (on_action, playing, sections) = (on_action.clone(), w.playing, w.sections);
        Callback::from(move |e: KeyboardEvent| {
            if e.ctrl_key() || e.meta_key() || e.alt_key() || is_typing(&e) {
                return;
            }
            let action = match e.key().as_str() {
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

    let sections = {
        let mut shown = w.sections;
        if !*settled {
            // Only the first enabled section on the first render.
            let first = [shown.calculator, shown.compare, shown.demo, shown.rules].iter().position(|on| *on);
            shown.compare &= first == Some(1);
            shown.demo &= first == Some(2);
            shown.rules &= first == Some(3);
        }
        shown
    };
    let rules = &w.rules;
    let select = |field: &'static str, label: &str, testid: &'static str, options: Vec<(String, String)>, selected: String| {
        html! {
            <label class="select-field">
                <span>{ label }</span>
                <select data-field={field} data-testid={testid}>
                    { for options.into_iter().map(|(value, text)| {
                        let chosen = value == selected;
                        html! { <option selected={chosen} {value}>{ text }</option> }
                    }) }
                </select>
            </label>
        }
    };
    let count = |key: &str, label: String, testid: &str, value: u64, target: Count| {
        html! { <NumberField id={id(key)} {label} testid={testid.to_owned()} {value} {target} on_action={on_action.clone()} /> }
    };

    let calculator = sections.calculator.then(|| {
        let tiers = rules.tiers.iter().map(|t| {
            let credits = if t.inmail_credits > 0 { format!(" · {} InMail credits", locale.count(t.inmail_credits)) } else { String::new() };
            html! {
                <label class="tier-option">
                    <input type="radio" name={id("tier")} value={t.id.clone()} data-field="tier"
                        data-testid={format!("tier-option-{}", t.id)} checked={w.selection.tier_id == t.id} />
                    { raw(format!(
                        r#"<span class="tier-name">{}</span><span class="tier-price">{}<small>/mo</small></span><span class="tier-detail">{} messages{}</span>"#,
                        view::esc(&t.name), locale.money(t.price_cents), locale.count(t.free_messages), credits)) }
                </label>
            }
        });
        let bundles = rules.bundles.iter().map(|b| {
            let size = b.size;
            count(&format!("addon-{size}"), format!("{} messages · {}/mo", locale.count(size), locale.money(b.price_cents)),
                &format!("addon-count-{size}"), w.selection.addon_count(size), Count::Addon(size))
        });
        let block = rules.inmail;
        let days = std::iter::once(("1".to_owned(), "The 1st (calendar month)".to_owned()))
            .chain((2..=31).map(|d| (d.to_string(), format!("Day {d} (billing day)"))))
            .collect();
        let recipients = Recipient::ALL.iter().map(|r| (r.id().to_owned(), r.label().to_owned())).collect();
        html! {
            <div class="calculator">
                <section class="plan-picker" aria-label="Your plan">
                    { raw_static("<h2>Your plan</h2>") }
                    <fieldset class="tiers">{ raw_static("<legend>Account tier</legend>") }{ for tiers }</fieldset>
                    <fieldset class="addons">
                        { raw_static(r#"<legend>Add-on message bundles<small> (how many of each)</small></legend>"#) }
                        if rules.bundles.is_empty() { { raw_static(r#"<p class="muted">These rules sell no bundles.</p>"#) } }
                        <div class="field-grid">{ for bundles }</div>
                    </fieldset>
                    <fieldset class="usage">
                        { raw_static("<legend>InMail and this period</legend>") }
                        <div class="field-grid">
                            { count("inmail-blocks", format!("InMail blocks ({} credits, {})", block.block_size, locale.money(block.block_price_cents)),
                                "inmail-blocks", w.selection.inmail_blocks, Count::InMailBlocks) }
                            { count("sent", "Messages sent this period".into(), "sent-count", summary.sent, Count::Sent) }
                            { count("inmail-sent", "InMails sent this period".into(), "inmail-sent-count", summary.inmail.sent, Count::InMailSent) }
                            { select("billing-day", "Allowance resets on", "billing-day", days, w.period_rule.day().to_string()) }
                        </div>
                    </fieldset>
                </section>
                <div class="calculator-side">
                    { raw(view::results(&summary, &locale, &p)) }
                    <section class="send-preview" aria-label="Try a send">
                        { raw_static("<h2>Try a send</h2>") }
                        <div class="send-row">
                            { select("recipient", "Recipient", "recipient-kind", recipients, w.recipient.id().to_owned()) }
                            <button type="button" class="button primary" data-testid="send-button" data-action="send" ref={send_ref.clone()}>{ "Send" }</button>
                        </div>
                        <div class="outcome-slot" aria-live="polite">
                            { raw(w.last_send.as_ref().map(|last| view::send_outcome(last, &locale)).unwrap_or_default()) }
                        </div>
                    </section>
                </div>
            </div>
        }
    });

    let compare_section = sections.compare.then(|| {
        let tiers = std::iter::once((String::new(), "Any tier".to_owned())).chain(rules.tiers.iter().map(|t| (t.id.clone(), t.name.clone()))).collect();
        let applied = recommendation.as_ref().is_some_and(|r| r.selection() == w.selection);
        html! {
            <section class="compare" aria-label="Find the cheapest plan">
                { raw_static("<h2>Find the cheapest plan</h2>") }
                <div class="need-panel">
                    <div class="field-grid">
                        { count("need-messages", "Messages a month".into(), "need-messages", w.need.messages, Count::NeedMessages) }
                        { count("need-inmails", "InMails a month".into(), "need-inmails", w.need.inmails, Count::NeedInMails) }
                        { select("min-tier", "At least this tier", "min-tier", tiers, w.need.min_tier.clone().unwrap_or_default()) }
                    </div>
                    <div class="recommendation-slot">
                        { raw(view::recommendation(recommendation.as_ref(), rules, &w.need, &w.selection, &locale)) }
                        <button type="button" class="button primary" data-testid="apply-recommendation" data-action="apply-recommendation"
                            disabled={applied || recommendation.is_none()}>
                            { if applied { "This is your selection" } else { "Use this plan" } }
                        </button>
                    </div>
                </div>
                { raw((*compare_html).clone()) }
                { raw((*chart_html).clone()) }
            </section>
        }
    });

    let demo = sections.demo.then(|| {
        let period = w.month.period(w.period_rule);
        let day_of_period = (w.month.today - period.start).num_days() + 1;
        let scenario = w.scenario;
        let share_labels = ["Connections %", "Shared connections %", "Not connected %", "Groups %", "Company pages %"];
        let speeds = SPEEDS.iter().map(|(ms, name)| (ms.to_string(), (*name).to_owned())).collect();
        let replies = w.month.unread_replies;
        html! {
            <section class="demo" aria-label="Play a month">
                { raw_static("<h2>Play a month</h2>") }
                { raw(format!(r#"<p class="today-line" data-testid="today" data-date="{}">Today: {} · day {} of {} · {} sent, {} left</p>"#,
                    iso_date(w.month.today), human_date(w.month.today), day_of_period, period.length(),
                    locale.count(summary.sent), locale.count(summary.remaining))) }
                <div class="demo-grid">
                    <div class="month-player">
                        { raw(view::timeline(&timeline(&w.month, w.period_rule), &period)) }
                        <div class="controls" role="group" aria-label="Clock">
                            { raw_static(concat!(
                                r#"<button type="button" class="button secondary" data-testid="next-day" data-action="next-day">Next day<kbd>N</kbd></button>"#,
                                r#"<button type="button" class="button secondary" data-testid="jump-to-reset" data-action="jump-to-reset">Jump to reset<kbd>R</kbd></button>"#)) }
                            <button type="button" class="button primary" data-testid={if w.playing { "pause" } else { "play" }}
                                data-action={if w.playing { "pause" } else { "play" }}>
                                { if w.playing { "Pause" } else { "Play" } }<kbd>{ "P" }</kbd>
                            </button>
                            <button type="button" class="button secondary" data-testid="step" data-action="step" disabled={w.playing}>{ "Step one day" }</button>
                            { select("speed", "Speed", "speed", speeds, w.speed_ms.to_string()) }
                            { raw_static(r#"<button type="button" class="button link" data-testid="reset-month" data-action="reset-month">Start over</button>"#) }
                            <button type="button" class="button link" data-testid="large-text" data-action="large-text" aria-pressed={w.large_text.to_string()}>
                                { "Large text" }<kbd>{ "L" }</kbd>
                            </button>
                        </div>
                        <details class="scenario">
                            { raw_static("<summary>Auto-play scenario</summary>") }
                            <div class="field-grid">
                                { count("per-day", "Sends per working day".into(), "scenario-per-day", scenario.per_working_day, Count::ScenarioPerDay) }
                                { for (0..5).map(|i| count(&format!("share-{i}"), share_labels[i].into(), &format!("scenario-share-{}", Recipient::ALL[i].id()),
                                    scenario.shares[i], Count::ScenarioShare(i))) }
                                { count("read-rate", "Read each day %".into(), "scenario-read-rate", scenario.read_rate, Count::ReadRate) }
                                { count("seed", "Seed (same seed, same month)".into(), "scenario-seed", scenario.seed, Count::Seed) }
                                <label class="check">
                                    <input type="checkbox" checked={scenario.use_inmail} data-field="scenario-inmail" data-testid="scenario-inmail" />
                                    { "Send InMail to non-connections" }
                                </label>
                            </div>
                        </details>
                    </div>
                    <div class="message-log-panel">
                        <div class="log-header">
                            { raw_static("<h3>Message log</h3>") }
                            <button type="button" class="button link replies" data-action="mark-replies-seen"
                                aria-label={format!("{replies} new replies; mark as seen")}>
                                { "Replies" }
                                if replies > 0 { <span class="notification-badge" data-testid="notification-badge">{ replies }</span> }
                            </button>
                        </div>
                        { raw(view::message_log(&w.month.log, &locale)) }
                    </div>
                </div>
                { raw_static(concat!(
                    r#"<details class="shortcuts"><summary>Keyboard shortcuts</summary><dl>"#,
                    r#"<dt><kbd>S</kbd></dt><dd>Send to the chosen recipient</dd><dt><kbd>N</kbd></dt><dd>Next day</dd>"#,
                    r#"<dt><kbd>P</kbd></dt><dd>Play or pause</dd><dt><kbd>R</kbd></dt><dd>Jump to the reset</dd><dt><kbd>L</kbd></dt><dd>Large text</dd></dl>"#,
                    r#"<p class="muted">Shortcuts work while the widget has focus and you are not typing in a field.</p></details>"#)) }
            </section>
        }
    });

    let rules_section = sections.rules.then(|| {
        html! {
            <section class="rules" aria-label="Rules">
                { raw_static("<h2>Rules</h2>") }
                <RulesEditor prefix={p.clone()} rules={w.rules.clone()} origin={w.rules_origin}
                    draft={AttrValue::from(w.rules_draft.clone())} error={w.rules_error.clone()}
                    message={w.rules_message.clone()} on_action={on_action.clone()} />
            </section>
        }
    });

    let dialog_body = w.dialog.as_ref().map(|b| AttrValue::from(view::unblock_options(b, &locale)));
    html! {
        <div class={if w.large_text { "mq-root large-text" } else { "mq-root" }} data-theme={w.theme.id()}
            tabindex="-1" {onclick} {onchange} {onkeydown}>
            { raw(view::notices(&w.notices)) }
            { for calculator }
            { for compare_section }
            { for demo }
            { for rules_section }
            <UpgradeDialog prefix={p.clone()} body={dialog_body} return_focus={send_ref}
                on_close={on_action.reform(|_| Action::CloseDialog)} />
        </div>
    }
}
