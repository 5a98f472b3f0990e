//! InMail credits as a ledger (docs/rules.md, "The life of an InMail credit"): credits kept
//! in lots by the day they were granted or bought, the oldest used first, each lot expiring
//! on its day, a credit given back when a reply comes within the window, and the balance
//! carried over within the cap at a reset.

use chrono::{Days, NaiveDate};

use super::plan::Selection;
use super::rules::{RuleSet, Tier};

/// How a plan's credits live: what each reset grants and buys, how long each lives, the
/// rollover cap and the reply window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lifecycle {
    /// Credits the tier grants at each reset.
    pub granted: u64,
    /// Credits the chosen blocks buy at each reset.
    pub bought: u64,
    /// Days a granted credit lives; `None`: until a reset drops it.
    pub granted_days: Option<u64>,
    /// Days a bought credit lives; `None`: until a reset drops it.
    pub bought_days: Option<u64>,
    /// The most the balance may be after a reset's grant; `None`: nothing carries over.
    pub cap: Option<u64>,
    /// Days after an InMail within which a reply gives its credit back; `None`: never.
    pub refund_days: Option<u64>,
}

impl Lifecycle {
    /// The lifecycle of `tier`'s credits and `selection`'s blocks under `rules`.
    pub fn of(rules: &RuleSet, tier: &Tier, selection: &Selection) -> Lifecycle {
        let seats = tier.seats_for(selection.seats);
        // The seats' cap on what the team uses a period: no more is granted or bought.
        let granted = tier.team_credits(seats, 0);
        let bought = rules
            .inmail
            .block_size
            .saturating_mul(selection.inmail_blocks);
        Lifecycle {
            granted,
            bought: bought.min(tier.team_credits(seats, bought) - granted),
            granted_days: tier.inmail_credit_days,
            bought_days: rules.inmail.block_credit_days.or(tier.inmail_credit_days),
            cap: tier
                .inmail_rollover_cap
                .map(|cap| cap.saturating_mul(seats)),
            refund_days: tier.inmail_refund_days,
        }
    }

    /// Whether a reply to an InMail sent on `sent` gives its credit back on `replied`.
    pub fn refunds(&self, sent: NaiveDate, replied: NaiveDate) -> bool {
        self.refund_days
            .is_some_and(|days| replied >= sent && replied <= add_days(sent, days))
    }
}

/// `day` plus `days`, at the latest date there is.
fn add_days(day: NaiveDate, days: u64) -> NaiveDate {
    day.checked_add_days(Days::new(days))
        .unwrap_or(NaiveDate::MAX)
}

/// Credits granted or bought on one day, with the day they expire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lot {
    /// The reset that granted or bought them.
    pub granted: NaiveDate,
    /// The first day they can no longer be used; `None`: until a reset drops them.
    pub expires: Option<NaiveDate>,
    pub bought: bool,
    pub credits: u64,
}

impl Lot {
    /// Oldest first: by the day granted, then the sooner to expire, granted before bought.
    fn age(&self) -> (NaiveDate, NaiveDate, bool) {
        (
            self.granted,
            self.expires.unwrap_or(NaiveDate::MAX),
            self.bought,
        )
    }
}

/// The credit an InMail took: which lot it came from, and when it was sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spent {
    pub sent: NaiveDate,
    pub granted: NaiveDate,
    pub expires: Option<NaiveDate>,
    pub bought: bool,
}

/// What a reset did to the balance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct ResetFacts {
    /// Credits carried into the new period.
    pub carried: u64,
    /// Unused credits the reset dropped: those that lived until it (or expired that day),
    /// and those beyond the cap.
    pub dropped: u64,
}

/// Credits expired on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Expiry {
    pub day: NaiveDate,
    pub credits: u64,
}

/// The credits a plan holds, lot by lot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ledger {
    pub life: Lifecycle,
    lots: Vec<Lot>,
}

impl Ledger {
    /// The ledger of a period starting on `start` (its next reset on `reset`): the tier's
    /// grant and the blocks bought, nothing carried in.
    pub fn open(life: Lifecycle, start: NaiveDate, reset: NaiveDate) -> Ledger {
        let mut ledger = Ledger {
            life,
            lots: Vec::new(),
        };
        ledger.grant(start, reset);
        ledger
    }

