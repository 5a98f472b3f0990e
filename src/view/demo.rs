//! "Play a month": today, the timeline of the period's days, the clock (next day, jump to
//! the reset, play and pause, step, speed), the auto-play scenario, the message log and the
//! shortcuts.

use std::rc::Rc;

use chrono::NaiveDate;

use crate::engine::period::{iso_date, Period, PeriodRule};
use crate::engine::player::{timeline, LogItem, Month, Outcome, TimelineDay};
use crate::engine::send::Recipient;
use crate::host::parts::Part;
use crate::state::{Field, FieldDraft, Player, TextSize, Widget, SPEEDS};
use crate::text::{key, I18n, Key};

use super::{Choice, FieldView, SelectView};

/// The most log entries shown; the month keeps more.
pub const LOG_SHOWN: usize = 60;

/// The speeds' names, slowest first, as `SPEEDS` lists them.
const SPEED_NAMES: [Key; 4] = [
    key::DEMO_SPEED_0,
    key::DEMO_SPEED_1,
    key::DEMO_SPEED_2,
    key::DEMO_SPEED_3,
];

/// What the month player reads of the state.
#[derive(Clone, Debug, PartialEq)]
pub struct DemoInput {
    pub month: Rc<Month>,
    pub period_rule: PeriodRule,
    /// Messages sent and left this period.
    pub sent: u64,
    pub remaining: u64,
    pub player: Player,
    pub text_size: TextSize,
    /// What was typed into the scenario's fields.
    pub drafts: Rc<[FieldDraft]>,
    /// Whether the day is the visitor's (see `CalculatorInput::day_known`).
    pub day_known: bool,
}

