//! The widget's state as named parameters. The page URL's query, the saved state and a host
//! page's attributes all use this one vocabulary, so a link, a save and an embed read alike.
//!
//! Each parameter is defined once, in [`PARAMS`]: its name, what kind of value it holds (how
//! its text is read and written), how it is read from a state and how it sets one. Reading
//! is in two steps: [`parse_params`] checks the syntax of each text value, and
//! [`Params::apply`] checks what depends on the rules (tier ids, bundle sizes). A bad value
//! is reported and skipped; the others still apply.

use chrono::NaiveDate;
use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{ignored, Ignored, Reason};
use crate::engine::bill::{Billing, Terms};
use crate::engine::currency::Currency;
use crate::engine::fields::{check_count, parse_count, CountField};
use crate::engine::period::{iso_date, parse_iso_date, PeriodRule};
use crate::engine::plan::{parse_addons, Selection};
use crate::engine::player::Month;
use crate::engine::presets::{self, Preset};
use crate::engine::recommend::Need;
use crate::engine::rules::RuleSet;
use crate::engine::tax::TaxMode;

/// What the visitor has chosen, as links, saved states and attributes carry it. The day and
/// the counters they carry are the month's ([`Month`]): parameters read and set the two.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choices {
    pub selection: Selection,
    pub period_rule: PeriodRule,
    /// What Compare plans for.
    pub need: Need,
    /// The currency prices are shown in: the rules' own or one of their price lists.
    pub currency: Currency,
    pub billing: Billing,
    /// How tax is shown; as the prices state it when `None`.
    pub tax: Option<TaxMode>,
    /// The id of the promotion taken (one the rules define, open when it was taken).
    pub promotion: Option<String>,
    /// The share of InMails the visitor expects answered, in percent.
    pub reply_percent: u64,
}

impl Choices {
    /// What a widget shows under `rules` when its page sets nothing: the first tier, no
    /// add-ons, the calendar month, a need of 100 messages, the rules' currency, monthly.
    pub fn starter(rules: &RuleSet) -> Choices {
        Choices {
            selection: Selection::starter(rules),
            period_rule: PeriodRule::CalendarMonth,
            need: Need {
                messages: 100,
                inmails: 0,
                min_tier: None,
                team: 1,
            },
            currency: rules.currency,
            billing: Billing::Monthly,
            tax: None,
            promotion: None,
            reply_percent: 0,
        }
    }

    /// The terms the plan is paid under, in `rules` (the promotion found by its id).
    pub fn terms(&self, rules: &RuleSet) -> Terms {
        Terms {
            billing: self.billing,
            tax: self.tax,
            promotion: self
                .promotion
                .as_deref()
                .and_then(|id| rules.promotions.iter().position(|p| p.id == id)),
            reply_percent: self.reply_percent,
        }
    }
}

/// A parameter's value, its syntax checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Count(u64),
    /// A tier id, an add-ons list (`100x2,25x1`), or empty for "any tier".
    Text(String),
    Date(NaiveDate),
    Preset(Preset),
    Currency(Currency),
    Billing(Billing),
    Tax(TaxMode),
}

/// What a parameter holds: how its text is read and written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// A whole number within the field's range.
    Count(CountField),
    /// Text that must not be empty (a tier id).
    Id,
    /// Text, possibly empty (an add-ons list; a tier id or "any").
    Text,
    /// `YYYY-MM-DD`.
    Date,
    /// A preset's id.
    Preset,
    /// An ISO 4217 code.
    Currency,
    /// `monthly`, `quarterly` or `yearly`.
    Billing,
    /// `inclusive` or `exclusive`.
    Tax,
}

