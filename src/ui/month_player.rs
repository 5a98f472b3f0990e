//! Play a month: the period's days with each day's sends, and the controls that move time.

use chrono::Datelike;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::number_field::NumberField;
use crate::engine::fields::CountField;
use crate::engine::period::{day_month, human_date, iso_date, Period};
use crate::engine::player::{Scenario, TimelineDay};
use crate::engine::send::Recipient;
use crate::state::{Action, SPEEDS};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub prefix: AttrValue,
    pub days: Vec<TimelineDay>,
    pub period: Period,
    pub playing: bool,
    pub speed_ms: u32,
    pub scenario: Scenario,
    pub large_text: bool,
    pub on_action: Callback<Action>,
}

const SHARE_LABELS: [&str; 5] = ["Connections %", "Shared connections %", "Not connected %", "Groups %", "Company pages %"];

/// The timeline, the clock controls and the auto-play scenario.
#[function_component]
pub fn MonthPlayer(props: &Props) -> Html {
    let Props { prefix, days, period, playing, scenario, on_action, .. } = props;
    let id = |name: &str| AttrValue::from(format!("{prefix}-{name}"));
    let busiest = days.iter().map(|d| d.delivered + d.inmails + d.blocked + d.refused).max().unwrap_or(0).max(1);

    let cells = days.iter().map(|d| {
        let total = d.delivered + d.inmails + d.blocked + d.refused;
        let label = format!(
            "{}: {} delivered, {} InMail, {} not delivered, {} refused{}",
            human_date(d.day), d.delivered, d.inmails, d.blocked, d.refused,
            if d.is_today { " (today)" } else { "" }
        );
        // Bar heights in a 0–40 box, stacked from the bottom.
        let mut y = 40u64;
        let mut bar = |count: u64, class: &'static str| {
            let h = count * 40 / busiest;
            y -= h;
            (h > 0).then(|| html! { <rect class={class} x="1" y={y.to_string()} width="10" height={h.to_string()} /> })
        };
        let bars = [bar(d.delivered, "bar-delivered"), bar(d.inmails, "bar-inmail"), bar(d.blocked, "bar-blocked"), bar(d.refused, "bar-refused")];
        html! {
            <li key={iso_date(d.day)} class={classes!("day", d.is_today.then_some("today"), (!d.is_working_day).then_some("weekend"))}
                aria-current={d.is_today.then_some("date")} title={label.clone()}>
                <svg viewBox="0 0 12 40" preserveAspectRatio="none" aria-hidden="true" focusable="false">{ for bars.into_iter().flatten() }</svg>
                <span class="day-number">{ d.day.day() }</span>
                <span class="visually-hidden">{ label }</span>
                if total > 0 { <span class="day-count" aria-hidden="true">{ total }</span> }
            </li>
        }
    });

    let scenario_value = *scenario;
    let set_share = |i: usize| on_action.reform(move |v: u64| {
        let mut s = scenario_value;
        s.shares[i] = v.min(100);
        Action::SetScenario(s)
    });
    let on_speed = on_action.reform(|e: Event| {
        Action::SetSpeed(e.target_unchecked_into::<HtmlSelectElement>().value().parse().unwrap_or(SPEEDS[1].0))
    });
    let on_inmail = on_action.reform(move |e: Event| {
        let mut s = scenario_value;
        s.use_inmail = e.target_unchecked_into::<HtmlInputElement>().checked();
        Action::SetScenario(s)
    });

    html! {
        <div class="month-player">
            <ol class="timeline" data-testid="timeline" aria-label={format!("Days from {} to the reset on {}", human_date(period.start), human_date(period.reset))}>
                { for cells }
                <li class="day reset-day" title={format!("Allowance resets on {}", human_date(period.reset))}>
                    <span class="reset-flag" aria-hidden="true">{ "↺" }</span>
                    <span class="day-number">{ day_month(period.reset) }</span>
                    <span class="visually-hidden">{ format!("Resets on {}", human_date(period.reset)) }</span>
                </li>
            </ol>
            <p class="timeline-key muted" aria-hidden="true">
                <span class="key-delivered">{ "Delivered" }</span>
                <span class="key-inmail">{ "InMail" }</span>
                <span class="key-blocked">{ "Not delivered" }</span>
                <span class="key-refused">{ "Refused" }</span>
            </p>
            <div class="controls" role="group" aria-label="Clock">
                <button type="button" class="button secondary" data-testid="next-day" onclick={on_action.reform(|_| Action::NextDay)}>
                    { "Next day" }<kbd>{ "N" }</kbd>
                </button>
                <button type="button" class="button secondary" data-testid="jump-to-reset" onclick={on_action.reform(|_| Action::JumpToReset)}>
                    { "Jump to reset" }<kbd>{ "R" }</kbd>
                </button>
                if *playing {
                    <button type="button" class="button primary" data-testid="pause" onclick={on_action.reform(|_| Action::Pause)}>
                        { "Pause" }<kbd>{ "P" }</kbd>
                    </button>
                } else {
                    <button type="button" class="button primary" data-testid="play" onclick={on_action.reform(|_| Action::Play)}>
                        { "Play" }<kbd>{ "P" }</kbd>
                    </button>
                }
                <button type="button" class="button secondary" data-testid="step" disabled={*playing} onclick={on_action.reform(|_| Action::Step)}>
                    { "Step one day" }
                </button>
                <div class="select-field inline">
                    <label for={id("speed")}>{ "Speed" }</label>
                    <select id={id("speed")} data-testid="speed" onchange={on_speed}>
                        { for SPEEDS.iter().map(|(ms, name)| html! {
                            <option value={ms.to_string()} selected={*ms == props.speed_ms}>{ *name }</option>
                        }) }
                    </select>
                </div>
                <button type="button" class="button link" data-testid="reset-month" onclick={on_action.reform(|_| Action::ResetMonth)}>
                    { "Start over" }
                </button>
                <button type="button" class="button link" data-testid="large-text" aria-pressed={props.large_text.to_string()}
                    onclick={on_action.reform(|_| Action::ToggleLargeText)}>
                    { "Large text" }<kbd>{ "L" }</kbd>
                </button>
            </div>
            <details class="scenario">
                <summary>{ "Auto-play scenario" }</summary>
                <div class="field-grid">
                    <NumberField id={id("per-day")} label="Sends per working day" testid="scenario-per-day"
                        value={scenario.per_working_day} field={CountField::AddonCount}
                        on_change={on_action.reform(move |v: u64| Action::SetScenario(Scenario { per_working_day: v.min(200), ..scenario_value }))} />
                    { for (0..5).map(|i| html! {
                        <NumberField id={id(&format!("share-{i}"))} label={SHARE_LABELS[i]}
                            testid={format!("scenario-share-{}", Recipient::ALL[i].id())}
                            value={scenario.shares[i]} field={CountField::AddonCount} on_change={set_share(i)} />
                    }) }
                    <NumberField id={id("read-rate")} label="Read each day %" testid="scenario-read-rate"
                        value={scenario.read_rate} field={CountField::AddonCount}
                        on_change={on_action.reform(move |v: u64| Action::SetScenario(Scenario { read_rate: v.min(100), ..scenario_value }))} />
                    <NumberField id={id("seed")} label="Seed (same seed, same month)" testid="scenario-seed"
                        value={scenario.seed} field={CountField::Sent}
                        on_change={on_action.reform(move |v: u64| Action::SetScenario(Scenario { seed: v, ..scenario_value }))} />
                    <label class="check">
                        <input type="checkbox" checked={scenario.use_inmail} data-testid="scenario-inmail" onchange={on_inmail} />
                        { "Send InMail to non-connections" }
                    </label>
                </div>
            </details>
        </div>
    }
}
