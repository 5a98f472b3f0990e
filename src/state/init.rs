//! Building the first state from attributes, saved state and the page URL, in that order
//! of precedence (the URL wins, over the attributes alone: a shared link shows what was
//! shared).

use std::rc::Rc;

use chrono::NaiveDate;

use super::{
    ActiveRules, Display, Drafts, Editor, Followed, Notice, Notices, Origin, Player, RulesOrigin,
    Sending, Widget,
};
use crate::engine::plan::Usage;
use crate::engine::player::Month;
use crate::engine::presets::{self, Preset};
use crate::engine::rules::RuleSet;
use crate::host::attributes::{attribute_spelling, EmbedConfig};
use crate::host::link_rules::LinkRulesProblem;
use crate::host::params::{parse_params, Choices, Params};
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
    let mut notices = Notices::default();
    for problem in init.problems {
        notices.notify(Notice::Ignored(Origin::Page, problem));
    }

    let stored: Option<Restored> = init
        .stored
        .as_deref()
        .filter(|s| !s.trim().is_empty())
        .and_then(|text| match saved::read(text) {
            Ok(found) => Some(found),
            Err(problem) => {
                notices.notify(Notice::SavedUnreadable(problem));
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
    for problem in url_problems {
        notices.notify(Notice::Ignored(Origin::Link, problem));
    }
    // Any other link shows what was shared: what it leaves out is the page's, never the
    // visitor's saved state.
    let link_rules = match init.link_rules.filter(|_| !own_url) {
        Some(Ok(rules)) => Some(Rc::new(rules)),
        Some(Err(problem)) => {
            notices.notify(Notice::LinkRulesUnusable(problem));
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
            (Some(rules), _) => Some((Rc::new(rules.clone()), RulesOrigin::Custom)),
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
        (Rc::new(rules), RulesOrigin::Custom)
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
        notices.notify(Notice::LinkPresetIgnored);
    }

    let rules = ActiveRules { set: rules, origin };
    let player = Player::default();
    let mut choices = Choices::starter(&rules.set);
    let mut month = Month::new(local_today, Usage::default(), player.scenario.seed);
    let page_problems = config.params.apply(&rules.set, &mut choices, &mut month);
    // The page's settings are the page's to get right, for its own rules: under rules the
    // visitor chose instead, what does not fit them is left out without a word.
    let page_problems = match (&config.rules, keeps_visitors_rules) {
        (Some(page_rules), true) => {
            let mut choices = Choices::starter(page_rules);
            let mut month = Month::new(local_today, Usage::default(), 0);
            config.params.apply(page_rules, &mut choices, &mut month)
        }
        _ => page_problems,
    };
    for problem in page_problems {
        notices.notify(Notice::Ignored(Origin::Page, attribute_spelling(problem)));
    }
    let baseline = Params::of(&choices, &month, baseline_preset);
    // A link holds what differs from the page's own settings, so it applies over those, not
    // over a saved state.
    if let Some(restored) = stored.as_ref() {
        for problem in restored.params.apply(&rules.set, &mut choices, &mut month) {
            notices.notify(Notice::Ignored(Origin::Saved, problem));
        }
        // Saved on the real date (not a demo's): the clock is the visitor's own, and a
        // period that has ended since takes its usage with it.
        let demo_date = restored
            .params
            .today()
            .is_some_and(|d| d != restored.saved_on);
        if !demo_date {
            month.today = local_today;
            let then = choices.period_rule.period_containing(restored.saved_on);
            let now = choices.period_rule.period_containing(local_today);
            if then != now && (month.usage.sent > 0 || month.usage.inmail_sent > 0) {
                month.usage = Usage::default();
                notices.notify(Notice::NewPeriod { start: now.start });
            }
        }
    }
    for problem in url_params.apply(&rules.set, &mut choices, &mut month) {
        notices.notify(Notice::Ignored(Origin::Link, problem));
    }
    for problem in super::page_problems(&config, &rules.set) {
        notices.notify(Notice::Ignored(Origin::Page, problem));
    }
    Widget {
        page: Rc::new(config),
        rules,
        choices,
        month: Rc::new(month),
        send: Sending::default(),
        player,
        editor: Editor::default(),
        notices,
        drafts: Drafts::default(),
        display: Display::default(),
        local_today,
        baseline: Rc::new(baseline),
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
    let unusable = widget.notices.shown().iter().any(|n| {
        matches!(
            n,
            Notice::SavedUnreadable(_) | Notice::Ignored(Origin::Saved, _)
        )
    });
    (!unusable).then_some(Followed {
        rules: widget.rules,
        choices: widget.choices,
        month: widget.month,
    })
}

fn preset_rules(preset: Preset) -> (Rc<RuleSet>, RulesOrigin) {
    (Rc::new(preset.rules()), RulesOrigin::Preset(preset))
}
