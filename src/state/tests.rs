//! Journeys through the widget's state, as a visitor makes them, without a browser.

use super::*;
use crate::engine::fields::CountError;
use crate::engine::period::parse_iso_date;
use crate::engine::plan::FitChange;
use crate::engine::presets::{ARTICLE, LINKEDIN_HELP};
use crate::engine::rules::RuleProblem;
use crate::engine::send::Unblock;
use crate::host::attributes::parse_attributes;
use crate::host::attributes::Theme;
use crate::host::parts::Part;
use crate::host::Reason;

fn fresh() -> Widget {
    initial_widget(Init {
        local_today: parse_iso_date("2026-01-20"),
        ..Init::default()
    })
}

fn pairs(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (n, v) = p.split_once('=').unwrap_or((p, ""));
            (n.to_owned(), v.to_owned())
        })
        .collect()
}

fn with_url(query: &str) -> Widget {
    initial_widget(Init {
        url_params: Some(pairs(query)),
        local_today: parse_iso_date("2026-01-20"),
        ..Init::default()
    })
}

#[test]
fn a_fresh_widget_shows_basic_with_fifteen_messages() {
    let w = fresh();
    let s = w.summary();
    assert_eq!(
        (
            s.tier_name.as_str(),
            s.allowance,
            s.remaining,
            s.total_cents
        ),
        ("Basic", 15, 15, 0)
    );
    assert!(w.notices.shown().is_empty());
    assert_eq!(w.rules.origin, RulesOrigin::Preset(ARTICLE));
}

#[test]
fn sending_past_the_limit_blocks_and_an_option_unblocks() {
    let mut w = fresh();
    for _ in 0..15 {
        w.apply(Action::Send(SendAction::Send));
        assert_eq!(w.send.last.as_ref().unwrap().outcome_id(), "delivered");
    }
    assert_eq!(w.summary().remaining, 0);
    w.apply(Action::Send(SendAction::Send));
    assert_eq!(
        w.send.last,
        Some(LastSend::Blocked {
            allowance: 15,
            applied: None
        })
    );
    assert_eq!(w.summary().sent, 15, "not counted");
    assert_eq!(w.summary().total_cents, 0, "not charged");
    let dialog = w.send.dialog.clone().expect("the pop-up opens");
    let cheapest = dialog.options.iter().find(|o| o.cheapest).unwrap();
    assert_eq!(
        (cheapest.unblock.clone(), cheapest.price_cents),
        (Unblock::Bundle(25), 1499)
    );
    w.apply(Action::Send(SendAction::ApplyUnblock(Unblock::Bundle(25))));
    assert!(w.send.dialog.is_none());
    assert_eq!(
        w.send.last,
        Some(LastSend::Blocked {
            allowance: 15,
            applied: Some(Unblock::Bundle(25))
        })
    );
    assert_eq!(w.summary().allowance, 40);
    w.apply(Action::Send(SendAction::Send));
    assert_eq!(w.send.last, Some(LastSend::Delivered { remaining: 24 }));
}

#[test]
fn non_connections_are_offered_an_inmail() {
    let mut w = with_url("tier=recruiter-lite&inmail_sent=29");
    w.apply(Action::Send(SendAction::SetRecipient(
        Recipient::NotConnected,
    )));
    w.apply(Action::Send(SendAction::Send));
    assert_eq!(
        w.send.last,
        Some(LastSend::InMailOffered {
            credits_left: 1,
            charge_cents: 0
        })
    );
    w.apply(Action::Send(SendAction::SendInMail));
    assert_eq!(
        w.send.last,
        Some(LastSend::InMailSent {
            charge_cents: 0,
            credits_left: 0
        })
    );
    w.apply(Action::Send(SendAction::SendInMail));
    assert_eq!(
        w.send.last,
        Some(LastSend::InMailSent {
            charge_cents: 1000,
            credits_left: 0
        })
    );
    assert_eq!(w.summary().total_cents, 11995 + 1000);
    w.apply(Action::Send(SendAction::SetRecipient(Recipient::Group)));
    w.apply(Action::Send(SendAction::Send));
    assert_eq!(w.send.last.as_ref().unwrap().outcome_id(), "refused");
}

