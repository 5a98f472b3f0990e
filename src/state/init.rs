//! Building the first state from attributes, saved state and the page URL, in that order
//! of precedence (the URL wins: a shared link shows what was shared).

use std::rc::Rc;

use chrono::NaiveDate;

use super::{RulesOrigin, Widget, SPEEDS};
use crate::engine::embed_config::EmbedConfig;
use crate::engine::params::{join_query, names, parse_params, split_query, ParamTarget, Params};
use crate::engine::period::PeriodRule;
use crate::engine::plan::{Selection, Usage};
use crate::engine::player::{Month, Scenario};
use crate::engine::presets::{self, Preset};
use crate::engine::recommend::{Need, Recommender};
use crate::engine::rules::RuleSet;
use crate::engine::send::Recipient;

/// The storage form's name for custom rules (never used in URLs: too long).
const STORED_RULES: &str = "rules";
/// The storage form's version, so a future format is never misread.
const STORED_VERSION: (&str, &str) = ("v", "1");
/// The storage form's record of the day it was saved, so a later visit can tell that a
/// period has passed.
const STORED_ON: &str = "saved_on";

/// What the page knows when a widget starts.
#[derive(Clone, Debug, Default)]
pub struct Init {
    pub config: EmbedConfig,
    /// Warnings from reading the attributes (or fetching their rules).
    pub warnings: Vec<String>,
    /// The page URL's query, when the widget syncs with it.
    pub url_query: Option<String>,
    /// The saved state, when the widget remembers it.
    pub stored: Option<String>,
    pub local_today: Option<NaiveDate>,
}

/// Saved state: the URL parameters, plus custom rules when they are active.
pub fn storage_value(widget: &Widget) -> String {
    let mut pairs = vec![(STORED_VERSION.0, STORED_VERSION.1.to_owned())];
    pairs.extend(widget.params());
    pairs.push((
        STORED_ON,
        crate::engine::period::iso_date(widget.local_today),
    ));
    if widget.rules_origin == RulesOrigin::Custom {
        pairs.push((STORED_RULES, widget.rules.to_json()));
    }
    join_query(pairs.iter().map(|(n, v)| (*n, v.as_str())))
}

/// Reads saved state: all or nothing, since a half-restored state would surprise.
fn read_stored(text: &str) -> Result<(Params, Option<RuleSet>, Option<NaiveDate>), String> {
    let pairs = split_query(text);
    if !pairs
        .iter()
        .any(|(n, v)| n == STORED_VERSION.0 && v == STORED_VERSION.1)
    {
        return Err("unknown format".into());
    }
    let known = |name: &str| {
        [STORED_VERSION.0, STORED_RULES, STORED_ON].contains(&name) || names::ALL.contains(&name)
    };
    let saved_on = match pairs.iter().find(|(n, _)| n == STORED_ON) {
        Some((_, day)) => {
            Some(crate::engine::period::parse_iso_date(day).ok_or("a bad save date")?)
        }
        None => None,
    };
    if let Some((name, _)) = pairs.iter().find(|(n, _)| !known(n)) {
        return Err(format!("unknown entry \"{name}\""));
    }
    let rules = match pairs.iter().find(|(n, _)| n == STORED_RULES) {
        Some((_, json)) => Some(RuleSet::from_json(json).map_err(|e| e.to_string())?),
        None => None,
    };
    let (params, problems) = parse_params(pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())));
    match problems.first() {
        Some(p) => Err(p.to_string()),
        None => Ok((params, rules, saved_on)),
    }
}