impl Kind {
    /// Reads a value from its text (a URL's or an attribute's).
    fn parse(self, text: &str) -> Result<Value, Reason> {
        match self {
            Kind::Count(field) => parse_count(text, field)
                .map(Value::Count)
                .map_err(Reason::Count),
            Kind::Id if text.trim().is_empty() => Err(Reason::Empty),
            Kind::Id | Kind::Text => Ok(Value::Text(text.trim().to_owned())),
            Kind::Date => parse_iso_date(text.trim())
                .map(Value::Date)
                .ok_or(Reason::NotADate),
            Kind::Preset => {
                Preset::find(text.trim())
                    .map(Value::Preset)
                    .ok_or_else(|| Reason::NoSuchPreset {
                        known: presets::all().iter().map(|p| p.id.to_owned()).collect(),
                    })
            }
            Kind::Currency => Currency::find(&text.trim().to_ascii_uppercase())
                .map(Value::Currency)
                .ok_or(Reason::NotACurrency),
            Kind::Billing => Billing::from_id(text.trim())
                .map(Value::Billing)
                .ok_or(Reason::Billing),
            Kind::Tax => TaxMode::from_id(text.trim())
                .map(Value::Tax)
                .ok_or(Reason::TaxMode),
        }
    }

    /// Checks a value read as a typed value (from a saved state) as [`Kind::parse`] checks text.
    fn check(self, value: &Value) -> Result<(), Reason> {
        match (self, value) {
            (Kind::Count(field), Value::Count(n)) => {
                check_count(*n, field).map(drop).map_err(Reason::Count)
            }
            (Kind::Id, Value::Text(t)) if t.trim().is_empty() => Err(Reason::Empty),
            _ => Ok(()),
        }
    }
}

impl Value {
    /// The value as a URL or an attribute writes it.
    fn text(&self) -> String {
        match self {
            Value::Count(n) => n.to_string(),
            Value::Text(t) => t.clone(),
            Value::Date(d) => iso_date(*d),
            Value::Preset(p) => p.id.to_owned(),
            Value::Currency(c) => c.code().to_owned(),
            Value::Billing(b) => b.id().to_owned(),
            Value::Tax(t) => t.id().to_owned(),
        }
    }
}

/// One parameter, defined once: a URL's query parameter, a saved state's field and an
/// attribute of the element (spelled with `-` for `_`).
pub struct Param {
    /// As a URL spells it.
    pub name: &'static str,
    kind: Kind,
    /// A link always names it (the tier: a link names the plan it is about).
    always: bool,
    /// Its value in a state; `preset` is the active preset, if any.
    read: fn(&Choices, &Month, Option<Preset>) -> Option<Value>,
    /// Sets a state from a value whose syntax is checked: what the rules refuse is returned.
    write: fn(&mut Choices, &mut Month, &Value, &RuleSet, &str) -> Option<Ignored>,
    /// Its row in the attribute reference (`host::reference`).
    pub doc: Doc,
}

/// What the attribute reference says of a parameter: its TypeScript type, what it may
/// hold and what applies without it (Markdown).
pub struct Doc {
    pub ts_type: &'static str,
    pub values: &'static str,
    pub default: &'static str,
}

/// A whole number, written as text, or a number (React writes it as text).
const NUMBER: &str = "string | number";

const fn doc(ts_type: &'static str, values: &'static str, default: &'static str) -> Doc {
    Doc {
        ts_type,
        values,
        default,
    }
}

impl Param {
    /// Its name as an attribute spells it: `inmail-blocks`.
    pub fn attribute(&self) -> String {
        self.name.replace('_', "-")
    }
}

/// The state's tier id when the rules sell it, else why not.
fn known_tier(rules: &RuleSet, name: &str, id: &str) -> Result<(), Ignored> {
    match rules.tier(id) {
        Some(tier) if tier.is_contact() => Err(ignored(name, id, Reason::ContactSalesTier)),
        Some(_) => Ok(()),
        None => Err(ignored(
            name,
            id,
            Reason::NoSuchTier {
                known: rules.tiers.iter().map(|t| t.id.clone()).collect(),
            },
        )),
    }
}

/// A count parameter: read from and written to one field of the state.
macro_rules! count {
    ($name:literal, $field:expr, |$c:ident, $m:ident| $place:expr, $doc:expr) => {
        Param {
            name: $name,
            kind: Kind::Count($field),
            always: false,
            read: |$c, $m, _| Some(Value::Count($place)),
            write: |$c, $m, value, _, _| {
                if let Value::Count(n) = value {
                    $place = *n;
                }
                None
            },
            doc: $doc,
        }
    };
}

