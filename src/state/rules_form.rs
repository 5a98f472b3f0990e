//! The rule editor's simple form: each field edits the JSON draft, which stays the one
//! source of truth until the visitor applies it.

use crate::engine::fields::CountField;
use crate::engine::rules::{RuleError, RuleSet};

/// A number the form can change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleField {
    TierPrice(usize),
    TierMessages(usize),
    TierCredits(usize),
    BundleSize(usize),
    BundlePrice(usize),
    BlockSize,
    BlockPrice,
    PayPerInMail,
}

impl RuleField {
    /// Whether the field is a price (typed in dollars, stored in cents).
    pub fn is_money(self) -> bool {
        matches!(
            self,
            RuleField::TierPrice(_)
                | RuleField::BundlePrice(_)
                | RuleField::BlockPrice
                | RuleField::PayPerInMail
        )
    }

    /// The range a typed value must fall in (the rules' own limits apply on Apply).
    pub fn count_field(self) -> CountField {
        match self {
            RuleField::BundleSize(_) | RuleField::BlockSize => CountField::AddonCount,
            _ => CountField::Sent,
        }
    }

    /// The draft with this field set to `value`; the draft must parse for the form to work.
    pub fn apply_to(self, value: u64, draft: &str) -> Result<String, RuleError> {
        let mut rules = RuleSet::from_json(draft)?;
        let missing = || RuleError {
            path: String::new(),
            message: "that entry no longer exists in the draft".into(),
        };
        match self {
            RuleField::TierPrice(i) => {
                rules.tiers.get_mut(i).ok_or_else(missing)?.price_cents = value
            }
            RuleField::TierMessages(i) => {
                rules.tiers.get_mut(i).ok_or_else(missing)?.free_messages = value
            }
            RuleField::TierCredits(i) => {
                let t = rules.tiers.get_mut(i).ok_or_else(missing)?;
                t.inmail_credits = value;
                // Keep the cap valid: it may not be below the monthly credits.
                if let Some(cap) = &mut t.inmail_rollover_cap {
                    *cap = (*cap).max(value);
                }
            }
            RuleField::BundleSize(i) => rules.bundles.get_mut(i).ok_or_else(missing)?.size = value,
            RuleField::BundlePrice(i) => {
                rules.bundles.get_mut(i).ok_or_else(missing)?.price_cents = value
            }
            RuleField::BlockSize => rules.inmail.block_size = value,
            RuleField::BlockPrice => rules.inmail.block_price_cents = value,
            RuleField::PayPerInMail => rules.inmail.pay_per_inmail_cents = value,
        }
        Ok(rules.to_json())
    }
}

impl RuleField {
    /// The field's name inside a `data-count` key: `tier-price:0`, `block-size`.
    pub fn key(self) -> String {
        match self {
            RuleField::TierPrice(i) => format!("tier-price:{i}"),
            RuleField::TierMessages(i) => format!("tier-messages:{i}"),
            RuleField::TierCredits(i) => format!("tier-credits:{i}"),
            RuleField::BundleSize(i) => format!("bundle-size:{i}"),
            RuleField::BundlePrice(i) => format!("bundle-price:{i}"),
            RuleField::BlockSize => "block-size".to_owned(),
            RuleField::BlockPrice => "block-price".to_owned(),
            RuleField::PayPerInMail => "pay-per-inmail".to_owned(),
        }
    }

    /// The field a key names.
    pub fn from_key(key: &str) -> Option<RuleField> {
        let (head, index) = key.split_once(':').unwrap_or((key, ""));
        let i = || index.parse::<usize>().ok();
        Some(match head {
            "tier-price" => RuleField::TierPrice(i()?),
            "tier-messages" => RuleField::TierMessages(i()?),
            "tier-credits" => RuleField::TierCredits(i()?),
            "bundle-size" => RuleField::BundleSize(i()?),
            "bundle-price" => RuleField::BundlePrice(i()?),
            "block-size" => RuleField::BlockSize,
            "block-price" => RuleField::BlockPrice,
            "pay-per-inmail" => RuleField::PayPerInMail,
            _ => return None,
        })
    }

    /// The field's value in a rule set; `None` when the entry does not exist.
    pub fn read(self, rules: &RuleSet) -> Option<u64> {
        Some(match self {
            RuleField::TierPrice(i) => rules.tiers.get(i)?.price_cents,
            RuleField::TierMessages(i) => rules.tiers.get(i)?.free_messages,
            RuleField::TierCredits(i) => rules.tiers.get(i)?.inmail_credits,
            RuleField::BundleSize(i) => rules.bundles.get(i)?.size,
            RuleField::BundlePrice(i) => rules.bundles.get(i)?.price_cents,
            RuleField::BlockSize => rules.inmail.block_size,
            RuleField::BlockPrice => rules.inmail.block_price_cents,
            RuleField::PayPerInMail => rules.inmail.pay_per_inmail_cents,
        })
    }
}
