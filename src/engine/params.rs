//! The widget's state as text parameters: the URL query, localStorage and host attributes
//! all use this one form, so a shared link, a saved state and an embed snippet read alike.
//!
//! Parsing is in two steps: [`parse_params`] checks the syntax of each value, and
//! [`Params::apply`] checks what depends on the rules (tier ids, bundle sizes). A bad value
//! is reported and skipped; the others still apply.

use std::fmt;

use chrono::NaiveDate;

use super::fields::{parse_count, CountField};
use super::period::{iso_date, parse_iso_date, PeriodRule};
use super::plan::{parse_addons, Selection, Usage};
use super::presets::{self, Preset};
use super::recommend::Need;
use super::rules::RuleSet;

/// The parameter names, as they appear in a URL.
pub mod names {
    pub const PRESET: &str = "preset";
    pub const TIER: &str = "tier";
    pub const ADDONS: &str = "addons";
    pub const INMAIL_BLOCKS: &str = "inmail_blocks";
    pub const SENT: &str = "sent";
    pub const INMAIL_SENT: &str = "inmail_sent";
    pub const TODAY: &str = "today";
    pub const BILLING_DAY: &str = "billing_day";
    pub const NEED: &str = "need";
    pub const NEED_INMAIL: &str = "need_inmail";
    pub const MIN_TIER: &str = "min_tier";
    pub const ALL: [&str; 11] = [
        PRESET,
        TIER,
        ADDONS,
        INMAIL_BLOCKS,
        SENT,
        INMAIL_SENT,
        TODAY,
        BILLING_DAY,
        NEED,
        NEED_INMAIL,
        MIN_TIER,
    ];
}

/// A value that was not used, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ignored {
    pub name: String,
    pub value: String,
    pub reason: String,
}

impl fmt::Display for Ignored {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut value: String = self.value.chars().take(40).collect();
        if self.value.chars().count() > 40 {
            value.push('…');
        }
        write!(
            f,
            "{}=\"{}\" was ignored: {}",
            self.name, value, self.reason
        )
    }
}

/// Parameters whose syntax is valid; `None` where absent or ignored.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Params {
    pub preset: Option<Preset>,
    pub tier: Option<String>,
    /// The raw add-ons text, checked against the rules by [`Params::apply`].
    pub addons: Option<String>,
    pub inmail_blocks: Option<u64>,
    pub sent: Option<u64>,
    pub inmail_sent: Option<u64>,
    pub today: Option<NaiveDate>,
    pub billing_day: Option<u32>,
    pub need: Option<u64>,
    pub need_inmail: Option<u64>,
    pub min_tier: Option<String>,
}

/// The parts of the widget's state that parameters set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParamTarget {
    pub selection: Selection,
    pub usage: Usage,
    pub today: NaiveDate,
    pub period_rule: PeriodRule,
    pub need: Need,
}

fn ignored(name: &str, value: &str, reason: impl Into<String>) -> Ignored {
    Ignored {
        name: name.to_owned(),
        value: value.to_owned(),
        reason: reason.into(),
    }
}

/// Checks the syntax of every known parameter; unknown names are left alone (a host
/// page's own query parameters share the URL).
pub fn parse_params<'a>(
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> (Params, Vec<Ignored>) {
    let mut params = Params::default();
    let mut problems = Vec::new();
    for (name, value) in pairs {
        let count = |field: CountField| {
            parse_count(value, field).map_err(|e| ignored(name, value, e.to_string()))
        };
        let result: Result<(), Ignored> = match name {
            names::PRESET => match Preset::find(value.trim()) {
                Some(p) => {
                    params.preset = Some(p);
                    Ok(())
                }
                None => Err(ignored(
                    name,
                    value,
                    format!("no such preset (try {})", preset_ids()),
                )),
            },
            names::TIER => text_id(name, value).map(|v| params.tier = Some(v)),
            names::MIN_TIER => text_id(name, value).map(|v| params.min_tier = Some(v)),
            names::ADDONS => {
                params.addons = Some(value.to_owned());
                Ok(())
            }
            names::INMAIL_BLOCKS => {
                count(CountField::InMailBlocks).map(|v| params.inmail_blocks = Some(v))
            }
            names::SENT => count(CountField::Sent).map(|v| params.sent = Some(v)),
            names::INMAIL_SENT => {
                count(CountField::InMailSent).map(|v| params.inmail_sent = Some(v))
            }
            names::NEED => count(CountField::NeedMessages).map(|v| params.need = Some(v)),
            names::NEED_INMAIL => {
                count(CountField::NeedInMails).map(|v| params.need_inmail = Some(v))
            }
            names::BILLING_DAY => {
                count(CountField::BillingDay).map(|v| params.billing_day = Some(v as u32))
            }
            names::TODAY => match parse_iso_date(value.trim()) {
                Some(d) => {
                    params.today = Some(d);
                    Ok(())
                }
                None => Err(ignored(name, value, "not a real date in YYYY-MM-DD form")),
            },
            _ => Ok(()),
        };
        if let Err(problem) = result {
            problems.push(problem);
        }
    }
    (params, problems)
}

