//! What the widget exchanges with the page around it, as typed values (pure Rust, tested
//! natively): the host's attributes, the URL parameters, the saved state and the details of
//! the events it dispatches. The browser calls that carry them live in `browser`.
//!
//! Every value that comes in is checked here; one that cannot be used becomes an
//! [`Ignored`] with its reason, and the rest still applies.

pub mod attributes;
pub mod checkout;
pub mod events;
pub mod link_rules;
pub mod params;
pub mod parts;
pub mod reference;
pub mod saved;

use crate::engine::fields::CountError;
use crate::engine::plan::AddonProblem;
use crate::engine::rules::RuleError;

/// A value that was not used, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ignored {
    /// The name as its source spells it: `inmail_sent` in a link, `inmail-sent` on a page.
    pub name: String,
    pub value: String,
    pub reason: Reason,
}

/// Why a value was not used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    Count(CountError),
    /// Not a real date in `YYYY-MM-DD` form (years 1900 to 9999).
    NotADate,
    /// No preset has this id; `known` lists those that do.
    NoSuchPreset {
        known: Vec<String>,
    },
    /// No tier of the rules has this id; `known` lists those that do.
    NoSuchTier {
        known: Vec<String>,
    },
    Empty,
    /// One item of an add-ons list.
    Addon(AddonProblem),
    /// Several items of an add-ons list; the value is the first, and `first` its problem.
    ManyAddons {
        count: usize,
        first: AddonProblem,
    },
    /// The `rules` attribute: not a valid rule set.
    Rules(RuleError),
    /// `rules-src` or `messages-src` points off the page's origin.
    CrossOrigin(Fetched),
    /// `rules-src` could not be loaded.
    Fetch(FetchProblem),
    /// `messages-src` could not be loaded.
    Messages(FetchProblem),
    /// `theme`: not light, dark or auto.
    Theme,
    /// `locale`: not a language tag.
    Locale,
    /// A flag that is not true or false.
    Flag,
    /// `persist`: not true, false or a key of letters, digits, `-`, `_` and `.`.
    PersistKey,
    /// `sections`: not a list of the widget's sections.
    Sections,
    /// `loading`: not lazy or eager.
    Loading,
    /// `currency`: not an ISO 4217 code.
    NotACurrency,
    /// The rules have no prices in this currency; `known` lists those they have.
    NoSuchCurrency {
        known: Vec<String>,
    },
    /// `billing`: not monthly or yearly.
    Billing,
    /// `billing=yearly` for rules that sell nothing by the year.
    NoYearlyPrices,
    /// `billing=quarterly` for rules that sell nothing by the quarter.
    NoQuarterlyPrices,
    /// A tier sold through sales: it cannot be chosen as a plan.
    ContactSalesTier,
    /// `tax`: not inclusive or exclusive.
    TaxMode,
    /// `promo`: the rules define no promotion of this id; `known` lists those they do.
    NoSuchPromotion {
        known: Vec<String>,
    },
    /// `promo`: the promotion could be taken until this day, which has passed.
    PromotionEnded {
        until: chrono::NaiveDate,
    },
    /// `checkout-url`: not an `https:`, `http:` or relative web address.
    BadUrl,
    /// Control characters in text.
    BadText,
}

/// What a host asked the widget to fetch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fetched {
    /// A rule set (`rules-src`).
    Rules,
    /// A message catalogue (`messages-src`).
    Messages,
}

/// Why a rule set (`rules-src`) or a message catalogue could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchProblem {
    /// The request failed (network, or refused as cross-origin).
    Unreachable,
    /// The server answered with this HTTP status.
    Status(u16),
    /// The body could not be read.
    Unreadable,
    /// The body is not a valid rule set.
    Invalid(RuleError),
    /// The body is not a message catalogue.
    NotACatalogue(crate::json::JsonProblem),
    /// The body is larger than a catalogue may be, in KB.
    TooLarge(usize),
}

/// Builds an [`Ignored`].
pub fn ignored(name: &str, value: &str, reason: Reason) -> Ignored {
    Ignored {
        name: name.to_owned(),
        value: value.to_owned(),
        reason,
    }
}
