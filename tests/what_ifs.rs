//! Every figure the widget shows for a state the visitor could move to is the figure that
//! state gives: choose a way to unblock, use a recommended plan, take a row of the table or
//! a point of the chart, send an InMail, and the calculator shows exactly the total that was
//! shown for it. Over random rule sets, selections and usage (InMail usage below and above
//! every tier's credits).
// Native only: proptest is not in the browser.
#![cfg(not(target_arch = "wasm32"))]

use messaging_quota::engine::bill::{Billing, Terms};
use messaging_quota::engine::chart::cost_chart;
use messaging_quota::engine::compare::compare;
use messaging_quota::engine::currency::Currency;
use messaging_quota::engine::fields::CountField;
use messaging_quota::engine::period::parse_iso_date;
use messaging_quota::engine::recommend::{exhaustive, Need, Plan, Recommender};
use messaging_quota::engine::rules::{
    BundleOf, InMailPricingOf, PromotionOf, RuleSet, RuleSetOf, SeatsOf, Sharing, TaxOf, TierOf,
};
use messaging_quota::engine::send::Recipient;
use messaging_quota::engine::tax::TaxMode;
use messaging_quota::host::attributes::EmbedConfig;
use messaging_quota::state::{
    initial_widget, Action, Edit, Field, Init, LastSend, PlanAction, SendAction, Widget,
};
use proptest::prelude::*;

/// Random rules, some of whose prices have quarterly and yearly prices (between half and the
/// whole of three and twelve months), priced in one of three currencies of 0, 2 and 3 minor
/// digits, with or without a tax (included in the prices or not) and a promotion.
fn rule_set() -> impl Strategy<Value = RuleSet> {
    let yearly = prop::option::of(50u64..=100);
    // Some tiers sold by the seat: the fewest and most seats, and caps on what a seat uses.
    let seats = prop::option::of((
        1u64..4,
        0u64..8,
        prop::option::of(0u64..200),
        prop::option::of(0u64..40),
    ));
    let tier = (0u64..40_000, 0u64..300, 0u64..60, yearly.clone(), seats);
    let tax = prop::option::of((0u64..=2_500, any::<bool>()));
    // Percent or amount off, the tiers (a bit mask), the periods (a mask), the months.
    let promotion = (
        prop_oneof![
            (1u64..=100).prop_map(|p| (Some(p), None)),
            (1u64..5_000).prop_map(|a| (None, Some(a)))
        ],
        0u8..32,
        0u8..8,
        prop::option::of(1u64..=24),
    );
    (
        prop::collection::vec(tier, 1..6),
        prop::collection::btree_map(1u64..=300, (1u64..30_000, yearly.clone()), 0..5),
        (1u64..=10, 1u64..5_000, 0u64..3_000, yearly),
        prop::sample::select(vec!["USD", "JPY", "KWD"]),
        (tax, promotion),
    )
        .prop_map(
            |(
                tiers,
                bundles,
                (block_size, block_price, pay_per, block_yearly),
                currency,
                (tax, promotion),
            )| {
                // A yearly price as a share of twelve months, in percent; a quarterly one as
                // the same share of three months.
                let year = |monthly: u64, share: Option<u64>| share.map(|p| monthly * 12 * p / 100);
                let quarter =
                    |monthly: u64, share: Option<u64>| share.map(|p| monthly * 3 * p / 100);
                let ((percent_off, amount_off_cents), tier_mask, period_mask, months) = promotion;
                let tier_count = tiers.len();
                RuleSetOf {
                    id: "random".into(),
                    name: "Random".into(),
                    source: None,
                    currency: Currency::find(currency).unwrap(),
                    tiers: tiers
                        .into_iter()
                        .enumerate()
                        .map(|(i, (price, messages, credits, share, seats))| TierOf {
                            id: format!("t{i}"),
                            name: format!("Tier {i}"),
                            price_cents: price,
                            quarterly_price_cents: quarter(price, share.filter(|_| i % 2 == 0)),
                            yearly_price_cents: year(price, share),
                            free_messages: messages,
                            inmail_credits: credits,
                            inmail_rollover_cap: None,
                            inmail_credit_days: None,
                            inmail_refund_days: (i % 2 == 0).then_some(90),
                            trial_days: None,
                            checkout_url: None,
                            features: Vec::new(),
                            contact_url: None,
                            seats: seats.map(|(min, more, message_cap, inmail_cap)| SeatsOf {
                                min,
                                max: min + more,
                                messages: Sharing::Pooled,
                                inmail: Sharing::Pooled,
                                message_cap,
                                inmail_cap,
                            }),
                        })
                        .collect(),
                    bundles: bundles
                        .into_iter()
                        .map(|(size, (price_cents, share))| BundleOf {
                            size,
                            price_cents,
                            quarterly_price_cents: quarter(price_cents, share).map(|q| q.max(1)),
                            yearly_price_cents: year(price_cents, share).map(|y| y.max(1)),
                        })
                        .collect(),
                    inmail: InMailPricingOf {
                        block_size,
                        block_price_cents: block_price,
                        quarterly_block_price_cents: None,
                        yearly_block_price_cents: year(block_price, block_yearly).map(|y| y.max(1)),
                        pay_per_inmail_cents: pay_per,
                        block_credit_days: None,
                    },
                    price_lists: Vec::new(),
                    checkout_url: None,
                    features: Vec::new(),
                    highlight: None,
                    highlight_label: None,
                    tax: tax.map(|(rate_basis_points, included)| TaxOf {
                        name: "VAT".into(),
                        rate_basis_points,
                        included,
                    }),
                    promotions: vec![PromotionOf {
                        id: "offer".into(),
                        name: None,
                        percent_off,
                        amount_off_cents,
                        tiers: (0..tier_count)
                            .filter(|i| tier_mask & (1 << i) != 0)
                            .map(|i| format!("t{i}"))
                            .collect(),
                        periods: Billing::ALL
                            .iter()
                            .enumerate()
                            .filter(|(i, _)| period_mask & (1 << i) != 0)
                            .map(|(_, b)| b.id().to_owned())
                            .collect(),
                        months,
                        until: None,
                    }],
                }
            },
        )
}

