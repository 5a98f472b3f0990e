//! Playing a month: sends logged day by day, read receipts, replies, InMail credits as a
//! ledger (taken, given back on a reply, expiring, carried over at a reset), and a seeded
//! auto-play scenario. Everything here is deterministic for a given seed.

use chrono::{Datelike, NaiveDate, Weekday};

use super::bill::Terms;
use super::credits::{Expiry, Ledger, Lifecycle, Spent};
use super::period::{last_supported_day, Period, PeriodRule};
use super::plan::{PlayedCredits, Selection, Usage};
use super::rng::Rng;
use super::rules::RuleSet;
use super::send::{decide_send, Blocked, Recipient, SendDecision};
use super::team::{seat_blocked, seat_rates};

/// The most log entries kept; older ones drop off.
pub const LOG_LIMIT: usize = 200;
/// Share of read messages that get a reply.
pub const REPLY_PERCENT: u64 = 50;
/// How far ahead credits about to expire are said.
pub const EXPIRY_NOTICE_DAYS: u64 = 14;

/// Where a logged send stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Sent,
    Delivered,
    Read,
    NotDelivered,
    Refused,
}

impl Status {
    pub fn id(self) -> &'static str {
        match self {
            Status::Sent => "sent",
            Status::Delivered => "delivered",
            Status::Read => "read",
            Status::NotDelivered => "not-delivered",
            Status::Refused => "refused",
        }
    }
}

/// What a logged send was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A message counted against the allowance.
    Delivered,
    /// An InMail, from a credit (charge 0) or pay-per-InMail.
    InMail {
        charge_cents: u64,
    },
    Refused,
    /// Over the limit: not delivered.
    Blocked,
}

impl Outcome {
    /// The `data-outcome` value.
    pub fn id(self) -> &'static str {
        match self {
            Outcome::Delivered => "delivered",
            Outcome::InMail { .. } => "inmail",
            Outcome::Refused => "refused",
            Outcome::Blocked => "blocked",
        }
    }
}

/// One send in the log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub id: u64,
    pub day: NaiveDate,
    pub recipient: Recipient,
    pub outcome: Outcome,
    pub status: Status,
    pub replied: bool,
    /// An InMail paid from a credit: which.
    pub credit: Option<Spent>,
    /// An InMail that will be answered: the day.
    pub reply_on: Option<NaiveDate>,
    /// The team's seat that sent it (from 1); `None` for one account or the visitor's own send.
    pub seat: Option<u64>,
}

/// One line of the log: a send, credits given back or expired, or a reset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LogItem {
    Send(Entry),
    /// Replies to InMails on this day gave `credits` back.
    Refunded {
        day: NaiveDate,
        credits: u64,
    },
    /// `credits` InMail credits expired on this day.
    Expired {
        day: NaiveDate,
        credits: u64,
    },
    /// The allowance reset on this day; `rolled_over` credits carried in, `dropped` unused
    /// ones gone (past the cap, or living until the reset).
    Reset {
        day: NaiveDate,
        rolled_over: u64,
        dropped: u64,
    },
}

/// The auto-play scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scenario {
    /// Messages attempted each working day (Monday to Friday).
    pub per_working_day: u64,
    /// Relative weight of each recipient kind, in `Recipient::ALL` order.
    pub shares: [u64; 5],
    /// Whether non-connections are sent an InMail (otherwise they are skipped).
    pub use_inmail: bool,
    /// Percent of delivered messages read each day.
    pub read_rate: u64,
    pub seed: u64,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            per_working_day: 2,
            shares: [60, 20, 15, 3, 2],
            use_inmail: true,
            read_rate: 60,
            seed: 2026,
        }
    }
}

impl Scenario {
    /// Draws a recipient kind by the shares (a connection when every share is zero).
    pub fn draw(&self, rng: &mut Rng) -> Recipient {
        let total: u64 = self.shares.iter().sum();
        let mut pick = rng.below(total);
        for (recipient, share) in Recipient::ALL.into_iter().zip(self.shares) {
            if pick < share {
                return recipient;
            }
            pick -= share;
        }
        Recipient::Connection
    }
}

/// The rules and choices a month is played under.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    /// The rules in the currency the month is priced in.
    pub rules: &'a RuleSet,
    pub selection: &'a Selection,
    pub period_rule: PeriodRule,
    pub terms: Terms,
}

/// The clock, the counters and what happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Month {
    pub today: NaiveDate,
    pub usage: Usage,
    pub log: Vec<LogItem>,
    pub unread_replies: u64,
    /// Auto-play sends already made today (a block pauses mid-day).
    pub sends_done_today: u64,
    pub rng: Rng,
    next_id: u64,
    /// Bumped by every change to the log or the clock, so views can tell when to redraw.
    pub revision: u64,
    /// The InMail credits lot by lot, once the month is played (its usage then says what
    /// was played: `Usage::played`).
    pub credits: Option<Ledger>,
    /// A team's messages this period, seat by seat (from seat 1), as played.
    pub seat_sent: Vec<u64>,
    /// The seats (from 1) whose block has paused play this period: later sends past their
    /// limit are logged, and the rest of the team plays on.
    seats_paused: Vec<u64>,
}

