//! The rule set: tiers, add-on bundles and InMail pricing, as data.
//!
//! A rule set is only ever built by [`RuleSet::from_json`], which validates every field, so
//! the rest of the engine may rely on the limits below (no empty tier list, bundle sizes of
//! at least 1, numbers small enough that sums of them cannot overflow `u64`).

use std::fmt;

/// Largest price of anything, in cents ($1,000,000).
pub const MAX_PRICE_CENTS: u64 = 100_000_000;
/// Largest count of messages or credits a tier may include.
pub const MAX_INCLUDED: u64 = 1_000_000;
/// Largest bundle size and InMail block size; keeps the exact recommender's table small.
pub const MAX_PACK_SIZE: u64 = 1_000;
pub const MAX_TIERS: usize = 12;
pub const MAX_BUNDLES: usize = 8;

/// One account tier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tier {
    pub id: String,
    pub name: String,
    pub price_cents: u64,
    pub free_messages: u64,
    pub inmail_credits: u64,
    /// Unused InMail credits carry into the next period while the balance stays at or
    /// under this cap. `None`: nothing rolls over.
    pub inmail_rollover_cap: Option<u64>,
}

/// An add-on message bundle, bought any number of times a month.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bundle {
    pub size: u64,
    pub price_cents: u64,
}

/// How InMail is sold beyond a tier's included credits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InMailPricing {
    pub block_size: u64,
    pub block_price_cents: u64,
    pub pay_per_inmail_cents: u64,
}

/// A complete, validated rule set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleSet {
    pub id: String,
    pub name: String,
    /// Where the numbers come from, shown beside the preset's name.
    pub source: String,
    pub tiers: Vec<Tier>,
    /// Sorted by size, sizes unique.
    pub bundles: Vec<Bundle>,
    pub inmail: InMailPricing,
}

/// A rule set that could not be read: where, and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleError {
    /// A JSON path such as `tiers[1].price_cents`; empty for the document as a whole.
    pub path: String,
    pub message: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl RuleSet {
    /// The tier with this id.
    pub fn tier(&self, id: &str) -> Option<&Tier> {
        self.tiers.iter().find(|t| t.id == id)
    }

    /// The position of a tier in the list; later tiers count as higher.
    pub fn tier_index(&self, id: &str) -> Option<usize> {
        self.tiers.iter().position(|t| t.id == id)
    }

    /// The bundle of this size.
    pub fn bundle(&self, size: u64) -> Option<&Bundle> {
        self.bundles.iter().find(|b| b.size == size)
    }
}