/// Every parameter, in the order a link writes them.
pub static PARAMS: [Param; 18] = [
    Param {
        name: "preset",
        kind: Kind::Preset,
        always: false,
        read: |_, _, preset| preset.map(Value::Preset),
        // The rules it names are chosen when a widget starts (`state::init`).
        write: |_, _, _, _, _| None,
        doc: doc(
            r#""article" | "linkedin-help""#,
            "`article` or `linkedin-help`",
            "`article`",
        ),
    },
    Param {
        name: "tier",
        kind: Kind::Id,
        always: true,
        read: |c, _, _| Some(Value::Text(c.selection.tier_id.clone())),
        write: |c, _, value, rules, name| {
            let Value::Text(id) = value else { return None };
            match known_tier(rules, name, id) {
                Ok(()) => {
                    c.selection.tier_id = id.clone();
                    None
                }
                Err(problem) => Some(problem),
            }
        },
        doc: doc(
            "string",
            "a tier id of the rules (`basic`, `premium-business`, …)",
            "the first tier",
        ),
    },
    Param {
        name: "addons",
        kind: Kind::Text,
        always: false,
        read: |c, _, _| Some(Value::Text(c.selection.addons_param())),
        write: |c, _, value, rules, name| {
            let Value::Text(text) = value else {
                return None;
            };
            let (addons, errors) = parse_addons(text, rules);
            c.selection.addons = addons;
            // One notice however many items were bad: it counts them and names the first.
            let count = errors.len();
            let first = errors.into_iter().next()?;
            let reason = if count == 1 {
                Reason::Addon(first.problem)
            } else {
                Reason::ManyAddons {
                    count,
                    first: first.problem,
                }
            };
            Some(ignored(name, &first.item, reason))
        },
        doc: doc(
            "string",
            "bundles as `SIZExCOUNT` pairs: `100x2,25x1`",
            "none",
        ),
    },
    count!(
        "inmail_blocks",
        CountField::InMailBlocks,
        |c, _m| c.selection.inmail_blocks,
        doc(NUMBER, "a whole number of InMail credit blocks", "0")
    ),
    count!(
        "seats",
        CountField::Seats,
        |c, _m| c.selection.seats,
        doc(
            NUMBER,
            "a whole number 1–1000: the seats bought, on a tier sold by the seat (kept within \
             the tier's fewest and most seats)",
            "the tier's fewest seats (1)"
        )
    ),
    count!(
        "sent",
        CountField::Sent,
        |_c, m| m.usage.sent,
        doc(NUMBER, "a whole number: messages sent this period", "0")
    ),
    count!(
        "inmail_sent",
        CountField::InMailSent,
        |_c, m| m.usage.inmail_sent,
        doc(NUMBER, "a whole number: InMails sent this period", "0")
    ),
    count!(
        "need",
        CountField::NeedMessages,
        |c, _m| c.need.messages,
        doc(
            NUMBER,
            "a whole number: the messages a month the \"What do I need?\" panel plans for",
            "100"
        )
    ),
    count!(
        "need_inmail",
        CountField::NeedInMails,
        |c, _m| c.need.inmails,
        doc(
            NUMBER,
            "a whole number: the InMails a month it plans for",
            "0"
        )
    ),
    count!(
        "team",
        CountField::Seats,
        |c, _m| c.need.team,
        doc(
            NUMBER,
            "a whole number 1–1000: the people the \"What do I need?\" panel plans for (its \
             messages and InMails are each person's)",
            "1"
        )
    ),
    count!(
        "reply_rate",
        CountField::Percent,
        |c, _m| c.reply_percent,
        doc(
            NUMBER,
            "a whole number 0–100: the share of InMails the visitor expects answered, in percent (credits come back on a reply where the tier gives them back)",
            "0"
        )
    ),
    Param {
        name: "min_tier",
        kind: Kind::Text,
        always: false,
        // Empty: any tier.
        read: |c, _, _| Some(Value::Text(c.need.min_tier.clone().unwrap_or_default())),
        write: |c, _, value, rules, name| {
            let Value::Text(id) = value else { return None };
            if id.is_empty() {
                c.need.min_tier = None;
                return None;
            }
            match known_tier(rules, name, id) {
                Ok(()) => {
                    c.need.min_tier = Some(id.clone());
                    None
                }
                Err(problem) => Some(problem),
            }
        },
        doc: doc(
            "string",
            "a tier id: the lowest tier it may recommend (empty: any)",
            "any tier",
        ),
    },
    Param {
        name: "today",
        kind: Kind::Date,
        always: false,
        read: |_, m, _| Some(Value::Date(m.today)),
        write: |_, m, value, _, _| {
            if let Value::Date(d) = value {
                m.today = *d;
            }
            None
        },
        doc: doc(
            "string",
            "`YYYY-MM-DD`, for demos",
            "the visitor's local date",
        ),
    },
    Param {
        name: "currency",
        kind: Kind::Currency,
        always: false,
        read: |c, _, _| Some(Value::Currency(c.currency)),
        write: |c, _, value, rules, name| {
            let Value::Currency(currency) = value else {
                return None;
            };
            let known = rules.currencies();
            if known.contains(currency) {
                c.currency = *currency;
                None
            } else {
                Some(ignored(
                    name,
                    currency.code(),
                    Reason::NoSuchCurrency {
                        known: known.iter().map(|c| c.code().to_owned()).collect(),
                    },
                ))
            }
        },
        doc: doc(
            "string",
            "an ISO 4217 code the rules are priced in (`USD`, `EUR`, `GBP`, `JPY`): the \
             currency every amount is shown in",
            "the rules' own currency",
        ),
    },
    Param {
        name: "billing",
        kind: Kind::Billing,
        always: false,
        read: |c, _, _| Some(Value::Billing(c.billing)),
        write: |c, _, value, rules, name| {
            let Value::Billing(billing) = value else {
                return None;
            };
            if !rules.sells(*billing) {
                let reason = match billing {
                    Billing::Quarterly => Reason::NoQuarterlyPrices,
                    _ => Reason::NoYearlyPrices,
                };
                return Some(ignored(name, billing.id(), reason));
            }
            c.billing = *billing;
            None
        },
        doc: doc(
            r#""monthly" | "quarterly" | "yearly""#,
            "`monthly`, `quarterly` or `yearly` (where the rules sell anything by that period)",
            "`monthly`",
        ),
    },
    Param {
        name: "billing_day",
        kind: Kind::Count(CountField::BillingDay),
        always: false,
        read: |c, _, _| Some(Value::Count(u64::from(c.period_rule.day()))),
        write: |c, _, value, _, _| {
            if let Value::Count(day) = value {
                c.period_rule = PeriodRule::from_day(*day as u32);
            }
            None
        },
        doc: doc(
            NUMBER,
            "1–31: the allowance resets on that day (or the month's last day)",
            "1, the calendar month",
        ),
    },
    Param {
        name: "tax",
        kind: Kind::Tax,
        always: false,
        read: |c, _, _| c.tax.map(Value::Tax),
        write: |c, _, value, _, _| {
            if let Value::Tax(mode) = value {
                c.tax = Some(*mode);
            }
            None
        },
        doc: doc(
            r#""inclusive" | "exclusive""#,
            "`inclusive` or `exclusive`: amounts with the price list's tax in them, or before \
             it (where the prices state a tax)",
            "as the price list states its prices",
        ),
    },
    // After `today`: whether a promotion is still open depends on the day.
    Param {
        name: "promo",
        kind: Kind::Id,
        always: false,
        read: |c, _, _| c.promotion.clone().map(Value::Text),
        write: |c, m, value, rules, name| {
            let Value::Text(id) = value else { return None };
            match rules.promotion(id) {
                None => Some(ignored(
                    name,
                    id,
                    Reason::NoSuchPromotion {
                        known: rules.promotions.iter().map(|p| p.id.clone()).collect(),
                    },
                )),
                Some(p) if !p.is_open_on(m.today) => Some(ignored(
                    name,
                    id,
                    Reason::PromotionEnded {
                        until: p.until_date().unwrap_or(m.today),
                    },
                )),
                Some(_) => {
                    c.promotion = Some(id.clone());
                    None
                }
            }
        },
        doc: doc(
            "string",
            "the id of a promotion the rules define, open on the widget's day: its price \
             shows struck through beside the promotional one",
            "none",
        ),
    },
];

