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
use crate::engine::bill::Billing;
use crate::engine::currency::Currency;
use crate::engine::fields::{check_count, parse_count, CountField};
use crate::engine::period::{iso_date, parse_iso_date, PeriodRule};
use crate::engine::plan::{parse_addons, Selection, Usage};
use crate::engine::presets::{self, Preset};
use crate::engine::recommend::Need;
use crate::engine::rules::RuleSet;

/// The parts of the widget's state that parameters set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParamTarget {
    pub selection: Selection,
    pub usage: Usage,
    pub today: NaiveDate,
    pub period_rule: PeriodRule,
    pub need: Need,
    /// The currency prices are shown in: the rules' own or one of their price lists.
    pub currency: Currency,
    pub billing: Billing,
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
    /// `monthly` or `yearly`.
    Billing,
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
        }
    }
}

/// One parameter, defined once.
pub struct Param {
    /// As a URL spells it (attributes use `-` for `_`).
    pub name: &'static str,
    kind: Kind,
    /// A link always names it (the tier: a link names the plan it is about).
    always: bool,
    /// Its value in a state; `preset` is the active preset, if any.
    read: fn(&ParamTarget, Option<Preset>) -> Option<Value>,
    /// Sets a state from a value whose syntax is checked: what the rules refuse is returned.
    write: fn(&mut ParamTarget, &Value, &RuleSet, &str) -> Option<Ignored>,
}

/// The state's tier id when the rules sell it, else why not.
fn known_tier(rules: &RuleSet, name: &str, id: &str) -> Result<(), Ignored> {
    if rules.tier(id).is_some() {
        Ok(())
    } else {
        Err(ignored(
            name,
            id,
            Reason::NoSuchTier {
                known: rules.tiers.iter().map(|t| t.id.clone()).collect(),
            },
        ))
    }
}

/// A count parameter: read from and written to one field of the state.
macro_rules! count {
    ($name:literal, $field:expr, |$t:ident| $place:expr) => {
        Param {
            name: $name,
            kind: Kind::Count($field),
            always: false,
            read: |$t, _| Some(Value::Count($place)),
            write: |$t, value, _, _| {
                if let Value::Count(n) = value {
                    $place = *n;
                }
                None
            },
        }
    };
}