/// What one auto-play step did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// The day's sends went out and the clock moved on.
    NextDay,
    /// A send was over the limit: play pauses on the upgrade pop-up.
    Blocked(Blocked),
    /// The clock is at the last day it can show (9999-12-31): play stops.
    EndOfCalendar,
}

/// Who sends, and to whom: a log line's sender.
#[derive(Clone, Copy)]
struct Sender {
    recipient: Recipient,
    /// The team's seat, from 0.
    seat: Option<usize>,
}

/// Who sends a working day's messages, in order: one account `per_day` times; a team's
/// seats each at its own rate ([`seat_rates`]), taking turns.
fn day_senders(ctx: Context, per_day: u64) -> Vec<Option<usize>> {
    let seats = ctx
        .rules
        .tier(&ctx.selection.tier_id)
        .map_or(1, |t| t.seats_for(ctx.selection.seats));
    if seats < 2 {
        return vec![None; per_day as usize];
    }
    let rates = seat_rates(per_day, seats);
    let rounds = rates.iter().copied().max().unwrap_or(0);
    (0..rounds)
        .flat_map(|round| {
            rates
                .iter()
                .enumerate()
                .filter(move |(_, rate)| **rate > round)
                .map(|(seat, _)| Some(seat))
        })
        .collect()
}