/// Terms to play under: a billing the rules sell, a tax mode, the promotion or none.
fn terms() -> impl Strategy<Value = (usize, Option<TaxMode>, bool)> {
    (
        0usize..3,
        prop::option::of(prop_oneof![
            Just(TaxMode::Inclusive),
            Just(TaxMode::Exclusive)
        ]),
        any::<bool>(),
    )
}

/// Puts the widget under those terms (a billing it does not sell stays monthly).
fn under(w: &mut Widget, (billing, tax, promoted): (usize, Option<TaxMode>, bool)) -> Terms {
    w.apply(Action::Plan(PlanAction::SetBilling(Billing::ALL[billing])));
    if let Some(mode) = tax {
        w.apply(Action::Plan(PlanAction::SetTax(mode)));
    }
    w.choices.promotion = promoted.then(|| "offer".to_owned());
    w.choices.terms(&w.rules.set)
}

/// A widget on a page that sets these rules, with this selection and usage.
fn widget(rules: &RuleSet, tier: usize, counts: &[u64], blocks: u64, inmail_sent: u64) -> Widget {
    let mut w = initial_widget(Init {
        config: EmbedConfig {
            rules: Some(std::rc::Rc::new(rules.clone())),
            ..EmbedConfig::default()
        },
        local_today: parse_iso_date("2026-05-12"),
        ..Init::default()
    });
    w.apply(Action::Plan(PlanAction::SelectTier(
        rules.tiers[tier % rules.tiers.len()].id.clone(),
    )));
    for (bundle, count) in rules.bundles.iter().zip(counts) {
        w.apply(Action::Field(Field::Addon(bundle.size), Edit::Set(*count)));
    }
    w.apply(Action::Field(Field::InMailBlocks, Edit::Set(blocks)));
    w.apply(Action::Field(Field::InMailSent, Edit::Set(inmail_sent)));
    w
}

/// Sets the usage to a need: that many messages and InMails sent this period.
fn at_need(w: &mut Widget, need: &Need) {
    w.apply(Action::Field(Field::Sent, Edit::Set(need.team_messages())));
    w.apply(Action::Field(
        Field::InMailSent,
        Edit::Set(need.team_inmails()),
    ));
}

/// Applies a plan's selection through the calculator's own fields.
fn choose(w: &mut Widget, plan: &Plan) {
    w.apply(Action::Plan(PlanAction::SelectTier(plan.tier_id.clone())));
    w.apply(Action::Field(Field::Seats, Edit::Set(plan.seats)));
    for bundle in w.rules.set.bundles.clone() {
        w.apply(Action::Field(Field::Addon(bundle.size), Edit::Set(0)));
    }
    for &(size, count) in &plan.addons {
        w.apply(Action::Field(Field::Addon(size), Edit::Set(count)));
    }
    w.apply(Action::Field(
        Field::InMailBlocks,
        Edit::Set(plan.inmail_blocks),
    ));
}

