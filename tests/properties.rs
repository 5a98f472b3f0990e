//! Property tests of the engine's invariants, over random selections, usage and needs.
// Native only: proptest and the catalogue files are not in the browser.
#![cfg(not(target_arch = "wasm32"))]

use messaging_quota::engine::bill::{Billing, Terms};
use messaging_quota::engine::period::{parse_iso_date, PeriodRule};
use messaging_quota::engine::plan::{Selection, Usage};
use messaging_quota::engine::presets::{ARTICLE, LINKEDIN_HELP};
use messaging_quota::engine::recommend::{Need, Recommender};
use messaging_quota::engine::rules::RuleSet;
use messaging_quota::engine::send::{decide_send, Recipient, SendDecision};
use messaging_quota::engine::summary::summarize;
use proptest::prelude::*;

fn rules(help: bool) -> RuleSet {
    (if help { LINKEDIN_HELP } else { ARTICLE }).rules()
}

fn selection(rules: &RuleSet, tier: usize, counts: &[u64], blocks: u64) -> Selection {
    let mut s = Selection::starter(rules);
    s.tier_id = rules.tiers[tier % rules.tiers.len()].id.clone();
    for (bundle, count) in rules.bundles.iter().zip(counts) {
        s.set_addon_count(bundle.size, *count);
    }
    s.inmail_blocks = blocks;
    s
}

fn summary_cost(rules: &RuleSet, s: &Selection, u: &Usage) -> (u64, u64, u64) {
    let today = parse_iso_date("2026-05-17").unwrap();
    let sum = summarize(
        rules,
        s,
        u,
        today,
        PeriodRule::CalendarMonth,
        Terms::billed(Billing::Monthly),
    );
    (sum.allowance, sum.remaining, sum.total_cents)
}