fn is_working_day(day: NaiveDate) -> bool {
    !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

impl Month {
    pub fn new(today: NaiveDate, usage: Usage, seed: u64) -> Month {
        Month {
            today,
            usage,
            log: Vec::new(),
            unread_replies: 0,
            sends_done_today: 0,
            rng: Rng::new(seed),
            next_id: 1,
            revision: 0,
            credits: None,
            seat_sent: Vec::new(),
            seats_paused: Vec::new(),
        }
    }

    /// The month becomes a plan again (its InMails typed, or its plan changed): the credits
    /// are counted from the usage until it is played again.
    pub fn forget_played(&mut self) {
        self.credits = None;
        self.usage.played = None;
    }

    /// The plan's credit lifecycle in `ctx`.
    fn life(ctx: Context) -> Lifecycle {
        let tier = ctx
            .rules
            .tier(&ctx.selection.tier_id)
            .unwrap_or_else(|| ctx.rules.first_priced_tier());
        Lifecycle::of(ctx.rules, tier, ctx.selection)
    }

    /// The credits lot by lot as the usage stands, and what playing from here starts with:
    /// the period's grant and purchase, what was carried in (dated the period's start), less
    /// what the InMails sent so far took; those past the credits were paid one by one.
    fn opened(&self, ctx: Context) -> (Ledger, PlayedCredits) {
        let period = self.period(ctx.period_rule);
        let mut ledger = Ledger::open(Month::life(ctx), period.start, period.reset);
        ledger.carry_in(self.usage.rollover_credits, period.start, period.reset);
        let expired: u64 = ledger.expire(self.today).iter().map(|e| e.credits).sum();
        let took = ledger.spend_many(self.usage.inmail_sent, self.today);
        let played = PlayedCredits {
            refunded: 0,
            expired,
            pay_per: self.usage.inmail_sent - took,
        };
        (ledger, played)
    }

    /// The month's ledger while it is played under `ctx`'s plan.
    fn played_ledger(&self, ctx: Context) -> Option<&Ledger> {
        let life = Month::life(ctx);
        self.usage
            .played
            .and(self.credits.as_ref())
            .filter(|l| l.life == life)
    }

    /// The credits lot by lot, opened from the usage when the month is first played.
    fn ledger(&mut self, ctx: Context) -> &mut Ledger {
        let ledger = match (self.played_ledger(ctx).is_some(), self.credits.take()) {
            (true, Some(ledger)) => ledger,
            _ => {
                let (ledger, played) = self.opened(ctx);
                self.usage.played = Some(played);
                ledger
            }
        };
        self.credits.insert(ledger)
    }

    /// The next credits to expire within two weeks and before the reset (what a reset drops,
    /// it says itself): played, from the month's ledger; planned, from its usage.
    pub fn expiring_soon(&self, ctx: Context) -> Option<Expiry> {
        let reset = self.period(ctx.period_rule).reset;
        let soon = |ledger: &Ledger| {
            ledger
                .expiring(self.today, EXPIRY_NOTICE_DAYS)
                .filter(|e| e.day < reset)
        };
        match self.played_ledger(ctx) {
            Some(ledger) => soon(ledger),
            None => soon(&self.opened(ctx).0),
        }
    }

    /// The period today is in.
    pub fn period(&self, period_rule: PeriodRule) -> Period {
        period_rule.period_containing(self.today)
    }

    fn push(&mut self, item: LogItem) {
        self.revision += 1;
        self.log.push(item);
        if self.log.len() > LOG_LIMIT {
            let excess = self.log.len() - LOG_LIMIT;
            self.log.drain(..excess);
        }
    }

    fn log_send(&mut self, from: Sender, outcome: Outcome, status: Status) {
        self.log_entry(from, outcome, status, None, None);
    }

    /// Messages seat `seat` (from 0) has sent this period.
    fn sent_by(&self, seat: usize) -> u64 {
        self.seat_sent.get(seat).copied().unwrap_or(0)
    }

    fn log_entry(
        &mut self,
        from: Sender,
        outcome: Outcome,
        status: Status,
        credit: Option<Spent>,
        reply_on: Option<NaiveDate>,
    ) {
        let entry = Entry {
            id: self.next_id,
            day: self.today,
            recipient: from.recipient,
            outcome,
            status,
            replied: false,
            credit,
            reply_on,
            seat: from.seat.map(|s| s as u64 + 1),
        };
        self.next_id += 1;
        self.push(LogItem::Send(entry));
    }

    /// Sends one message (or, with `as_inmail`, an InMail to a non-connection) and logs it.
    /// A non-connection without `as_inmail` is only a question: nothing is logged.
    pub fn send(&mut self, ctx: Context, recipient: Recipient, as_inmail: bool) -> SendDecision {
        self.send_from(ctx, None, recipient, as_inmail)
    }

    /// A send by a team's seat (from 0; `None`: one account, or the visitor): stopped at the
    /// seat's own limit first, then decided as the team's.
    pub fn send_from(
        &mut self,
        ctx: Context,
        seat: Option<usize>,
        recipient: Recipient,
        as_inmail: bool,
    ) -> SendDecision {
        let from = Sender { recipient, seat };
        if recipient == Recipient::NotConnected && as_inmail {
            self.ledger(ctx);
        }
        if let (Some(k), Recipient::Connection | Recipient::SharedConnection) = (seat, recipient) {
            let blocked = seat_blocked(
                ctx.rules,
                ctx.selection,
                &self.usage,
                k,
                self.sent_by(k),
                self.today,
                ctx.period_rule,
                ctx.terms,
            );
            if let Some(blocked) = blocked {
                self.log_send(from, Outcome::Blocked, Status::NotDelivered);
                return SendDecision::Blocked(blocked);
            }
        }
        let decision = decide_send(
            ctx.rules,
            ctx.selection,
            &self.usage,
            recipient,
            self.today,
            ctx.period_rule,
            ctx.terms,
        );
        match &decision {
            SendDecision::Delivered { .. } => {
                self.usage.sent = self.usage.sent.saturating_add(1);
                if let Some(k) = seat {
                    if self.seat_sent.len() <= k {
                        self.seat_sent.resize(k + 1, 0);
                    }
                    self.seat_sent[k] += 1;
                }
                self.log_send(from, Outcome::Delivered, Status::Sent);
            }
            SendDecision::NeedsInMail { charge_cents, .. } if as_inmail => {
                let today = self.today;
                let credit = self.ledger(ctx).spend(today);
                self.usage.inmail_sent = self.usage.inmail_sent.saturating_add(1);
                if let (None, Some(played)) = (credit, &mut self.usage.played) {
                    played.pay_per += 1;
                }
                // Answered at the visitor's reply rate, a day to two weeks later.
                let answered =
                    ctx.terms.reply_percent > 0 && self.rng.chance(ctx.terms.reply_percent);
                let reply_on = answered.then(|| today + chrono::Days::new(1 + self.rng.below(14)));
                self.log_entry(
                    from,
                    Outcome::InMail {
                        charge_cents: *charge_cents,
                    },
                    Status::Sent,
                    credit,
                    reply_on,
                );
            }
            SendDecision::NeedsInMail { .. } => {}
            SendDecision::Refused { .. } => self.log_send(from, Outcome::Refused, Status::Refused),
            SendDecision::Blocked(_) => self.log_send(from, Outcome::Blocked, Status::NotDelivered),
        }
        decision
    }

    /// Moves read receipts on by a day: sent → delivered → read (at `read_rate`), and a
    /// share of newly read messages get a reply.
    fn advance_receipts(&mut self, read_rate: u64) {
        self.revision += 1;
        let mut rng = self.rng;
        let mut replies = 0;
        for item in &mut self.log {
            if let LogItem::Send(entry) = item {
                match entry.status {
                    Status::Sent => entry.status = Status::Delivered,
                    Status::Delivered if rng.chance(read_rate) => {
                        entry.status = Status::Read;
                        // An InMail's reply comes on its own day (`reply_on`).
                        let inmail = matches!(entry.outcome, Outcome::InMail { .. });
                        if rng.chance(REPLY_PERCENT) && !inmail {
                            entry.replied = true;
                            replies += 1;
                        }
                    }
                    _ => {}
                }
            }
        }
        self.rng = rng;
        self.unread_replies = self.unread_replies.saturating_add(replies);
    }

    /// Advances the clock one day; at the reset the counters go back to zero, unused
    /// credits roll over where the tier allows, and a reset is logged. The clock stops at
    /// the last day a date can be written and read back (9999-12-31).
    pub fn next_day(&mut self, ctx: Context, read_rate: u64) {
        let Some(tomorrow) = self.today.succ_opt().filter(|d| *d <= last_supported_day()) else {
            return;
        };
        self.advance_receipts(read_rate);
        self.ledger(ctx);
        let reset = self.period(ctx.period_rule).reset;
        self.today = tomorrow;
        self.sends_done_today = 0;
        if tomorrow >= reset {
            let next = ctx.period_rule.period_containing(tomorrow).reset;
            let facts = self.ledger(ctx).reset(tomorrow, next);
            self.usage = Usage {
                sent: 0,
                inmail_sent: 0,
                rollover_credits: facts.carried,
                played: Some(PlayedCredits::default()),
            };
            self.seat_sent.clear();
            self.seats_paused.clear();
            self.push(LogItem::Reset {
                day: tomorrow,
                rolled_over: facts.carried,
                dropped: facts.dropped,
            });
        } else {
            let expired: u64 = self
                .ledger(ctx)
                .expire(tomorrow)
                .iter()
                .map(|e| e.credits)
                .sum();
            if expired > 0 {
                if let Some(played) = &mut self.usage.played {
                    played.expired += expired;
                }
                self.push(LogItem::Expired {
                    day: tomorrow,
                    credits: expired,
                });
            }
        }
        self.answer_inmails(ctx);
    }

    /// Today's replies to InMails: each marks its InMail answered and gives its credit back
    /// where the rules do (within the window, the credit not expired).
    fn answer_inmails(&mut self, ctx: Context) {
        let today = self.today;
        let due: Vec<(usize, Option<Spent>)> = self
            .log
            .iter()
            .enumerate()
            .filter_map(|(i, item)| match item {
                LogItem::Send(e) if e.reply_on == Some(today) && !e.replied => Some((i, e.credit)),
                _ => None,
            })
            .collect();
        if due.is_empty() {
            return;
        }
        let mut back = 0;
        for (i, credit) in due {
            if let LogItem::Send(entry) = &mut self.log[i] {
                entry.replied = true;
                entry.status = Status::Read;
            }
            self.unread_replies = self.unread_replies.saturating_add(1);
            if let Some(spent) = credit {
                back += u64::from(self.ledger(ctx).reply(spent, today));
            }
        }
        self.revision += 1;
        if back > 0 {
            if let Some(played) = &mut self.usage.played {
                played.refunded += back;
            }
            self.push(LogItem::Refunded {
                day: today,
                credits: back,
            });
        }
    }

    /// Advances to the reset day, day by day.
    pub fn jump_to_reset(&mut self, ctx: Context, read_rate: u64) {
        let reset = self.period(ctx.period_rule).reset;
        while self.today < reset {
            let before = self.today;
            self.next_day(ctx, read_rate);
            if self.today == before {
                break;
            }
        }
    }

    /// One auto-play step: the rest of today's scenario sends, then the next day. Stops
    /// at the first send over the limit and stays on today.
    pub fn step(&mut self, ctx: Context, scenario: &Scenario) -> Step {
        if self.today >= last_supported_day() {
            return Step::EndOfCalendar;
        }
        let per_day = if is_working_day(self.today) {
            scenario.per_working_day
        } else {
            0
        };
        let senders = day_senders(ctx, per_day);
        while let Some(&seat) = senders.get(self.sends_done_today as usize) {
            self.sends_done_today += 1;
            let recipient = scenario.draw(&mut self.rng);
            if recipient == Recipient::NotConnected && !scenario.use_inmail {
                continue;
            }
            if let SendDecision::Blocked(blocked) = self.send_from(ctx, seat, recipient, true) {
                // A seat stopped at its own limit pauses play once a period; then it is
                // logged while the rest of the team sends.
                match blocked.seat {
                    Some(n) if self.seats_paused.contains(&n) => continue,
                    Some(n) => self.seats_paused.push(n),
                    None => {}
                }
                return Step::Blocked(blocked);
            }
        }
        self.next_day(ctx, scenario.read_rate);
        Step::NextDay
    }

    /// The replies have been seen.
    pub fn mark_replies_seen(&mut self) {
        self.unread_replies = 0;
    }
}

/// One day of the timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimelineDay {
    pub day: NaiveDate,
    pub is_today: bool,
    pub is_working_day: bool,
    pub delivered: u64,
    pub inmails: u64,
    pub blocked: u64,
    pub refused: u64,
}

