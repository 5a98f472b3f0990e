//! Plans side by side for one need: each tier's cheapest way to it, and how the visitor's
//! current selection fares against the need.

use super::bill::{bill, usage_at, Amounts, Terms};
use super::plan::Selection;
use super::recommend::{Need, Plan, Recommender};
use super::rules::RuleSet;
use super::summary::allowance;

/// One row of the comparison table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompareRow {
    pub tier_id: String,
    pub tier_name: String,
    /// `None` when the tier cannot meet the need (no bundles to add).
    pub plan: Option<Plan>,
    /// What the plan's messages cost (its tier and bundles, not its InMail) per needed
    /// message, in cents, rounded; `None` when no messages are needed.
    pub per_message_cents: Option<u64>,
    /// The overall cheapest row (at or above the minimum tier).
    pub cheapest: bool,
    /// Below the visitor's minimum tier: shown for reference, never recommended.
    pub below_minimum: bool,
}

/// Cost per message, rounded half up.
pub fn per_message(total_cents: u64, messages: u64) -> Option<u64> {
    (messages > 0).then(|| {
        total_cents.saturating_mul(2).saturating_add(messages) / messages.saturating_mul(2)
    })
}

/// Every tier's cheapest way to the need, the cheapest marked.
pub fn compare(recommender: &Recommender, rules: &RuleSet, need: &Need) -> Vec<CompareRow> {
    let best = recommender.recommend(rules, need).map(|p| p.tier_index);
    let minimum = need
        .min_tier
        .as_deref()
        .and_then(|id| rules.tier_index(id))
        .unwrap_or(0);
    recommender
        .per_tier(rules, need)
        .into_iter()
        .zip(&rules.tiers)
        .enumerate()
        .map(|(i, (plan, tier))| CompareRow {
            tier_id: tier.id.clone(),
            tier_name: tier.name.clone(),
            per_message_cents: plan
                .as_ref()
                .and_then(|p| per_message(p.messages_cents, need.team_messages())),
            plan,
            cheapest: best == Some(i),
            below_minimum: i < minimum,
        })
        .collect()
}

/// How the visitor's current selection fares against the stated need.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Versus {
    /// It covers the need at this monthly cost (pay-per-InMail included).
    Covers { current_cents: u64 },
    /// It allows fewer messages than the need.
    Short { allowance: u64 },
}

/// The selection's monthly cost at the need: its bill with that many messages and InMails
/// sent (pay-per-InMail included).
pub fn cost_at_need(rules: &RuleSet, selection: &Selection, need: &Need, terms: Terms) -> u64 {
    amounts_at_need(rules, selection, need, terms).month
}

/// The selection's bill at the need, as its figures: the month, the first period, the year.
pub fn amounts_at_need(
    rules: &RuleSet,
    selection: &Selection,
    need: &Need,
    terms: Terms,
) -> Amounts {
    bill(
        rules,
        selection,
        &usage_at(need.team_messages(), need.team_inmails()),
        terms,
    )
    .amounts()
}

/// The current selection's cost if the need were its usage.
pub fn versus_current(rules: &RuleSet, selection: &Selection, need: &Need, terms: Terms) -> Versus {
    let tier = rules
        .tier(&selection.tier_id)
        .unwrap_or_else(|| rules.first_priced_tier());
    let allowance = allowance(rules, tier, selection);
    if allowance < need.team_messages() {
        return Versus::Short { allowance };
    }
    Versus::Covers {
        current_cents: cost_at_need(rules, selection, need, terms),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::bill::Billing;
    use crate::engine::presets::ARTICLE;

    #[test]
    fn one_row_per_tier_with_the_cheapest_marked() {
        let rules = ARTICLE.rules();
        let r = Recommender::new(&rules, Terms::billed(Billing::Monthly));
        let need = Need {
            messages: 120,
            inmails: 10,
            min_tier: None,
            team: 0,
        };
        let rows = compare(&r, &rules, &need);
        assert_eq!(rows.len(), 5);
        assert_eq!(rows.iter().filter(|r| r.cheapest).count(), 1);
        let cheapest = rows.iter().find(|r| r.cheapest).unwrap();
        let plan = cheapest.plan.as_ref().unwrap();
        // Basic + 100 + 25 messages ($64.98) and 4 blocks for 10 InMails ($40).
        assert_eq!(
            (cheapest.tier_id.as_str(), plan.total_cents),
            ("basic", 4999 + 1499 + 4000)
        );
        assert_eq!(
            (plan.addons.as_slice(), plan.inmail_blocks),
            (&[(25, 1), (100, 1)][..], 4)
        );
        // Per message: what the messages cost (the InMail blocks are not messages).
        assert_eq!(
            cheapest.per_message_cents,
            Some(((4999 + 1499) * 2 + 120) / 240)
        );
        assert_eq!((plan.spare_messages, plan.spare_credits), (20, 2));
        let recruiter = rows.iter().find(|r| r.tier_id == "recruiter").unwrap();
        let recruiter_plan = recruiter.plan.as_ref().unwrap();
        assert!(recruiter_plan.addons.is_empty() && recruiter_plan.inmail_blocks == 0);
    }

    #[test]
    fn the_current_selection_is_priced_at_the_need() {
        let rules = ARTICLE.rules();
        let need = Need {
            messages: 120,
            inmails: 5,
            min_tier: None,
            team: 0,
        };
        let sn = Selection {
            tier_id: "sales-navigator".into(),
            addons: vec![(100, 1)],
            inmail_blocks: 0,
            seats: 1,
        };
        assert_eq!(
            versus_current(&rules, &sn, &need, Terms::billed(Billing::Monthly)),
            Versus::Covers {
                current_cents: 6499 + 4999 + 5000
            }
        );
        assert_eq!(
            versus_current(
                &rules,
                &Selection::starter(&rules),
                &need,
                Terms::billed(Billing::Monthly)
            ),
            Versus::Short { allowance: 15 }
        );
    }

    #[test]
    fn rows_below_the_minimum_are_flagged_and_never_cheapest() {
        let rules = ARTICLE.rules();
        let r = Recommender::new(&rules, Terms::billed(Billing::Monthly));
        let need = Need {
            messages: 10,
            inmails: 0,
            min_tier: Some("sales-navigator".into()),
            team: 0,
        };
        let rows = compare(&r, &rules, &need);
        let flags: Vec<(bool, bool)> = rows.iter().map(|r| (r.below_minimum, r.cheapest)).collect();
        assert_eq!(
            flags,
            [
                (true, false),
                (true, false),
                (false, true),
                (false, false),
                (false, false)
            ]
        );
        assert_eq!(per_message(0, 0), None);
        assert_eq!(per_message(100, 3), Some(33));
        assert_eq!(per_message(5, 2), Some(3));
    }
}