#[test]
fn a_shared_link_restores_the_state_and_names_bad_values() {
    let w = with_url("tier=sales-navigator&addons=100x1&sent=40&today=2026-02-10&billing_day=31&need=250&tier2=x&inmail_blocks=-2");
    let s = w.summary();
    assert_eq!((s.allowance, s.sent, s.total_cents), (150, 40, 11498));
    assert_eq!(
        crate::engine::period::iso_date(s.period.reset),
        "2026-02-28"
    );
    assert_eq!(w.choices.need.messages, 250);
    assert_eq!(
        w.notices.shown(),
        [Notice::Ignored(
            Origin::Link,
            crate::host::ignored("inmail_blocks", "-2", Reason::Count(CountError::Negative))
        )]
    );
    let query: Vec<String> = w
        .url_params()
        .into_iter()
        .map(|(n, v)| format!("{n}={v}"))
        .collect();
    assert_eq!(
        query.join("&"),
        "tier=sales-navigator&addons=100x1&sent=40&need=250&today=2026-02-10&billing_day=31"
    );
}

#[test]
fn saved_state_restores_and_corrupt_state_falls_back_with_a_notice() {
    let mut w = fresh();
    w.apply(Action::Plan(PlanAction::SelectTier("recruiter".into())));
    w.apply(Action::Field(Field::Addon(200), Edit::Set(2)));
    let saved = w.saved_state(None);
    let back = initial_widget(Init {
        stored: Some(saved),
        local_today: parse_iso_date("2026-01-20"),
        ..Init::default()
    });
    assert_eq!(back.choices.selection, w.choices.selection);
    assert!(back.notices.shown().is_empty());

    let good = w.saved_state(None);
    for corrupt in [
        "v=1&tier=basic&sent=lots".to_owned(),
        "%%%".to_owned(),
        good.replace("\"sent\":0", "\"sent\":\"lots\""),
        good.replace("\"v\":2", "\"v\":7"),
        good.replace("}}", "},\"rules\":{\"id\":\"x\"}}"),
    ] {
        let back = initial_widget(Init {
            stored: Some(corrupt.clone()),
            local_today: parse_iso_date("2026-01-20"),
            ..Init::default()
        });
        assert_eq!(
            back.choices.selection,
            fresh().choices.selection,
            "{corrupt}"
        );
        assert_eq!(
            back.notices.shown().len(),
            1,
            "{corrupt}: {:?}",
            back.notices.shown()
        );
        assert!(
            matches!(back.notices.shown()[0], Notice::SavedUnreadable(_)),
            "{:?}",
            back.notices.shown()[0]
        );
    }
}

#[test]
fn custom_rules_are_saved_with_the_state() {
    let mut w = fresh();
    w.apply(Action::Field(
        Field::Rule(RuleField::TierMessages(0)),
        Edit::Set(20),
    ));
    w.apply(Action::Editor(EditorAction::Apply));
    assert_eq!(w.rules.origin, RulesOrigin::Custom);
    let back = initial_widget(Init {
        stored: Some(w.saved_state(None)),
        local_today: parse_iso_date("2026-01-20"),
        ..Init::default()
    });
    assert_eq!(back.summary().allowance, 20);
}

#[test]
fn attributes_set_the_start_and_the_url_overrides_them() {
    let (config, problems) = parse_attributes(
        [("tier", "recruiter"), ("addons", "25x2"), ("theme", "dark")],
        false,
    );
    let w = initial_widget(Init {
        config: config.clone(),
        problems: problems.clone(),
        local_today: parse_iso_date("2026-01-20"),
        ..Init::default()
    });
    assert_eq!(w.summary().allowance, 200);
    assert_eq!(w.summary().total_cents, 26993);
    let w = initial_widget(Init {
        config,
        problems,
        url_params: Some(pairs("tier=basic")),
        local_today: parse_iso_date("2026-01-20"),
        ..Init::default()
    });
    assert_eq!(w.summary().allowance, 65);
}