/// The days of the current period with the sends of each, from the log.
pub fn timeline(month: &Month, period_rule: PeriodRule) -> Vec<TimelineDay> {
    let period = month.period(period_rule);
    period
        .days()
        .map(|day| {
            let mut cell = TimelineDay {
                day,
                is_today: day == month.today,
                is_working_day: is_working_day(day),
                delivered: 0,
                inmails: 0,
                blocked: 0,
                refused: 0,
            };
            for item in &month.log {
                if let LogItem::Send(e) = item {
                    if e.day == day {
                        match e.outcome {
                            Outcome::Delivered => cell.delivered += 1,
                            Outcome::InMail { .. } => cell.inmails += 1,
                            Outcome::Blocked => cell.blocked += 1,
                            Outcome::Refused => cell.refused += 1,
                        }
                    }
                }
            }
            cell
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::period::parse_iso_date;
    use crate::engine::presets::{ARTICLE, LINKEDIN_HELP};
    use crate::engine::summary::inmail_status;

    fn date(s: &str) -> NaiveDate {
        parse_iso_date(s).unwrap()
    }

    fn context<'a>(
        rules: &'a RuleSet,
        selection: &'a Selection,
        period_rule: PeriodRule,
    ) -> Context<'a> {
        Context {
            rules,
            selection,
            period_rule,
            terms: Terms::default(),
        }
    }

    fn sends(month: &Month) -> Vec<&Entry> {
        month
            .log
            .iter()
            .filter_map(|i| {
                if let LogItem::Send(e) = i {
                    Some(e)
                } else {
                    None
                }
            })
            .collect()
    }

    #[test]
    fn a_basic_month_fills_blocks_and_resets() {
        let rules = ARTICLE.rules();
        let selection = Selection::starter(&rules);
        let ctx = context(&rules, &selection, PeriodRule::CalendarMonth);
        let mut month = Month::new(date("2026-01-01"), Usage::default(), 1);
        let scenario = Scenario {
            per_working_day: 1,
            shares: [1, 0, 0, 0, 0],
            use_inmail: true,
            read_rate: 100,
            seed: 1,
        };
        // January 2026 has 22 working days: the 16th send is blocked (Thursday 22 Jan).
        let mut blocked_on = None;
        for _ in 0..40 {
            if let Step::Blocked(b) = month.step(ctx, &scenario) {
                blocked_on = Some((month.today, b));
                break;
            }
        }
        let (day, blocked) = blocked_on.expect("the allowance runs out");
        assert_eq!(day, date("2026-01-22"));
        assert_eq!(month.usage.sent, 15);
        assert_eq!(blocked.reset, date("2026-02-01"));
        assert_eq!(blocked.days_left, 10);
        assert_eq!(sends(&month).last().unwrap().status, Status::NotDelivered);
        // Resuming: the blocked send counted as today's; every following weekday blocks.
        assert_eq!(month.step(ctx, &scenario), Step::NextDay);
        assert_eq!(month.today, date("2026-01-23"));
        assert!(matches!(month.step(ctx, &scenario), Step::Blocked(_)));
        month.jump_to_reset(ctx, 100);
        assert_eq!(month.today, date("2026-02-01"));
        let u = month.usage;
        assert_eq!((u.sent, u.inmail_sent, u.rollover_credits), (0, 0, 0));
        assert!(matches!(
            month.log.last(),
            Some(LogItem::Reset { rolled_over: 0, .. })
        ));
        // With read rate 100, every delivered message has been read by now.
        assert!(sends(&month)
            .iter()
            .filter(|e| e.outcome == Outcome::Delivered)
            .all(|e| e.status == Status::Read));
        assert_eq!(
            month.unread_replies,
            sends(&month).iter().filter(|e| e.replied).count() as u64
        );
    }

    #[test]
    fn the_same_seed_plays_the_same_month() {
        let rules = ARTICLE.rules();
        let selection = Selection {
            tier_id: "sales-navigator".into(),
            addons: vec![(25, 1)],
            inmail_blocks: 1,
            seats: 1,
        };
        let ctx = context(&rules, &selection, PeriodRule::BillingDay(15));
        let scenario = Scenario {
            per_working_day: 5,
            ..Scenario::default()
        };
        let play = |seed: u64| {
            let mut month = Month::new(date("2026-03-03"), Usage::default(), seed);
            for _ in 0..70 {
                month.step(ctx, &scenario);
            }
            month
        };
        assert_eq!(play(9), play(9));
        assert_ne!(play(9).log, play(10).log);
    }

    #[test]
    fn counters_match_the_log_through_resets() {
        let rules = ARTICLE.rules();
        let selection = Selection {
            tier_id: "premium-business".into(),
            addons: vec![],
            inmail_blocks: 1,
            seats: 1,
        };
        let ctx = context(&rules, &selection, PeriodRule::CalendarMonth);
        let scenario = Scenario {
            per_working_day: 3,
            seed: 77,
            ..Scenario::default()
        };
        let mut month = Month::new(date("2026-01-01"), Usage::default(), 77);
        while month.today < date("2026-05-01") {
            month.step(ctx, &scenario);
            let period = month.period(PeriodRule::CalendarMonth);
            let this_period: Vec<&Entry> = sends(&month)
                .into_iter()
                .filter(|e| e.day >= period.start)
                .collect();
            let delivered = this_period
                .iter()
                .filter(|e| e.outcome == Outcome::Delivered)
                .count() as u64;
            let inmails = this_period
                .iter()
                .filter(|e| matches!(e.outcome, Outcome::InMail { .. }))
                .count() as u64;
            assert_eq!(
                (month.usage.sent, month.usage.inmail_sent),
                (delivered, inmails),
                "on {}",
                month.today
            );
            assert!(month.usage.sent <= 30);
            // The 4th InMail of a period onwards is pay-per-InMail (3 credits from 1 block).
            for (i, e) in this_period
                .iter()
                .filter(|e| matches!(e.outcome, Outcome::InMail { .. }))
                .enumerate()
            {
                let expected = if i < 3 { 0 } else { 1000 };
                assert_eq!(
                    e.outcome,
                    Outcome::InMail {
                        charge_cents: expected
                    }
                );
            }
        }
        let resets = month
            .log
            .iter()
            .filter(|i| matches!(i, LogItem::Reset { .. }))
            .count();
        assert_eq!(resets, 4, "January to May");
    }

    #[test]
    fn linkedin_help_rolls_unused_credits_over_up_to_the_cap() {
        let rules = LINKEDIN_HELP.rules();
        // Premium Business: 15 a month, balance capped at 45.
        let selection = Selection {
            tier_id: "premium-business".into(),
            addons: vec![],
            inmail_blocks: 0,
            seats: 1,
        };
        let ctx = context(&rules, &selection, PeriodRule::CalendarMonth);
        let mut month = Month::new(date("2026-01-01"), Usage::default(), 3);
        // Use 5 of January's 15: 10 roll over.
        for _ in 0..5 {
            month.send(ctx, Recipient::NotConnected, true);
        }
        month.jump_to_reset(ctx, 0);
        assert_eq!(month.usage.rollover_credits, 10);
        // February: 15 + 10 = 25 available, none used: all 25 carry, but the balance is
        // capped at 45, so 30 may carry at most.
        month.jump_to_reset(ctx, 0);
        assert_eq!(month.usage.rollover_credits, 25);
        month.jump_to_reset(ctx, 0);
        assert_eq!(month.usage.rollover_credits, 30, "capped: 15 + 30 = 45");
        month.jump_to_reset(ctx, 0);
        assert_eq!(month.usage.rollover_credits, 30);
        let status = inmail_status(
            &rules,
            rules.tier("premium-business").unwrap(),
            &selection,
            &month.usage,
            Terms::default(),
        );
        assert_eq!(status.available, 45);
        // The article rules never roll over.
        let article = ARTICLE.rules();
        let selection = Selection {
            tier_id: "recruiter".into(),
            addons: vec![],
            inmail_blocks: 0,
            seats: 1,
        };
        let ctx = context(&article, &selection, PeriodRule::CalendarMonth);
        let mut month = Month::new(date("2026-01-01"), Usage::default(), 3);
        month.jump_to_reset(ctx, 0);
        assert_eq!(month.usage.rollover_credits, 0);
    }

    #[test]
    fn a_seeded_linkedin_help_season_rolls_credits_over_within_the_cap() {
        // Sales Navigator: 50 credits a month, the balance capped at 150; here credits live
        // until the cap drops them (their expiry has a test of its own).
        let mut rules = LINKEDIN_HELP.rules();
        for tier in &mut rules.tiers {
            tier.inmail_credit_days = None;
        }
        let selection = Selection {
            tier_id: "sales-navigator".into(),
            addons: vec![(100, 1)],
            inmail_blocks: 0,
            seats: 1,
        };
        let ctx = context(&rules, &selection, PeriodRule::BillingDay(10));
        let scenario = Scenario {
            per_working_day: 4,
            shares: [50, 20, 25, 3, 2],
            use_inmail: true,
            read_rate: 40,
            seed: 11,
        };
        let mut month = Month::new(date("2026-01-10"), Usage::default(), scenario.seed);
        let mut expected_balance = 50;
        let mut resets = 0;
        let mut capped = false;
        while month.today < date("2026-07-10") {
            let period = month.period(PeriodRule::BillingDay(10));
            let before = month.usage;
            let step = month.step(ctx, &scenario);
            if let Some(LogItem::Reset { rolled_over, .. }) = month.log.last() {
                if month.usage.sent == 0
                    && month.period(PeriodRule::BillingDay(10)).start != period.start
                {
                    resets += 1;
                    let used = sends(&month)
                        .iter()
                        .filter(|e| {
                            e.day >= period.start
                                && e.day < period.reset
                                && matches!(e.outcome, Outcome::InMail { .. })
                        })
                        .count() as u64;
                    assert!(used >= before.inmail_sent);
                    let unused = expected_balance - used.min(expected_balance);
                    let carried = unused.min(150 - 50);
                    capped |= unused > carried;
                    assert_eq!(*rolled_over, carried, "reset {resets}");
                    expected_balance = 50 + carried;
                }
            }
            // Counters match this period's log.
            let start = month.period(PeriodRule::BillingDay(10)).start;
            let this: Vec<&Entry> = sends(&month)
                .into_iter()
                .filter(|e| e.day >= start)
                .collect();
            assert_eq!(
                month.usage.sent,
                this.iter()
                    .filter(|e| e.outcome == Outcome::Delivered)
                    .count() as u64
            );
            assert_eq!(
                month.usage.inmail_sent,
                this.iter()
                    .filter(|e| matches!(e.outcome, Outcome::InMail { .. }))
                    .count() as u64
            );
            let status = inmail_status(
                &rules,
                rules.tier("sales-navigator").unwrap(),
                &selection,
                &month.usage,
                Terms::default(),
            );
            assert_eq!(status.available, expected_balance);
            assert!(status.available <= 150);
            if let Step::Blocked(_) = step {
                assert_eq!(month.usage.sent, 150);
            }
        }
        assert_eq!(resets, 6);
        assert!(expected_balance > 50, "unused credits carried over");
        assert!(capped, "the season reaches the cap");
    }

    #[test]
    fn a_played_year_with_replies_and_expiry_keeps_the_bill_and_the_ledger_together() {
        // Premium Career sends few InMails, so its credits pile up to the cap and expire; the
        // article's credits live until the reset and never come back.
        for (preset, tier, blocks, inmail_share) in [
            (LINKEDIN_HELP, "premium-career", 1, 5),
            (LINKEDIN_HELP, "sales-navigator", 0, 80),
            (LINKEDIN_HELP, "recruiter-lite", 2, 60),
            (ARTICLE, "recruiter-lite", 2, 60),
        ] {
            let rules = preset.rules();
            let selection = Selection {
                tier_id: tier.into(),
                addons: vec![(500, 1)],
                inmail_blocks: blocks,
                seats: 1,
            };
            let ctx = Context {
                terms: Terms {
                    reply_percent: 40,
                    ..Terms::default()
                },
                ..context(&rules, &selection, PeriodRule::CalendarMonth)
            };
            let scenario = Scenario {
                per_working_day: 2,
                shares: [100 - inmail_share, 0, inmail_share, 0, 0],
                use_inmail: true,
                read_rate: 50,
                seed: 7,
            };
            let mut month = Month::new(date("2026-01-01"), Usage::default(), scenario.seed);
            let (mut refunded, mut expired, mut dropped) = (0, 0, 0);
            while month.today < date("2027-01-01") {
                let period = month.period(PeriodRule::CalendarMonth);
                let log_before = month.log.len();
                let step = month.step(ctx, &scenario);
                assert_ne!(step, Step::EndOfCalendar);
                for item in &month.log[log_before.min(month.log.len())..] {
                    match item {
                        LogItem::Refunded { credits, .. } => refunded += credits,
                        LogItem::Expired { credits, .. } => expired += credits,
                        LogItem::Reset { dropped: d, .. } => dropped += d,
                        LogItem::Send(_) => {}
                    }
                }
                // What the bill counts is what the ledger holds, every day.
                let tier_rules = rules.tier(tier).unwrap();
                let status = inmail_status(&rules, tier_rules, &selection, &month.usage, ctx.terms);
                let ledger = month.credits.as_ref().unwrap();
                assert_eq!(
                    status.credits_left,
                    ledger.balance(month.today),
                    "{tier} on {}",
                    month.today
                );
                let played = month.usage.played.unwrap();
                // Every InMail this period was paid from a credit or one by one.
                let this: Vec<&Entry> = sends(&month)
                    .into_iter()
                    .filter(|e| e.day >= month.period(PeriodRule::CalendarMonth).start)
                    .filter(|e| matches!(e.outcome, Outcome::InMail { .. }))
                    .collect();
                if month.period(PeriodRule::CalendarMonth).start == period.start {
                    let paid = this.iter().filter(|e| e.credit.is_none()).count() as u64;
                    assert_eq!(played.pay_per, paid, "{tier} on {}", month.today);
                }
                // Nothing lives past its days: the oldest lot is at most 90 days old (Premium,
                // Sales Navigator); a reset carries within the cap (replies may give credits
                // back past it later).
                if preset == LINKEDIN_HELP && tier != "recruiter-lite" {
                    assert!(ledger
                        .lots()
                        .iter()
                        .all(|l| (month.today - l.granted).num_days() < 90));
                }
                if let (Some(LogItem::Reset { .. }), Some(cap)) =
                    (month.log.last(), tier_rules.inmail_rollover_cap)
                {
                    assert!(
                        ledger.balance(month.today) <= cap + 3 * blocks,
                        "{tier} on {}",
                        month.today
                    );
                }
            }
            if preset == ARTICLE {
                assert_eq!(
                    (refunded, expired),
                    (0, 0),
                    "article: nothing back, nothing early"
                );
                continue;
            }
            assert!(refunded > 0, "{tier}: replies gave credits back");
            if tier == "premium-career" {
                assert!(dropped + expired > 0, "{tier}: credits ended");
            }
        }
    }

    #[test]
    fn refused_and_inmail_sends_do_not_touch_the_allowance() {
        let rules = ARTICLE.rules();
        let selection = Selection::starter(&rules);
        let ctx = context(&rules, &selection, PeriodRule::CalendarMonth);
        let mut month = Month::new(date("2026-05-04"), Usage::default(), 5);
        month.send(ctx, Recipient::Group, false);
        month.send(ctx, Recipient::CompanyPage, false);
        assert!(matches!(
            month.send(ctx, Recipient::NotConnected, false),
            SendDecision::NeedsInMail { .. }
        ));
        month.send(ctx, Recipient::NotConnected, true);
        assert_eq!(
            month.usage,
            Usage {
                sent: 0,
                inmail_sent: 1,
                rollover_credits: 0,
                played: Some(PlayedCredits {
                    pay_per: 1,
                    ..PlayedCredits::default()
                }),
            }
        );
        let statuses: Vec<&str> = sends(&month).iter().map(|e| e.status.id()).collect();
        assert_eq!(statuses, ["refused", "refused", "sent"]);
        let days = timeline(&month, PeriodRule::CalendarMonth);
        assert_eq!(days.len(), 31);
        let today = days.iter().find(|d| d.is_today).unwrap();
        assert_eq!((today.refused, today.inmails, today.delivered), (2, 1, 0));
    }

    #[test]
    fn the_log_keeps_its_latest_entries() {
        let rules = ARTICLE.rules();
        let selection = Selection {
            tier_id: "recruiter".into(),
            addons: vec![(500, 1)],
            inmail_blocks: 0,
            seats: 1,
        };
        let ctx = context(&rules, &selection, PeriodRule::CalendarMonth);
        let mut month = Month::new(date("2026-05-04"), Usage::default(), 5);
        for _ in 0..(LOG_LIMIT + 10) {
            month.send(ctx, Recipient::Connection, false);
        }
        assert_eq!(month.log.len(), LOG_LIMIT);
        assert_eq!(month.usage.sent, LOG_LIMIT as u64 + 10);
    }

    #[test]
    fn a_team_plays_seat_by_seat_one_blocked_while_the_others_send() {
        use crate::engine::send::Limit;
        let rules = RuleSet::from_json(include_str!("../../rules/example-teams.json")).unwrap();
        // Sales Navigator Team × 3: 50 messages each; seats send 2, 1 and 3 a working day.
        let selection = Selection {
            tier_id: "sales-navigator-team".into(),
            addons: Vec::new(),
            inmail_blocks: 0,
            seats: 3,
        };
        let ctx = context(&rules, &selection, PeriodRule::CalendarMonth);
        let mut month = Month::new(date("2026-01-01"), Usage::default(), 7);
        let scenario = Scenario {
            shares: [100, 0, 0, 0, 0],
            ..Scenario::default()
        };
        // Seat 3 sends most: it meets its 50 first, on its 17th working day, and play pauses.
        let blocked = loop {
            if let Step::Blocked(blocked) = month.step(ctx, &scenario) {
                break blocked;
            }
        };
        assert_eq!(
            (blocked.seat, blocked.limit),
            (Some(3), Limit::SeatAllowance { allowance: 50 })
        );
        assert_eq!(month.seat_sent, [34, 17, 50]);
        assert_eq!(month.today, date("2026-01-23"));
        // Played on to the month's end, seat 3's sends are logged as not delivered while
        // seats 1 and 2 send, and play does not pause again.
        while month.today < date("2026-01-31") {
            assert_eq!(month.step(ctx, &scenario), Step::NextDay);
        }
        assert_eq!(month.seat_sent, [44, 22, 50]);
        assert_eq!(month.usage.sent, 116);
        let stopped: Vec<u64> = sends(&month)
            .iter()
            .filter(|e| e.outcome == Outcome::Blocked)
            .filter_map(|e| e.seat)
            .collect();
        assert!(stopped.len() > 10 && stopped.iter().all(|&s| s == 3));
        assert!(sends(&month).iter().all(|e| e.seat.is_some()));
        // The reset refills every seat.
        assert_eq!(month.step(ctx, &scenario), Step::NextDay);
        assert_eq!(month.today, date("2026-02-01"));
        assert_eq!((month.usage.sent, month.seat_sent.len()), (0, 0));
        assert!(matches!(month.step(ctx, &scenario), Step::NextDay));
    }
}

#[cfg(test)]
mod end_of_calendar {
    use super::*;
    use crate::engine::period::parse_iso_date;
    use crate::engine::presets::ARTICLE;

    #[test]
    fn the_clock_stops_at_the_last_day_it_can_write() {
        let rules = ARTICLE.rules();
        let selection = Selection::starter(&rules);
        let ctx = Context {
            rules: &rules,
            selection: &selection,
            period_rule: PeriodRule::CalendarMonth,
            terms: crate::engine::bill::Terms::default(),
        };
        let last = parse_iso_date("9999-12-31").unwrap();
        let mut month = Month::new(last, Usage::default(), 1);
        month.next_day(ctx, 50);
        month.jump_to_reset(ctx, 50);
        assert_eq!(month.today, last);
        assert_eq!(month.step(ctx, &Scenario::default()), Step::EndOfCalendar);
    }
}
