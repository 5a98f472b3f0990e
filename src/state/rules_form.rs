//! The rule editor's simple form: each field edits the JSON draft, which stays the one
//! source of truth until the visitor applies it.

use crate::engine::rules::{RuleError, RuleSet};

/// One edit made through the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleEdit {
    TierPrice { tier: usize, cents: u64 },
    TierMessages { tier: usize, messages: u64 },
    TierCredits { tier: usize, credits: u64 },
    BundleSize { bundle: usize, size: u64 },
    BundlePrice { bundle: usize, cents: u64 },
    BlockSize(u64),
    BlockPrice(u64),
    PayPerInMail(u64),
}

impl RuleEdit {
    /// The draft with this edit made; the draft must parse for the form to work on it.
    pub fn apply_to(self, draft: &str) -> Result<String, RuleError> {
        let mut rules = RuleSet::from_json(draft)?;
        let missing = |what: &str| RuleError { path: what.to_owned(), message: "no longer exists in the draft".into() };
        match self {
            RuleEdit::TierPrice { tier, cents } => rules.tiers.get_mut(tier).ok_or_else(|| missing("tiers"))?.price_cents = cents,
            RuleEdit::TierMessages { tier, messages } => {
                rules.tiers.get_mut(tier).ok_or_else(|| missing("tiers"))?.free_messages = messages
            }
            RuleEdit::TierCredits { tier, credits } => {
                let t = rules.tiers.get_mut(tier).ok_or_else(|| missing("tiers"))?;
                t.inmail_credits = credits;
                // Keep the cap valid: it may not be below the monthly credits.
                if let Some(cap) = &mut t.inmail_rollover_cap {
                    *cap = (*cap).max(credits);
                }
            }
            RuleEdit::BundleSize { bundle, size } => rules.bundles.get_mut(bundle).ok_or_else(|| missing("bundles"))?.size = size,
            RuleEdit::BundlePrice { bundle, cents } => {
                rules.bundles.get_mut(bundle).ok_or_else(|| missing("bundles"))?.price_cents = cents
            }
            RuleEdit::BlockSize(n) => rules.inmail.block_size = n,
            RuleEdit::BlockPrice(cents) => rules.inmail.block_price_cents = cents,
            RuleEdit::PayPerInMail(cents) => rules.inmail.pay_per_inmail_cents = cents,
        }
        Ok(rules.to_json())
    }
}