#[test]
fn an_invalid_rule_edit_never_replaces_the_working_rules() {
    let mut w = fresh();
    let before = w.rules.clone();
    w.apply(Action::Editor(EditorAction::Edit(
        w.editor
            .text(&w.rules.set)
            .replace("\"price_cents\": 2999", "\"price_cents\": -2999"),
    )));
    w.apply(Action::Editor(EditorAction::Apply));
    assert_eq!(w.rules, before);
    let Said::Invalid(error) = w.editor.said.clone() else {
        panic!("the problem is named: {:?}", w.editor.said)
    };
    assert_eq!(
        (error.path.as_str(), error.problem),
        ("tiers[1].price_cents", RuleProblem::Negative)
    );
    w.apply(Action::Editor(EditorAction::Edit(
        w.editor.text(&w.rules.set).replace("-2999", "3999"),
    )));
    w.apply(Action::Editor(EditorAction::Apply));
    assert_eq!(w.editor.said, Said::Applied);
    assert_eq!(w.rules.set.tiers[1].price_cents, 3999);
    assert_eq!(w.rules.origin, RulesOrigin::Custom);
    w.apply(Action::Editor(EditorAction::LoadPreset(ARTICLE)));
    assert_eq!(w.rules.origin, RulesOrigin::Preset(ARTICLE));
}

#[test]
fn switching_presets_fits_the_selection() {
    let mut w = fresh();
    w.apply(Action::Editor(EditorAction::LoadPreset(LINKEDIN_HELP)));
    w.apply(Action::Plan(PlanAction::SelectTier(
        "premium-career".into(),
    )));
    w.apply(Action::Plan(PlanAction::SetMinTier(Some(
        "premium-career".into(),
    ))));
    w.apply(Action::Editor(EditorAction::LoadPreset(ARTICLE)));
    assert_eq!(w.choices.selection.tier_id, "basic");
    assert_eq!(w.choices.need.min_tier, None);
    assert_eq!(
        w.notices.shown(),
        [Notice::RulesChanged(FitChange::TierNotSold(
            "premium-career".into()
        ))]
    );
}

#[test]
fn applying_the_recommendation_sets_the_selection() {
    let mut w = fresh();
    w.apply(Action::Field(Field::NeedMessages, Edit::Set(120)));
    w.apply(Action::Field(Field::NeedInMails, Edit::Set(10)));
    w.apply(Action::Plan(PlanAction::ApplyRecommendation));
    assert_eq!(w.choices.selection.tier_id, "basic");
    assert_eq!(w.choices.selection.addons, [(25, 1), (100, 1)]);
    assert_eq!(w.choices.selection.inmail_blocks, 4);
    assert_eq!(w.summary().allowance, 140);
}

#[test]
fn auto_play_pauses_on_the_pop_up_and_resumes() {
    let mut w = with_url("today=2026-01-01");
    w.apply(Action::Field(Field::ScenarioPerDay, Edit::Set(3)));
    for (i, share) in [1, 0, 0, 0, 0].into_iter().enumerate() {
        w.apply(Action::Field(Field::ScenarioShare(i), Edit::Set(share)));
    }
    w.apply(Action::Player(PlayerAction::Play));
    let mut steps = 0;
    while w.player.playing() && steps < 60 {
        w.apply(Action::Player(PlayerAction::Step));
        steps += 1;
    }
    assert!(!w.player.playing(), "paused");
    assert!(w.send.dialog.is_some());
    assert_eq!(w.summary().sent, 15);
    assert_eq!(
        w.month.today,
        parse_iso_date("2026-01-08").unwrap(),
        "3 a working day from Thu 1 Jan: the 16th is on Thu 8th"
    );
    w.apply(Action::Send(SendAction::ApplyUnblock(Unblock::Bundle(100))));
    w.apply(Action::Player(PlayerAction::Play));
    w.apply(Action::Player(PlayerAction::Step));
    assert!(w.send.dialog.is_none());
    assert_eq!(
        w.summary().sent,
        17,
        "the rest of the day's sends go through"
    );
    w.apply(Action::Player(PlayerAction::JumpToReset));
    assert_eq!(w.month.today, parse_iso_date("2026-02-01").unwrap());
    assert_eq!(w.summary().sent, 0);
}

#[test]
fn changed_attributes_reconfigure_a_running_widget() {
    let mut w = fresh();
    w.apply(Action::Send(SendAction::Send));
    let (config, problems) = parse_attributes(
        [
            ("tier", "recruiter"),
            ("theme", "dark"),
            ("locale", "de"),
            ("addons", "30x1"),
        ],
        false,
    );
    w.apply(Action::Host(HostAction::Configure(
        Box::new(config),
        problems,
    )));
    assert_eq!(w.choices.selection.tier_id, "recruiter");
    assert_eq!(w.page.theme, Theme::Dark);
    assert_eq!(w.page.locale.as_deref(), Some("de"));
    assert_eq!(w.summary().sent, 1, "usage stays");
    assert_eq!(
        w.notices.shown(),
        [Notice::Ignored(
            Origin::Page,
            crate::host::ignored(
                "addons",
                "30x1",
                Reason::Addon(crate::engine::plan::AddonProblem::NoSuchBundle)
            )
        )]
    );
}