    /// The day a lot granted on `day` expires: after its days, and where nothing carries
    /// over, at the next reset at the latest.
    fn expiry(&self, day: NaiveDate, reset: NaiveDate, days: Option<u64>) -> Option<NaiveDate> {
        let own = days.map(|d| add_days(day, d));
        match (self.life.cap, own) {
            (None, Some(own)) => Some(own.min(reset)),
            (None, None) => Some(reset),
            (Some(_), own) => own,
        }
    }

    fn grant(&mut self, day: NaiveDate, reset: NaiveDate) {
        let granted = Lot {
            granted: day,
            expires: self.expiry(day, reset, self.life.granted_days),
            bought: false,
            credits: self.life.granted,
        };
        let bought = Lot {
            granted: day,
            expires: self.expiry(day, reset, self.life.bought_days),
            bought: true,
            credits: self.life.bought,
        };
        self.lots
            .extend([granted, bought].into_iter().filter(|l| l.credits > 0));
    }

    /// Credits carried in from an earlier period whose days are not known: a lot dated
    /// `day` (the period's start), living as that day's grant does.
    pub fn carry_in(&mut self, credits: u64, day: NaiveDate, reset: NaiveDate) {
        if credits > 0 {
            self.lots.push(Lot {
                granted: day,
                expires: self.expiry(day, reset, self.life.granted_days),
                bought: false,
                credits,
            });
        }
    }

    /// Credits usable on `today`.
    pub fn balance(&self, today: NaiveDate) -> u64 {
        self.lots
            .iter()
            .filter(|l| l.expires.is_none_or(|e| e > today))
            .map(|l| l.credits)
            .sum()
    }

    /// The lots, oldest first.
    pub fn lots(&self) -> Vec<Lot> {
        let mut lots = self.lots.clone();
        lots.sort_by_key(Lot::age);
        lots
    }

    /// Drops every lot expired by `today`: what expired, by day.
    pub fn expire(&mut self, today: NaiveDate) -> Vec<Expiry> {
        let mut expired: Vec<Expiry> = Vec::new();
        self.lots.retain(|l| match l.expires {
            Some(day) if day <= today => {
                match expired.iter_mut().find(|e| e.day == day) {
                    Some(e) => e.credits += l.credits,
                    None => expired.push(Expiry {
                        day,
                        credits: l.credits,
                    }),
                }
                false
            }
            _ => true,
        });
        expired.sort_by_key(|e| e.day);
        expired
    }

    /// Takes the oldest usable credit for an InMail sent `today`; `None` when there is none
    /// (the InMail is paid for on its own).
    pub fn spend(&mut self, today: NaiveDate) -> Option<Spent> {
        self.expire(today);
        let at = (0..self.lots.len()).min_by_key(|&i| self.lots[i].age())?;
        let lot = &mut self.lots[at];
        lot.credits -= 1;
        let spent = Spent {
            sent: today,
            granted: lot.granted,
            expires: lot.expires,
            bought: lot.bought,
        };
        if lot.credits == 0 {
            self.lots.remove(at);
        }
        Some(spent)
    }

    /// Takes up to `count` credits for InMails sent `today` whose replies are not followed
    /// (what a period's usage says was sent): the oldest first. How many it took.
    pub fn spend_many(&mut self, count: u64, today: NaiveDate) -> u64 {
        self.expire(today);
        self.lots.sort_by_key(Lot::age);
        let mut left = count;
        for lot in &mut self.lots {
            let taken = lot.credits.min(left);
            lot.credits -= taken;
            left -= taken;
        }
        self.lots.retain(|l| l.credits > 0);
        count - left
    }

    /// A reply on `today` to the InMail that took `spent`: its credit comes back, to its
    /// lot's age and expiry, when the reply is within the window and the credit would not
    /// have expired by now. Whether it came back.
    pub fn reply(&mut self, spent: Spent, today: NaiveDate) -> bool {
        let alive = spent.expires.is_none_or(|e| e > today);
        if !(alive && self.life.refunds(spent.sent, today)) {
            return false;
        }
        match self.lots.iter_mut().find(|l| {
            (l.granted, l.expires, l.bought) == (spent.granted, spent.expires, spent.bought)
        }) {
            Some(lot) => lot.credits += 1,
            None => self.lots.push(Lot {
                granted: spent.granted,
                expires: spent.expires,
                bought: spent.bought,
                credits: 1,
            }),
        }
        true
    }

