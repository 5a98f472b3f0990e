//! The team rules' worked examples (docs/rules.md, "Teams"), on `rules/example-teams.json`:
//! seats billed by the month and the year, per-seat allowances, a shared pool with caps per
//! seat, a send blocked at the cap and the seat that unblocks it, and the cheapest team plan.
#![cfg(not(target_arch = "wasm32"))]

use messaging_quota::engine::bill::{bill, Billing, Charge, Terms};
use messaging_quota::engine::period::{parse_iso_date, PeriodRule};
use messaging_quota::engine::plan::{Selection, Usage};
use messaging_quota::engine::recommend::{exhaustive, Need, Recommender};
use messaging_quota::engine::rules::RuleSet;
use messaging_quota::engine::send::{decide_send, Limit, Recipient, SendDecision, Unblock};
use messaging_quota::engine::summary::summarize;

fn rules() -> RuleSet {
    RuleSet::from_json(include_str!("../rules/example-teams.json")).expect("the example reads")
}

fn team(tier: &str, seats: u64, addons: &[(u64, u64)], blocks: u64) -> Selection {
    Selection {
        tier_id: tier.into(),
        addons: addons.to_vec(),
        inmail_blocks: blocks,
        seats,
    }
}

fn usage(sent: u64, inmail_sent: u64) -> Usage {
    Usage {
        sent,
        inmail_sent,
        ..Usage::default()
    }
}

fn monthly() -> Terms {
    Terms::billed(Billing::Monthly)
}

/// A send to a connection on 20 January, with this selection and usage.
fn send(selection: &Selection, used: Usage) -> SendDecision {
    decide_send(
        &rules(),
        selection,
        &used,
        Recipient::Connection,
        parse_iso_date("2026-01-20").unwrap(),
        PeriodRule::CalendarMonth,
        monthly(),
    )
}

fn month_of(selection: &Selection, used: Usage, terms: Terms) -> (u64, u64, u64) {
    let today = parse_iso_date("2026-01-20").unwrap();
    let s = summarize(
        &rules(),
        selection,
        &used,
        today,
        PeriodRule::CalendarMonth,
        terms,
    );
    (s.allowance, s.inmail.available, s.total_cents)
}

#[test]
fn eight_seats_each_with_their_own_messages_billed_monthly() {
    let eight = team("sales-navigator-team", 8, &[], 0);
    // 8 × $99.99; 8 × 50 messages; 8 × 10 credits, pooled.
    assert_eq!(month_of(&eight, usage(0, 0), monthly()), (400, 80, 79_992));
    let lines = bill(&rules(), &eight, &usage(0, 0), monthly()).lines;
    assert_eq!(lines[0].charge, Charge::Tier { seats: 8 });
    // A 100-message bundle is the team's: 500 messages, $849.91.
    let more = team("sales-navigator-team", 8, &[(100, 1)], 0);
    assert_eq!(month_of(&more, usage(0, 0), monthly()), (500, 80, 84_991));
}

#[test]
fn the_seats_a_tier_sells_bound_the_team() {
    // Fewer than the tier's fewest seats buys the fewest; more than its most, the most.
    assert_eq!(
        month_of(
            &team("sales-navigator-team", 1, &[], 0),
            usage(0, 0),
            monthly()
        )
        .2,
        19_998
    );
    assert_eq!(
        month_of(
            &team("sales-navigator-team", 80, &[], 0),
            usage(0, 0),
            monthly()
        )
        .0,
        2_500
    );
    // A tier sold to one account is one account, whatever the team.
    assert_eq!(
        month_of(&team("premium-business", 8, &[], 0), usage(0, 0), monthly()),
        (30, 5, 2_999)
    );
}

#[test]
fn seats_billed_yearly() {
    let eight = team("sales-navigator-team", 8, &[], 0);
    let yearly = bill(
        &rules(),
        &eight,
        &usage(0, 0),
        Terms::billed(Billing::Yearly),
    );
    // 8 × $959.88 a year; its twelfth a month.
    assert_eq!(yearly.year_cents, 767_904);
    assert_eq!(yearly.period_cents, 767_904);
    assert_eq!(yearly.total_cents, 63_992);
}