/// The first state of a widget.
pub fn initial_widget(init: Init) -> Widget {
    let local_today = init
        .local_today
        .unwrap_or(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default());
    let mut notices = init.warnings.clone();

    let stored = init
        .stored
        .as_deref()
        .filter(|s| !s.trim().is_empty())
        .and_then(|text| match read_stored(text) {
            Ok(found) => Some(found),
            Err(reason) => {
                notices.push(format!(
                    "Saved state could not be read ({reason}), so the defaults apply."
                ));
                None
            }
        });
    let (url_params, url_problems) = match &init.url_query {
        Some(query) => {
            let pairs = split_query(query);
            parse_params(pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())))
        }
        None => (Params::default(), Vec::new()),
    };
    notices.extend(url_problems.iter().map(|p| format!("Link: {p}.")));

    // Rules: the host's own first; otherwise the URL's preset, then saved rules or preset,
    // then the attribute's preset, then the article.
    let host_fixed = init.config.rules.is_some();
    let preset_choice = [
        url_params.preset,
        stored.as_ref().and_then(|(p, _, _)| p.preset),
        init.config.params.preset,
    ];
    let (rules, origin) = if let Some(rules) = init.config.rules.clone() {
        (rules, RulesOrigin::Custom)
    } else if let Some(preset) = url_params.preset {
        preset_rules(preset)
    } else if let Some(rules) = stored.as_ref().and_then(|(_, r, _)| r.clone()) {
        (rules, RulesOrigin::Custom)
    } else {
        preset_rules(
            preset_choice
                .into_iter()
                .flatten()
                .next()
                .unwrap_or(presets::ARTICLE),
        )
    };
    if host_fixed && url_params.preset.is_some() {
        notices.push("Link: preset was ignored: this page sets its own rules.".into());
    }

    let mut target = ParamTarget {
        selection: Selection::starter(&rules),
        usage: Usage::default(),
        today: local_today,
        period_rule: PeriodRule::CalendarMonth,
        need: Need {
            messages: 100,
            inmails: 0,
            min_tier: None,
        },
    };
    for problem in init.config.params.apply(&rules, &mut target) {
        notices.push(crate::engine::embed_config::attribute_warning(&problem));
    }
    if let Some((params, _, saved_on)) = &stored {
        for problem in params.apply(&rules, &mut target) {
            notices.push(format!("Saved state: {problem}."));
        }
        // Saved on the real date (not a demo's) in an earlier period: its usage is over.
        if let (None, Some(saved_on)) = (params.today, saved_on) {
            let then = target.period_rule.period_containing(*saved_on);
            let now = target.period_rule.period_containing(target.today);
            if then != now && (target.usage.sent > 0 || target.usage.inmail_sent > 0) {
                target.usage = Usage::default();
                notices.push(format!(
                    "A new period began on {} since your last visit, so this month's usage starts from zero.",
                    crate::engine::period::human_date(now.start)
                ));
            }
        }
    }
    for problem in url_params.apply(&rules, &mut target) {
        notices.push(format!("Link: {problem}."));
    }

    let scenario = Scenario::default();
    Widget {
        recommender: Rc::new(Recommender::new(&rules)),
        rules_draft: rules.to_json(),
        rules: Rc::new(rules),
        rules_origin: origin,
        selection: target.selection,
        month: Month::new(target.today, target.usage, scenario.seed),
        period_rule: target.period_rule,
        local_today,
        locale: init.config.locale,
        theme: init.config.theme,
        sections: init.config.sections,
        recipient: Recipient::Connection,
        last_send: None,
        dialog: None,
        need: target.need,
        notices,
        scenario,
        playing: false,
        speed_ms: SPEEDS[1].0,
        large_text: false,
        rules_error: None,
        rules_message: None,
        drafts: Vec::new(),
    }
}

fn preset_rules(preset: Preset) -> (RuleSet, RulesOrigin) {
    match preset.try_rules() {
        Ok(rules) => (rules, RulesOrigin::Preset(preset)),
        // Presets are proven to parse by tests; this keeps the start panic-free regardless.
        Err(_) => (fallback_rules(), RulesOrigin::Custom),
    }
}

fn fallback_rules() -> RuleSet {
    use crate::engine::rules::{InMailPricing, Tier};
    RuleSet {
        id: "fallback".into(),
        name: "Fallback".into(),
        source: String::new(),
        tiers: vec![Tier {
            id: "basic".into(),
            name: "Basic".into(),
            price_cents: 0,
            free_messages: 15,
            inmail_credits: 0,
            inmail_rollover_cap: None,
        }],
        bundles: Vec::new(),
        inmail: InMailPricing {
            block_size: 3,
            block_price_cents: 1000,
            pay_per_inmail_cents: 1000,
        },
    }
}