#[test]
fn typed_counts_reach_their_targets() {
    let mut w = fresh();
    w.apply(Action::Field(Field::Addon(100), Edit::Set(2)));
    w.apply(Action::Field(Field::InMailBlocks, Edit::Set(3)));
    w.apply(Action::Field(Field::Sent, Edit::Set(7)));
    w.apply(Action::Field(Field::ScenarioShare(4), Edit::Set(500)));
    w.apply(Action::Field(
        Field::Rule(RuleField::BlockPrice),
        Edit::Set(1200),
    ));
    assert_eq!(w.summary().allowance, 215);
    assert_eq!(w.choices.selection.inmail_blocks, 3);
    assert_eq!(w.summary().sent, 7);
    assert_eq!(w.player.scenario.shares[4], 100, "shares are percentages");
    w.apply(Action::Field(
        Field::ScenarioShare(3),
        Edit::Type("150".into()),
    ));
    assert_eq!(
        w.player.scenario.shares[3], 3,
        "a typed share over 100 is refused, not clamped"
    );
    assert_eq!(
        w.field_text(Field::ScenarioShare(3)).error,
        Some(CountError::TooLarge(100))
    );
    assert!(w
        .editor
        .text(&w.rules.set)
        .contains("\"block_price_cents\": 1200"));
    assert_eq!(
        w.rules.set.inmail.block_price_cents, 1000,
        "not applied yet"
    );
    assert!(Field::Rule(RuleField::TierPrice(0)).is_money());
    assert!(!Field::Sent.is_money());
}

#[test]
fn saved_usage_from_an_earlier_period_starts_again_from_zero() {
    let mut w = fresh();
    w.apply(Action::Field(Field::Sent, Edit::Set(9)));
    w.apply(Action::Plan(PlanAction::SelectTier("recruiter".into())));
    let saved = w.saved_state(None);
    let same_month = initial_widget(Init {
        stored: Some(saved.clone()),
        local_today: parse_iso_date("2026-01-31"),
        ..Init::default()
    });
    assert_eq!(same_month.summary().sent, 9);
    assert!(same_month.notices.shown().is_empty());
    let next_month = initial_widget(Init {
        stored: Some(saved),
        local_today: parse_iso_date("2026-02-03"),
        ..Init::default()
    });
    assert_eq!(next_month.summary().sent, 0);
    assert_eq!(
        next_month.choices.selection.tier_id, "recruiter",
        "the plan stays"
    );
    assert_eq!(
        next_month.notices.shown(),
        [Notice::NewPeriod {
            start: parse_iso_date("2026-02-01").unwrap()
        }]
    );
    assert_eq!(
        next_month.month.today,
        parse_iso_date("2026-02-03").unwrap()
    );
}

#[test]
fn a_field_keeps_what_was_typed_while_it_stands_for_the_value() {
    let mut w = fresh();
    let price = Field::Rule(RuleField::TierPrice(1));
    w.apply(Action::Field(price, Edit::Type("29.9".into())));
    assert_eq!(w.field_value(price), Some(2990));
    let shown = w.field_text(price);
    assert_eq!(
        (shown.text.as_str(), shown.error),
        ("29.9", None),
        "not rewritten to 29.90 mid-typing"
    );
    w.apply(Action::Field(Field::Sent, Edit::Type(" 4 ".into())));
    assert_eq!(w.summary().sent, 4);
    assert_eq!(w.field_text(Field::Sent).text, " 4 ");
}

#[test]
fn a_bad_number_keeps_the_text_with_a_message_and_the_last_valid_value() {
    let mut w = fresh();
    w.apply(Action::Field(Field::Sent, Edit::Type("5".into())));
    w.apply(Action::Field(Field::Sent, Edit::Type("-3".into())));
    assert_eq!(w.summary().sent, 5);
    let shown = w.field_text(Field::Sent);
    assert_eq!(shown.text, "-3");
    assert_eq!(shown.error, Some(CountError::Negative));
    // A change from elsewhere replaces the text and clears the message.
    w.apply(Action::Send(SendAction::Send));
    assert_eq!(w.summary().sent, 6);
    let shown = w.field_text(Field::Sent);
    assert_eq!((shown.text.as_str(), shown.error), ("6", None));
}