/// The parameter of this name.
pub fn param(name: &str) -> Option<&'static Param> {
    PARAMS.iter().find(|p| p.name == name)
}

/// Whether the widget reads a URL parameter of this name.
pub fn is_param(name: &str) -> bool {
    param(name).is_some()
}

/// Parameters whose syntax is valid, in [`PARAMS`] order; absent where not given or ignored.
/// The saved state holds them as they are (serde), under the URL's names.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Params {
    values: Vec<(&'static str, Value)>,
}

impl Params {
    /// The value of the parameter of this name.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.values.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// Sets a parameter (kept in [`PARAMS`] order).
    pub fn set(&mut self, name: &'static str, value: Value) {
        self.values.retain(|(n, _)| *n != name);
        let rank = |n: &str| PARAMS.iter().position(|p| p.name == n);
        let at = self.values.partition_point(|(n, _)| rank(n) < rank(name));
        self.values.insert(at, (name, value));
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The preset the parameters name.
    pub fn preset(&self) -> Option<Preset> {
        match self.get("preset") {
            Some(Value::Preset(p)) => Some(*p),
            _ => None,
        }
    }

    /// The demo date the parameters set.
    pub fn today(&self) -> Option<NaiveDate> {
        match self.get("today") {
            Some(Value::Date(d)) => Some(*d),
            _ => None,
        }
    }

    fn defined(&self) -> impl Iterator<Item = (&'static Param, &Value)> {
        self.values
            .iter()
            .filter_map(|(name, value)| Some((param(name)?, value)))
    }

    /// Checks typed values (a saved state's) as [`parse_params`] checks text: each bad
    /// one is reported and dropped.
    pub fn check(self) -> (Params, Vec<Ignored>) {
        let mut problems = Vec::new();
        let mut kept = Params::default();
        for (p, value) in self.defined() {
            match p.kind.check(value) {
                Ok(()) => kept.set(p.name, value.clone()),
                Err(reason) => problems.push(ignored(p.name, &value.text(), reason)),
            }
        }
        (kept, problems)
    }

    /// Applies the parameters to a state (its choices and its month) under these rules;
    /// returns what was ignored.
    pub fn apply(&self, rules: &RuleSet, choices: &mut Choices, month: &mut Month) -> Vec<Ignored> {
        self.defined()
            .filter_map(|(p, value)| (p.write)(choices, month, value, rules, p.name))
            .collect()
    }

    /// Every parameter of a state, for the saved state; `preset` is the active preset.
    pub fn of(choices: &Choices, month: &Month, preset: Option<Preset>) -> Params {
        let values = PARAMS
            .iter()
            .filter_map(|p| Some((p.name, (p.read)(choices, month, preset)?)))
            .collect();
        Params { values }
    }

    /// Only what differs from `baseline` (the parameters of the state the page's own
    /// settings give), for a short link that still reads back to the same state.
    pub fn changes(&self, baseline: &Params) -> Params {
        let values = self
            .values
            .iter()
            .filter(|(name, value)| {
                param(name).is_some_and(|p| p.always) || baseline.get(name) != Some(value)
            })
            .cloned()
            .collect();
        Params { values }
    }

    /// The parameters as `(name, value)` pairs for a URL, in [`PARAMS`] order.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        self.values.iter().map(|(n, v)| (*n, v.text())).collect()
    }
}

