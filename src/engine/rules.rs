//! The rule set: tiers, add-on bundles and InMail pricing, as data (serde).
//!
//! One generic shape, [`RuleSetOf`], serves twice: [`RawRules`] is what a file says, read
//! with serde (syntax and shape), numbers kept as [`Num`] and currency codes as text so a
//! bad one can be named; [`RuleSet`] is what the engine uses, built only by
//! [`RuleSet::from_json`] after the validation pass (`rules_json`), so the rest of the engine
//! may rely on the limits below (no empty tier list, bundle sizes of at least 1, sums that
//! cannot overflow `u64`, a price for every tier and bundle in every currency).
//!
//! Prices are integers of the rule set's currency's minor unit (`price_cents` is cents for
//! dollars and euros, whole yen for yen). A tier, a bundle and an InMail block may also have a
//! quarterly and a yearly price. A rule set may carry complete price lists in other
//! currencies, each with its own tax; the engine works in one currency at a time
//! ([`RuleSet::in_currency`]). A tier sold by talking to sales has a contact link and no
//! price; promotions take an amount or a percentage off tiers' prices for a while.

use serde::{Deserialize, Serialize};

use super::bill::Billing;
use super::currency::Currency;

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
/// Longest checkout URL, in characters.
pub const MAX_URL_CHARS: usize = 500;
/// Longest free trial, in days.
pub const MAX_TRIAL_DAYS: u64 = 365;
/// The longest a credit may live, or a reply may give one back: ten years, in days.
pub const MAX_CREDIT_DAYS: u64 = 3_660;
/// Longest tax name ("VAT", "GST", "MwSt."), in characters.
pub const MAX_TAX_NAME_CHARS: usize = 20;
/// The highest tax rate, in basis points (100 %).
pub const MAX_TAX_RATE: u64 = 10_000;
pub const MAX_PROMOTIONS: usize = 8;
/// Longest a promotion may last, in months.
pub const MAX_PROMOTION_MONTHS: u64 = 120;
pub const MAX_FEATURES: usize = 16;
/// Most seats a tier may be sold with.
pub const MAX_SEATS: u64 = 1_000;

/// One account tier.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    bound(deserialize = "N: Deserialize<'de> + Default")
)]
pub struct TierOf<N> {
    pub id: String,
    pub name: String,
    /// A month's price. A tier sold through sales (`contact_url`) has none: it reads as
    /// absent, and is 0 once validated.
    #[serde(default)]
    pub price_cents: N,
    /// The price of a quarter, when the tier is sold by the quarter too.
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    pub quarterly_price_cents: Option<N>,
    /// The price of a year, when the tier is sold by the year too.
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    pub yearly_price_cents: Option<N>,
    pub free_messages: N,
    pub inmail_credits: N,
    /// Unused InMail credits carry into the next period while the balance stays at or
    /// under this cap. `None`: nothing rolls over.
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    pub inmail_rollover_cap: Option<N>,
    /// Days a granted InMail credit lives (from the reset that grants it), where it expires
    /// before the cap would drop it. `None`: it lives until a reset drops it.
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    pub inmail_credit_days: Option<N>,
    /// Days after an InMail within which a reply (an acceptance, a decline, an answer)
    /// gives its credit back. `None`: credits are never given back.
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    pub inmail_refund_days: Option<N>,
    /// Days free before the first payment, when the tier starts with a trial.
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    pub trial_days: Option<N>,
    /// Where buying it goes (a URL template, see `host::checkout`), over the rule set's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checkout_url: Option<String>,
    /// What it includes beyond messages and credits: ids of the rule set's `features`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub features: Vec<String>,
    /// Sold by talking to sales, at this address: shown with its features and a "Contact
    /// sales" link, never a price, never offered as a way to a need.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_url: Option<String>,
    /// Sold to teams, by the seat: its prices, messages and credits are each seat's.
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    pub seats: Option<SeatsOf<N>>,
}

impl<N> TierOf<N> {
    /// Whether the tier is sold through sales rather than at a price.
    pub fn is_contact(&self) -> bool {
        self.contact_url.is_some()
    }
}

/// How a tier is sold to a team: between `min` and `max` seats, each seat with the tier's
/// price, messages and credits. Bundles and InMail blocks are bought for the team.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "N: Deserialize<'de>"))]
pub struct SeatsOf<N> {
    pub min: N,
    pub max: N,
    /// How the seats' messages are shared: each seat its own, or one pool for the team.
    #[serde(default, skip_serializing_if = "Sharing::is_per_seat")]
    pub messages: Sharing,
    /// How the seats' InMail credits (and the blocks') are shared.
    #[serde(default, skip_serializing_if = "Sharing::is_per_seat")]
    pub inmail: Sharing,
    /// The most messages one seat may send in a period, set by the team's admin.
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    pub message_cap: Option<N>,
    /// The most InMail credits one seat may use in a period, set by the team's admin.
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    pub inmail_cap: Option<N>,
}

