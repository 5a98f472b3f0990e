//! How a plan stands against the one the visitor already pays for (`current-tier`): "Your
//! plan", or an upgrade or a downgrade, with what the month (the year, billed yearly) then
//! costs against today's.

use crate::engine::bill::{Amounts, Billing};
use crate::engine::plan::Selection;
use crate::engine::rules::RuleSet;
use crate::text::{key, I18n};

/// Which way a plan goes from the visitor's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    Current,
    Upgrade,
    Downgrade,
}

impl ChangeKind {
    /// Its id in `data-change`.
    pub fn id(self) -> &'static str {
        match self {
            ChangeKind::Current => "current",
            ChangeKind::Upgrade => "upgrade",
            ChangeKind::Downgrade => "downgrade",
        }
    }
}

/// A plan against the visitor's own, as it shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanChange {
    pub kind: ChangeKind,
    /// "Upgrade · $35.00 a month more than today".
    pub words: String,
    /// What it costs more (or, below zero, less) than today's plan: the month as billed, or
    /// the year billed yearly, in minor units.
    pub delta_cents: i64,
}

/// How a plan of tier `tier_id` costing `plan` stands against `current`, which costs `today`
/// (both the one bill function's figures); `None` for a tier the rules do not list.
pub fn plan_change(
    t: &I18n,
    rules: &RuleSet,
    current: &Selection,
    tier_id: &str,
    plan: Amounts,
    today: Amounts,
    billing: Billing,
) -> Option<PlanChange> {
    let at = rules.tier_index(tier_id)?;
    let from = rules.tier_index(&current.tier_id)?;
    let kind = match at.cmp(&from) {
        std::cmp::Ordering::Equal => ChangeKind::Current,
        std::cmp::Ordering::Greater => ChangeKind::Upgrade,
        std::cmp::Ordering::Less => ChangeKind::Downgrade,
    };
    let yearly = billing == Billing::Yearly;
    let (now, then) = if yearly {
        (today.year, plan.year)
    } else {
        (today.month, plan.month)
    };
    let delta_cents = i64::try_from(then)
        .unwrap_or(i64::MAX)
        .saturating_sub(i64::try_from(now).unwrap_or(i64::MAX));
    let amount = t.money(then.abs_diff(now));
    let difference = match (delta_cents.signum(), yearly) {
        (0, _) => t.text(key::CHANGE_SAME).to_string(),
        (1, false) => t.fill(key::CHANGE_MORE, &[("amount", &amount)]),
        (1, true) => t.fill(key::CHANGE_MORE_YEAR, &[("amount", &amount)]),
        (_, false) => t.fill(key::CHANGE_LESS, &[("amount", &amount)]),
        (_, true) => t.fill(key::CHANGE_LESS_YEAR, &[("amount", &amount)]),
    };
    let name = t.text(match kind {
        ChangeKind::Current => key::CHANGE_CURRENT,
        ChangeKind::Upgrade => key::CHANGE_UPGRADE,
        ChangeKind::Downgrade => key::CHANGE_DOWNGRADE,
    });
    let words = match (kind, delta_cents) {
        (ChangeKind::Current, 0) => name.to_string(),
        _ => t.fill(
            key::CHANGE_LINE,
            &[("change", &name), ("difference", &difference)],
        ),
    };
    Some(PlanChange {
        kind,
        words,
        delta_cents,
    })
}