#[test]
fn arrow_keys_step_within_the_range() {
    let mut w = fresh();
    w.apply(Action::Field(
        Field::InMailBlocks,
        Edit::Step(Direction::Down),
    ));
    assert_eq!(w.choices.selection.inmail_blocks, 0, "not below zero");
    w.apply(Action::Field(
        Field::InMailBlocks,
        Edit::Step(Direction::Up),
    ));
    w.apply(Action::Field(
        Field::InMailBlocks,
        Edit::Step(Direction::Up),
    ));
    assert_eq!(w.choices.selection.inmail_blocks, 2);
    assert_eq!(w.field_text(Field::InMailBlocks).text, "2");
    let price = Field::Rule(RuleField::BlockPrice);
    let before = w.field_value(price);
    w.apply(Action::Field(price, Edit::Step(Direction::Up)));
    assert_eq!(
        w.field_value(price),
        before,
        "prices are typed, not stepped"
    );
}

#[test]
fn the_rule_form_keeps_its_place_while_an_edit_breaks_a_limit() {
    let mut w = fresh();
    let size = Field::Rule(RuleField::BundleSize(1));
    // Typing 2, then 25, into the second bundle's size: 25 is the first bundle's size.
    w.apply(Action::Field(size, Edit::Type("2".into())));
    assert_eq!(w.field_value(size), Some(2));
    assert_eq!(
        w.field_value(Field::Rule(RuleField::BundlePrice(1))),
        Some(4999),
        "the field still shows the same bundle: nothing was re-sorted"
    );
    w.apply(Action::Field(size, Edit::Type("25".into())));
    assert!(w.editor.form(&w.rules.set).is_some(), "the form stays");
    assert_eq!(w.field_text(size).text, "25");
    let Said::Invalid(error) = w.editor.said.clone() else {
        panic!("the problem is named: {:?}", w.editor.said)
    };
    assert_eq!(error.path, "bundles[1].size");
    assert!(matches!(
        error.problem,
        RuleProblem::DuplicateBundle { size: 25, first: 0 }
    ));
    w.apply(Action::Field(size, Edit::Type("250".into())));
    assert_eq!(w.editor.said, Said::Nothing);
    assert!(w.editor.draft.is_some(), "the change waits to be applied");
}

#[test]
fn a_draft_the_form_cannot_read_leaves_the_fields_empty_without_a_message() {
    let mut w = fresh();
    w.apply(Action::Editor(EditorAction::Edit("{".into())));
    assert!(w.editor.form(&w.rules.set).is_none());
    let price = Field::Rule(RuleField::TierPrice(0));
    assert_eq!(w.field_value(price), None);
    assert_eq!(w.field_text(price).text, "");
    assert_eq!(
        &*w.editor.text(&w.rules.set),
        "{",
        "what was typed is what the editor holds"
    );
}

#[test]
fn rules_without_a_source_apply_export_and_come_back() {
    let mut w = fresh();
    let mut value: serde_json::Value = serde_json::from_str(ARTICLE.json()).unwrap();
    value.as_object_mut().unwrap().remove("source");
    let text = value.to_string();
    assert!(!text.contains("source"));
    w.apply(Action::Editor(EditorAction::Import(
        text.replace("\"Article\"", "\"Mine\""),
    )));
    assert_eq!(w.editor.said, Said::Applied);
    assert_eq!(w.rules.set.name, "Mine");
    assert!(w.editor.form(&w.rules.set).is_some(), "the form shows");
    let exported = w.rules.set.to_json();
    let mut again = fresh();
    again.apply(Action::Editor(EditorAction::Import(exported)));
    assert_eq!(again.rules, w.rules);
    let back = initial_widget(Init {
        stored: Some(w.saved_state(None)),
        local_today: parse_iso_date("2026-01-20"),
        ..Init::default()
    });
    assert!(
        back.notices.shown().is_empty(),
        "{:?}",
        back.notices.shown()
    );
    assert_eq!(back.rules, w.rules);
}