impl DemoInput {
    /// What the player reads of `w`; `sent` and `remaining` are its summary's.
    pub fn of(w: &Widget, sent: u64, remaining: u64, day_known: bool) -> DemoInput {
        DemoInput {
            month: w.month.clone(),
            period_rule: w.choices.period_rule,
            sent,
            remaining,
            player: w.player,
            text_size: w.display.text_size,
            drafts: w.drafts.of_part(Part::Demo),
            day_known,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoView {
    /// Drawn for a day that may not be the visitor's: today and the period's days are not
    /// to be seen until it is.
    pub provisional: bool,
    pub heading: Rc<str>,
    pub today: String,
    pub today_iso: String,
    pub timeline: Rc<TimelineView>,
    pub key_label: Rc<str>,
    /// Delivered, InMail, not delivered, refused.
    pub key: [Rc<str>; 4],
    pub controls: ControlsView,
    pub scenario: ScenarioView,
    pub log: LogView,
    pub shortcuts: ShortcutsView,
}

/// One day of the timeline: a stacked bar of its sends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayView {
    pub iso: String,
    pub today: bool,
    pub working_day: bool,
    pub sends: u64,
    pub label: String,
    pub number: String,
    /// Its sends, once there are any.
    pub count: Option<String>,
    /// Each kind of send's bar: class, top and height (of 40).
    pub bars: Vec<(&'static str, u64, u64)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimelineView {
    pub label: String,
    pub days: Vec<DayView>,
    pub reset_iso: String,
    pub reset_label: String,
    pub reset_day: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ControlsView {
    pub label: Rc<str>,
    pub next_day: Rc<str>,
    pub jump: Rc<str>,
    /// `play` or `pause`, and its words.
    pub play: (&'static str, Rc<str>),
    pub playing: bool,
    pub step: Rc<str>,
    pub speed: SelectView,
    pub start_over: Rc<str>,
    pub large_text: Rc<str>,
    pub large_text_on: bool,
    pub hint: Rc<str>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioView {
    pub summary: Rc<str>,
    /// Sends a working day, each recipient's share, the read rate, the seed.
    pub fields: Vec<FieldView>,
    pub use_inmail: Rc<str>,
    pub use_inmail_on: bool,
}

/// One line of the message log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LogEntry {
    Send {
        key: String,
        iso: String,
        day: String,
        outcome: &'static str,
        status_id: &'static str,
        /// The team's seat that sent it: its number, and "Seat 3".
        seat: Option<(u64, String)>,
        recipient: Rc<str>,
        what: String,
        status: Rc<str>,
        replied: Option<Rc<str>>,
    },
    Reset {
        key: String,
        iso: String,
        day: String,
        title: Rc<str>,
        detail: String,
    },
    /// InMail credits given back on replies (`refunded`), or expired (`expired`).
    Credits {
        key: String,
        iso: String,
        day: String,
        kind: &'static str,
        credits: u64,
        text: String,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogView {
    pub heading: Rc<str>,
    pub replies: Rc<str>,
    pub replies_label: String,
    /// Replies not seen yet.
    pub unread: u64,
    /// The latest entries, newest first.
    pub entries: Rc<[LogEntry]>,
    pub empty: Option<Rc<str>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShortcutsView {
    pub heading: Rc<str>,
    /// Each key and what it does.
    pub keys: Vec<(&'static str, Rc<str>)>,
    pub note: Rc<str>,
}

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

/// The player as it shows.
pub fn demo(input: &DemoInput, t: &I18n) -> DemoView {
    let month = &*input.month;
    let period = month.period(input.period_rule);
    let day_of_period = (month.today - period.start).num_days() + 1;
    let player = &input.player;
    DemoView {
        provisional: !input.day_known,
        heading: t.text(key::DEMO_HEADING),
        today: t.fill(
            key::DEMO_TODAY,
            &[
                ("date", &t.date(month.today)),
                ("day", &t.count(day_of_period.max(1) as u64)),
                ("days", &t.count(period.length())),
                ("sent", &t.count(input.sent)),
                ("left", &t.count(input.remaining)),
            ],
        ),
        today_iso: iso_date(month.today),
        timeline: Rc::new(timeline_view(
            &timeline(month, input.period_rule),
            &period,
            t,
        )),
        key_label: t.text(key::DEMO_KEY),
        key: [
            t.text(key::STATUS_DELIVERED),
            t.text(key::DEMO_KEY_INMAIL),
            t.text(key::STATUS_NOT_DELIVERED),
            t.text(key::STATUS_REFUSED),
        ],
        controls: ControlsView {
            label: t.text(key::DEMO_CLOCK),
            next_day: t.text(key::DEMO_NEXT_DAY),
            jump: t.text(key::DEMO_JUMP),
            play: if player.playing() {
                ("pause", t.text(key::DEMO_PAUSE))
            } else {
                ("play", t.text(key::DEMO_PLAY))
            },
            playing: player.playing(),
            step: t.text(key::DEMO_STEP),
            speed: SelectView {
                label: t.text(key::DEMO_SPEED),
                testid: "speed",
                choices: SPEEDS
                    .iter()
                    .zip(SPEED_NAMES)
                    .map(|(ms, name)| Choice::new(ms.to_string(), t.text(name)))
                    .collect(),
                selected: player.speed_ms.to_string().into(),
            },
            start_over: t.text(key::DEMO_START_OVER),
            large_text: t.text(key::DEMO_LARGE_TEXT),
            large_text_on: input.text_size == TextSize::Large,
            hint: t.text(key::DEMO_CONTROLS_HINT),
        },
        scenario: scenario(input, t),
        log: log(month, t),
        shortcuts: ShortcutsView {
            heading: t.text(key::SHORTCUTS_HEADING),
            keys: vec![
                ("S", t.text(key::SHORTCUTS_SEND)),
                ("N", t.text(key::SHORTCUTS_NEXT_DAY)),
                ("P", t.text(key::SHORTCUTS_PLAY)),
                ("R", t.text(key::SHORTCUTS_JUMP)),
                ("L", t.text(key::SHORTCUTS_LARGE_TEXT)),
            ],
            note: t.text(key::SHORTCUTS_NOTE),
        },
    }
}

fn scenario(input: &DemoInput, t: &I18n) -> ScenarioView {
    let scenario = &input.player.scenario;
    let field = |f: Field, label: Key, value: u64| {
        FieldView::new(t, f, t.text(label), Some(value), &input.drafts)
    };
    let mut fields = vec![field(
        Field::ScenarioPerDay,
        key::DEMO_PER_DAY,
        scenario.per_working_day,
    )];
    fields.extend(
        Recipient::ALL
            .iter()
            .enumerate()
            .map(|(i, r)| field(Field::ScenarioShare(i), share_label(*r), scenario.shares[i])),
    );
    fields.push(field(
        Field::ReadRate,
        key::DEMO_READ_RATE,
        scenario.read_rate,
    ));
    fields.push(field(Field::Seed, key::DEMO_SEED, scenario.seed));
    ScenarioView {
        summary: t.text(key::DEMO_SCENARIO),
        fields,
        use_inmail: t.text(key::DEMO_USE_INMAIL),
        use_inmail_on: scenario.use_inmail,
    }
}

fn timeline_view(days: &[TimelineDay], period: &Period, t: &I18n) -> TimelineView {
    let total = |d: &TimelineDay| d.delivered + d.inmails + d.blocked + d.refused;
    let busiest = days.iter().map(total).max().unwrap_or(0).max(1);
    let days = days
        .iter()
        .map(|d| {
            let sends = total(d);
            let mut top = 40;
            let bars = [
                (d.delivered, "bar-delivered"),
                (d.inmails, "bar-inmail"),
                (d.blocked, "bar-blocked"),
                (d.refused, "bar-refused"),
            ]
            .into_iter()
            .filter_map(|(count, class)| {
                let height = count * 40 / busiest;
                (height > 0).then(|| {
                    top -= height;
                    (class, top, height)
                })
            })
            .collect();
            DayView {
                iso: iso_date(d.day),
                today: d.is_today,
                working_day: d.is_working_day,
                sends,
                label: t.fill(
                    if d.is_today {
                        key::DEMO_DAY_TODAY
                    } else {
                        key::DEMO_DAY
                    },
                    &[
                        ("date", &t.date(d.day)),
                        ("delivered", &t.count(d.delivered)),
                        ("inmails", &t.count(d.inmails)),
                        ("blocked", &t.count(d.blocked)),
                        ("refused", &t.count(d.refused)),
                    ],
                ),
                number: t.format().day_number(d.day),
                count: (sends > 0).then(|| t.count(sends)),
                bars,
            }
        })
        .collect();
    TimelineView {
        label: t.fill(
            key::DEMO_TIMELINE,
            &[
                ("start", &t.date(period.start)),
                ("reset", &t.date(period.reset)),
            ],
        ),
        days,
        reset_iso: iso_date(period.reset),
        reset_label: t.fill(key::DEMO_RESET_DAY, &[("date", &t.date(period.reset))]),
        reset_day: t.format().day_month(period.reset),
    }
}

/// Credits given back or expired on a day, as the log says them.
fn credits_entry(
    t: &I18n,
    kind: &'static str,
    day: NaiveDate,
    credits: u64,
    words: Key,
) -> LogEntry {
    LogEntry::Credits {
        key: format!("{kind}-{}", iso_date(day)),
        iso: iso_date(day),
        day: t.format().day_month(day),
        kind,
        credits,
        text: t.plural(words, credits, &[]),
    }
}

fn log(month: &Month, t: &I18n) -> LogView {
    let entries: Rc<[LogEntry]> = month
        .log
        .iter()
        .rev()
        .take(LOG_SHOWN)
        .map(|item| match item {
            LogItem::Send(e) => LogEntry::Send {
                key: format!("s{}", e.id),
                iso: iso_date(e.day),
                day: t.format().day_month(e.day),
                outcome: e.outcome.id(),
                status_id: e.status.id(),
                seat: e
                    .seat
                    .map(|seat| (seat, t.fill(key::LOG_SEAT, &[("seat", &t.count(seat))]))),
                recipient: t.recipient(e.recipient),
                what: match e.outcome {
                    Outcome::Delivered => t.text(key::LOG_MESSAGE).to_string(),
                    Outcome::InMail { charge_cents: 0 } => {
                        t.text(key::LOG_INMAIL_CREDIT).to_string()
                    }
                    Outcome::InMail { charge_cents } => {
                        t.fill(key::LOG_INMAIL_PAID, &[("price", &t.money(charge_cents))])
                    }
                    Outcome::Refused => t.text(key::LOG_REFUSED).to_string(),
                    Outcome::Blocked => t.text(key::LOG_BLOCKED).to_string(),
                },
                status: t.status(e.status),
                replied: e.replied.then(|| t.text(key::LOG_REPLIED)),
            },
            LogItem::Reset {
                day,
                rolled_over,
                dropped,
            } => LogEntry::Reset {
                key: format!("r{}", iso_date(*day)),
                iso: iso_date(*day),
                day: t.format().day_month(*day),
                title: t.text(key::LOG_RESET),
                detail: {
                    let detail = if *rolled_over > 0 {
                        t.plural(key::LOG_RESET_ROLLED_OVER, *rolled_over, &[])
                    } else {
                        t.text(key::LOG_RESET_DETAIL).to_string()
                    };
                    if *dropped > 0 {
                        detail + &t.plural(key::LOG_RESET_DROPPED, *dropped, &[])
                    } else {
                        detail
                    }
                },
            },
            LogItem::Refunded { day, credits } => {
                credits_entry(t, "refunded", *day, *credits, key::LOG_REFUNDED)
            }
            LogItem::Expired { day, credits } => {
                credits_entry(t, "expired", *day, *credits, key::LOG_EXPIRED)
            }
        })
        .collect();
    let unread = month.unread_replies;
    LogView {
        heading: t.text(key::LOG_HEADING),
        replies: t.text(key::LOG_REPLIES),
        replies_label: t.plural(key::LOG_REPLIES_LABEL, unread, &[]),
        unread,
        empty: entries.is_empty().then(|| t.text(key::LOG_EMPTY)),
        entries,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::period::parse_iso_date;
    use crate::state::{initial_widget, Action, Init, PlayerAction, SendAction};
    use crate::view::words;

    fn view_of(w: &Widget) -> DemoView {
        let s = w.summary();
        demo(&DemoInput::of(w, s.sent, s.remaining, true), &words())
    }

    #[test]
    fn a_month_played_shows_its_days_and_its_log() {
        let mut w = initial_widget(Init {
            local_today: parse_iso_date("2026-01-20"),
            ..Init::default()
        });
        let v = view_of(&w);
        assert_eq!(
            v.today,
            "Today: Tue, Jan 20, 2026 · day 20 of 31 · 0 sent, 15 left"
        );
        assert_eq!(v.timeline.days.len(), 31);
        assert_eq!(v.timeline.reset_iso, "2026-02-01");
        assert_eq!(
            v.log.empty.as_deref(),
            Some("Nothing sent yet. Press Send, or Play to run the scenario.")
        );
        assert_eq!(v.controls.play.0, "play");
        assert_eq!(v.scenario.fields.len(), 8);
        w.apply(Action::Send(SendAction::Send));
        w.apply(Action::Player(PlayerAction::NextDay));
        let v = view_of(&w);
        let today = v
            .timeline
            .days
            .iter()
            .find(|d| d.iso == "2026-01-20")
            .unwrap();
        assert_eq!((today.sends, today.count.as_deref()), (1, Some("1")));
        assert_eq!(today.bars, [("bar-delivered", 0, 40)]);
        match &v.log.entries[..] {
            [LogEntry::Send { outcome, what, .. }] => {
                assert_eq!((*outcome, what.as_str()), ("delivered", "Message"))
            }
            other => panic!("{other:?}"),
        }
        w.apply(Action::Player(PlayerAction::Play));
        assert_eq!(view_of(&w).controls.play.0, "pause");
    }
}