/// Whether a team's seats each have their own allowance or draw on one pool.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sharing {
    #[default]
    PerSeat,
    Pooled,
}

impl Sharing {
    pub fn is_per_seat(&self) -> bool {
        *self == Sharing::PerSeat
    }
}

pub type Seats = SeatsOf<u64>;

impl Tier {
    /// The seats a team of `team` is sold on this tier: within its range, or one for a tier
    /// sold to one account.
    pub fn seats_for(&self, team: u64) -> u64 {
        self.seats.map_or(1, |s| team.clamp(s.min, s.max))
    }

    /// A team's month of messages (the tier's for every seat, plus `bought`), as far as the
    /// seats' cap lets them be sent.
    pub fn team_messages(&self, seats: u64, bought: u64) -> u64 {
        let total = self
            .free_messages
            .saturating_mul(seats)
            .saturating_add(bought);
        capped(total, self.seats.and_then(|s| s.message_cap), seats)
    }

    /// A team's InMail credits (`extra` beyond the tier's for every seat), as far as the
    /// seats' cap lets them be used.
    pub fn team_credits(&self, seats: u64, extra: u64) -> u64 {
        let total = self
            .inmail_credits
            .saturating_mul(seats)
            .saturating_add(extra);
        capped(total, self.seats.and_then(|s| s.inmail_cap), seats)
    }
}

/// `total`, at most `cap` for each of `seats`.
fn capped(total: u64, cap: Option<u64>, seats: u64) -> u64 {
    cap.map_or(total, |cap| total.min(cap.saturating_mul(seats)))
}

/// Something a tier may include (advanced search, profile analytics): an id, and its name
/// when the widget's catalogue has no words for the id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feature {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// An add-on message bundle, bought any number of times a month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(bound(deserialize = "N: Deserialize<'de>"))]
pub struct BundleOf<N> {
    pub size: N,
    pub price_cents: N,
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    pub quarterly_price_cents: Option<N>,
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    pub yearly_price_cents: Option<N>,
}

/// How InMail is sold beyond a tier's included credits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(bound(deserialize = "N: Deserialize<'de>"))]
pub struct InMailPricingOf<N> {
    pub block_size: N,
    pub block_price_cents: N,
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    pub quarterly_block_price_cents: Option<N>,
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    pub yearly_block_price_cents: Option<N>,
    pub pay_per_inmail_cents: N,
    /// Days a bought credit lives (from the reset it is bought at). `None`: as the tier's.
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    pub block_credit_days: Option<N>,
}

/// A tier's prices in another currency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "N: Deserialize<'de>"))]
pub struct TierPriceOf<N> {
    pub id: String,
    pub price_cents: N,
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    pub quarterly_price_cents: Option<N>,
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    pub yearly_price_cents: Option<N>,
}

/// A bundle's prices in another currency.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "N: Deserialize<'de>"))]
pub struct BundlePriceOf<N> {
    pub size: N,
    pub price_cents: N,
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    pub quarterly_price_cents: Option<N>,
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    pub yearly_price_cents: Option<N>,
}

/// InMail's prices in another currency.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "N: Deserialize<'de>"))]
pub struct InMailPriceOf<N> {
    pub block_price_cents: N,
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    pub quarterly_block_price_cents: Option<N>,
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    pub yearly_block_price_cents: Option<N>,
    pub pay_per_inmail_cents: N,
}

/// Every price of a rule set in another currency: each tier by id (but those sold through
/// sales), each bundle by size, each amount-off promotion by id; and the tax its prices bear.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    bound(deserialize = "N: Deserialize<'de>, C: Deserialize<'de>")
)]
pub struct PriceListOf<N, C> {
    pub currency: C,
    pub tiers: Vec<TierPriceOf<N>>,
    pub bundles: Vec<BundlePriceOf<N>>,
    pub inmail: InMailPriceOf<N>,
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    pub tax: Option<TaxOf<N>>,
    #[serde(default = "Vec::new", skip_serializing_if = "Vec::is_empty")]
    pub promotions: Vec<PromotionPriceOf<N>>,
}

/// The tax a price list's prices bear (VAT, GST, sales tax), and whether they include it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "N: Deserialize<'de>"))]
pub struct TaxOf<N> {
    /// As the widget names it: "VAT", "GST".
    pub name: String,
    /// In basis points: 1900 is 19 %.
    pub rate_basis_points: N,
    /// Whether the prices as written include it (consumer prices in the EU and the UK do).
    pub included: bool,
}