prop_compose! {
    fn plan_inputs()(help in any::<bool>(), tier in 0usize..6, counts in prop::collection::vec(0u64..40, 4),
                     blocks in 0u64..50, sent in 0u64..3_000, inmail_sent in 0u64..400)
                     -> (bool, usize, Vec<u64>, u64, Usage) {
        (help, tier, counts, blocks, Usage { sent, inmail_sent, rollover_credits: 0, played: None })
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn remaining_is_never_negative_and_adds_up((help, tier, counts, blocks, usage) in plan_inputs()) {
        let r = rules(help);
        let s = selection(&r, tier, &counts, blocks);
        let (allowance, remaining, _) = summary_cost(&r, &s, &usage);
        prop_assert!(remaining <= allowance);
        prop_assert_eq!(remaining, allowance.saturating_sub(usage.sent));
    }

    /// Adding a bundle, a message or an InMail never lowers the cost. A credit block is the
    /// one addition that may: it can replace pay-per-InMail charges, and then the cost falls
    /// by at most what those charges were.
    #[test]
    fn cost_never_decreases_when_anything_is_added(
        (help, tier, counts, blocks, usage) in plan_inputs(),
        what in 0usize..7,
    ) {
        let r = rules(help);
        let s = selection(&r, tier, &counts, blocks);
        let (_, _, before) = summary_cost(&r, &s, &usage);
        let mut more = s.clone();
        let mut used = usage;
        match what {
            0..=3 => {
                let size = r.bundles[what].size;
                more.set_addon_count(size, more.addon_count(size) + 1);
            }
            4 => more.inmail_blocks += 1,
            5 => used.inmail_sent += 1,
            _ => used.sent += 1,
        }
        let (_, _, after) = summary_cost(&r, &more, &used);
        if what == 4 {
            let pay_per = usage.inmail_sent * r.inmail.pay_per_inmail_cents;
            prop_assert!(after + pay_per >= before, "a block saves at most the pay-per charges");
            prop_assert!(after <= before + r.inmail.block_price_cents);
        } else {
            prop_assert!(after >= before, "{before} → {after} adding {what}");
        }
    }

    #[test]
    fn a_send_is_blocked_exactly_when_the_allowance_is_used_up(
        (help, tier, counts, blocks, usage) in plan_inputs(),
        shared in any::<bool>(),
    ) {
        let r = rules(help);
        let s = selection(&r, tier, &counts, blocks);
        let (allowance, _, _) = summary_cost(&r, &s, &usage);
        let recipient = if shared { Recipient::SharedConnection } else { Recipient::Connection };
        let decision = decide_send(&r, &s, &usage, recipient, parse_iso_date("2026-05-17").unwrap(), PeriodRule::CalendarMonth, Terms::billed(Billing::Monthly));
        let blocked = matches!(decision, SendDecision::Blocked(_));
        prop_assert_eq!(blocked, usage.sent >= allowance);
        if let SendDecision::Blocked(b) = decision {
            prop_assert_eq!(b.options.iter().filter(|o| o.cheapest).count(), usize::from(!b.options.is_empty()));
            prop_assert!(b.options.iter().all(|o| o.new_allowance > usage.sent));
        }
    }

    #[test]
    fn recommendations_cover_the_need_and_no_single_step_is_cheaper(
        help in any::<bool>(), messages in 0u64..5_000, inmails in 0u64..300, min in 0usize..6,
    ) {
        let r = rules(help);
        let min_tier = (min < r.tiers.len()).then(|| r.tiers[min].id.clone());
        let need = Need { messages, inmails, min_tier, team: 0 };
        let rec = Recommender::new(&r, Terms::billed(Billing::Monthly));
        let plan = rec.recommend(&r, &need).expect("bundles can always reach the need");
        let s = plan.selection();
        let (allowance, _, fixed) = summary_cost(&r, &s, &Usage::default());
        prop_assert!(allowance >= messages);
        prop_assert_eq!(allowance, plan.allowance);
        prop_assert!(plan.inmail_credits + plan.pay_per_inmails >= inmails);
        let (_, _, with_inmails) = summary_cost(&r, &s, &Usage { sent: 0, inmail_sent: inmails, rollover_credits: 0, played: None });
        prop_assert_eq!(with_inmails, plan.total_cents, "the plan's cost is what the calculator charges");
        prop_assert!(fixed <= plan.total_cents);

        // One bundle fewer is either insufficient or not cheaper.
        for (size, count) in &s.addons {
            let mut fewer = s.clone();
            fewer.set_addon_count(*size, count - 1);
            let (a, _, cost) = summary_cost(&r, &fewer, &Usage { sent: 0, inmail_sent: inmails, rollover_credits: 0, played: None });
            prop_assert!(a < messages || cost >= plan.total_cents, "dropping a {size} bundle");
        }
        // The next cheaper tier, with the same add-ons, is insufficient or not cheaper.
        let index = plan.tier_index;
        let floor = need.min_tier.as_deref().and_then(|id| r.tier_index(id)).unwrap_or(0);
        if index > floor {
            let mut lower = s.clone();
            lower.tier_id = r.tiers[index - 1].id.clone();
            let (a, _, cost) = summary_cost(&r, &lower, &Usage { sent: 0, inmail_sent: inmails, rollover_credits: 0, played: None });
            prop_assert!(a < messages || cost >= plan.total_cents);
        }
        // Every tier's own best plan costs at least as much.
        for i in floor..r.tiers.len() {
            if let Some(other) = rec.plan_for_tier(&r, i, &need) {
                prop_assert!(other.total_cents >= plan.total_cents);
            }
        }
    }

    #[test]
    fn any_text_as_rules_or_link_is_handled_without_panicking(text in ".{0,300}") {
        let _ = RuleSet::from_json(&text);
        let _ = messaging_quota::host::saved::read(&text);
        let _ = messaging_quota::text::Catalogue::from_json(&text);
        let _ = messaging_quota::host::params::parse_params([("tier", text.as_str()), ("addons", text.as_str()), ("today", text.as_str()), ("sent", text.as_str()), ("currency", text.as_str()), ("billing", text.as_str())]);
        let _ = messaging_quota::engine::fields::parse_count(&text, messaging_quota::engine::fields::CountField::Sent);
        let _ = messaging_quota::engine::fields::parse_money(&text, 100_000_000, 2);
        let _ = messaging_quota::engine::fields::parse_money(&text, 100_000_000, 0);
    }
}
