//! The credit ledger against a simple independent simulation: every credit on its own, with
//! the day it was granted and the day it expires, on random lifecycles and random months of
//! InMails and replies. Each day, both hold the same balance; each reset carries and drops
//! the same credits.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{Datelike, Days, NaiveDate};
use messaging_quota::engine::credits::{Ledger, Lifecycle, ResetFacts, Spent};
use proptest::prelude::*;

/// One credit, as the simulation keeps it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Credit {
    granted: NaiveDate,
    expires: NaiveDate,
    bought: bool,
}

/// Credits one by one: the oldest (granted first, then soonest to expire, granted before
/// bought) used first; at a reset, those that expire go, the newest kept within the cap.
struct Simulation {
    life: Lifecycle,
    credits: Vec<Credit>,
}

const NEVER: NaiveDate = NaiveDate::MAX;

impl Simulation {
    fn expiry(&self, day: NaiveDate, reset: NaiveDate, days: Option<u64>) -> NaiveDate {
        let own = days.map_or(NEVER, |d| {
            day.checked_add_days(Days::new(d)).unwrap_or(NEVER)
        });
        if self.life.cap.is_some() {
            own
        } else {
            own.min(reset)
        }
    }

    fn grant(&mut self, day: NaiveDate, reset: NaiveDate) {
        for (count, days, bought) in [
            (self.life.granted, self.life.granted_days, false),
            (self.life.bought, self.life.bought_days, true),
        ] {
            let expires = self.expiry(day, reset, days);
            for _ in 0..count {
                self.credits.push(Credit {
                    granted: day,
                    expires,
                    bought,
                });
            }
        }
    }

    fn usable(&self, today: NaiveDate) -> impl Iterator<Item = &Credit> {
        self.credits.iter().filter(move |c| c.expires > today)
    }

    fn spend(&mut self, today: NaiveDate) -> Option<Credit> {
        self.credits.retain(|c| c.expires > today);
        let oldest = (0..self.credits.len()).min_by_key(|&i| {
            let c = self.credits[i];
            (c.granted, c.expires, c.bought)
        })?;
        Some(self.credits.remove(oldest))
    }

    fn reply(&mut self, credit: Credit, sent: NaiveDate, today: NaiveDate) -> bool {
        let within = self
            .life
            .refund_days
            .is_some_and(|d| today <= sent.checked_add_days(Days::new(d)).unwrap_or(NEVER));
        if within && credit.expires > today {
            self.credits.push(credit);
            true
        } else {
            false
        }
    }

    fn reset(&mut self, day: NaiveDate, next: NaiveDate) -> ResetFacts {
        let ending = self.credits.iter().filter(|c| c.expires == day).count() as u64;
        self.credits.retain(|c| c.expires > day);
        let room = self
            .life
            .cap
            .map_or(0, |cap| cap.saturating_sub(self.life.granted)) as usize;
        self.credits
            .sort_by_key(|c| (c.granted, c.expires, c.bought));
        let dropped = self.credits.len().saturating_sub(room);
        self.credits.drain(..dropped);
        let carried = self.credits.len() as u64;
        self.grant(day, next);
        ResetFacts {
            carried,
            dropped: dropped as u64 + ending,
        }
    }
}

fn first_of_next_month(day: NaiveDate) -> NaiveDate {
    let (y, m) = if day.month() == 12 {
        (day.year() + 1, 1)
    } else {
        (day.year(), day.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).unwrap()
}

fn lifecycle() -> impl Strategy<Value = Lifecycle> {
    (
        0u64..20,
        0u64..7,
        prop::option::of(1u64..120),
        prop::option::of(1u64..120),
        prop::option::of(0u64..40),
        prop::option::of(1u64..60),
    )
        .prop_map(
            |(granted, bought, granted_days, bought_days, over, refund_days)| Lifecycle {
                granted,
                bought,
                granted_days,
                bought_days,
                cap: over.map(|o| granted + o),
                refund_days,
            },
        )
}

/// A day's InMails, each with the days until its reply (if any): most days none, so the
/// balance builds up against the cap too.
fn day_of_sends() -> impl Strategy<Value = Vec<Option<u64>>> {
    prop_oneof![
        3 => Just(Vec::new()),
        1 => prop::collection::vec(prop::option::of(0u64..80), 1..4),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn the_ledger_is_the_simulation_day_by_day(
        life in lifecycle(),
        days in prop::collection::vec(day_of_sends(), 200..400),
    ) {
        let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let mut reset = first_of_next_month(start);
        let mut ledger = Ledger::open(life, start, reset);
        let mut sim = Simulation { life, credits: Vec::new() };
        sim.grant(start, reset);
        // Replies waiting: the day they come, and what each side spent.
        let mut waiting: Vec<(NaiveDate, Spent, Credit)> = Vec::new();
        let mut today = start;
        for sends in days {
            if today == reset {
                let next = first_of_next_month(today);
                prop_assert_eq!(ledger.reset(today, next), sim.reset(today, next), "reset on {}", today);
                reset = next;
            }
            let (due, later): (Vec<_>, Vec<_>) = waiting.into_iter().partition(|(d, _, _)| *d == today);
            waiting = later;
            for (_, spent, credit) in due {
                prop_assert_eq!(ledger.reply(spent, today), sim.reply(credit, spent.sent, today), "reply on {}", today);
            }
            for reply_after in sends {
                match (ledger.spend(today), sim.spend(today)) {
                    (Some(spent), Some(credit)) => {
                        prop_assert_eq!((spent.granted, spent.bought), (credit.granted, credit.bought));
                        if let Some(after) = reply_after {
                            waiting.push((today + Days::new(after), spent, credit));
                        }
                    }
                    (None, None) => {}
                    (ledger_took, sim_took) => prop_assert!(false, "on {}: ledger {:?}, simulation {:?}", today, ledger_took, sim_took),
                }
            }
            prop_assert_eq!(ledger.balance(today), sim.usable(today).count() as u64, "balance on {}", today);
            today = today.succ_opt().unwrap();
        }
    }
}