fn within_fields(plan: &Plan) -> bool {
    let max = |f: CountField| f.range().1;
    plan.addons
        .iter()
        .all(|&(_, c)| c <= max(CountField::AddonCount))
        && plan.inmail_blocks <= max(CountField::InMailBlocks)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Each way to unblock shows the total the calculator shows once it is chosen, and the
    /// one marked cheapest has the lowest of them.
    #[test]
    fn each_way_to_unblock_costs_what_it_showed(
        rules in rule_set(),
        tier in 0usize..6,
        counts in prop::collection::vec(0u64..4, 5),
        blocks in 0u64..4,
        inmail_sent in 0u64..200,
        terms in terms(),
    ) {
        let mut w = widget(&rules, tier, &counts, blocks, inmail_sent);
        under(&mut w, terms);
        let allowance = w.summary().allowance;
        w.apply(Action::Field(Field::Sent, Edit::Set(allowance.min(1_000_000))));
        w.apply(Action::Send(SendAction::Send));
        let blocked = w.send.dialog.clone().expect("a send at the limit is blocked");
        // Ranked by what the visitor pays now: the first billing period.
        let lowest = blocked.options.iter().map(|o| o.new_period_cents).min();
        prop_assert_eq!(blocked.options.first().map(|o| o.new_period_cents), lowest);
        prop_assert!(blocked.options.iter().enumerate().all(|(i, o)| o.cheapest == (i == 0)));
        for option in &blocked.options {
            let mut chosen = w.clone();
            chosen.apply(Action::Send(SendAction::ApplyUnblock(option.unblock.clone())));
            let summary = chosen.summary();
            prop_assert_eq!(summary.total_cents, option.new_total_cents, "{:?}", option.unblock);
            prop_assert_eq!(summary.year_cents, option.new_year_cents);
            prop_assert_eq!(summary.bill.period_cents, option.new_period_cents);
            prop_assert_eq!(summary.bill.first_charge(), option.new_charge);
            prop_assert_eq!(summary.allowance, option.new_allowance);
            prop_assert!(summary.remaining > 0, "{:?} lets the message through", option.unblock);
            let applied = matches!(chosen.send.last, Some(LastSend::Blocked { applied: Some(_), .. }));
            prop_assert!(applied, "the send preview says what was done");
        }
    }

    /// The recommendation, each row of the table and each point of the chart, for one
    /// account or a team: applied with the need as the month's usage, the calculator shows the total they showed, and the
    /// widget holds every count they apply.
    #[test]
    fn each_plan_costs_what_it_showed(
        rules in rule_set(),
        messages in 0u64..2_000,
        inmails in 0u64..200,
        min in 0usize..6,
        terms in terms(),
        team in prop_oneof![Just(1u64), 1u64..=10],
    ) {
        let need = Need {
            messages: messages / team,
            inmails: inmails / team,
            min_tier: (min > 0).then(|| rules.tiers[min % rules.tiers.len()].id.clone()),
            team,
        };
        let mut w = widget(&rules, 0, &[], 0, 0);
        let terms = under(&mut w, terms);
        w.apply(Action::Field(Field::NeedMessages, Edit::Set(need.messages)));
        w.apply(Action::Field(Field::NeedInMails, Edit::Set(need.inmails)));
        w.apply(Action::Field(Field::NeedTeam, Edit::Set(team)));
        w.apply(Action::Plan(PlanAction::SetMinTier(need.min_tier.clone())));
        let recommender = Recommender::new(&rules, terms);
        let plan = recommender.recommend(&rules, &need);
        if let Some(plan) = &plan {
            prop_assert!(within_fields(plan));
            let mut used = w.clone();
            used.apply(Action::Plan(PlanAction::ApplyRecommendation));
            prop_assert_eq!(&used.choices.selection, &plan.selection());
            at_need(&mut used, &need);
            prop_assert_eq!(used.summary().total_cents, plan.total_cents);
            prop_assert_eq!(used.summary().year_cents, plan.year_cents);
            prop_assert_eq!(used.summary().bill.first_charge(), plan.charge);
        }
        let rows = compare(&recommender, &rules, &need);
        for row in &rows {
            let Some(row_plan) = &row.plan else { continue };
            let mut chosen = w.clone();
            choose(&mut chosen, row_plan);
            at_need(&mut chosen, &need);
            prop_assert_eq!(chosen.summary().total_cents, row_plan.total_cents, "{}", row.tier_id);
            prop_assert_eq!(chosen.summary().year_cents, row_plan.year_cents);
            if !row.below_minimum {
                prop_assert!(plan.as_ref().is_some_and(|p| p.period_cents <= row_plan.period_cents));
            }
        }
        let cheapest: Vec<_> = rows.iter().filter(|r| r.cheapest).collect();
        prop_assert_eq!(cheapest.len(), usize::from(plan.is_some()));
        if let (Some(row), Some(plan)) = (cheapest.first(), &plan) {
            prop_assert_eq!(row.plan.as_ref().map(|p| p.total_cents), Some(plan.total_cents));
        }
        let chart = cost_chart(&recommender, &rules, &need);
        for point in chart.points.iter().chain(chart.need.iter()) {
            let mut chosen = w.clone();
            choose(&mut chosen, &point.plan);
            at_need(&mut chosen, &Need { messages: point.messages, inmails: need.inmails, min_tier: None, team: need.team });
            prop_assert_eq!(chosen.summary().total_cents, point.plan.total_cents, "{} messages", point.messages);
        }
    }

    /// The cheapest way is exact in every billing, with and without the promotion, at any
    /// reply rate, for one account or a team of up to 10: it ranks with an exhaustive search
    /// that prices by hand (before tax, which the search leaves out).
    #[test]
    fn the_cheapest_way_is_exact_in_every_billing(
        rules in rule_set(),
        messages in 0u64..400,
        inmails in 0u64..40,
        reply_percent in prop_oneof![Just(0u64), 0u64..=100],
        team in prop_oneof![Just(1u64), 1u64..=10],
    ) {
        let rules = RuleSet { tax: None, ..rules };
        // A team's need is each member's: a team of 10 sends ten times as much.
        let need = Need { messages: messages / team, inmails: inmails / team, min_tier: None, team };
        for billing in Billing::ALL {
            for promotion in [None, Some(0)] {
                let terms = Terms { billing, tax: None, promotion, reply_percent };
                let fast = Recommender::new(&rules, terms).recommend(&rules, &need);
                let slow = exhaustive(&rules, &need, terms);
                prop_assert_eq!(
                    fast.as_ref().map(|p| p.period_cents),
                    slow.as_ref().map(|p| p.period_cents),
                    "{:?}",
                    terms
                );
            }
        }
    }

    /// Sending an InMail adds to the month exactly what the button said it would cost.
    #[test]
    fn an_inmail_adds_what_it_said(
        rules in rule_set(),
        tier in 0usize..6,
        blocks in 0u64..4,
        inmail_sent in 0u64..200,
    ) {
        let mut w = widget(&rules, tier, &[], blocks, inmail_sent);
        w.apply(Action::Send(SendAction::SetRecipient(Recipient::NotConnected)));
        w.apply(Action::Send(SendAction::Send));
        let Some(LastSend::InMailOffered { charge_cents, .. }) = w.send.last.clone() else {
            panic!("a non-connection is offered an InMail: {:?}", w.send.last);
        };
        let before = w.summary().total_cents;
        w.apply(Action::Send(SendAction::SendInMail));
        prop_assert_eq!(w.summary().total_cents, before + charge_cents);
    }
}