    /// The reset on `day` (the next one on `next_reset`): what expired goes, the rest carries
    /// over within the cap (the newest kept, the oldest dropped), and the new period's
    /// credits are granted and bought.
    pub fn reset(&mut self, day: NaiveDate, next_reset: NaiveDate) -> ResetFacts {
        // What lives until this reset ends here with what else expires today.
        let ending: u64 = self
            .expire(day)
            .iter()
            .filter(|e| e.day == day)
            .map(|e| e.credits)
            .sum();
        let unused = self.balance(day);
        let room = self
            .life
            .cap
            .map_or(0, |cap| cap.saturating_sub(self.life.granted));
        let carried = unused.min(room);
        let mut dropping = unused - carried;
        self.lots.sort_by_key(Lot::age);
        for lot in &mut self.lots {
            let taken = lot.credits.min(dropping);
            lot.credits -= taken;
            dropping -= taken;
        }
        self.lots.retain(|l| l.credits > 0);
        self.grant(day, next_reset);
        ResetFacts {
            carried,
            dropped: unused - carried + ending,
        }
    }

    /// The next credits to expire after `today` and within `days` of it: the day, and how
    /// many. Credits a reset would drop are not said here (the reset says them).
    pub fn expiring(&self, today: NaiveDate, days: u64) -> Option<Expiry> {
        let until = add_days(today, days);
        let day = self
            .lots
            .iter()
            .filter_map(|l| l.expires)
            .filter(|e| *e > today && *e <= until)
            .min()?;
        let credits = self
            .lots
            .iter()
            .filter(|l| l.expires == Some(day))
            .map(|l| l.credits)
            .sum();
        Some(Expiry { day, credits })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::period::parse_iso_date;

    fn day(s: &str) -> NaiveDate {
        parse_iso_date(s).unwrap()
    }

    fn life() -> Lifecycle {
        Lifecycle {
            granted: 10,
            bought: 0,
            granted_days: None,
            bought_days: None,
            cap: None,
            refund_days: None,
        }
    }

    /// Sales Navigator in `linkedin-help`: 50 credits a month, a balance of 150 at most,
    /// each credit living 90 days, a reply within 90 days giving it back.
    fn sales_navigator() -> Lifecycle {
        Lifecycle {
            granted: 50,
            bought: 0,
            granted_days: Some(90),
            bought_days: Some(90),
            cap: Some(150),
            refund_days: Some(90),
        }
    }

    /// A January with 30 InMails sent on 10 January, reset into February.
    fn into_february() -> Ledger {
        let mut ledger = Ledger::open(sales_navigator(), day("2026-01-01"), day("2026-02-01"));
        for _ in 0..30 {
            ledger.spend(day("2026-01-10")).unwrap();
        }
        let facts = ledger.reset(day("2026-02-01"), day("2026-03-01"));
        assert_eq!(
            facts,
            ResetFacts {
                carried: 20,
                dropped: 0
            }
        );
        ledger
    }

    #[test]
    fn worked_example_the_oldest_credit_is_used_first() {
        let mut ledger = into_february();
        assert_eq!(ledger.balance(day("2026-02-03")), 70);
        let spent = ledger.spend(day("2026-02-03")).unwrap();
        assert_eq!(spent.granted, day("2026-01-01"), "a January credit");
        let lots: Vec<(NaiveDate, u64)> = ledger
            .lots()
            .iter()
            .map(|l| (l.granted, l.credits))
            .collect();
        assert_eq!(lots, [(day("2026-01-01"), 19), (day("2026-02-01"), 50)]);
    }

    #[test]
    fn worked_example_a_reply_inside_the_window_gives_the_credit_back() {
        let mut ledger = into_february();
        let spent = ledger.spend(day("2026-02-03")).unwrap();
        assert_eq!(ledger.balance(day("2026-02-03")), 69);
        assert!(ledger.reply(spent, day("2026-02-20")));
        assert_eq!(ledger.balance(day("2026-02-20")), 70);
        assert_eq!(ledger.lots()[0].credits, 20, "back to its January lot");
    }

    #[test]
    fn worked_example_a_reply_outside_the_window_or_after_the_credit_expired_gives_nothing_back() {
        let mut ledger = into_february();
        let january = ledger.spend(day("2026-02-03")).unwrap();
        // 3 February + 90 days = 4 May: the window has closed by 10 May.
        let later = Ledger::open(sales_navigator(), day("2026-05-01"), day("2026-06-01"));
        let mut may = later.clone();
        let february = may.spend(day("2026-05-01")).unwrap();
        assert!(!ledger.life.refunds(january.sent, day("2026-05-10")));
        assert!(
            may.reply(february, day("2026-05-10")),
            "a May credit answered in May"
        );
        // Within the window, but the January credit itself expired on 1 April.
        assert!(!ledger.reply(january, day("2026-04-05")));
        assert_eq!(
            ledger.balance(day("2026-04-05")),
            50,
            "only February's credits live on 5 April"
        );
    }

    #[test]
    fn worked_example_credits_expire_on_their_day() {
        let mut ledger = into_february();
        assert_eq!(
            ledger.expiring(day("2026-03-20"), 14),
            Some(Expiry {
                day: day("2026-04-01"),
                credits: 20
            }),
            "said ahead: 20 credits expire on 1 April"
        );
        let facts = ledger.reset(day("2026-03-01"), day("2026-04-01"));
        assert_eq!(
            facts,
            ResetFacts {
                carried: 70,
                dropped: 0
            }
        );
        assert_eq!(ledger.balance(day("2026-03-31")), 120);
        // 1 January + 90 days = 1 April: the January credits are gone that day.
        let facts = ledger.reset(day("2026-04-01"), day("2026-05-01"));
        assert_eq!(
            facts,
            ResetFacts {
                carried: 100,
                dropped: 20
            }
        );
        assert_eq!(ledger.balance(day("2026-04-01")), 150);
    }

    #[test]
    fn worked_example_a_reset_carries_over_within_the_cap_and_drops_the_oldest() {
        // Recruiter Lite in `linkedin-help`: 30 credits a month, a balance of 120 at most,
        // credits living until a reset drops them. No InMail sent from January on.
        let recruiter_lite = Lifecycle {
            granted: 30,
            bought: 0,
            granted_days: None,
            bought_days: None,
            cap: Some(120),
            refund_days: Some(90),
        };
        let resets = [
            "2026-02-01",
            "2026-03-01",
            "2026-04-01",
            "2026-05-01",
            "2026-06-01",
        ];
        let mut ledger = Ledger::open(recruiter_lite, day("2026-01-01"), day(resets[0]));
        let facts: Vec<ResetFacts> = resets
            .windows(2)
            .map(|w| ledger.reset(day(w[0]), day(w[1])))
            .collect();
        let carried: Vec<(u64, u64)> = facts.iter().map(|f| (f.carried, f.dropped)).collect();
        assert_eq!(carried, [(30, 0), (60, 0), (90, 0), (90, 30)]);
        let lots: Vec<(NaiveDate, u64)> = ledger
            .lots()
            .iter()
            .map(|l| (l.granted, l.credits))
            .collect();
        assert_eq!(
            lots,
            [
                (day("2026-02-01"), 30),
                (day("2026-03-01"), 30),
                (day("2026-04-01"), 30),
                (day("2026-05-01"), 30)
            ],
            "January's credits dropped"
        );
    }

    #[test]
    fn bought_credits_may_live_longer_than_granted_ones() {
        let life = Lifecycle {
            granted: 5,
            bought: 3,
            granted_days: Some(30),
            bought_days: Some(365),
            cap: Some(100),
            refund_days: None,
        };
        let mut ledger = Ledger::open(life, day("2026-01-01"), day("2026-02-01"));
        assert!(
            !ledger.spend(day("2026-01-02")).unwrap().bought,
            "granted before bought"
        );
        assert_eq!(
            ledger.expire(day("2026-01-31")),
            [Expiry {
                day: day("2026-01-31"),
                credits: 4
            }]
        );
        assert_eq!(ledger.balance(day("2026-01-31")), 3);
    }

    #[test]
    fn spending_many_at_once_is_spending_one_by_one() {
        let mut one_by_one = into_february();
        let mut at_once = one_by_one.clone();
        let mut took = 0;
        while took < 90 && one_by_one.spend(day("2026-02-03")).is_some() {
            took += 1;
        }
        assert_eq!(at_once.spend_many(90, day("2026-02-03")), took);
        assert_eq!(at_once.lots(), one_by_one.lots());
        assert_eq!(took, 70);
    }

    #[test]
    fn without_a_lifecycle_credits_live_until_the_reset() {
        let mut ledger = Ledger::open(life(), day("2026-01-01"), day("2026-02-01"));
        for _ in 0..4 {
            ledger.spend(day("2026-01-10")).unwrap();
        }
        assert_eq!(ledger.balance(day("2026-01-31")), 6);
        let facts = ledger.reset(day("2026-02-01"), day("2026-03-01"));
        assert_eq!(
            facts,
            ResetFacts {
                carried: 0,
                dropped: 6
            }
        );
        assert_eq!(ledger.balance(day("2026-02-01")), 10);
    }
}