fn preset_ids() -> String {
    presets::all()
        .iter()
        .map(|p| p.id)
        .collect::<Vec<_>>()
        .join(" or ")
}

fn text_id(name: &str, value: &str) -> Result<String, Ignored> {
    let v = value.trim();
    if v.is_empty() {
        Err(ignored(name, value, "empty"))
    } else {
        Ok(v.to_owned())
    }
}

impl Params {
    /// Applies the parameters to a state under these rules; returns what was ignored.
    pub fn apply(&self, rules: &RuleSet, target: &mut ParamTarget) -> Vec<Ignored> {
        let mut problems = Vec::new();
        if let Some(tier) = &self.tier {
            if rules.tier(tier).is_some() {
                target.selection.tier_id = tier.clone();
            } else {
                problems.push(ignored(
                    names::TIER,
                    tier,
                    format!("no such tier (try {})", tier_ids(rules)),
                ));
            }
        }
        if let Some(text) = &self.addons {
            let (addons, errors) = parse_addons(text, rules);
            target.selection.addons = addons;
            problems.extend(
                errors
                    .into_iter()
                    .map(|e| ignored(names::ADDONS, &e.item, e.reason)),
            );
        }
        if let Some(v) = self.inmail_blocks {
            target.selection.inmail_blocks = v;
        }
        if let Some(v) = self.sent {
            target.usage.sent = v;
        }
        if let Some(v) = self.inmail_sent {
            target.usage.inmail_sent = v;
        }
        if let Some(v) = self.today {
            target.today = v;
        }
        if let Some(day) = self.billing_day {
            target.period_rule = if day == 1 {
                PeriodRule::CalendarMonth
            } else {
                PeriodRule::BillingDay(day)
            };
        }
        if let Some(v) = self.need {
            target.need.messages = v;
        }
        if let Some(v) = self.need_inmail {
            target.need.inmails = v;
        }
        if let Some(tier) = &self.min_tier {
            if rules.tier(tier).is_some() {
                target.need.min_tier = Some(tier.clone());
            } else {
                problems.push(ignored(
                    names::MIN_TIER,
                    tier,
                    format!("no such tier (try {})", tier_ids(rules)),
                ));
            }
        }
        problems
    }
}

fn tier_ids(rules: &RuleSet) -> String {
    rules
        .tiers
        .iter()
        .map(|t| t.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The state as parameters, in a stable order. The date is written only when it is not
/// `local_today`, and the preset only when it is not the default.
pub fn to_params(
    target: &ParamTarget,
    preset: Option<Preset>,
    local_today: NaiveDate,
) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if let Some(p) = preset.filter(|p| *p != presets::ARTICLE) {
        out.push((names::PRESET, p.id.to_owned()));
    }
    out.push((names::TIER, target.selection.tier_id.clone()));
    let addons = target.selection.addons_param();
    if !addons.is_empty() {
        out.push((names::ADDONS, addons));
    }
    let mut number = |name: &'static str, v: u64| {
        if v > 0 {
            out.push((name, v.to_string()));
        }
    };
    number(names::INMAIL_BLOCKS, target.selection.inmail_blocks);
    number(names::SENT, target.usage.sent);
    number(names::INMAIL_SENT, target.usage.inmail_sent);
    number(names::NEED, target.need.messages);
    number(names::NEED_INMAIL, target.need.inmails);
    if let Some(t) = &target.need.min_tier {
        out.push((names::MIN_TIER, t.clone()));
    }
    if target.today != local_today {
        out.push((names::TODAY, iso_date(target.today)));
    }
    if let PeriodRule::BillingDay(d) = target.period_rule {
        out.push((names::BILLING_DAY, d.to_string()));
    }
    out
}

