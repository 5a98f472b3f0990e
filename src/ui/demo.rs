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
use crate::text::{key, Key};

/// The speeds' names, slowest first, as `SPEEDS` lists them.
const SPEED_NAMES: [Key; 4] = [
    key::DEMO_SPEED_0,
    key::DEMO_SPEED_1,
    key::DEMO_SPEED_2,
    key::DEMO_SPEED_3,
];

/// The label of a scenario's share field for one kind of recipient.
fn share_label(recipient: Recipient) -> Key {
    match recipient {
        Recipient::Connection => key::DEMO_SHARE_CONNECTION,
        Recipient::SharedConnection => key::DEMO_SHARE_SHARED_CONNECTION,
        Recipient::NotConnected => key::DEMO_SHARE_NOT_CONNECTED,
        Recipient::Group => key::DEMO_SHARE_GROUP,
        Recipient::CompanyPage => key::DEMO_SHARE_COMPANY_PAGE,
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
    let field = |count: Count, label: Key, value: u64| {
        Field::new(count, t.text(label), Some(value)).view(&props.drafts)
    };
    let shares = Recipient::ALL
        .iter()
        .enumerate()
        .map(|(i, r)| field(Count::ScenarioShare(i), share_label(*r), scenario.shares[i]));
    let day_of_period = (month.today - period.start).num_days() + 1;
    let today = t.fill(
        key::DEMO_TODAY,
        &[
            ("date", &t.date(month.today)),
            ("day", &t.count(day_of_period.max(1) as u64)),
            ("days", &t.count(period.length())),
            ("sent", &t.count(props.sent)),
            ("left", &t.count(props.remaining)),
        ],
    );
    let (play, play_label) = if props.playing {
        ("pause", key::DEMO_PAUSE)
    } else {
        ("play", key::DEMO_PLAY)
    };
    let replies = month.unread_replies;
    let hint_id = use_ids().id("clock-hint");
    html! {
        <section class="demo" aria-label={t.text(key::DEMO_HEADING).to_string()}>
            <h2>{ t.text(key::DEMO_HEADING) }</h2>
            <p class="today-line" data-testid="today" data-date={iso_date(month.today)}>{ today }</p>
            <div class="demo-grid">
                <div class="month-player">
                    <Timeline days={days} period={period} />
                    <ul class="timeline-key" data-testid="timeline-key" aria-label={t.text(key::DEMO_KEY).to_string()}>
                        <li><span class="key-delivered">{ t.text(key::STATUS_DELIVERED) }</span></li>
                        <li><span class="key-inmail">{ t.text(key::DEMO_KEY_INMAIL) }</span></li>
                        <li><span class="key-blocked">{ t.text(key::STATUS_NOT_DELIVERED) }</span></li>
                        <li><span class="key-refused">{ t.text(key::STATUS_REFUSED) }</span></li>
                    </ul>
                    <div class="controls" role="group" aria-label={t.text(key::DEMO_CLOCK).to_string()}>
                        <button type="button" class="button secondary" data-testid="next-day"
                            aria-describedby={hint_id.clone()} onclick={act(Action::NextDay)}>
                            { t.text(key::DEMO_NEXT_DAY) }<kbd>{ "N" }</kbd>
                        </button>
                        <button type="button" class="button secondary" data-testid="jump-to-reset" onclick={act(Action::JumpToReset)}>
                            { t.text(key::DEMO_JUMP) }<kbd>{ "R" }</kbd>
                        </button>
                        <button type="button" class="button primary" data-testid={play}
                            onclick={act(if props.playing { Action::Pause } else { Action::Play })}>
                            { t.text(play_label) }<kbd>{ "P" }</kbd>
                        </button>
                        <button type="button" class="button secondary" data-testid="step" disabled={props.playing}
                            aria-describedby={hint_id.clone()} onclick={act(Action::Step)}>{ t.text(key::DEMO_STEP) }</button>
                        <Select label={AttrValue::from(t.text(key::DEMO_SPEED))} testid="speed" choices={speeds}
                            selected={props.speed_ms.to_string()} onchange={on_speed} />
                        <button type="button" class="button link" data-testid="reset-month" onclick={act(Action::ResetMonth)}>
                            { t.text(key::DEMO_START_OVER) }
                        </button>
                        <button type="button" class="button link" data-testid="large-text" aria-pressed={props.large_text.to_string()}
                            onclick={act(Action::ToggleLargeText)}>
                            { t.text(key::DEMO_LARGE_TEXT) }<kbd>{ "L" }</kbd>
                        </button>
                    </div>
                    <p class="muted controls-hint" id={hint_id}>{ t.text(key::DEMO_CONTROLS_HINT) }</p>
                    <details class="scenario">
                        <summary>{ t.text(key::DEMO_SCENARIO) }</summary>
                        <div class="field-grid">
                            { field(Count::ScenarioPerDay, key::DEMO_PER_DAY, scenario.per_working_day) }
                            { for shares }
                            { field(Count::ReadRate, key::DEMO_READ_RATE, scenario.read_rate) }
                            { field(Count::Seed, key::DEMO_SEED, scenario.seed) }
                            <label class="check">
                                <input type="checkbox" data-testid="scenario-inmail" checked={scenario.use_inmail} onchange={on_inmail} />
                                { t.text(key::DEMO_USE_INMAIL) }
                            </label>
                        </div>
                    </details>
                </div>
                <div class="message-log-panel">
                    <div class="log-header">
                        <h3>{ t.text(key::LOG_HEADING) }</h3>
                        <button type="button" class="button link replies" onclick={act(Action::MarkRepliesSeen)}
                            aria-label={t.plural(key::LOG_REPLIES_LABEL, replies, &[])}>
                            { t.text(key::LOG_REPLIES) }
                            if replies > 0 {
                                <span class="notification-badge" data-testid="notification-badge">{ replies }</span>
                            }
                        </button>
                    </div>
                    <MessageLog entries={entries} />
                </div>
            </div>
            <details class="shortcuts">
                <summary>{ t.text(key::SHORTCUTS_HEADING) }</summary>
                <dl>
                    <dt><kbd>{ "S" }</kbd></dt><dd>{ t.text(key::SHORTCUTS_SEND) }</dd>
                    <dt><kbd>{ "N" }</kbd></dt><dd>{ t.text(key::SHORTCUTS_NEXT_DAY) }</dd>
                    <dt><kbd>{ "P" }</kbd></dt><dd>{ t.text(key::SHORTCUTS_PLAY) }</dd>
                    <dt><kbd>{ "R" }</kbd></dt><dd>{ t.text(key::SHORTCUTS_JUMP) }</dd>
                    <dt><kbd>{ "L" }</kbd></dt><dd>{ t.text(key::SHORTCUTS_LARGE_TEXT) }</dd>
                </dl>
                <p class="muted">{ t.text(key::SHORTCUTS_NOTE) }</p>
            </details>
        </section>
    }
}