/// Checks the syntax of every known parameter; unknown names are left alone (a host
/// page's own query parameters share the URL).
pub fn parse_params<'a>(
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> (Params, Vec<Ignored>) {
    let mut params = Params::default();
    let mut problems = Vec::new();
    for (name, text) in pairs {
        let Some(p) = param(name) else { continue };
        match p.kind.parse(text) {
            Ok(value) => params.set(p.name, value),
            Err(reason) => problems.push(ignored(name, text, reason)),
        }
    }
    (params, problems)
}

/// Written as an object under the URL's names: counts as numbers, the rest as text.
impl Serialize for Params {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.values.len()))?;
        for (name, value) in &self.values {
            match value {
                Value::Count(n) => map.serialize_entry(name, n)?,
                other => map.serialize_entry(name, &other.text())?,
            }
        }
        map.end()
    }
}

/// Reads one value as its parameter's kind holds it.
struct KindSeed(Kind);

impl<'de> DeserializeSeed<'de> for KindSeed {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        use serde::de::Error;
        match self.0 {
            Kind::Count(_) => u64::deserialize(d).map(Value::Count),
            Kind::Id | Kind::Text => String::deserialize(d).map(Value::Text),
            Kind::Date => {
                let text = String::deserialize(d)?;
                parse_iso_date(&text)
                    .map(Value::Date)
                    .ok_or_else(|| D::Error::custom("not a YYYY-MM-DD date"))
            }
            Kind::Preset => Preset::deserialize(d).map(Value::Preset),
            Kind::Currency => Currency::deserialize(d).map(Value::Currency),
            Kind::Billing => {
                let text = String::deserialize(d)?;
                Billing::from_id(&text)
                    .map(Value::Billing)
                    .ok_or_else(|| D::Error::custom("not monthly, quarterly or yearly"))
            }
            Kind::Tax => {
                let text = String::deserialize(d)?;
                TaxMode::from_id(&text)
                    .map(Value::Tax)
                    .ok_or_else(|| D::Error::custom("not inclusive or exclusive"))
            }
        }
    }
}

