//! "Play a month": today, the timeline, the clock (next day, jump to the reset, play and
//! pause, step, speed), the auto-play scenario, the message log and the shortcuts.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::context::{use_dispatch, use_ids, use_texts};
use super::message_log::{MessageLog, SHOWN};
use super::number_field::Field;
use super::select::{Choice, Select};
use super::timeline::Timeline;
use crate::engine::period::{iso_date, PeriodRule};
use crate::engine::player::{timeline, LogItem, Month, Scenario};
use crate::engine::send::Recipient;
use crate::state::{Action, Count, FieldDraft, SPEEDS};
use crate::text::Texts;

/// The speeds' names, slowest first, as `SPEEDS` lists them.
const SPEED_NAMES: [&str; 4] = [
    "demo.speed-0",
    "demo.speed-1",
    "demo.speed-2",
    "demo.speed-3",
];

/// The label of a scenario's share field for one kind of recipient.
fn share_label(recipient: Recipient) -> &'static str {
    match recipient {
        Recipient::Connection => "demo.share-connection",
        Recipient::SharedConnection => "demo.share-shared-connection",
        Recipient::NotConnected => "demo.share-not-connected",
        Recipient::Group => "demo.share-group",
        Recipient::CompanyPage => "demo.share-company-page",
    }
}

/// The speed select's choices, slowest first.
fn speed_choices(t: &Texts) -> Rc<[Choice]> {
    SPEEDS
        .iter()
        .zip(SPEED_NAMES)
        .map(|(ms, name)| Choice::new(ms.to_string(), t.text(name)))
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub month: Rc<Month>,
    pub period_rule: PeriodRule,
    /// Messages sent and left this period.
    pub sent: u64,
    pub remaining: u64,
    pub scenario: Scenario,
    pub playing: bool,
    pub speed_ms: u32,
    pub large_text: bool,
    /// What was typed into the scenario's fields.
    pub drafts: Rc<[FieldDraft]>,
}