/// Every parameter, in the order a link writes them.
pub static PARAMS: [Param; 13] = [
    Param {
        name: "preset",
        kind: Kind::Preset,
        always: false,
        read: |_, preset| preset.map(Value::Preset),
        // The rules it names are chosen when a widget starts (`state::init`).
        write: |_, _, _, _| None,
    },
    Param {
        name: "tier",
        kind: Kind::Id,
        always: true,
        read: |t, _| Some(Value::Text(t.selection.tier_id.clone())),
        write: |t, value, rules, name| {
            let Value::Text(id) = value else { return None };
            match known_tier(rules, name, id) {
                Ok(()) => {
                    t.selection.tier_id = id.clone();
                    None
                }
                Err(problem) => Some(problem),
            }
        },
    },
    Param {
        name: "addons",
        kind: Kind::Text,
        always: false,
        read: |t, _| Some(Value::Text(t.selection.addons_param())),
        write: |t, value, rules, name| {
            let Value::Text(text) = value else {
                return None;
            };
            let (addons, errors) = parse_addons(text, rules);
            t.selection.addons = addons;
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
    },
    count!("inmail_blocks", CountField::InMailBlocks, |t| t
        .selection
        .inmail_blocks),
    count!("sent", CountField::Sent, |t| t.usage.sent),
    count!("inmail_sent", CountField::InMailSent, |t| t
        .usage
        .inmail_sent),
    count!("need", CountField::NeedMessages, |t| t.need.messages),
    count!("need_inmail", CountField::NeedInMails, |t| t.need.inmails),
    Param {
        name: "min_tier",
        kind: Kind::Text,
        always: false,
        // Empty: any tier.
        read: |t, _| Some(Value::Text(t.need.min_tier.clone().unwrap_or_default())),
        write: |t, value, rules, name| {
            let Value::Text(id) = value else { return None };
            if id.is_empty() {
                t.need.min_tier = None;
                return None;
            }
            match known_tier(rules, name, id) {
                Ok(()) => {
                    t.need.min_tier = Some(id.clone());
                    None
                }
                Err(problem) => Some(problem),
            }
        },
    },
    Param {
        name: "today",
        kind: Kind::Date,
        always: false,
        read: |t, _| Some(Value::Date(t.today)),
        write: |t, value, _, _| {
            if let Value::Date(d) = value {
                t.today = *d;
            }
            None
        },
    },
    Param {
        name: "currency",
        kind: Kind::Currency,
        always: false,
        read: |t, _| Some(Value::Currency(t.currency)),
        write: |t, value, rules, name| {
            let Value::Currency(currency) = value else {
                return None;
            };
            let known = rules.currencies();
            if known.contains(currency) {
                t.currency = *currency;
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
    },
    Param {
        name: "billing",
        kind: Kind::Billing,
        always: false,
        read: |t, _| Some(Value::Billing(t.billing)),
        write: |t, value, rules, name| {
            let Value::Billing(billing) = value else {
                return None;
            };
            if *billing == Billing::Yearly && !rules.has_yearly_prices() {
                return Some(ignored(name, billing.id(), Reason::NoYearlyPrices));
            }
            t.billing = *billing;
            None
        },
    },
    Param {
        name: "billing_day",
        kind: Kind::Count(CountField::BillingDay),
        always: false,
        read: |t, _| Some(Value::Count(u64::from(t.period_rule.day()))),
        write: |t, value, _, _| {
            if let Value::Count(day) = value {
                t.period_rule = PeriodRule::from_day(*day as u32);
            }
            None
        },
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

    /// Applies the parameters to a state under these rules; returns what was ignored.
    pub fn apply(&self, rules: &RuleSet, target: &mut ParamTarget) -> Vec<Ignored> {
        self.defined()
            .filter_map(|(p, value)| (p.write)(target, value, rules, p.name))
            .collect()
    }

    /// Every part of a state, for the saved state.
    pub fn of(target: &ParamTarget, preset: Option<Preset>) -> Params {
        let values = PARAMS
            .iter()
            .filter_map(|p| Some((p.name, (p.read)(target, preset)?)))
            .collect();
        Params { values }
    }

    /// Only what differs from `baseline` (the state the page's own settings give), for a
    /// short link that still reads back to the same state.
    pub fn changes(
        target: &ParamTarget,
        preset: Option<Preset>,
        baseline: &ParamTarget,
        baseline_preset: Option<Preset>,
    ) -> Params {
        let base = Params::of(baseline, baseline_preset);
        let values = Params::of(target, preset)
            .values
            .into_iter()
            .filter(|(name, value)| {
                param(name).is_some_and(|p| p.always) || base.get(name) != Some(value)
            })
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
                    .ok_or_else(|| D::Error::custom("not monthly or yearly"))
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
    use crate::engine::plan::AddonProblem;
    use crate::engine::presets::ARTICLE;

    fn target(rules: &RuleSet) -> ParamTarget {
        ParamTarget {
            selection: Selection::starter(rules),
            usage: Usage::default(),
            today: parse_iso_date("2026-03-10").unwrap(),
            period_rule: PeriodRule::CalendarMonth,
            need: Need {
                messages: 100,
                inmails: 0,
                min_tier: None,
            },
            currency: Currency::USD,
            billing: Billing::Monthly,
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
        assert!(params.apply(&rules, &mut t).is_empty());
        assert_eq!(t.selection.tier_id, "sales-navigator");
        assert_eq!(t.selection.addons, [(25, 1), (100, 2)]);
        assert_eq!(
            (t.selection.inmail_blocks, t.usage.sent, t.usage.inmail_sent),
            (2, 40, 3)
        );
        assert_eq!(t.today, parse_iso_date("2026-02-10").unwrap());
        assert_eq!(t.period_rule, PeriodRule::BillingDay(31));
        assert_eq!(
            (t.need.messages, t.need.inmails, t.need.min_tier.as_deref()),
            (120, 10, Some("premium-business"))
        );
    }

    #[test]
    fn bad_values_are_named_and_the_rest_applies() {
        let rules = ARTICLE.rules();
        let (params, mut problems) = parse("tier=gold&sent=-3&inmail_sent=abc&today=2026-02-30&billing_day=40&addons=100x2,30x1&need=5&preset=nope");
        let mut t = target(&rules);
        problems.extend(params.apply(&rules, &mut t));
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
        assert_eq!(t.selection.tier_id, "basic");
        assert_eq!(t.selection.addons, [(100, 2)]);
        assert_eq!(t.need.messages, 5);
    }

    #[test]
    fn a_thousand_bad_add_ons_make_one_problem_that_counts_them() {
        let rules = ARTICLE.rules();
        let text: Vec<String> = (0..1000).map(|i| format!("{}x1", 1001 + i)).collect();
        let text = format!("100x1,{}", text.join(","));
        let (params, problems) = parse_params([("addons", text.as_str())]);
        assert!(problems.is_empty());
        let mut t = target(&rules);
        let problems = params.apply(&rules, &mut t);
        assert_eq!(t.selection.addons, [(100, 1)], "the good item applies");
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
        let query = |t: &ParamTarget, preset| {
            Params::changes(t, preset, &baseline, Some(ARTICLE)).to_pairs()
        };
        assert_eq!(query(&t, Some(ARTICLE)), [("tier", "basic".to_owned())]);
        t.selection.set_addon_count(100, 2);
        t.usage.sent = 7;
        t.today = parse_iso_date("2026-03-12").unwrap();
        t.period_rule = PeriodRule::BillingDay(15);
        t.need = Need {
            messages: 0,
            inmails: 4,
            min_tier: Some("recruiter".into()),
        };
        let pairs = query(&t, Some(presets::LINKEDIN_HELP));
        let text: Vec<String> = pairs.iter().map(|(n, v)| format!("{n}={v}")).collect();
        assert_eq!(text.join("&"), "preset=linkedin-help&tier=basic&addons=100x2&sent=7&need=0&need_inmail=4&min_tier=recruiter&today=2026-03-12&billing_day=15");
        let (params, problems) = parse_params(pairs.iter().map(|(n, v)| (*n, v.as_str())));
        assert!(problems.is_empty());
        let mut back = baseline.clone();
        params.apply(&rules, &mut back);
        assert_eq!(back, t);
        assert_eq!(params.preset(), Some(presets::LINKEDIN_HELP));
    }

    #[test]
    fn removing_what_the_page_set_is_written_too() {
        let rules = ARTICLE.rules();
        let mut baseline = target(&rules);
        baseline.selection.set_addon_count(100, 1);
        baseline.need.min_tier = Some("recruiter".into());
        let mut t = baseline.clone();
        t.selection.addons.clear();
        t.need.min_tier = None;
        let pairs = Params::changes(&t, None, &baseline, None).to_pairs();
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
        params.apply(&rules, &mut back);
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
        let rules = ARTICLE.rules();
        let mut t = target(&rules);
        t.selection.tier_id = "recruiter".into();
        t.selection.set_addon_count(25, 3);
        t.selection.inmail_blocks = 2;
        t.usage = Usage {
            sent: 9,
            inmail_sent: 4,
            rollover_credits: 0,
        };
        t.period_rule = PeriodRule::BillingDay(20);
        t.need.min_tier = Some("sales-navigator".into());
        let params = Params::of(&t, Some(ARTICLE));
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
        assert!(read.apply(&rules, &mut back).is_empty());
        assert_eq!(back, t);
        // Names the widget does not know are skipped.
        let json = json.replace('{', r#"{"colour":"blue","#);
        assert_eq!(serde_json::from_str::<Params>(&json).unwrap(), params);
    }
}
