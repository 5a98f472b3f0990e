//! A team's seats one by one (docs/rules.md, "Teams"): what each seat may send in a period,
//! and a send stopped at a seat's own limit while the team still has room.

use chrono::NaiveDate;

use super::bill::Terms;
use super::period::PeriodRule;
use super::plan::{Selection, Usage};
use super::rules::{RuleSet, Sharing};
use super::send::{apply_unblock, unblock_options, Blocked, Limit};
use super::summary::{message_pool, summarize};

/// The most messages seat `seat` (from 0) may send this period, and which limit that is:
/// its even share of the team's messages where each seat has its own (the first seats take
/// what does not divide), within the cap; its cap on a pool. `None` for one account, or a
/// pool without caps (the team's allowance is then the only limit).
pub fn seat_limit(rules: &RuleSet, selection: &Selection, seat: usize) -> Option<(u64, Limit)> {
    let tier = rules.tier(&selection.tier_id)?;
    let sharing = tier.seats?;
    let seats = tier.seats_for(selection.seats);
    if seats < 2 {
        return None;
    }
    let pool = message_pool(rules, tier, selection);
    let cap = sharing.message_cap.map(|cap| (cap, Limit::SeatCap { cap }));
    let share = (sharing.messages == Sharing::PerSeat).then(|| {
        let extra = u64::from((seat as u64) < pool % seats);
        let allowance = pool / seats + extra;
        (allowance, Limit::SeatAllowance { allowance })
    });
    match (share, cap) {
        (Some(share), Some(cap)) => Some(if cap.0 < share.0 { cap } else { share }),
        (share, cap) => share.or(cap),
    }
}

/// A send by seat `seat` (from 0), which has sent `seat_sent` this period: blocked where that
/// is its limit, with the ways that lift it (each with what the team's month then costs).
#[allow(clippy::too_many_arguments)]
pub fn seat_blocked(
    rules: &RuleSet,
    selection: &Selection,
    usage: &Usage,
    seat: usize,
    seat_sent: u64,
    today: NaiveDate,
    period_rule: PeriodRule,
    terms: Terms,
) -> Option<Blocked> {
    let (allowance, limit) = seat_limit(rules, selection, seat)?;
    if seat_sent < allowance {
        return None;
    }
    let summary = summarize(rules, selection, usage, today, period_rule, terms);
    let mut options = unblock_options(rules, selection, usage, terms);
    options.retain(|o| {
        let mut changed = selection.clone();
        apply_unblock(&mut changed, &o.unblock);
        seat_limit(rules, &changed, seat).is_none_or(|(more, _)| more > seat_sent)
    });
    for (i, option) in options.iter_mut().enumerate() {
        option.cheapest = i == 0;
    }
    Some(Blocked {
        allowance,
        limit,
        seat: Some(seat as u64 + 1),
        reset: summary.period.reset,
        days_left: summary.days_left,
        options,
    })
}

/// How many messages each seat of a team of `seats` sends on a working day when one account
/// would send `per_day`: seats send at different rates (a whole, a half, one and a half).
pub fn seat_rates(per_day: u64, seats: u64) -> Vec<u64> {
    (0..seats)
        .map(|k| (per_day * [2, 1, 3][(k % 3) as usize]).div_ceil(2))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> RuleSet {
        RuleSet::from_json(include_str!("../../rules/example-teams.json")).unwrap()
    }

    fn team(tier: &str, seats: u64, addons: &[(u64, u64)]) -> Selection {
        Selection {
            tier_id: tier.into(),
            addons: addons.to_vec(),
            inmail_blocks: 0,
            seats,
        }
    }

    #[test]
    fn each_seat_its_share_or_its_cap() {
        let rules = rules();
        // Sales Navigator Team × 3 with a 25 bundle: 175 messages, 59 + 58 + 58.
        let three = team("sales-navigator-team", 3, &[(25, 1)]);
        let limits: Vec<u64> = (0..3)
            .map(|k| seat_limit(&rules, &three, k).unwrap().0)
            .collect();
        assert_eq!(limits, [59, 58, 58]);
        // Recruiter × 5 pools its messages: each seat is held only by its cap of 300.
        let five = team("recruiter", 5, &[]);
        assert_eq!(
            seat_limit(&rules, &five, 4),
            Some((300, Limit::SeatCap { cap: 300 }))
        );
        // One account has no seat limit.
        assert_eq!(
            seat_limit(&rules, &team("premium-business", 5, &[]), 0),
            None
        );
    }

    #[test]
    fn a_seat_at_its_share_is_blocked_and_a_bundle_lifts_it() {
        let rules = rules();
        let two = team("sales-navigator-team", 2, &[]);
        let usage = Usage {
            sent: 50,
            ..Usage::default()
        };
        let today = super::super::period::parse_iso_date("2026-01-20").unwrap();
        let terms = Terms::billed(super::super::bill::Billing::Monthly);
        let month = PeriodRule::CalendarMonth;
        // Seat 1 has sent its 50; the team has 50 more (seat 2's).
        assert_eq!(
            seat_blocked(&rules, &two, &usage, 0, 49, today, month, terms),
            None
        );
        let blocked = seat_blocked(&rules, &two, &usage, 0, 50, today, month, terms).unwrap();
        assert_eq!(
            (blocked.seat, blocked.limit),
            (Some(1), Limit::SeatAllowance { allowance: 50 })
        );
        // A 25 bundle gives each seat 12 or 13 more; a third seat would give each 50 still,
        // so it is not offered.
        let ways: Vec<_> = blocked.options.iter().map(|o| o.unblock.clone()).collect();
        assert_eq!(
            ways,
            [
                super::super::send::Unblock::Bundle(25),
                super::super::send::Unblock::Bundle(100),
                super::super::send::Unblock::Tier("recruiter".into()),
            ]
        );
        assert!(blocked.options[0].cheapest);
    }
}