#[test]
fn the_clock_stops_at_the_last_day_it_can_write() {
    let mut w = with_url("today=9999-12-31");
    w.apply(Action::Player(PlayerAction::NextDay));
    w.apply(Action::Player(PlayerAction::JumpToReset));
    assert_eq!(w.month.today, parse_iso_date("9999-12-31").unwrap());
    w.apply(Action::Player(PlayerAction::Play));
    w.apply(Action::Player(PlayerAction::Step));
    assert!(
        !w.player.playing(),
        "auto-play stops at the end of the calendar"
    );
    let back = with_url(
        &w.url_params()
            .iter()
            .map(|(n, v)| format!("{n}={v}"))
            .collect::<Vec<_>>()
            .join("&"),
    );
    assert!(back.notices.shown().is_empty());
    assert_eq!(back.month.today, w.month.today);
}

#[test]
fn a_changed_attribute_does_not_repeat_a_notice_already_given() {
    let mut w = fresh();
    let configure = |w: &mut Widget, theme: &str, tier: &str| {
        let (config, problems) = parse_attributes([("theme", theme), ("tier", tier)], false);
        w.apply(Action::Host(HostAction::Configure(
            Box::new(config),
            problems,
        )));
    };
    configure(&mut w, "purple", "basic");
    assert_eq!(w.notices.shown().len(), 1);
    configure(&mut w, "purple", "recruiter");
    assert_eq!(w.notices.shown().len(), 1, "the same warning, once");
    assert_eq!(w.choices.selection.tier_id, "recruiter");
    w.apply(Action::Notices(NoticeAction::DismissAll));
    configure(&mut w, "purple", "basic");
    assert!(w.notices.shown().is_empty(), "dismissed stays dismissed");
    configure(&mut w, "pink", "basic");
    assert_eq!(w.notices.shown().len(), 1, "a new warning shows");
}

#[test]
fn a_highlight_the_rules_do_not_sell_is_said_once_and_stays_dismissed() {
    let page = |tier: &str| parse_attributes([("highlight", "gold"), ("tier", tier)], false);
    let (config, problems) = page("basic");
    let mut w = initial_widget(Init {
        config,
        problems,
        local_today: parse_iso_date("2026-01-20"),
        ..Init::default()
    });
    let said = |w: &Widget| {
        w.notices
            .shown()
            .iter()
            .filter(|n| matches!(n, Notice::Ignored(Origin::Page, i) if i.name == "highlight"))
            .count()
    };
    assert_eq!(said(&w), 1, "said at the start");
    assert_eq!(
        w.highlighted(),
        None,
        "no mark on a tier the rules do not sell"
    );
    let configure = |w: &mut Widget, tier: &str| {
        let (config, problems) = page(tier);
        w.apply(Action::Host(HostAction::Configure(
            Box::new(config),
            problems,
        )));
    };
    configure(&mut w, "recruiter");
    assert_eq!(said(&w), 1, "an attribute update does not say it again");
    w.apply(Action::Notices(NoticeAction::DismissAll));
    configure(&mut w, "basic");
    assert_eq!(said(&w), 0, "dismissed stays dismissed");
    // Rules that sell it: the mark shows, with nothing to say.
    let (config, problems) = parse_attributes([("highlight", "recruiter")], false);
    w.apply(Action::Host(HostAction::Configure(
        Box::new(config),
        problems,
    )));
    assert_eq!(w.highlighted(), Some(("recruiter".to_owned(), None)));
}

#[test]
fn a_shared_link_shows_what_was_shared_whatever_the_visitor_saved() {
    let visitor = with_url("tier=sales-navigator&addons=100x1&sent=128");
    let stored = visitor.saved_state(None);
    let start = |query: &str| {
        initial_widget(Init {
            stored: Some(stored.clone()),
            url_params: Some(pairs(query)),
            local_today: parse_iso_date("2026-01-20"),
            ..Init::default()
        })
    };
    // The link says Premium Business at its limit, and nothing of add-ons: none were shared.
    let shared = start("tier=premium-business&sent=30");
    assert_eq!(shared.choices.selection.tier_id, "premium-business");
    assert!(
        shared.choices.selection.addons.is_empty(),
        "{:?}",
        shared.choices.selection
    );
    assert_eq!(shared.summary().remaining, 0);
    assert!(
        shared.notices.shown().is_empty(),
        "{:?}",
        shared.notices.shown()
    );
    // With no link, the saved state comes back whole.
    let back = start("");
    assert_eq!(back.choices.selection, visitor.choices.selection);
    assert_eq!(back.summary().sent, 128);
    // The standalone page's own link is its state's diff, so a reload is the same state.
    let query = visitor
        .url_params()
        .iter()
        .map(|(n, v)| format!("{n}={v}"))
        .collect::<Vec<_>>()
        .join("&");
    let reloaded = start(&query);
    assert_eq!(reloaded.choices.selection, visitor.choices.selection);
    assert_eq!(reloaded.summary(), visitor.summary());
}