#[test]
fn a_shared_pool_within_the_caps_per_seat() {
    // Recruiter × 5: a pool of 5 × 150 messages and 5 × 150 credits; each seat may send at
    // most 300 messages and use at most 200 credits.
    let five = team("recruiter", 5, &[], 0);
    assert_eq!(month_of(&five, usage(0, 0), monthly()), (750, 750, 249_500));
    // Ten 100-message bundles make the pool 1,750, but five seats may send 1,500 at most;
    // thirty blocks ($1,200) make 1,050 credits, but five seats may use 1,000.
    let bought = team("recruiter", 5, &[(100, 10)], 30);
    assert_eq!(
        month_of(&bought, usage(0, 0), monthly()),
        (1_500, 1_000, 419_490)
    );
    // 1,100 InMails: 100 past what the seats may use, paid one by one ($1,000).
    assert_eq!(month_of(&bought, usage(0, 1_100), monthly()).2, 519_490);
}

#[test]
fn a_send_at_the_cap_is_blocked_and_a_seat_more_unblocks_it() {
    let bought = team("recruiter", 5, &[(100, 10)], 0);
    let decision = send(&bought, usage(1_500, 0));
    let SendDecision::Blocked(blocked) = decision else {
        panic!("the cap blocks the send: {decision:?}");
    };
    assert_eq!(blocked.limit, Limit::SeatCap { cap: 300 });
    // No bundle gets past the cap; a sixth seat does: min(6 × 150 + 1,000, 6 × 300).
    let options: Vec<(Unblock, u64, u64)> = blocked
        .options
        .iter()
        .map(|o| (o.unblock.clone(), o.new_allowance, o.new_total_cents))
        .collect();
    assert_eq!(options, [(Unblock::Seats(6), 1_800, 349_390)]);
    // At the allowance (no cap binding), a seat more and the bundles both unblock.
    let five = team("recruiter", 5, &[], 0);
    let SendDecision::Blocked(blocked) = send(&five, usage(750, 0)) else {
        panic!("the allowance blocks the send");
    };
    assert_eq!(blocked.limit, Limit::Allowance);
    let first = &blocked.options[0];
    assert_eq!(
        (first.unblock.clone(), first.new_total_cents),
        (Unblock::Bundle(25), 250_999)
    );
    assert!(blocked
        .options
        .iter()
        .any(|o| o.unblock == Unblock::Seats(6)));
}

#[test]
fn the_cheapest_plan_for_a_team_of_eight() {
    let rules = rules();
    // Eight people, each 60 messages and 5 InMails a month: 480 and 40 for the team. Only the
    // tiers sold by the seat can seat them.
    let need = Need {
        messages: 60,
        inmails: 5,
        min_tier: None,
        team: 8,
    };
    let plan = Recommender::new(&rules, monthly())
        .recommend(&rules, &need)
        .expect("a plan");
    assert_eq!(plan.tier_id, "sales-navigator-team");
    assert_eq!(plan.seats, 8);
    assert_eq!(plan.addons, [(100, 1)]);
    assert_eq!(plan.inmail_blocks, 0);
    assert_eq!(plan.total_cents, 84_991);
    assert_eq!(
        exhaustive(&rules, &need, monthly()).map(|p| p.period_cents),
        Some(plan.period_cents)
    );
    // Billed yearly: 8 × $959.88 + $499.90 a year.
    let yearly = Terms::billed(Billing::Yearly);
    let plan = Recommender::new(&rules, yearly)
        .recommend(&rules, &need)
        .unwrap();
    assert_eq!((plan.seats, plan.year_cents), (8, 817_894));
    // A team above every tier's most seats has no plan.
    let crowd = Need { team: 60, ..need };
    assert_eq!(
        Recommender::new(&rules, monthly()).recommend(&rules, &crowd),
        None
    );
}

#[test]
fn the_pop_up_offers_only_ways_up_from_the_visitors_own_plan() {
    let rules = rules();
    // Browsing Basic at its limit while paying for Sales Navigator Team: Premium Business is
    // below the visitor's own tier, so it is not offered; the cheapest left is marked.
    let basic = team("basic", 1, &[], 0);
    let SendDecision::Blocked(blocked) = send(&basic, usage(15, 0)) else {
        panic!("the allowance blocks the send");
    };
    assert!(blocked
        .options
        .iter()
        .any(|o| o.unblock == Unblock::Tier("premium-business".into())));
    let current = team("sales-navigator-team", 8, &[], 0);
    let up = blocked.up_from(&rules, Some(&current));
    let ways: Vec<(Unblock, bool)> = up
        .options
        .iter()
        .map(|o| (o.unblock.clone(), o.cheapest))
        .collect();
    assert_eq!(
        ways,
        [
            (Unblock::Bundle(25), true),
            (Unblock::Bundle(100), false),
            (Unblock::Tier("sales-navigator-team".into()), false),
            (Unblock::Tier("recruiter".into()), false),
        ]
    );
}