/// Splits `a=1&b=2` into decoded pairs (`+` is a space, `%XX` escapes decoded).
pub fn split_query(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (name, value) = part.split_once('=').unwrap_or((part, ""));
            (percent_decode(name), percent_decode(value))
        })
        .collect()
}

/// Joins pairs into a query string, escaping what needs it.
pub fn join_query<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    pairs
        .into_iter()
        .map(|(n, v)| format!("{}={}", percent_encode(n), percent_encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~,".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::presets::ARTICLE;

    fn target(rules: &RuleSet) -> ParamTarget {
        ParamTarget {
            selection: Selection::starter(rules),
            usage: Usage::default(),
            today: parse_iso_date("2026-03-10").unwrap(),
            period_rule: PeriodRule::CalendarMonth,
            need: Need::default(),
        }
    }

    fn parse(query: &str) -> (Params, Vec<Ignored>) {
        let pairs = split_query(query);
        parse_params(pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())))
    }

    #[test]
    fn a_full_query_applies() {
        let rules = ARTICLE.rules();
        let (params, problems) = parse("?tier=sales-navigator&addons=100x2,25x1&inmail_blocks=2&sent=40&inmail_sent=3&today=2026-02-10&billing_day=31&need=120&need_inmail=10&min_tier=premium-business&utm_source=x");
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
        let named: Vec<&str> = problems.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            named,
            [
                "sent",
                "inmail_sent",
                "today",
                "billing_day",
                "preset",
                "tier",
                "addons"
            ]
        );
        assert_eq!(t.selection.tier_id, "basic");
        assert_eq!(t.selection.addons, [(100, 2)]);
        assert_eq!(t.need.messages, 5);
        assert_eq!(
            problems[0].to_string(),
            "sent=\"-3\" was ignored: must not be negative"
        );
        assert_eq!(problems[5].to_string(), "tier=\"gold\" was ignored: no such tier (try basic, premium-business, sales-navigator, recruiter-lite, recruiter)");
    }

    #[test]
    fn round_trips_and_keeps_the_url_short() {
        let rules = ARTICLE.rules();
        let local = parse_iso_date("2026-03-10").unwrap();
        let mut t = target(&rules);
        assert_eq!(
            join_query(
                to_params(&t, None, local)
                    .iter()
                    .map(|(n, v)| (*n, v.as_str()))
            ),
            "tier=basic"
        );
        t.selection.set_addon_count(100, 2);
        t.usage.sent = 7;
        t.today = parse_iso_date("2026-03-12").unwrap();
        t.period_rule = PeriodRule::BillingDay(15);
        t.need = Need {
            messages: 120,
            inmails: 4,
            min_tier: Some("recruiter".into()),
        };
        let query = join_query(
            to_params(&t, Some(presets::LINKEDIN_HELP), local)
                .iter()
                .map(|(n, v)| (*n, v.as_str())),
        );
        assert_eq!(query, "preset=linkedin-help&tier=basic&addons=100x2&sent=7&need=120&need_inmail=4&min_tier=recruiter&today=2026-03-12&billing_day=15");
        let (params, problems) = parse(&query);
        assert!(problems.is_empty());
        let mut back = target(&rules);
        params.apply(&rules, &mut back);
        assert_eq!(back, t);
        assert_eq!(params.preset, Some(presets::LINKEDIN_HELP));
    }

    #[test]
    fn decodes_and_encodes_escapes() {
        assert_eq!(
            split_query("a=1%2C2&b=x+y&c&d=%zz&e=%4"),
            [
                ("a".into(), "1,2".into()),
                ("b".into(), "x y".into()),
                ("c".into(), "".into()),
                ("d".into(), "%zz".into()),
                ("e".into(), "%4".into()),
            ]
        );
        assert_eq!(
            join_query([("addons", "100x2,25x1"), ("q", "a b&c")]),
            "addons=100x2,25x1&q=a%20b%26c"
        );
        assert_eq!(split_query("t=%E2%9C%93")[0].1, "✓");
        assert_eq!(split_query("t=%FF")[0].1, "\u{fffd}");
    }
}
