//! What a selection costs: the bill, line by line, for a period's usage.
//!
//! [`bill`] is the one place a total is made. The calculator's total is the bill of what the
//! visitor has chosen; every figure shown for a state the visitor could move to (a way to
//! unblock a send, a recommended plan, a row of the comparison, a point of the chart, the
//! charge of the next InMail) is the bill of that state, never a patch of the current total.

use super::plan::{Selection, Usage};
use super::rules::{RuleSet, Tier};

/// What a line of the monthly bill is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Charge {
    /// The tier's own price.
    Tier,
    /// `count` bundles of `size` messages.
    Bundle { size: u64, count: u64 },
    /// `count` InMail credit blocks of `block_size` credits.
    InMailBlocks { count: u64, block_size: u64 },
    /// `count` InMails paid one by one.
    PayPerInMail { count: u64 },
}

impl Charge {
    /// Whether the line pays for messages (the tier and its bundles), as opposed to InMail.
    pub fn is_for_messages(self) -> bool {
        matches!(self, Charge::Tier | Charge::Bundle { .. })
    }
}

/// One line of the monthly cost.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CostLine {
    pub charge: Charge,
    pub cents: u64,
}

/// A selection's cost for one period's usage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bill {
    /// The tier first, then each bundle by size, the credit blocks, pay-per-InMail.
    pub lines: Vec<CostLine>,
    /// The sum of the lines.
    pub total_cents: u64,
}

impl Bill {
    /// What the tier and its bundles cost: the part of the bill that buys messages.
    pub fn messages_cents(&self) -> u64 {
        self.lines
            .iter()
            .filter(|l| l.charge.is_for_messages())
            .fold(0u64, |sum, l| sum.saturating_add(l.cents))
    }
}

/// InMails sent past the available credits: each is paid one by one.
pub fn pay_per_count(available_credits: u64, inmail_sent: u64) -> u64 {
    inmail_sent.saturating_sub(available_credits)
}

/// InMail credits a selection has this period: the tier's, those carried in, the blocks'.
pub fn available_credits(
    rules: &RuleSet,
    tier: &Tier,
    selection: &Selection,
    usage: &Usage,
) -> u64 {
    tier.inmail_credits
        .saturating_add(usage.rollover_credits)
        .saturating_add(
            rules
                .inmail
                .block_size
                .saturating_mul(selection.inmail_blocks),
        )
}

/// The bill of `selection` with `usage` this period. An unknown tier id is billed as the
/// first tier (callers keep selections fitted to their rules); bundles the rules do not
/// sell are not billed (nor counted in the allowance).
pub fn bill(rules: &RuleSet, selection: &Selection, usage: &Usage) -> Bill {
    let tier = rules.tier(&selection.tier_id).unwrap_or(&rules.tiers[0]);
    let mut lines = Vec::with_capacity(selection.addons.len() + 3);
    lines.push(CostLine {
        charge: Charge::Tier,
        cents: tier.price_cents,
    });
    for &(size, count) in &selection.addons {
        if let Some(bundle) = rules.bundle(size) {
            lines.push(CostLine {
                charge: Charge::Bundle { size, count },
                cents: bundle.price_cents.saturating_mul(count),
            });
        }
    }
    if selection.inmail_blocks > 0 {
        lines.push(CostLine {
            charge: Charge::InMailBlocks {
                count: selection.inmail_blocks,
                block_size: rules.inmail.block_size,
            },
            cents: rules
                .inmail
                .block_price_cents
                .saturating_mul(selection.inmail_blocks),
        });
    }
    let pay_per = pay_per_count(
        available_credits(rules, tier, selection, usage),
        usage.inmail_sent,
    );
    if pay_per > 0 {
        lines.push(CostLine {
            charge: Charge::PayPerInMail { count: pay_per },
            cents: rules.inmail.pay_per_inmail_cents.saturating_mul(pay_per),
        });
    }
    let total_cents = lines
        .iter()
        .fold(0u64, |sum, line| sum.saturating_add(line.cents));
    Bill { lines, total_cents }
}

/// The usage a monthly need stands for: that many messages and InMails sent in a period.
pub fn usage_at(messages: u64, inmails: u64) -> Usage {
    Usage {
        sent: messages,
        inmail_sent: inmails,
        rollover_credits: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::presets::ARTICLE;

    #[test]
    fn pay_per_inmail_starts_where_the_credits_end() {
        let rules = ARTICLE.rules();
        let selection = Selection {
            tier_id: "recruiter-lite".into(),
            addons: vec![(25, 1)],
            inmail_blocks: 1,
        };
        // 30 included + 3 from the block: the 34th InMail is the first paid one.
        let at = |n| bill(&rules, &selection, &usage_at(0, n));
        assert_eq!(at(33).total_cents, 11995 + 1499 + 1000);
        assert_eq!(at(35).total_cents, 11995 + 1499 + 1000 + 2 * 1000);
        assert_eq!(at(35).messages_cents(), 11995 + 1499);
        assert_eq!(
            at(35).lines.last().map(|l| l.charge),
            Some(Charge::PayPerInMail { count: 2 })
        );
    }
}
