//! Whatever the widget writes, it reads back to the same thing: every rule set it accepts,
//! exported and imported; every state it can reach, written to a link or to storage and
//! read on a fresh start.
// Native only: proptest and the catalogue files are not in the browser.
#![cfg(not(target_arch = "wasm32"))]

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use messaging_quota::engine::bill::Billing;
use messaging_quota::engine::currency::Currency;
use messaging_quota::engine::period::parse_iso_date;
use messaging_quota::engine::presets::{ARTICLE, LINKEDIN_HELP};
use messaging_quota::engine::rules::{
    BundleOf, BundlePriceOf, Feature, InMailPriceOf, InMailPricingOf, PriceListOf, PromotionOf,
    PromotionPriceOf, RuleSet, RuleSetOf, SeatsOf, Sharing, TaxOf, TierOf, TierPriceOf,
};
use messaging_quota::engine::send::Recipient;
use messaging_quota::host::attributes::parse_attributes;
use messaging_quota::host::link_rules::{self, LinkRulesProblem};
use messaging_quota::state::{
    initial_widget, Action, Edit, EditorAction, Field, Init, Notice, PlanAction, PlayerAction,
    RuleField, SendAction, Widget,
};
use proptest::prelude::*;

fn name() -> impl Strategy<Value = String> {
    // Any printable text, markup and quotes included; trimmed, as rules keep names.
    "[a-zA-Z0-9 <>&\"'é€✓-]{1,20}"
        .prop_map(|s| s.trim().to_owned())
        .prop_filter("not blank", |s| !s.is_empty())
}

/// The example rule file: euros, pounds and yearly prices.
const EXAMPLE: &str = include_str!("../rules/example-eur-gbp.json");

