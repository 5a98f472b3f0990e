//! Building the first state from attributes, saved state and the page URL, in that order
//! of precedence (the URL wins, over the attributes alone: a shared link shows what was
//! shared).

use std::rc::Rc;

use chrono::NaiveDate;

use super::{Followed, Notice, Origin, RulesOrigin, Widget, SPEEDS};
use crate::engine::bill::Billing;
use crate::engine::period::PeriodRule;
use crate::engine::plan::{Selection, Usage};
use crate::engine::player::{Month, Scenario};
use crate::engine::presets::{self, Preset};
use crate::engine::recommend::Need;
use crate::engine::rules::RuleSet;
use crate::engine::send::Recipient;
use crate::host::attributes::{attribute_spelling, EmbedConfig};
use crate::host::link_rules::LinkRulesProblem;
use crate::host::params::{parse_params, ParamTarget, Params};
use crate::host::saved::{self, Restored};
use crate::host::Ignored;

/// What the page knows when a widget starts.
#[derive(Clone, Debug, Default)]
pub struct Init {
    pub config: EmbedConfig,
    /// Attributes (or a fetched rule set) that could not be used.
    pub problems: Vec<Ignored>,
    /// The page URL's query as decoded pairs, when the widget syncs with it.
    pub url_params: Option<Vec<(String, String)>>,
    /// The edited rules the URL's fragment carries, unpacked, when it carries any.
    pub link_rules: Option<Result<RuleSet, LinkRulesProblem>>,
    /// The widget's part of the page URL (`saved::link_key`), when it syncs with it.
    pub link_key: Option<String>,
    /// The saved state, when the widget remembers it.
    pub stored: Option<String>,
    pub local_today: Option<NaiveDate>,
}