#[test]
fn every_field_has_its_own_name_and_the_documented_test_id() {
    use super::RuleField;
    let counts = [
        Field::Addon(25),
        Field::Addon(100),
        Field::InMailBlocks,
        Field::Sent,
        Field::InMailSent,
        Field::NeedMessages,
        Field::NeedInMails,
        Field::ReplyRate,
        Field::ScenarioPerDay,
        Field::ScenarioShare(0),
        Field::ScenarioShare(4),
        Field::ReadRate,
        Field::Seed,
        Field::Rule(RuleField::TierPrice(0)),
        Field::Rule(RuleField::TierMessages(0)),
        Field::Rule(RuleField::TierCredits(1)),
        Field::Rule(RuleField::BundleSize(0)),
        Field::Rule(RuleField::BundlePrice(0)),
        Field::Rule(RuleField::BlockSize),
        Field::Rule(RuleField::BlockPrice),
        Field::Rule(RuleField::PayPerInMail),
    ];
    let mut names: Vec<String> = counts.iter().map(|c| c.name()).collect();
    names.sort();
    names.dedup();
    assert_eq!(
        names.len(),
        counts.len(),
        "element ids are unique: {names:?}"
    );
    // The README's testing contract.
    assert_eq!(Field::Addon(100).test_id(None), "addon-count-100");
    assert_eq!(Field::Sent.test_id(None), "sent-count");
    assert_eq!(Field::InMailSent.test_id(None), "inmail-sent-count");
    assert_eq!(Field::NeedMessages.test_id(None), "need-messages");
    assert_eq!(Field::ReplyRate.test_id(None), "reply-rate");
    assert_eq!(
        Field::ScenarioShare(2).test_id(None),
        "scenario-share-not-connected"
    );
    assert_eq!(
        Field::Rule(RuleField::TierPrice(3)).test_id(Some("premium-business")),
        "rules-tier-price-premium-business"
    );
    assert_eq!(
        Field::Rule(RuleField::BundleSize(1)).test_id(None),
        "rules-bundle-size-1"
    );
    assert_eq!(Field::Addon(25).part(), Part::Calculator);
    assert_eq!(Field::NeedInMails.part(), Part::Compare);
    assert_eq!(Field::Seed.part(), Part::Demo);
    assert_eq!(Field::Rule(RuleField::BlockSize).part(), Part::Rules);
}

#[test]
fn a_reload_of_the_widgets_own_url_keeps_a_change_saved_after_it() {
    use crate::host::params::parse_params;
    use crate::host::saved::link_key;
    // The URL the widget last wrote: Recruiter.
    let written = pairs("tier=recruiter&today=2026-01-20");
    let (params, _) = parse_params(written.iter().map(|(n, v)| (n.as_str(), v.as_str())));
    let key = link_key(&params, None);
    // A change, saved as the page was left, beside that URL: Premium Business.
    let mut w = with_url("tier=recruiter&today=2026-01-20");
    w.apply(Action::Plan(PlanAction::SelectTier(
        "premium-business".into(),
    )));
    let saved = w.saved_state(Some(key.clone()));
    let reload = |url: &str, key: Option<String>| {
        initial_widget(Init {
            url_params: Some(pairs(url)),
            link_key: key,
            stored: Some(saved.clone()),
            local_today: parse_iso_date("2026-01-20"),
            ..Init::default()
        })
    };
    // The same URL: the saved change wins.
    assert_eq!(
        reload("tier=recruiter&today=2026-01-20", Some(key))
            .choices
            .selection
            .tier_id,
        "premium-business"
    );
    // Another link: it shows what was shared.
    let other = pairs("tier=basic&today=2026-01-20");
    let (params, _) = parse_params(other.iter().map(|(n, v)| (n.as_str(), v.as_str())));
    let shared = reload("tier=basic&today=2026-01-20", Some(link_key(&params, None)));
    assert_eq!(shared.choices.selection.tier_id, "basic");
}

