//! The rule set: tiers, add-on bundles and InMail pricing, as data (serde).
//!
//! One generic shape, [`RuleSetOf`], serves twice: [`RawRules`] is what a file says, read
//! with serde (syntax and shape), numbers kept as [`Num`] so a bad one can be named;
//! [`RuleSet`] is what the engine uses, built only by [`RuleSet::from_json`] after the
//! validation pass (`rules_json`), so the rest of the engine may rely on the limits below
//! (no empty tier list, bundle sizes of at least 1, sums that cannot overflow `u64`).

use serde::{Deserialize, Serialize};

/// Largest price of anything, in cents ($1,000,000).
pub const MAX_PRICE_CENTS: u64 = 100_000_000;
/// Largest count of messages or credits a tier may include.
pub const MAX_INCLUDED: u64 = 1_000_000;
/// Largest bundle size and InMail block size; keeps the exact recommender's table small.
pub const MAX_PACK_SIZE: u64 = 1_000;
pub const MAX_TIERS: usize = 12;
pub const MAX_BUNDLES: usize = 8;
/// Longest id, name and source, in characters.
pub const MAX_ID_CHARS: usize = 40;
pub const MAX_NAME_CHARS: usize = 60;
pub const MAX_SOURCE_CHARS: usize = 200;

/// One account tier.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "N: Deserialize<'de>"))]
pub struct TierOf<N> {
    pub id: String,
    pub name: String,
    pub price_cents: N,
    pub free_messages: N,
    pub inmail_credits: N,
    /// Unused InMail credits carry into the next period while the balance stays at or
    /// under this cap. `None`: nothing rolls over.
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    pub inmail_rollover_cap: Option<N>,
}

/// An add-on message bundle, bought any number of times a month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleOf<N> {
    pub size: N,
    pub price_cents: N,
}

/// How InMail is sold beyond a tier's included credits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InMailPricingOf<N> {
    pub block_size: N,
    pub block_price_cents: N,
    pub pay_per_inmail_cents: N,
}

/// A rule set, as a file holds it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "N: Deserialize<'de>"))]
pub struct RuleSetOf<N> {
    pub id: String,
    pub name: String,
    /// Where the numbers come from, shown beside the rules' name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    pub tiers: Vec<TierOf<N>>,
    /// In a validated [`RuleSet`]: sorted by size, sizes unique.
    pub bundles: Vec<BundleOf<N>>,
    pub inmail: InMailPricingOf<N>,
}

pub type Tier = TierOf<u64>;
pub type Bundle = BundleOf<u64>;
pub type InMailPricing = InMailPricingOf<u64>;
/// A complete, validated rule set.
pub type RuleSet = RuleSetOf<u64>;
/// A rule set as read, before validation.
pub type RawRules = RuleSetOf<Num>;

/// A JSON number as the rules read it. Whole numbers are kept; anything else is kept only
/// as the problem it is, so that validation can name it (`must not be negative`) instead of
/// failing inside the parser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Num {
    Whole(u64),
    Negative,
    Fraction,
    /// Whole but beyond `u64`.
    TooLarge,
}

impl<'de> Deserialize<'de> for Num {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Num, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Num;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a number")
            }
            fn visit_u64<E>(self, v: u64) -> Result<Num, E> {
                Ok(Num::Whole(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Num, E> {
                Ok(u64::try_from(v).map_or(Num::Negative, Num::Whole))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Num, E> {
                Ok(if v < 0.0 {
                    Num::Negative
                } else if v.fract() != 0.0 {
                    Num::Fraction
                } else if v >= 18_446_744_073_709_551_616.0 {
                    Num::TooLarge
                } else {
                    // Whole and in range (1e3 is 1000), so the conversion is exact.
                    Num::Whole(v as u64)
                })
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// Only whole numbers are written back: the rule form works on drafts whose numbers are all
/// whole (see `state::rules_form`).
impl Serialize for Num {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Num::Whole(v) => serializer.serialize_u64(*v),
            _ => Err(serde::ser::Error::custom("not a whole number")),
        }
    }
}

/// What is wrong with a rule set, at one place in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RuleProblem {
    /// Not JSON, or not the shape of a rule set: the parser's own words (with line and
    /// column), since they point at the text.
    Format(String),
    Negative,
    NotWhole,
    TooSmall(u64),
    TooLarge(u64),
    Empty,
    TooLong(usize),
    /// Control characters, or text that was not valid Unicode.
    BadText,
    BadId,
    NoTiers,
    TooManyTiers(usize),
    TooManyBundles(usize),
    DuplicateTier {
        id: String,
        first: usize,
    },
    DuplicateBundle {
        size: u64,
        first: usize,
    },
    CapBelowCredits(u64),
}

/// A rule set that could not be used: where, and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleError {
    /// A JSON path such as `tiers[1].price_cents`; empty for the document as a whole.
    pub path: String,
    pub problem: RuleProblem,
}

impl<N> RuleSetOf<N> {
    /// The tier with this id.
    pub fn tier(&self, id: &str) -> Option<&TierOf<N>> {
        self.tiers.iter().find(|t| t.id == id)
    }

    /// The position of a tier in the list; later tiers count as higher.
    pub fn tier_index(&self, id: &str) -> Option<usize> {
        self.tiers.iter().position(|t| t.id == id)
    }
}

impl RuleSet {
    /// The bundle of this size.
    pub fn bundle(&self, size: u64) -> Option<&Bundle> {
        self.bundles.iter().find(|b| b.size == size)
    }
}