/// Reads what [`Serialize`] writes; names it does not know are skipped.
impl<'de> Deserialize<'de> for Params {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Params, D::Error> {
        struct ParamsVisitor;
        impl<'de> Visitor<'de> for ParamsVisitor {
            type Value = Params;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("the widget's parameters")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Params, A::Error> {
                let mut params = Params::default();
                while let Some(name) = map.next_key::<String>()? {
                    match param(&name) {
                        Some(p) => {
                            let value = map.next_value_seed(KindSeed(p.kind))?;
                            params.set(p.name, value);
                        }
                        None => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(params)
            }
        }
        d.deserialize_map(ParamsVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::fields::CountError;
    use crate::engine::plan::{AddonProblem, Usage};
    use crate::engine::presets::ARTICLE;

    /// The parts of a state that parameters read and set.
    #[derive(Clone, Debug, PartialEq)]
    struct Target {
        choices: Choices,
        month: Month,
    }

    impl Target {
        fn apply(&mut self, params: &Params, rules: &RuleSet) -> Vec<Ignored> {
            params.apply(rules, &mut self.choices, &mut self.month)
        }

        fn params(&self, preset: Option<Preset>) -> Params {
            Params::of(&self.choices, &self.month, preset)
        }
    }

    fn target(rules: &RuleSet) -> Target {
        Target {
            choices: Choices::starter(rules),
            month: Month::new(parse_iso_date("2026-03-10").unwrap(), Usage::default(), 1),
        }
    }

    fn parse(query: &str) -> (Params, Vec<Ignored>) {
        let pairs: Vec<(&str, &str)> = query
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| p.split_once('=').unwrap_or((p, "")))
            .collect();
        parse_params(pairs)
    }

    fn tier_ids(rules: &RuleSet) -> Vec<String> {
        rules.tiers.iter().map(|t| t.id.clone()).collect()
    }

    #[test]
    fn a_full_query_applies() {
        let rules = ARTICLE.rules();
        let (params, problems) = parse("tier=sales-navigator&addons=100x2,25x1&inmail_blocks=2&sent=40&inmail_sent=3&today=2026-02-10&billing_day=31&need=120&need_inmail=10&min_tier=premium-business&utm_source=x");
        assert!(problems.is_empty(), "{problems:?}");
        let mut t = target(&rules);
        assert!(t.apply(&params, &rules).is_empty());
        assert_eq!(t.choices.selection.tier_id, "sales-navigator");
        assert_eq!(t.choices.selection.addons, [(25, 1), (100, 2)]);
        assert_eq!(
            (
                t.choices.selection.inmail_blocks,
                t.month.usage.sent,
                t.month.usage.inmail_sent
            ),
            (2, 40, 3)
        );
        assert_eq!(t.month.today, parse_iso_date("2026-02-10").unwrap());
        assert_eq!(t.choices.period_rule, PeriodRule::BillingDay(31));
        assert_eq!(
            (
                t.choices.need.messages,
                t.choices.need.inmails,
                t.choices.need.min_tier.as_deref()
            ),
            (120, 10, Some("premium-business"))
        );
    }

    #[test]
    fn bad_values_are_named_and_the_rest_applies() {
        let rules = ARTICLE.rules();
        let (params, mut problems) = parse("tier=gold&sent=-3&inmail_sent=abc&today=2026-02-30&billing_day=40&addons=100x2,30x1&need=5&preset=nope");
        let mut t = target(&rules);
        problems.extend(t.apply(&params, &rules));
        let named: Vec<(&str, &Reason)> = problems
            .iter()
            .map(|p| (p.name.as_str(), &p.reason))
            .collect();
        assert_eq!(
            named,
            [
                ("sent", &Reason::Count(CountError::Negative)),
                ("inmail_sent", &Reason::Count(CountError::NotANumber)),
                ("today", &Reason::NotADate),
                ("billing_day", &Reason::Count(CountError::TooLarge(31))),
                (
                    "preset",
                    &Reason::NoSuchPreset {
                        known: vec!["article".into(), "linkedin-help".into()]
                    }
                ),
                (
                    "tier",
                    &Reason::NoSuchTier {
                        known: tier_ids(&rules)
                    }
                ),
                ("addons", &Reason::Addon(AddonProblem::NoSuchBundle)),
            ]
        );
        assert_eq!(problems[6].value, "30x1");
        assert_eq!(t.choices.selection.tier_id, "basic");
        assert_eq!(t.choices.selection.addons, [(100, 2)]);
        assert_eq!(t.choices.need.messages, 5);
    }

    #[test]
    fn a_thousand_bad_add_ons_make_one_problem_that_counts_them() {
        let rules = ARTICLE.rules();
        let text: Vec<String> = (0..1000).map(|i| format!("{}x1", 1001 + i)).collect();
        let text = format!("100x1,{}", text.join(","));
        let (params, problems) = parse_params([("addons", text.as_str())]);
        assert!(problems.is_empty());
        let mut t = target(&rules);
        let problems = t.apply(&params, &rules);
        assert_eq!(
            t.choices.selection.addons,
            [(100, 1)],
            "the good item applies"
        );
        assert_eq!(
            problems,
            [ignored(
                "addons",
                "1001x1",
                Reason::ManyAddons {
                    count: 1000,
                    first: AddonProblem::NoSuchBundle
                }
            )]
        );
    }

    #[test]
    fn a_link_holds_only_what_differs_from_the_page_and_reads_back() {
        let rules = ARTICLE.rules();
        let baseline = target(&rules);
        let mut t = target(&rules);
        let base = baseline.params(Some(ARTICLE));
        let query = |t: &Target, preset| t.params(preset).changes(&base).to_pairs();
        assert_eq!(query(&t, Some(ARTICLE)), [("tier", "basic".to_owned())]);
        t.choices.selection.set_addon_count(100, 2);
        t.month.usage.sent = 7;
        t.month.today = parse_iso_date("2026-03-12").unwrap();
        t.choices.period_rule = PeriodRule::BillingDay(15);
        t.choices.need = Need {
            messages: 0,
            inmails: 4,
            min_tier: Some("recruiter".into()),
            team: 1,
        };
        let pairs = query(&t, Some(presets::LINKEDIN_HELP));
        let text: Vec<String> = pairs.iter().map(|(n, v)| format!("{n}={v}")).collect();
        assert_eq!(text.join("&"), "preset=linkedin-help&tier=basic&addons=100x2&sent=7&need=0&need_inmail=4&min_tier=recruiter&today=2026-03-12&billing_day=15");
        let (params, problems) = parse_params(pairs.iter().map(|(n, v)| (*n, v.as_str())));
        assert!(problems.is_empty());
        let mut back = baseline.clone();
        back.apply(&params, &rules);
        assert_eq!(back, t);
        assert_eq!(params.preset(), Some(presets::LINKEDIN_HELP));
    }

    #[test]
    fn removing_what_the_page_set_is_written_too() {
        let rules = ARTICLE.rules();
        let mut baseline = target(&rules);
        baseline.choices.selection.set_addon_count(100, 1);
        baseline.choices.need.min_tier = Some("recruiter".into());
        let mut t = baseline.clone();
        t.choices.selection.addons.clear();
        t.choices.need.min_tier = None;
        let pairs = t.params(None).changes(&baseline.params(None)).to_pairs();
        assert_eq!(
            pairs,
            [
                ("tier", "basic".to_owned()),
                ("addons", String::new()),
                ("min_tier", String::new())
            ]
        );
        let (params, _) = parse_params(pairs.iter().map(|(n, v)| (*n, v.as_str())));
        let mut back = baseline.clone();
        back.apply(&params, &rules);
        assert_eq!(back, t);
    }

    #[test]
    fn typed_values_are_checked_like_text() {
        let mut params = Params::default();
        params.set("sent", Value::Count(2_000_000));
        params.set("billing_day", Value::Count(0));
        params.set("tier", Value::Text(" ".into()));
        params.set("need", Value::Count(5));
        let (params, problems) = params.check();
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert_eq!(params.to_pairs(), [("need", "5".to_owned())]);
    }

    #[test]
    fn every_parameter_writes_and_reads_back_through_serde_and_text() {
        let mut rules = ARTICLE.rules();
        rules.promotions.push(crate::engine::rules::Promotion {
            id: "spring".into(),
            name: None,
            percent_off: Some(20),
            amount_off_cents: None,
            tiers: Vec::new(),
            periods: Vec::new(),
            months: None,
            until: Some("2026-12-31".into()),
        });
        let mut t = target(&rules);
        t.choices.tax = Some(TaxMode::Exclusive);
        t.choices.promotion = Some("spring".into());
        t.choices.selection.tier_id = "recruiter".into();
        t.choices.selection.set_addon_count(25, 3);
        t.choices.selection.inmail_blocks = 2;
        t.month.usage = Usage {
            sent: 9,
            inmail_sent: 4,
            ..Usage::default()
        };
        t.choices.period_rule = PeriodRule::BillingDay(20);
        t.choices.need.min_tier = Some("sales-navigator".into());
        let params = t.params(Some(ARTICLE));
        assert_eq!(
            params.to_pairs().len(),
            PARAMS.len(),
            "every parameter is written"
        );
        let json = serde_json::to_string(&params).unwrap();
        assert_eq!(serde_json::from_str::<Params>(&json).unwrap(), params);
        let pairs = params.to_pairs();
        let (read, problems) = parse_params(pairs.iter().map(|(n, v)| (*n, v.as_str())));
        assert!(problems.is_empty());
        assert_eq!(read, params);
        let mut back = target(&rules);
        assert!(back.apply(&read, &rules).is_empty());
        assert_eq!(back, t);
        // Names the widget does not know are skipped.
        let json = json.replace('{', r#"{"colour":"blue","#);
        assert_eq!(serde_json::from_str::<Params>(&json).unwrap(), params);
    }
}
