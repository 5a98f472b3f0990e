//! The widget's state as named parameters. The page URL's query, the saved state and a host
//! page's attributes all use this one vocabulary, so a link, a save and an embed read alike.
//!
//! Reading is in two steps: [`parse_params`] checks the syntax of each text value, and
//! [`Params::apply`] checks what depends on the rules (tier ids, bundle sizes). A bad value
//! is reported and skipped; the others still apply.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{ignored, Ignored, Reason};
use crate::engine::fields::{check_count, parse_count, CountField};
use crate::engine::period::{iso_date, parse_iso_date, PeriodRule};
use crate::engine::plan::{parse_addons, Selection, Usage};
use crate::engine::presets::{self, Preset};
use crate::engine::recommend::Need;
use crate::engine::rules::RuleSet;

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

/// Parameters whose syntax is valid; `None` where absent or ignored. The saved state holds
/// them as they are (serde), under the URL's names.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Params {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preset: Option<Preset>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<String>,
    /// The add-ons in URL form (`100x2,25x1`), checked against the rules by [`Params::apply`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addons: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inmail_blocks: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inmail_sent: Option<u64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::host::saved::iso_date_opt"
    )]
    pub today: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_day: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub need: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub need_inmail: Option<u64>,
    /// A tier id, or empty for any tier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
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

/// What each counted parameter may hold.
const COUNTS: [(&str, CountField); 6] = [
    (names::INMAIL_BLOCKS, CountField::InMailBlocks),
    (names::SENT, CountField::Sent),
    (names::INMAIL_SENT, CountField::InMailSent),
    (names::BILLING_DAY, CountField::BillingDay),
    (names::NEED, CountField::NeedMessages),
    (names::NEED_INMAIL, CountField::NeedInMails),
];

fn preset_ids() -> Vec<String> {
    presets::all().iter().map(|p| p.id.to_owned()).collect()
}

fn tier_ids(rules: &RuleSet) -> Vec<String> {
    rules.tiers.iter().map(|t| t.id.clone()).collect()
}

impl Params {
    /// The counted parameter of this name.
    fn count_mut(&mut self, name: &str) -> Option<&mut Option<u64>> {
        Some(match name {
            names::INMAIL_BLOCKS => &mut self.inmail_blocks,
            names::SENT => &mut self.sent,
            names::INMAIL_SENT => &mut self.inmail_sent,
            names::BILLING_DAY => &mut self.billing_day,
            names::NEED => &mut self.need,
            names::NEED_INMAIL => &mut self.need_inmail,
            _ => return None,
        })
    }

    /// Checks typed values (a saved state's) as [`parse_params`] checks text: each bad
    /// one is reported and dropped.
    pub fn check(mut self) -> (Params, Vec<Ignored>) {
        let mut problems = Vec::new();
        for (name, field) in COUNTS {
            if let Some(slot) = self.count_mut(name) {
                if let Some(v) = *slot {
                    if let Err(e) = check_count(v, field) {
                        problems.push(ignored(name, &v.to_string(), Reason::Count(e)));
                        *slot = None;
                    }
                }
            }
        }
        if self.tier.as_deref().is_some_and(|t| t.trim().is_empty()) {
            problems.push(ignored(names::TIER, "", Reason::Empty));
            self.tier = None;
        }
        (self, problems)
    }

    /// Applies the parameters to a state under these rules; returns what was ignored.
    pub fn apply(&self, rules: &RuleSet, target: &mut ParamTarget) -> Vec<Ignored> {
        let mut problems = Vec::new();
        let mut tier = |name: &str, id: &Option<String>| -> Option<String> {
            let id = id.as_deref()?.trim();
            if id.is_empty() || rules.tier(id).is_some() {
                Some(id.to_owned())
            } else {
                problems.push(ignored(
                    name,
                    id,
                    Reason::NoSuchTier {
                        known: tier_ids(rules),
                    },
                ));
                None
            }
        };
        if let Some(id) = tier(names::TIER, &self.tier) {
            target.selection.tier_id = id;
        }
        if let Some(id) = tier(names::MIN_TIER, &self.min_tier) {
            // Empty: any tier.
            target.need.min_tier = Some(id).filter(|id| !id.is_empty());
        }
        if let Some(text) = &self.addons {
            let (addons, errors) = parse_addons(text, rules);
            target.selection.addons = addons;
            // One notice however many items were bad: it counts them and names the first.
            let count = errors.len();
            if let Some(first) = errors.into_iter().next() {
                let reason = if count == 1 {
                    Reason::Addon(first.problem)
                } else {
                    Reason::ManyAddons {
                        count,
                        first: first.problem,
                    }
                };
                problems.push(ignored(names::ADDONS, &first.item, reason));
            }
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
            target.period_rule = PeriodRule::from_day(day as u32);
        }
        if let Some(v) = self.need {
            target.need.messages = v;
        }
        if let Some(v) = self.need_inmail {
            target.need.inmails = v;
        }
        problems
    }