/// The first state of a widget.
pub fn initial_widget(init: Init) -> Widget {
    let local_today = init
        .local_today
        .unwrap_or(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default());
    let mut notices: Vec<Notice> = init
        .problems
        .into_iter()
        .map(|p| Notice::Ignored(Origin::Page, p))
        .collect();

    let stored: Option<Restored> = init
        .stored
        .as_deref()
        .filter(|s| !s.trim().is_empty())
        .and_then(|text| match saved::read(text) {
            Ok(found) => Some(found),
            Err(problem) => {
                notices.push(Notice::SavedUnreadable(problem));
                None
            }
        });
    let (url_params, url_problems) = match &init.url_params {
        Some(pairs) => parse_params(pairs.iter().map(|(n, v)| (n.as_str(), v.as_str()))),
        None => (Params::default(), Vec::new()),
    };

    // The page URL as this widget left it (a reload, the same visit's history entry): the
    // saved state is at least as new (the URL is written once typing pauses, the state also
    // when the page is left), so it wins, and the URL's own values are not read again.
    let own_url = init.link_key.is_some()
        && stored.as_ref().and_then(|s| s.link.as_ref()) == init.link_key.as_ref();
    let (url_params, url_problems) = if own_url {
        (Params::default(), Vec::new())
    } else {
        (url_params, url_problems)
    };
    notices.extend(
        url_problems
            .into_iter()
            .map(|p| Notice::Ignored(Origin::Link, p)),
    );
    // Any other link shows what was shared: what it leaves out is the page's, never the
    // visitor's saved state.
    let link_rules = match init.link_rules.filter(|_| !own_url) {
        Some(Ok(rules)) => Some(rules),
        Some(Err(problem)) => {
            notices.push(Notice::LinkRulesUnusable(problem));
            None
        }
        None => None,
    };
    let link_given = !url_params.is_empty() || link_rules.is_some();
    let stored = stored.filter(|_| !link_given);

    // Rules: the visitor's own (the saved state's, when they changed the page's rules), then
    // the host's; otherwise the link's edited rules or preset, then saved rules or preset,
    // then the attribute's preset, then the article. (A saved state holds rules or a preset
    // on a page with rules of its own only when the visitor changed them.)
    let config = init.config;
    let visitors_own = config.rules.as_ref().and_then(|_| {
        let saved = stored.as_ref()?;
        match (&saved.rules, saved.params.preset()) {
            (Some(rules), _) => Some((rules.clone(), RulesOrigin::Custom)),
            (None, Some(preset)) => Some(preset_rules(preset)),
            (None, None) => None,
        }
    });
    let baseline_preset = match &config.rules {
        Some(_) => None,
        None => Some(config.params.preset().unwrap_or(presets::ARTICLE)),
    };
    let keeps_visitors_rules = visitors_own.is_some();
    let (rules, origin) = if let Some(own) = visitors_own {
        own
    } else if let Some(rules) = config.rules.clone() {
        (rules, RulesOrigin::Custom)
    } else if let Some(rules) = link_rules.clone() {
        (rules, RulesOrigin::Custom)
    } else if let Some(preset) = url_params.preset() {
        preset_rules(preset)
    } else if let Some(rules) = stored.as_ref().and_then(|s| s.rules.clone()) {
        (rules, RulesOrigin::Custom)
    } else {
        let saved_preset = stored.as_ref().and_then(|s| s.params.preset());
        preset_rules(
            saved_preset
                .or(config.params.preset())
                .unwrap_or(presets::ARTICLE),
        )
    };
    // A link that carries the page's own rules (its URL written by this widget) says nothing.
    let other_rules = link_rules.is_some() && link_rules != config.rules;
    if config.rules.is_some() && (url_params.preset().is_some() || other_rules) {
        notices.push(Notice::LinkPresetIgnored);
    }

    let mut target = default_target(&rules, local_today);
    let page_problems = config.params.apply(&rules, &mut target);
    // The page's settings are the page's to get right, for its own rules: under rules the
    // visitor chose instead, what does not fit them is left out without a word.
    let page_problems = match (&config.rules, keeps_visitors_rules) {
        (Some(page_rules), true) => {
            let mut scratch = default_target(page_rules, local_today);
            config.params.apply(page_rules, &mut scratch)
        }
        _ => page_problems,
    };
    for problem in page_problems {
        notices.push(Notice::Ignored(Origin::Page, attribute_spelling(problem)));
    }
    let baseline = target.clone();
    // A link holds what differs from the page's own settings, so it applies over those, not
    // over a saved state.
    if let Some(restored) = stored.as_ref() {
        for problem in restored.params.apply(&rules, &mut target) {
            notices.push(Notice::Ignored(Origin::Saved, problem));
        }
        // Saved on the real date (not a demo's): the clock is the visitor's own, and a
        // period that has ended since takes its usage with it.
        let demo_date = restored
            .params
            .today()
            .is_some_and(|d| d != restored.saved_on);
        if !demo_date {
            target.today = local_today;
            let then = target.period_rule.period_containing(restored.saved_on);
            let now = target.period_rule.period_containing(local_today);
            if then != now && (target.usage.sent > 0 || target.usage.inmail_sent > 0) {
                target.usage = Usage::default();
                notices.push(Notice::NewPeriod { start: now.start });
            }
        }
    }
    for problem in url_params.apply(&rules, &mut target) {
        notices.push(Notice::Ignored(Origin::Link, problem));
    }

    // The page's highlighted tier, when the rules have it.
    let highlight = config.highlight.clone().filter(|tier| {
        let known = rules.tier(tier).is_some();
        if !known {
            let known_ids = rules.tiers.iter().map(|t| t.id.clone()).collect();
            notices.push(Notice::Ignored(
                Origin::Page,
                crate::host::ignored(
                    "highlight",
                    tier,
                    crate::host::Reason::NoSuchTier { known: known_ids },
                ),
            ));
        }
        known
    });
    let scenario = Scenario::default();
    Widget {
        currency: target.currency,
        billing: target.billing,
        rules_draft: None,
        rules: Rc::new(rules),
        rules_origin: origin,
        selection: target.selection.clone(),
        month: Rc::new(Month::new(target.today, target.usage, scenario.seed)),
        period_rule: target.period_rule,
        local_today,
        locale: config.locale,
        chosen_locale: None,
        messages_src: config.messages_src,
        language_menu: config.language_menu,
        heading: config.heading,
        page_rules: config.rules.clone().map(Rc::new),
        checkout_url: config.checkout_url.clone(),
        highlight_label: config.highlight_label.clone(),
        highlight,
        theme: config.theme,
        sections: config.sections,
        share: config.share,
        recipient: Recipient::Connection,
        last_send: None,
        dialog: None,
        need: target.need,
        notices,
        dismissed: Vec::new(),
        scenario,
        playing: false,
        speed_ms: SPEEDS[1],
        large_text: false,
        rules_error: None,
        rules_status: None,
        drafts: Vec::new(),
        baseline,
        baseline_preset,
    }
}

/// What another tab's saved state `saved` holds for this widget, read as a visit would read
/// it (on this page, with no link): `None` when it cannot be used as a whole (another
/// version's, unreadable, or a value this page's rules do not take), so nothing half-read
/// is followed.
pub fn followed(init: &Init, saved: &str) -> Option<Followed> {
    let visit = Init {
        problems: Vec::new(),
        url_params: None,
        link_rules: None,
        link_key: None,
        stored: Some(saved.to_owned()),
        ..init.clone()
    };
    let widget = initial_widget(visit);
    let unusable = widget.notices.iter().any(|n| {
        matches!(
            n,
            Notice::SavedUnreadable(_) | Notice::Ignored(Origin::Saved, _)
        )
    });
    (!unusable).then(|| Followed {
        target: widget.param_target(),
        rules: widget.rules,
        rules_origin: widget.rules_origin,
    })
}

/// What a widget shows under `rules` when its page sets nothing: the first tier, no add-ons,
/// nothing sent yet, today, the calendar month, a need of 100 messages.
pub fn default_target(rules: &RuleSet, local_today: NaiveDate) -> ParamTarget {
    ParamTarget {
        selection: Selection::starter(rules),
        usage: Usage::default(),
        today: local_today,
        period_rule: PeriodRule::CalendarMonth,
        need: Need {
            messages: 100,
            inmails: 0,
            min_tier: None,
        },
        currency: rules.currency,
        billing: Billing::Monthly,
    }
}

fn preset_rules(preset: Preset) -> (RuleSet, RulesOrigin) {
    (preset.rules(), RulesOrigin::Preset(preset))
}