/// The largest need a field takes still gives a plan the widget can hold, and it reads back.
#[test]
fn the_largest_need_gives_a_plan_the_fields_hold() {
    let rules = messaging_quota::engine::presets::ARTICLE.rules();
    let need = Need {
        messages: CountField::NeedMessages.range().1,
        inmails: CountField::NeedInMails.range().1,
        min_tier: None,
        team: 0,
    };
    let plan = Recommender::new(&rules, Terms::billed(Billing::Monthly))
        .recommend(&rules, &need)
        .unwrap();
    assert!(within_fields(&plan), "{plan:?}");
    let mut w = widget(&rules, 0, &[], 0, 0);
    w.apply(Action::Field(Field::NeedMessages, Edit::Set(need.messages)));
    w.apply(Action::Field(Field::NeedInMails, Edit::Set(need.inmails)));
    w.apply(Action::Plan(PlanAction::ApplyRecommendation));
    assert_eq!(w.choices.selection, plan.selection());
    let back = initial_widget(Init {
        stored: Some(w.saved_state(None)),
        local_today: parse_iso_date("2026-05-12"),
        config: EmbedConfig {
            rules: Some(std::rc::Rc::new(rules.clone())),
            ..EmbedConfig::default()
        },
        ..Init::default()
    });
    assert!(back.notices.shown().is_empty(), "{:?}", back.notices);
    assert_eq!(back.choices.selection, w.choices.selection);
}