fn rule_set() -> impl Strategy<Value = RuleSet> {
    let price = 0u64..100_000_000;
    let yearly = prop::option::of(0u64..100_000_000);
    let tier = (
        name(),
        price.clone(),
        yearly.clone(),
        0u64..1_000_000,
        0u64..1_000,
        prop::option::of(0u64..1_000),
    );
    let currencies = prop::sample::subsequence(vec!["USD", "EUR", "GBP", "JPY", "KWD"], 1..=3);
    (
        ("[a-z0-9-]{1,12}", name(), prop::option::of(name())),
        prop::collection::vec(tier, 1..12),
        prop::collection::btree_map(1u64..=1_000, (1u64..100_000_000, yearly.clone()), 0..8),
        (1u64..=1_000, 1u64..100_000_000, yearly, 0u64..100_000_000),
        currencies,
        // Each other currency's prices: this share, in percent, of the first's.
        prop::collection::vec(1u64..300, 2),
    )
        .prop_map(
            |(
                (id, name, source),
                tiers,
                bundles,
                (block_size, block_price, block_yearly, pay_per),
                currencies,
                shares,
            )| {
                let currency = |c: &str| Currency::find(c).unwrap();
                let tiers: Vec<TierOf<u64>> = tiers
                    .into_iter()
                    .enumerate()
                    .map(|(i, (name, price, yearly, messages, credits, cap))| {
                        // Every fifth tier but the first is sold through sales.
                        let contact = i % 5 == 4;
                        TierOf {
                            id: format!("t{i}"),
                            name,
                            price_cents: if contact { 0 } else { price },
                            quarterly_price_cents: (!contact && i % 2 == 0)
                                .then(|| (price * 3).clamp(1, 100_000_000)),
                            yearly_price_cents: yearly.filter(|_| !contact),
                            free_messages: messages,
                            inmail_credits: credits,
                            inmail_rollover_cap: cap.map(|c| c + credits),
                            inmail_credit_days: (i % 2 == 0).then_some(90),
                            inmail_refund_days: (i % 3 != 2).then_some(30 + i as u64),
                            trial_days: (i % 3 == 1).then_some(14),
                            checkout_url: (i % 2 == 1).then(|| {
                                format!("https://shop.example/{i}?p={{period}}&a={{addons}}")
                            }),
                            features: if i % 2 == 0 {
                                vec!["search".into()]
                            } else {
                                Vec::new()
                            },
                            contact_url: contact
                                .then(|| format!("https://sales.example/{i}?q=\"&")),
                            // Every third tier is sold by the seat, some pooled and capped.
                            seats: (i % 3 == 0).then(|| SeatsOf {
                                min: 1 + i as u64,
                                max: 10 + i as u64,
                                messages: if i % 2 == 0 {
                                    Sharing::Pooled
                                } else {
                                    Sharing::PerSeat
                                },
                                inmail: Sharing::Pooled,
                                message_cap: (i % 2 == 0).then_some(messages + 5),
                                inmail_cap: (i == 3).then_some(credits),
                            }),
                        }
                    })
                    .collect();
                let bundles: Vec<BundleOf<u64>> = bundles
                    .into_iter()
                    .map(|(size, (price_cents, yearly))| BundleOf {
                        size,
                        price_cents,
                        quarterly_price_cents: (size % 2 == 0).then_some(price_cents),
                        yearly_price_cents: yearly.map(|y| y.max(1)),
                    })
                    .collect();
                let scaled = |v: u64, share: u64| (v * share / 100).clamp(1, 100_000_000);
                let price_lists = currencies[1..]
                    .iter()
                    .zip(&shares)
                    .map(|(code, &share)| PriceListOf {
                        currency: currency(code),
                        tiers: tiers
                            .iter()
                            .filter(|t| !t.is_contact())
                            .map(|t| TierPriceOf {
                                id: t.id.clone(),
                                price_cents: scaled(t.price_cents, share),
                                quarterly_price_cents: t
                                    .quarterly_price_cents
                                    .map(|q| scaled(q, share)),
                                yearly_price_cents: t.yearly_price_cents.map(|y| scaled(y, share)),
                            })
                            .collect(),
                        bundles: bundles
                            .iter()
                            .map(|b| BundlePriceOf {
                                size: b.size,
                                price_cents: scaled(b.price_cents, share),
                                quarterly_price_cents: b
                                    .quarterly_price_cents
                                    .map(|q| scaled(q, share)),
                                yearly_price_cents: b.yearly_price_cents.map(|y| scaled(y, share)),
                            })
                            .collect(),
                        inmail: InMailPriceOf {
                            block_price_cents: scaled(block_price, share),
                            quarterly_block_price_cents: None,
                            yearly_block_price_cents: block_yearly.map(|y| scaled(y, share)),
                            pay_per_inmail_cents: scaled(pay_per, share),
                        },
                        tax: (share % 2 == 0).then(|| TaxOf {
                            name: "GST".into(),
                            rate_basis_points: share * 10,
                            included: false,
                        }),
                        promotions: vec![PromotionPriceOf {
                            id: "amount".into(),
                            amount_off_cents: scaled(500, share),
                        }],
                    })
                    .collect();
                RuleSetOf {
                    id,
                    name,
                    source,
                    currency: currency(currencies[0]),
                    tiers,
                    bundles,
                    inmail: InMailPricingOf {
                        block_size,
                        block_price_cents: block_price,
                        quarterly_block_price_cents: Some(block_price),
                        yearly_block_price_cents: block_yearly.map(|y| y.max(1)),
                        pay_per_inmail_cents: pay_per,
                        block_credit_days: Some(60),
                    },
                    price_lists,
                    checkout_url: Some("/buy/{tier}".into()),
                    features: vec![Feature {
                        id: "search".into(),
                        name: Some("Search \"&<b>".into()),
                    }],
                    highlight: Some("t0".into()),
                    highlight_label: Some("Best <value>".into()),
                    tax: Some(TaxOf {
                        name: "VAT \"<b>".into(),
                        rate_basis_points: 1900,
                        included: true,
                    }),
                    promotions: vec![
                        PromotionOf {
                            id: "percent".into(),
                            name: Some("Spring <offer>".into()),
                            percent_off: Some(50),
                            amount_off_cents: None,
                            tiers: vec!["t0".into()],
                            periods: vec!["monthly".into(), "yearly".into()],
                            months: Some(3),
                            until: Some("2030-12-31".into()),
                        },
                        PromotionOf {
                            id: "amount".into(),
                            name: None,
                            percent_off: None,
                            amount_off_cents: Some(500),
                            tiers: Vec::new(),
                            periods: Vec::new(),
                            months: None,
                            until: None,
                        },
                    ],
                }
            },
        )
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        (0usize..6).prop_map(|i| Action::Plan(PlanAction::SelectTier(
            [
                "basic",
                "premium-career",
                "premium-business",
                "sales-navigator",
                "recruiter-lite",
                "recruiter"
            ][i]
                .into()
        ))),
        (prop::sample::select(vec![25u64, 100, 200, 500]), 0u64..5)
            .prop_map(|(s, n)| Action::Field(Field::Addon(s), Edit::Set(n))),
        (0u64..20).prop_map(|n| Action::Field(Field::InMailBlocks, Edit::Set(n))),
        (0u64..2_000).prop_map(|n| Action::Field(Field::Sent, Edit::Set(n))),
        (0u64..200).prop_map(|n| Action::Field(Field::InMailSent, Edit::Set(n))),
        (0u64..2_000).prop_map(|n| Action::Field(Field::NeedMessages, Edit::Set(n))),
        (0u64..200).prop_map(|n| Action::Field(Field::NeedInMails, Edit::Set(n))),
        // The largest needs, whose plans take the largest counts.
        prop::sample::select(vec![999_999u64, 1_000_000])
            .prop_map(|n| Action::Field(Field::NeedMessages, Edit::Set(n))),
        prop::sample::select(vec![999_999u64, 1_000_000])
            .prop_map(|n| Action::Field(Field::NeedInMails, Edit::Set(n))),
        (1u32..=31).prop_map(|d| Action::Plan(PlanAction::SetBillingDay(d))),
        prop::option::of((0usize..5).prop_map(|i| {
            [
                "basic",
                "premium-business",
                "sales-navigator",
                "recruiter-lite",
                "recruiter",
            ][i]
                .to_owned()
        }))
        .prop_map(|t| Action::Plan(PlanAction::SetMinTier(t))),
        (0usize..5).prop_map(|i| Action::Send(SendAction::SetRecipient(Recipient::ALL[i]))),
        Just(Action::Send(SendAction::Send)),
        Just(Action::Send(SendAction::SendInMail)),
        Just(Action::Player(PlayerAction::NextDay)),
        Just(Action::Player(PlayerAction::JumpToReset)),
        Just(Action::Player(PlayerAction::Step)),
        Just(Action::Plan(PlanAction::ApplyRecommendation)),
        Just(Action::Player(PlayerAction::StartOver)),
        Just(Action::Editor(EditorAction::LoadPreset(LINKEDIN_HELP))),
        Just(Action::Editor(EditorAction::LoadPreset(ARTICLE))),
        (0u64..5_000)
            .prop_map(|v| Action::Field(Field::Rule(RuleField::TierPrice(1)), Edit::Set(v))),
        Just(Action::Editor(EditorAction::Apply)),
        Just(Action::Plan(PlanAction::SetBilling(Billing::Yearly))),
        Just(Action::Plan(PlanAction::SetBilling(Billing::Monthly))),
        prop::sample::select(vec!["EUR", "GBP", "USD"])
            .prop_map(|c| Action::Plan(PlanAction::SetCurrency(Currency::find(c).unwrap()))),
    ]
}