    /// Every part of a state, for the saved state.
    pub fn of(target: &ParamTarget, preset: Option<Preset>) -> Params {
        Params {
            preset,
            tier: Some(target.selection.tier_id.clone()),
            addons: Some(target.selection.addons_param()),
            inmail_blocks: Some(target.selection.inmail_blocks),
            sent: Some(target.usage.sent),
            inmail_sent: Some(target.usage.inmail_sent),
            today: Some(target.today),
            billing_day: Some(u64::from(target.period_rule.day())),
            need: Some(target.need.messages),
            need_inmail: Some(target.need.inmails),
            min_tier: Some(target.need.min_tier.clone().unwrap_or_default()),
        }
    }

    /// Only what differs from `baseline` (the state the page's own settings give), for a
    /// short link that still reads back to the same state.
    pub fn changes(
        target: &ParamTarget,
        preset: Option<Preset>,
        baseline: &ParamTarget,
        baseline_preset: Option<Preset>,
    ) -> Params {
        let all = Params::of(target, preset);
        let base = Params::of(baseline, baseline_preset);
        fn keep<T: PartialEq>(value: Option<T>, base: Option<T>) -> Option<T> {
            if value == base {
                None
            } else {
                value
            }
        }
        Params {
            preset: keep(all.preset, base.preset),
            // The tier is always written: a link names the plan it is about.
            tier: all.tier,
            addons: keep(all.addons, base.addons),
            inmail_blocks: keep(all.inmail_blocks, base.inmail_blocks),
            sent: keep(all.sent, base.sent),
            inmail_sent: keep(all.inmail_sent, base.inmail_sent),
            today: keep(all.today, base.today),
            billing_day: keep(all.billing_day, base.billing_day),
            need: keep(all.need, base.need),
            need_inmail: keep(all.need_inmail, base.need_inmail),
            // Empty where the page set a minimum and the visitor chose any tier.
            min_tier: keep(all.min_tier, base.min_tier),
        }
    }

    /// The parameters as `(name, value)` pairs for a URL, in a stable order.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if let Some(p) = self.preset {
            out.push((names::PRESET, p.id.to_owned()));
        }
        let texts = [(names::TIER, &self.tier), (names::ADDONS, &self.addons)];
        for (name, value) in texts {
            if let Some(v) = value {
                out.push((name, v.clone()));
            }
        }
        let numbers = [
            (names::INMAIL_BLOCKS, self.inmail_blocks),
            (names::SENT, self.sent),
            (names::INMAIL_SENT, self.inmail_sent),
            (names::NEED, self.need),
            (names::NEED_INMAIL, self.need_inmail),
        ];
        for (name, value) in numbers {
            if let Some(v) = value {
                out.push((name, v.to_string()));
            }
        }
        if let Some(t) = &self.min_tier {
            out.push((names::MIN_TIER, t.clone()));
        }
        if let Some(d) = self.today {
            out.push((names::TODAY, iso_date(d)));
        }
        if let Some(d) = self.billing_day {
            out.push((names::BILLING_DAY, d.to_string()));
        }
        out
    }
}

/// Checks the syntax of every known parameter; unknown names are left alone (a host
/// page's own query parameters share the URL). An empty `min_tier` means "any tier".
pub fn parse_params<'a>(
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> (Params, Vec<Ignored>) {
    let mut params = Params::default();
    let mut problems = Vec::new();
    for (name, value) in pairs {
        if let Some(field) = COUNTS.iter().find(|(n, _)| *n == name).map(|(_, f)| *f) {
            match parse_count(value, field) {
                Ok(v) => {
                    if let Some(slot) = params.count_mut(name) {
                        *slot = Some(v);
                    }
                }
                Err(e) => problems.push(ignored(name, value, Reason::Count(e))),
            }
            continue;
        }
        let result: Result<(), Reason> = match name {
            names::PRESET => match Preset::find(value.trim()) {
                Some(p) => {
                    params.preset = Some(p);
                    Ok(())
                }
                None => Err(Reason::NoSuchPreset {
                    known: preset_ids(),
                }),
            },
            names::TIER if value.trim().is_empty() => Err(Reason::Empty),
            names::TIER => {
                params.tier = Some(value.trim().to_owned());
                Ok(())
            }
            names::MIN_TIER => {
                params.min_tier = Some(value.trim().to_owned());
                Ok(())
            }
            names::ADDONS => {
                params.addons = Some(value.to_owned());
                Ok(())
            }
            names::TODAY => match parse_iso_date(value.trim()) {
                Some(d) => {
                    params.today = Some(d);
                    Ok(())
                }
                None => Err(Reason::NotADate),
            },
            _ => Ok(()),
        };
        if let Err(reason) = result {
            problems.push(ignored(name, value, reason));
        }
    }
    (params, problems)
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
        let (params, problems) = parse_params([(names::ADDONS, text.as_str())]);
        assert!(problems.is_empty());
        let mut t = target(&rules);
        let problems = params.apply(&rules, &mut t);
        assert_eq!(t.selection.addons, [(100, 1)], "the good item applies");
        assert_eq!(
            problems,
            [ignored(
                names::ADDONS,
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
        assert_eq!(params.preset, Some(presets::LINKEDIN_HELP));
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
        let (params, problems) = Params {
            sent: Some(2_000_000),
            billing_day: Some(0),
            tier: Some(" ".into()),
            need: Some(5),
            ..Params::default()
        }
        .check();
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert_eq!(
            (params.sent, params.billing_day, params.tier, params.need),
            (None, None, None, Some(5))
        );
    }
}
