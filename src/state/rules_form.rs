//! The rule editor's simple form: each field edits the JSON draft, which stays the one
//! source of truth until the visitor applies it.
//!
//! The form works on the draft as written (its shape read, its limits not yet checked), so
//! it stays in place, in the draft's order, while an edit breaks a limit: typing a bundle
//! size that another bundle has keeps the field, the caret and the form, and names the
//! problem, instead of re-sorting the bundles under the caret.

use crate::engine::fields::CountField;
use crate::engine::rules::RuleSetOf;
use crate::engine::rules_json::read_raw;

/// The draft as the form sees it: its numbers, all whole, in the draft's order.
pub type RulesForm = RuleSetOf<u64, crate::engine::currency::Currency>;

impl RulesForm {
    /// The form's view of a draft; `None` when the draft is not a rule set's shape or holds
    /// a number that is not whole (the JSON editor shows why).
    pub fn read(draft: &str) -> Option<RulesForm> {
        read_raw(draft).ok()?.whole_numbers()
    }
}

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
            RuleField::BundleSize(_) | RuleField::BlockSize => CountField::PackSize,
            _ => CountField::Sent,
        }
    }

    /// The field's value in the form; `None` when the entry does not exist.
    pub fn read(self, form: &RulesForm) -> Option<u64> {
        Some(match self {
            RuleField::TierPrice(i) => form.tiers.get(i)?.price_cents,
            RuleField::TierMessages(i) => form.tiers.get(i)?.free_messages,
            RuleField::TierCredits(i) => form.tiers.get(i)?.inmail_credits,
            RuleField::BundleSize(i) => form.bundles.get(i)?.size,
            RuleField::BundlePrice(i) => form.bundles.get(i)?.price_cents,
            RuleField::BlockSize => form.inmail.block_size,
            RuleField::BlockPrice => form.inmail.block_price_cents,
            RuleField::PayPerInMail => form.inmail.pay_per_inmail_cents,
        })
    }

    /// Sets the field in the form; `None` when the entry does not exist.
    pub(super) fn write(self, form: &mut RulesForm, value: u64) -> Option<()> {
        match self {
            RuleField::TierPrice(i) => form.tiers.get_mut(i)?.price_cents = value,
            RuleField::TierMessages(i) => form.tiers.get_mut(i)?.free_messages = value,
            RuleField::TierCredits(i) => {
                let t = form.tiers.get_mut(i)?;
                t.inmail_credits = value;
                // Keep the cap valid: it may not be below the monthly credits.
                if let Some(cap) = &mut t.inmail_rollover_cap {
                    *cap = (*cap).max(value);
                }
            }
            RuleField::BundleSize(i) => form.bundles.get_mut(i)?.size = value,
            RuleField::BundlePrice(i) => form.bundles.get_mut(i)?.price_cents = value,
            RuleField::BlockSize => form.inmail.block_size = value,
            RuleField::BlockPrice => form.inmail.block_price_cents = value,
            RuleField::PayPerInMail => form.inmail.pay_per_inmail_cents = value,
        }
        Some(())
    }
}