#[function_component]
pub fn Demo(props: &Props) -> Html {
    let t = use_texts();
    let dispatch = use_dispatch();
    let month = &*props.month;
    // The timeline and the log change only when the month does.
    let days = use_memo((month.revision, month.today, props.period_rule), |_| {
        timeline(month, props.period_rule)
    });
    let entries: Rc<[LogItem]> = (*use_memo(month.revision, |_| {
        month
            .log
            .iter()
            .rev()
            .take(SHOWN)
            .cloned()
            .collect::<Rc<[LogItem]>>()
    }))
    .clone();
    let period = month.period(props.period_rule);
    let speeds = (*use_memo(t.clone(), |t| speed_choices(t))).clone();
    let on_speed = {
        let dispatch = dispatch.clone();
        use_callback((), move |ms: String, _| {
            dispatch.emit(Action::SetSpeed(ms.parse().unwrap_or(SPEEDS[1])))
        })
    };
    let act = |action: Action| dispatch.reform(move |_: MouseEvent| action.clone());
    let on_inmail = dispatch.reform(|e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        Action::SetScenarioInMail(input.checked())
    });
    let scenario = &props.scenario;
    let field = |count: Count, label: &str, value: u64| {
        Field::new(count, t.text(label), Some(value)).view(&props.drafts)
    };
    let shares = Recipient::ALL
        .iter()
        .enumerate()
        .map(|(i, r)| field(Count::ScenarioShare(i), share_label(*r), scenario.shares[i]));
    let day_of_period = (month.today - period.start).num_days() + 1;
    let today = t.fill(
        "demo.today",
        &[
            ("date", &t.date(month.today)),
            ("day", &t.count(day_of_period.max(1) as u64)),
            ("days", &t.count(period.length())),
            ("sent", &t.count(props.sent)),
            ("left", &t.count(props.remaining)),
        ],
    );
    let (play, play_label) = if props.playing {
        ("pause", "demo.pause")
    } else {
        ("play", "demo.play")
    };
    let replies = month.unread_replies;
    let hint_id = use_ids().id("clock-hint");
    html! {
        <section class="demo" aria-label={t.text("demo.heading").to_string()}>
            <h2>{ t.text("demo.heading") }</h2>
            <p class="today-line" data-testid="today" data-date={iso_date(month.today)}>{ today }</p>
            <div class="demo-grid">
                <div class="month-player">
                    <Timeline days={days} period={period} />
                    <ul class="timeline-key" data-testid="timeline-key" aria-label={t.text("demo.key").to_string()}>
                        <li><span class="key-delivered">{ t.text("status.delivered") }</span></li>
                        <li><span class="key-inmail">{ t.text("demo.key-inmail") }</span></li>
                        <li><span class="key-blocked">{ t.text("status.not-delivered") }</span></li>
                        <li><span class="key-refused">{ t.text("status.refused") }</span></li>
                    </ul>
                    <div class="controls" role="group" aria-label={t.text("demo.clock").to_string()}>
                        <button type="button" class="button secondary" data-testid="next-day"
                            aria-describedby={hint_id.clone()} onclick={act(Action::NextDay)}>
                            { t.text("demo.next-day") }<kbd>{ "N" }</kbd>
                        </button>
                        <button type="button" class="button secondary" data-testid="jump-to-reset" onclick={act(Action::JumpToReset)}>
                            { t.text("demo.jump") }<kbd>{ "R" }</kbd>
                        </button>
                        <button type="button" class="button primary" data-testid={play}
                            onclick={act(if props.playing { Action::Pause } else { Action::Play })}>
                            { t.text(play_label) }<kbd>{ "P" }</kbd>
                        </button>
                        <button type="button" class="button secondary" data-testid="step" disabled={props.playing}
                            aria-describedby={hint_id.clone()} onclick={act(Action::Step)}>{ t.text("demo.step") }</button>
                        <Select label={AttrValue::from(t.text("demo.speed"))} testid="speed" choices={speeds}
                            selected={props.speed_ms.to_string()} onchange={on_speed} />
                        <button type="button" class="button link" data-testid="reset-month" onclick={act(Action::ResetMonth)}>
                            { t.text("demo.start-over") }
                        </button>
                        <button type="button" class="button link" data-testid="large-text" aria-pressed={props.large_text.to_string()}
                            onclick={act(Action::ToggleLargeText)}>
                            { t.text("demo.large-text") }<kbd>{ "L" }</kbd>
                        </button>
                    </div>
                    <p class="muted controls-hint" id={hint_id}>{ t.text("demo.controls-hint") }</p>
                    <details class="scenario">
                        <summary>{ t.text("demo.scenario") }</summary>
                        <div class="field-grid">
                            { field(Count::ScenarioPerDay, "demo.per-day", scenario.per_working_day) }
                            { for shares }
                            { field(Count::ReadRate, "demo.read-rate", scenario.read_rate) }
                            { field(Count::Seed, "demo.seed", scenario.seed) }
                            <label class="check">
                                <input type="checkbox" data-testid="scenario-inmail" checked={scenario.use_inmail} onchange={on_inmail} />
                                { t.text("demo.use-inmail") }
                            </label>
                        </div>
                    </details>
                </div>
                <div class="message-log-panel">
                    <div class="log-header">
                        <h3>{ t.text("log.heading") }</h3>
                        <button type="button" class="button link replies" onclick={act(Action::MarkRepliesSeen)}
                            aria-label={t.plural("log.replies-label", replies, &[])}>
                            { t.text("log.replies") }
                            if replies > 0 {
                                <span class="notification-badge" data-testid="notification-badge">{ replies }</span>
                            }
                        </button>
                    </div>
                    <MessageLog entries={entries} />
                </div>
            </div>
            <details class="shortcuts">
                <summary>{ t.text("shortcuts.heading") }</summary>
                <dl>
                    <dt><kbd>{ "S" }</kbd></dt><dd>{ t.text("shortcuts.send") }</dd>
                    <dt><kbd>{ "N" }</kbd></dt><dd>{ t.text("shortcuts.next-day") }</dd>
                    <dt><kbd>{ "P" }</kbd></dt><dd>{ t.text("shortcuts.play") }</dd>
                    <dt><kbd>{ "R" }</kbd></dt><dd>{ t.text("shortcuts.jump") }</dd>
                    <dt><kbd>{ "L" }</kbd></dt><dd>{ t.text("shortcuts.large-text") }</dd>
                </dl>
                <p class="muted">{ t.text("shortcuts.note") }</p>
            </details>
        </section>
    }
}