#[test]
fn another_tabs_save_is_followed_or_offered_never_lost() {
    let init = Init {
        local_today: parse_iso_date("2026-01-20"),
        ..Init::default()
    };
    // The other tab picked Premium Business and sent 7.
    let mut other = initial_widget(init.clone());
    other.apply(Action::Plan(PlanAction::SelectTier(
        "premium-business".into(),
    )));
    other.apply(Action::Field(Field::Sent, Edit::Set(7)));
    let saved = other.saved_state(None);
    let theirs = Rc::new(followed(&init, &saved).expect("a save this page reads"));

    // Nothing pending here: followed.
    let mut here = initial_widget(init.clone());
    here.apply(Action::Host(HostAction::FollowSaved(
        theirs.clone(),
        Unsaved::Nothing,
    )));
    assert_eq!(here.choices.selection.tier_id, "premium-business");
    assert_eq!(here.month.usage.sent, 7);
    assert!(here.notices.shown().is_empty());
    // The same save again changes nothing and says nothing.
    let before = here.clone();
    here.apply(Action::Host(HostAction::FollowSaved(
        theirs.clone(),
        Unsaved::Changes,
    )));
    assert_eq!(here, before);

    // A change here not saved yet: offered instead, and this tab's plan stays.
    let mut busy = initial_widget(init.clone());
    busy.apply(Action::Field(Field::Sent, Edit::Set(3)));
    busy.apply(Action::Host(HostAction::FollowSaved(
        theirs.clone(),
        Unsaved::Changes,
    )));
    assert_eq!(busy.month.usage.sent, 3);
    assert_eq!(
        busy.notices.shown(),
        vec![Notice::OtherTabSaved(theirs.clone())]
    );
    busy.apply(Action::Host(HostAction::LoadOffered(theirs.clone())));
    assert_eq!(busy.month.usage.sent, 7);
    assert!(busy.notices.shown().is_empty());

    // A draft of rules being typed is not discarded by following either.
    let mut editing = initial_widget(init.clone());
    editing.apply(Action::Editor(EditorAction::Edit("{".into())));
    editing.apply(Action::Host(HostAction::FollowSaved(
        theirs,
        Unsaved::Nothing,
    )));
    assert!(editing.editor.draft.is_some());
    assert!(matches!(
        editing.notices.shown()[..],
        [Notice::OtherTabSaved(_)]
    ));

    // A save this page cannot read whole is not followed.
    assert!(followed(&init, "{\"v\": 99}").is_none());
    assert!(followed(&init, "not json").is_none());
}

#[test]
fn a_reply_rate_lowers_what_inmails_cost_where_credits_come_back_and_reads_back_from_a_link() {
    let mut w = fresh();
    w.apply(Action::Field(Field::ReplyRate, Edit::Type("250".into())));
    assert_eq!(w.choices.reply_percent, 0, "out of range: refused");
    w.apply(Action::Field(Field::ReplyRate, Edit::Set(60)));
    assert_eq!(w.choices.reply_percent, 60);
    // The article's tiers give no credit back: the bill is as without replies.
    w.apply(Action::Field(Field::InMailSent, Edit::Set(10)));
    let summary = w.summary();
    assert_eq!(summary.inmail.refunded, 0);
    assert_eq!(summary.inmail.answered, 6);
    assert_eq!(
        summary.per_answered_cents,
        Some((summary.total_cents * 2 + 6) / 12)
    );
    assert!(
        w.url_params().contains(&("reply_rate", "60".to_owned())),
        "{:?}",
        w.url_params()
    );
}

#[test]
fn a_played_month_is_a_plan_again_once_its_plan_or_its_inmails_typed_change() {
    let mut w = fresh();
    w.apply(Action::Player(PlayerAction::NextDay));
    assert!(
        w.month.usage.played.is_some(),
        "played from the first day on"
    );
    w.apply(Action::Field(Field::Sent, Edit::Set(3)));
    assert!(
        w.month.usage.played.is_some(),
        "messages typed leave the credits as played"
    );
    w.apply(Action::Plan(PlanAction::SelectTier("recruiter".into())));
    assert_eq!(w.month.usage.played, None, "another plan");
    assert_eq!(w.month.credits, None);
    w.apply(Action::Player(PlayerAction::NextDay));
    w.apply(Action::Field(Field::InMailSent, Edit::Set(2)));
    assert_eq!(w.month.usage.played, None, "InMails typed");
}