/// A promotion: an amount or a percentage off the price of some tiers, under some billing
/// periods, for the first months of a subscription, taken until a date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "N: Deserialize<'de>"))]
pub struct PromotionOf<N> {
    pub id: String,
    /// As the widget shows it ("Spring offer"); the id where there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Off each charge of the tier, in percent (1–100). Exactly one of this and
    /// `amount_off_cents`.
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    pub percent_off: Option<N>,
    /// Off each charge of the tier, in the rule set's currency (price lists give their own).
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    pub amount_off_cents: Option<N>,
    /// The tiers it applies to (ids); every tier with a price when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tiers: Vec<String>,
    /// The billing periods it applies to (`monthly`, `quarterly`, `yearly`); all when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub periods: Vec<String>,
    /// For how many months from the start: each charge that falls in them is discounted.
    /// For as long as the subscription lasts when absent.
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    pub months: Option<N>,
    /// The last day it can be taken, `YYYY-MM-DD`; no end when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
}

/// An amount-off promotion's amount in another currency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "N: Deserialize<'de>"))]
pub struct PromotionPriceOf<N> {
    pub id: String,
    pub amount_off_cents: N,
}

/// A rule set, as a file holds it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    bound(
        serialize = "N: Serialize, C: Serialize + Blank",
        deserialize = "N: Deserialize<'de> + Default, C: Deserialize<'de> + Default"
    )
)]
pub struct RuleSetOf<N, C = String> {
    pub id: String,
    pub name: String,
    /// Where the numbers come from, shown beside the rules' name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The currency the prices below are in (ISO 4217); a file without it is in US dollars.
    #[serde(default, skip_serializing_if = "Blank::is_blank")]
    pub currency: C,
    pub tiers: Vec<TierOf<N>>,
    /// In a validated [`RuleSet`]: sorted by size, sizes unique.
    pub bundles: Vec<BundleOf<N>>,
    pub inmail: InMailPricingOf<N>,
    /// The same prices in other currencies, each list complete.
    #[serde(default = "Vec::new", skip_serializing_if = "Vec::is_empty")]
    pub price_lists: Vec<PriceListOf<N, C>>,
    /// Where buying a plan goes, for tiers without their own and for bundles (a URL
    /// template, see `host::checkout`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checkout_url: Option<String>,
    /// What tiers may include, in the order a feature list shows them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub features: Vec<Feature>,
    /// The tier marked as the one to look at ("Most popular"), and its label's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub highlight: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub highlight_label: Option<String>,
    /// The tax the rules' own prices bear.
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    pub tax: Option<TaxOf<N>>,
    /// Promotions a host or a link may apply (`promo`).
    #[serde(default = "Vec::new", skip_serializing_if = "Vec::is_empty")]
    pub promotions: Vec<PromotionOf<N>>,
}

pub type Tier = TierOf<u64>;
pub type Bundle = BundleOf<u64>;
pub type InMailPricing = InMailPricingOf<u64>;
pub type PriceList = PriceListOf<u64, Currency>;
pub type Tax = TaxOf<u64>;
pub type Promotion = PromotionOf<u64>;
/// A complete, validated rule set.
pub type RuleSet = RuleSetOf<u64, Currency>;
/// A rule set as read, before validation: numbers as [`Num`], currency codes as text (empty
/// where the file names none).
pub type RawRules = RuleSetOf<Num, String>;

/// Whether a currency field says nothing (a draft that names no currency), so that it is
/// not written.
pub trait Blank {
    fn is_blank(&self) -> bool;
}

impl Blank for String {
    fn is_blank(&self) -> bool {
        self.trim().is_empty()
    }
}

impl Blank for Currency {
    fn is_blank(&self) -> bool {
        false
    }
}

/// A JSON number as the rules read it. Whole numbers are kept; anything else is kept only
/// as the problem it is, so that validation can name it (`must not be negative`) instead of
/// failing inside the parser.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Num {
    /// Not in the file (only a tier sold through sales may leave out its price).
    #[default]
    Absent,
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
    /// Not JSON, or not the shape of a rule set; `detail` is the reader's own words, for the
    /// console only.
    Format {
        problem: Box<crate::json::JsonProblem>,
        detail: Box<str>,
    },
    /// A number that must be there is not.
    Required,
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
    /// Not an active ISO 4217 currency code.
    NoSuchCurrency,
    /// A price list in the currency it repeats.
    DuplicateCurrency,
    /// A price list lacks the prices of this tier (its id) or bundle (its size).
    MissingPrice(String),
    /// A price list prices a tier or bundle the rules do not have.
    UnknownPrice(String),
    /// Not a web address the widget may link to: only `https:`, `http:` or relative ones.
    BadUrl,
    /// A tier lists a feature the rule set does not declare.
    UnknownFeature(String),
    /// A feature id declared twice.
    DuplicateFeature(String),
    /// The highlighted tier, or a promotion's, is not one of the rules' tiers.
    UnknownTier(String),
    /// A tier sold through sales (`contact_url`) with a price.
    PricedContactTier,
    /// Every tier is sold through sales: at least one needs a price.
    NoPricedTier,
    /// A promotion with both or neither of `percent_off` and `amount_off_cents`.
    PromotionAmount,
    /// Not `monthly`, `quarterly` or `yearly`.
    UnknownPeriod(String),
    /// Not a date written `YYYY-MM-DD`.
    BadDate,
    /// A promotion id declared twice.
    DuplicatePromotion(String),
}