/// Starts a widget the way a page does, with this link (query and fragment) and saved state.
fn start(
    attributes: &[(&str, &str)],
    link: Option<(Vec<(String, String)>, String)>,
    stored: Option<String>,
) -> Widget {
    let (config, problems) = parse_attributes(attributes.iter().copied(), false);
    let (url_params, link_rules) = match link {
        Some((query, fragment)) => (Some(query), link_rules::rules_part(&fragment).map(unpack)),
        None => (None, None),
    };
    initial_widget(Init {
        config,
        problems,
        url_params,
        link_rules,
        link_key: None,
        stored,
        local_today: parse_iso_date("2026-01-20"),
    })
}

/// A widget's link as the browser writes it: its query, and for edited rules the fragment
/// with their compact JSON compressed as raw DEFLATE (the browser's CompressionStream
/// "deflate-raw"; miniz_oxide here) and written base64url (btoa; the base64 crate here).
fn link_of(w: &Widget) -> (Vec<(String, String)>, String) {
    let query = w
        .url_params()
        .into_iter()
        .map(|(n, v)| (n.to_owned(), v))
        .collect();
    let fragment = match w.rules.origin.preset() {
        Some(_) => String::new(),
        None => {
            let packed =
                miniz_oxide::deflate::compress_to_vec(w.rules.set.to_compact_json().as_bytes(), 9);
            link_rules::with_rules_part("", Some(&URL_SAFE_NO_PAD.encode(packed)))
        }
    };
    (query, fragment)
}

