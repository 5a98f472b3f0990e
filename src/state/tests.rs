//! Journeys through the widget's state, as a visitor makes them, without a browser.

use super::*;
use crate::engine::embed_config::parse_attributes;
use crate::engine::period::parse_iso_date;
use crate::engine::presets::{ARTICLE, LINKEDIN_HELP};

fn fresh() -> Widget {
    initial_widget(Init {
        local_today: parse_iso_date("2026-01-20"),
        ..Init::default()
    })
}

fn with_url(query: &str) -> Widget {
    initial_widget(Init {
        url_query: Some(query.into()),
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
    assert!(w.notices.is_empty());
    assert_eq!(w.rules_origin, RulesOrigin::Preset(ARTICLE));
}

#[test]
fn sending_past_the_limit_blocks_and_an_option_unblocks() {
    let mut w = fresh();
    for _ in 0..15 {
        w.apply(Action::Send);
        assert_eq!(w.last_send.as_ref().unwrap().outcome_id(), "delivered");
    }
    assert_eq!(w.summary().remaining, 0);
    w.apply(Action::Send);
    assert_eq!(
        w.last_send,
        Some(LastSend::Blocked {
            allowance: 15,
            applied: None
        })
    );
    assert_eq!(w.summary().sent, 15, "not counted");
    assert_eq!(w.summary().total_cents, 0, "not charged");
    let dialog = w.dialog.clone().expect("the pop-up opens");
    let cheapest = dialog.options.iter().find(|o| o.cheapest).unwrap();
    assert_eq!(
        (cheapest.unblock.clone(), cheapest.price_cents),
        (Unblock::Bundle(25), 1499)
    );
    w.apply(Action::ApplyUnblock(Unblock::Bundle(25)));
    assert!(w.dialog.is_none());
    assert_eq!(
        w.last_send,
        Some(LastSend::Blocked {
            allowance: 15,
            applied: Some("Add 25 messages".into())
        })
    );
    assert_eq!(w.summary().allowance, 40);
    w.apply(Action::Send);
    assert_eq!(w.last_send, Some(LastSend::Delivered { remaining: 24 }));
}

#[test]
fn non_connections_are_offered_an_inmail() {
    let mut w = with_url("tier=recruiter-lite&inmail_sent=29");
    w.apply(Action::SetRecipient(Recipient::NotConnected));
    w.apply(Action::Send);
    assert_eq!(
        w.last_send,
        Some(LastSend::InMailOffered {
            credits_left: 1,
            charge_cents: 0
        })
    );
    w.apply(Action::SendInMail);
    assert_eq!(
        w.last_send,
        Some(LastSend::InMailSent {
            charge_cents: 0,
            credits_left: 0
        })
    );
    w.apply(Action::SendInMail);
    assert_eq!(
        w.last_send,
        Some(LastSend::InMailSent {
            charge_cents: 1000,
            credits_left: 0
        })
    );
    assert_eq!(w.summary().total_cents, 11995 + 1000);
    w.apply(Action::SetRecipient(Recipient::Group));
    w.apply(Action::Send);
    assert_eq!(w.last_send.as_ref().unwrap().outcome_id(), "refused");
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
    assert_eq!(w.need.messages, 250);
    assert_eq!(
        w.notices,
        ["Link: inmail_blocks=\"-2\" was ignored: must not be negative."]
    );
    let query: Vec<String> = w
        .params()
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
    w.apply(Action::SelectTier("recruiter".into()));
    w.apply(Action::SetAddonCount {
        size: 200,
        count: 2,
    });
    let saved = storage_value(&w);
    let back = initial_widget(Init {
        stored: Some(saved),
        local_today: parse_iso_date("2026-01-20"),
        ..Init::default()
    });
    assert_eq!(back.selection, w.selection);
    assert!(back.notices.is_empty());

    for corrupt in [
        "v=1&tier=basic&sent=lots",
        "%%%",
        "v=1&rules=%7Bbad",
        "tier=basic",
        "v=2&tier=basic",
        "v=1&tier=basic&colour=red",
    ] {
        let back = initial_widget(Init {
            stored: Some(corrupt.into()),
            local_today: parse_iso_date("2026-01-20"),
            ..Init::default()
        });
        assert_eq!(back.selection, fresh().selection, "{corrupt}");
        assert_eq!(back.notices.len(), 1, "{corrupt}: {:?}", back.notices);
        assert!(
            back.notices[0].starts_with("Saved state could not be read"),
            "{}",
            back.notices[0]
        );
    }
}

#[test]
fn custom_rules_are_saved_with_the_state() {
    let mut w = fresh();
    w.apply(Action::SetCount(
        Count::Rule(RuleField::TierMessages(0)),
        20,
    ));
    w.apply(Action::ApplyRulesDraft);
    assert_eq!(w.rules_origin, RulesOrigin::Custom);
    let back = initial_widget(Init {
        stored: Some(storage_value(&w)),
        local_today: parse_iso_date("2026-01-20"),
        ..Init::default()
    });
    assert_eq!(back.summary().allowance, 20);
}

#[test]
fn attributes_set_the_start_and_the_url_overrides_them() {
    let (config, warnings) = parse_attributes(
        [("tier", "recruiter"), ("addons", "25x2"), ("theme", "dark")],
        false,
        "https://x.test",
    );
    let w = initial_widget(Init {
        config: config.clone(),
        warnings: warnings.clone(),
        local_today: parse_iso_date("2026-01-20"),
        ..Init::default()
    });
    assert_eq!(w.summary().allowance, 200);
    assert_eq!(w.summary().total_cents, 26993);
    let w = initial_widget(Init {
        config,
        warnings,
        url_query: Some("tier=basic".into()),
        local_today: parse_iso_date("2026-01-20"),
        ..Init::default()
    });
    assert_eq!(w.summary().allowance, 65);
}

#[test]
fn an_invalid_rule_edit_never_replaces_the_working_rules() {
    let mut w = fresh();
    let before = w.rules.clone();
    w.apply(Action::EditRulesDraft(
        w.rules_draft
            .replace("\"price_cents\": 2999", "\"price_cents\": -2999"),
    ));
    w.apply(Action::ApplyRulesDraft);
    assert_eq!(w.rules, before);
    let error = w.rules_error.clone().unwrap();
    assert_eq!(
        (error.path.as_str(), error.message.as_str()),
        ("tiers[1].price_cents", "must not be negative")
    );
    w.apply(Action::EditRulesDraft(
        w.rules_draft.replace("-2999", "3999"),
    ));
    w.apply(Action::ApplyRulesDraft);
    assert!(w.rules_error.is_none());
    assert_eq!(w.rules.tiers[1].price_cents, 3999);
    assert_eq!(w.rules_origin, RulesOrigin::Custom);
    w.apply(Action::LoadPreset(ARTICLE));
    assert_eq!(w.rules_origin, RulesOrigin::Preset(ARTICLE));
}

#[test]
fn switching_presets_fits_the_selection() {
    let mut w = fresh();
    w.apply(Action::LoadPreset(LINKEDIN_HELP));
    w.apply(Action::SelectTier("premium-career".into()));
    w.apply(Action::SetMinTier(Some("premium-career".into())));
    w.apply(Action::LoadPreset(ARTICLE));
    assert_eq!(w.selection.tier_id, "basic");
    assert_eq!(w.need.min_tier, None);
    assert_eq!(w.notices.len(), 1);
}

#[test]
fn applying_the_recommendation_sets_the_selection() {
    let mut w = fresh();
    w.apply(Action::SetNeedMessages(120));
    w.apply(Action::SetNeedInMails(10));
    w.apply(Action::ApplyRecommendation);
    assert_eq!(w.selection.tier_id, "basic");
    assert_eq!(w.selection.addons, [(25, 1), (100, 1)]);
    assert_eq!(w.selection.inmail_blocks, 4);
    assert_eq!(w.summary().allowance, 140);
}

#[test]
fn auto_play_pauses_on_the_pop_up_and_resumes() {
    let mut w = with_url("today=2026-01-01");
    w.apply(Action::SetScenario(Scenario {
        per_working_day: 3,
        shares: [1, 0, 0, 0, 0],
        ..Scenario::default()
    }));
    w.apply(Action::Play);
    let mut steps = 0;
    while w.playing && steps < 60 {
        w.apply(Action::Step);
        steps += 1;
    }
    assert!(!w.playing, "paused");
    assert!(w.dialog.is_some());
    assert_eq!(w.summary().sent, 15);
    assert_eq!(
        w.month.today,
        parse_iso_date("2026-01-08").unwrap(),
        "3 a working day from Thu 1 Jan: the 16th is on Thu 8th"
    );
    w.apply(Action::ApplyUnblock(Unblock::Bundle(100)));
    w.apply(Action::Play);
    w.apply(Action::Step);
    assert!(w.dialog.is_none());
    assert_eq!(
        w.summary().sent,
        17,
        "the rest of the day's sends go through"
    );
    w.apply(Action::JumpToReset);
    assert_eq!(w.month.today, parse_iso_date("2026-02-01").unwrap());
    assert_eq!(w.summary().sent, 0);
}

#[test]
fn changed_attributes_reconfigure_a_running_widget() {
    let mut w = fresh();
    w.apply(Action::Send);
    let (config, warnings) = parse_attributes(
        [
            ("tier", "recruiter"),
            ("theme", "dark"),
            ("locale", "de"),
            ("addons", "30x1"),
        ],
        false,
        "https://x.test",
    );
    w.apply(Action::Configure(Box::new(config), warnings));
    assert_eq!(w.selection.tier_id, "recruiter");
    assert_eq!(w.theme, Theme::Dark);
    assert_eq!(w.locale.tag, "de-DE");
    assert_eq!(w.summary().sent, 1, "usage stays");
    assert_eq!(
        w.notices,
        ["addons=\"30x1\" was ignored: names no bundle size of these rules"]
    );
}

#[test]
fn button_commands_and_fields_name_actions() {
    assert_eq!(Action::from_command("next-day"), Some(Action::NextDay));
    assert_eq!(
        Action::from_command("preset:linkedin-help"),
        Some(Action::LoadPreset(LINKEDIN_HELP))
    );
    assert_eq!(Action::from_command("preset:nope"), None);
    assert_eq!(
        Action::from_command("unblock-addon:25"),
        Some(Action::ApplyUnblock(Unblock::Bundle(25)))
    );
    assert_eq!(Action::from_command("unblock-addon:x"), None);
    assert_eq!(
        Action::from_command("unblock-tier:recruiter"),
        Some(Action::ApplyUnblock(Unblock::Tier("recruiter".into())))
    );
    assert_eq!(Action::from_command("launch-rockets"), None);
    assert_eq!(
        Action::from_field("recipient", "group", false),
        Some(Action::SetRecipient(Recipient::Group))
    );
    assert_eq!(Action::from_field("recipient", "martian", false), None);
    assert_eq!(
        Action::from_field("min-tier", "", false),
        Some(Action::SetMinTier(None))
    );
    assert_eq!(
        Action::from_field("billing-day", "31", false),
        Some(Action::SetBillingDay(Some(31)))
    );
    assert_eq!(
        Action::from_field("scenario-inmail", "on", true),
        Some(Action::SetScenarioInMail(true))
    );
}

#[test]
fn typed_counts_reach_their_targets() {
    let mut w = fresh();
    w.apply(Action::SetCount(Count::Addon(100), 2));
    w.apply(Action::SetCount(Count::InMailBlocks, 3));
    w.apply(Action::SetCount(Count::Sent, 7));
    w.apply(Action::SetCount(Count::ScenarioShare(4), 500));
    w.apply(Action::SetCount(Count::Rule(RuleField::BlockPrice), 1200));
    assert_eq!(w.summary().allowance, 215);
    assert_eq!(w.selection.inmail_blocks, 3);
    assert_eq!(w.summary().sent, 7);
    assert_eq!(w.scenario.shares[4], 100, "shares are percentages");
    assert!(w.rules_draft.contains("\"block_price_cents\": 1200"));
    assert_eq!(w.rules.inmail.block_price_cents, 1000, "not applied yet");
    assert!(Count::Rule(RuleField::TierPrice(0)).is_money());
    assert!(!Count::Sent.is_money());
}

#[test]
fn saved_usage_from_an_earlier_period_starts_again_from_zero() {
    let mut w = fresh();
    w.apply(Action::SetSent(9));
    w.apply(Action::SelectTier("recruiter".into()));
    let saved = storage_value(&w);
    let same_month = initial_widget(Init {
        stored: Some(saved.clone()),
        local_today: parse_iso_date("2026-01-31"),
        ..Init::default()
    });
    assert_eq!(same_month.summary().sent, 9);
    assert!(same_month.notices.is_empty());
    let next_month = initial_widget(Init {
        stored: Some(saved),
        local_today: parse_iso_date("2026-02-03"),
        ..Init::default()
    });
    assert_eq!(next_month.summary().sent, 0);
    assert_eq!(next_month.selection.tier_id, "recruiter", "the plan stays");
    assert_eq!(next_month.notices, ["A new period began on Sun 1 Feb 2026 since your last visit, so this month's usage starts from zero."]);
}

#[test]
fn a_field_keeps_what_was_typed_while_it_stands_for_the_value() {
    let mut w = fresh();
    let price = Count::Rule(RuleField::TierPrice(1));
    w.apply(Action::TypeCount(price, "29.9".into()));
    assert_eq!(w.count_value(price), Some(2990));
    let shown = w.field_text(price, 2990);
    assert_eq!(
        (shown.text.as_str(), shown.error),
        ("29.9", None),
        "not rewritten to 29.90 mid-typing"
    );
    w.apply(Action::TypeCount(Count::Sent, " 4 ".into()));
    assert_eq!(w.summary().sent, 4);
    assert_eq!(w.field_text(Count::Sent, 4).text, " 4 ");
}

#[test]
fn a_bad_number_keeps_the_text_with_a_message_and_the_last_valid_value() {
    let mut w = fresh();
    w.apply(Action::TypeCount(Count::Sent, "5".into()));
    w.apply(Action::TypeCount(Count::Sent, "-3".into()));
    assert_eq!(w.summary().sent, 5);
    let shown = w.field_text(Count::Sent, 5);
    assert_eq!(shown.text, "-3");
    assert_eq!(
        shown.error.as_deref(),
        Some("Must not be negative — still using 5")
    );
    // A change from elsewhere replaces the text and clears the message.
    w.apply(Action::Send);
    assert_eq!(w.summary().sent, 6);
    let shown = w.field_text(Count::Sent, 6);
    assert_eq!((shown.text.as_str(), shown.error), ("6", None));
}

#[test]
fn arrow_keys_step_within_the_range() {
    let mut w = fresh();
    w.apply(Action::StepCount(Count::InMailBlocks, false));
    assert_eq!(w.selection.inmail_blocks, 0, "not below zero");
    w.apply(Action::StepCount(Count::InMailBlocks, true));
    w.apply(Action::StepCount(Count::InMailBlocks, true));
    assert_eq!(w.selection.inmail_blocks, 2);
    assert_eq!(w.field_text(Count::InMailBlocks, 2).text, "2");
    let price = Count::Rule(RuleField::BlockPrice);
    let before = w.count_value(price);
    w.apply(Action::StepCount(price, true));
    assert_eq!(
        w.count_value(price),
        before,
        "prices are typed, not stepped"
    );
}

#[test]
fn every_count_has_a_field_name_that_reads_back() {
    let mut counts = vec![
        Count::Addon(25),
        Count::InMailBlocks,
        Count::Sent,
        Count::InMailSent,
        Count::NeedMessages,
        Count::NeedInMails,
        Count::ScenarioPerDay,
        Count::ScenarioShare(4),
        Count::ReadRate,
        Count::Seed,
    ];
    for i in [0, 3] {
        counts.extend(
            [
                RuleField::TierPrice(i),
                RuleField::TierMessages(i),
                RuleField::TierCredits(i),
                RuleField::BundleSize(i),
                RuleField::BundlePrice(i),
            ]
            .map(Count::Rule),
        );
    }
    counts.extend(
        [
            RuleField::BlockSize,
            RuleField::BlockPrice,
            RuleField::PayPerInMail,
        ]
        .map(Count::Rule),
    );
    for count in counts {
        assert_eq!(
            Count::from_key(&count.key()),
            Some(count),
            "{}",
            count.key()
        );
    }
    for bad in [
        "",
        "addon",
        "addon:x",
        "share:5",
        "rule:tier-price",
        "rule:nope",
        "sent:1x",
    ] {
        assert_eq!(Count::from_key(bad), None, "{bad}");
    }
}