/// A rule set that could not be used: where, and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleError {
    /// A JSON path such as `tiers[1].price_cents`; empty for the document as a whole.
    pub path: String,
    pub problem: RuleProblem,
}

impl<N, C> RuleSetOf<N, C> {
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

    /// Every currency the rules are priced in, their own first.
    pub fn currencies(&self) -> Vec<Currency> {
        std::iter::once(self.currency)
            .chain(self.price_lists.iter().map(|l| l.currency))
            .collect()
    }

    /// Whether anything is sold under `billing`: monthly always, quarterly and yearly where
    /// a tier, a bundle or the InMail blocks have a price for that period.
    pub fn sells(&self, billing: Billing) -> bool {
        match billing {
            Billing::Monthly => true,
            Billing::Quarterly => {
                self.tiers.iter().any(|t| t.quarterly_price_cents.is_some())
                    || self
                        .bundles
                        .iter()
                        .any(|b| b.quarterly_price_cents.is_some())
                    || self.inmail.quarterly_block_price_cents.is_some()
            }
            Billing::Yearly => {
                self.tiers.iter().any(|t| t.yearly_price_cents.is_some())
                    || self.bundles.iter().any(|b| b.yearly_price_cents.is_some())
                    || self.inmail.yearly_block_price_cents.is_some()
            }
        }
    }

    /// The billing periods the rules sell, shortest first.
    pub fn billings(&self) -> Vec<Billing> {
        Billing::ALL
            .into_iter()
            .filter(|b| self.sells(*b))
            .collect()
    }

    /// The first tier with a price: where an unknown or unsellable tier falls back to.
    pub fn first_priced_tier(&self) -> &Tier {
        // Validation keeps at least one.
        self.tiers
            .iter()
            .find(|t| !t.is_contact())
            .unwrap_or(&self.tiers[0])
    }

    /// The promotion with this id.
    pub fn promotion(&self, id: &str) -> Option<&Promotion> {
        self.promotions.iter().find(|p| p.id == id)
    }

    /// The rules priced in `currency`: its price list in place of the rules' own prices (the
    /// lists themselves left out). `None` when the rules have no prices in it.
    pub fn in_currency(&self, currency: Currency) -> Option<RuleSet> {
        if currency == self.currency {
            return Some(RuleSet {
                price_lists: Vec::new(),
                ..self.clone()
            });
        }
        let list = self.price_lists.iter().find(|l| l.currency == currency)?;
        let mut priced = RuleSet {
            price_lists: Vec::new(),
            currency,
            ..self.clone()
        };
        for tier in &mut priced.tiers {
            // Validation made every list complete.
            if tier.is_contact() {
                continue;
            }
            let p = list.tiers.iter().find(|p| p.id == tier.id)?;
            tier.price_cents = p.price_cents;
            tier.quarterly_price_cents = p.quarterly_price_cents;
            tier.yearly_price_cents = p.yearly_price_cents;
        }
        for bundle in &mut priced.bundles {
            let p = list.bundles.iter().find(|p| p.size == bundle.size)?;
            bundle.price_cents = p.price_cents;
            bundle.quarterly_price_cents = p.quarterly_price_cents;
            bundle.yearly_price_cents = p.yearly_price_cents;
        }
        for promotion in &mut priced.promotions {
            if promotion.amount_off_cents.is_some() {
                let p = list.promotions.iter().find(|p| p.id == promotion.id)?;
                promotion.amount_off_cents = Some(p.amount_off_cents);
            }
        }
        priced.inmail.block_price_cents = list.inmail.block_price_cents;
        priced.inmail.quarterly_block_price_cents = list.inmail.quarterly_block_price_cents;
        priced.inmail.yearly_block_price_cents = list.inmail.yearly_block_price_cents;
        priced.inmail.pay_per_inmail_cents = list.inmail.pay_per_inmail_cents;
        priced.tax = list.tax.clone();
        Some(priced)
    }
}