/// Reads a rules part as the browser does: decoded, unpacked (at most the limit), checked.
fn unpack(part: &str) -> Result<RuleSet, LinkRulesProblem> {
    link_rules::check_part(part)?;
    let packed = URL_SAFE_NO_PAD
        .decode(part)
        .map_err(|_| LinkRulesProblem::Damaged)?;
    let json =
        miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, link_rules::MAX_JSON_BYTES + 1)
            .map_err(|_| LinkRulesProblem::Damaged)?;
    link_rules::read_rules(&json)
}

/// What a link or a save must bring back.
fn essentials(w: &Widget) -> impl PartialEq + std::fmt::Debug {
    (
        w.rules.clone(),
        w.choices.clone(),
        w.month.usage.sent,
        w.month.usage.inmail_sent,
        w.month.today,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn every_accepted_rule_set_exports_and_imports_to_itself(rules in rule_set()) {
        let json = rules.to_json();
        let back = RuleSet::from_json(&json);
        prop_assert_eq!(back.as_ref().ok(), Some(&rules), "{}", json);
    }

    #[test]
    fn every_accepted_rule_set_travels_in_a_link(rules in rule_set()) {
        let packed = miniz_oxide::deflate::compress_to_vec(rules.to_compact_json().as_bytes(), 9);
        let part = URL_SAFE_NO_PAD.encode(packed);
        prop_assert!(part.len() <= link_rules::MAX_PART_CHARS, "{} characters", part.len());
        prop_assert_eq!(unpack(&part), Ok(rules));
    }

    #[test]
    fn every_reachable_state_reads_back_from_its_link_and_its_save(
        actions in prop::collection::vec(action(), 0..25),
        page in prop::sample::select(vec![0usize, 1, 2, 3]),
    ) {
        let attributes: &[(&str, &str)] = match page {
            0 => &[],
            1 => &[("tier", "sales-navigator"), ("addons", "100x1"), ("need", "300"), ("min-tier", "basic"), ("today", "2026-03-30"), ("billing-day", "31")],
            2 => &[("preset", "linkedin-help"), ("sent", "10")],
            // Euros and pounds, sold by the year too.
            _ => &[("rules", EXAMPLE), ("currency", "GBP"), ("billing", "yearly")],
        };
        let mut w = start(attributes, None, None);
        for a in actions {
            w.apply(a);
        }
        // Storage: everything, custom rules included.
        let saved = start(attributes, None, Some(w.saved_state(None)));
        prop_assert!(saved.notices.shown().is_empty(), "{:?}", saved.notices);
        prop_assert_eq!(essentials(&saved), essentials(&w));
        // A link: a preset by name, edited rules in its fragment; opened anywhere, with
        // nothing saved, or over a visitor's own saved state, it shows what was shared.
        // (A page with rules of its own keeps them against a link's other rules, and says so.)
        let link = link_of(&w);
        let linked = start(attributes, Some(link.clone()), None);
        if w.page.rules.as_deref().is_some_and(|own| *own != *w.rules.set) {
            prop_assert!(linked.notices.shown().contains(&Notice::LinkPresetIgnored));
            prop_assert_eq!(linked.page.rules.as_deref(), Some(&*linked.rules.set));
            return Ok(());
        }
        prop_assert!(linked.notices.shown().is_empty(), "{:?} from {:?}", linked.notices, link);
        prop_assert_eq!(essentials(&linked), essentials(&w), "{:?}", link);
        let elsewhere = start(attributes, Some(link.clone()), Some(start(&[("tier", "recruiter")], None, None).saved_state(None)));
        prop_assert_eq!(essentials(&elsewhere), essentials(&w), "over a saved state: {:?}", link);
    }
}
