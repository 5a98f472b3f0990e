//! "Find the cheapest plan": the need, the cheapest plan for it and how it compares with
//! the current selection; every tier side by side; what each includes; and the cost chart.
//!
//! The engine's work (the recommendation, every tier's plan, the chart's geometry) depends
//! on the rules, the need and the billing only, and is worked out apart ([`CompareFacts`])
//! so that picking a tier or a bundle only rewords the section.

use std::rc::Rc;

use crate::engine::bill::{Amounts, Billing, Terms};
use crate::engine::chart::{cost_chart, label_room, Chart, Marker, TOP, WIDTH};
use crate::engine::compare::{
    amounts_at_need, compare as compare_rows, cost_at_need, versus_current, CompareRow, Versus,
};
use crate::engine::plan::Selection;
use crate::engine::recommend::{Need, Plan, Recommender};
use crate::engine::rules::RuleSet;
use crate::engine::summary::allowance;
use crate::host::checkout::{template, CheckoutSource, Purchase};
use crate::host::params::Choices;
use crate::host::parts::Part;
use crate::state::{Field, FieldDraft, Widget};
use crate::text::{key, I18n, Texts};

use super::change::{plan_change, PlanChange};
use super::price::{contact, ContactView};
use super::{
    checkout, mark, pieces, CheckoutView, Choice, FieldView, Highlight, Piece, SelectView,
};

/// What Compare reads of the state.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareInput {
    /// The rules in the widget's currency.
    pub rules: Rc<RuleSet>,
    pub choices: Choices,
    pub highlight: Highlight,
    /// What was typed into the need's fields.
    pub drafts: Rc<[FieldDraft]>,
    /// The page's `checkout-url`.
    pub checkout_url: Option<Rc<str>>,
    /// The plan the visitor already pays for, where the page says.
    pub current: Option<Selection>,
}

impl CompareInput {
    pub fn of(w: &Widget, priced: &Rc<RuleSet>) -> CompareInput {
        CompareInput {
            rules: priced.clone(),
            choices: w.choices.clone(),
            highlight: w.highlighted(),
            drafts: w.drafts.of_part(Part::Compare),
            checkout_url: w.page.checkout_url.as_deref().map(Rc::from),
            current: w.current_plan(),
        }
    }

    /// What the engine's work depends on.
    pub fn basis(&self) -> (Rc<RuleSet>, Need, Terms) {
        (
            self.rules.clone(),
            self.choices.need.clone(),
            self.choices.terms(&self.rules),
        )
    }
}

/// The engine's work for Compare.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareFacts {
    /// The cheapest plan for the need.
    pub plan: Option<Plan>,
    /// Billed monthly: the cheapest plan for the same need billed yearly.
    pub yearly: Option<Plan>,
    /// Every tier side by side, and the chart: worked out once the section is near
    /// (`detailed`), since a widget far down its page may never be read that far.
    pub rows: Option<Vec<CompareRow>>,
    pub chart: Option<Rc<Chart>>,
}

impl CompareFacts {
    pub fn of(rules: &RuleSet, need: &Need, terms: Terms, detailed: bool) -> CompareFacts {
        let recommender = Recommender::new(rules, terms);
        let yearly = terms.with_billing(Billing::Yearly);
        CompareFacts {
            plan: recommender.recommend(rules, need),
            yearly: (terms.billing == Billing::Monthly && rules.sells(Billing::Yearly))
                .then(|| Recommender::new(rules, yearly).recommend(rules, need))
                .flatten(),
            rows: detailed.then(|| compare_rows(&recommender, rules, need)),
            chart: detailed.then(|| Rc::new(cost_chart(&recommender, rules, need))),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompareView {
    pub heading: Rc<str>,
    /// Messages and InMails a month, the share of InMails answered, and the people on the
    /// team where the rules sell a tier by the seat.
    pub need: Vec<FieldView>,
    /// Said where the need is a team's: its messages and InMails are each person's.
    pub team_hint: Option<Rc<str>>,
    pub min_tier: SelectView,
    pub recommendation: Rc<RecommendationView>,
    pub table: Option<Rc<TableView>>,
    pub features: Option<Rc<FeaturesView>>,
    pub chart: Option<Rc<ChartView>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecommendationView {
    /// The cheapest plan; `None` says that nothing meets the need.
    pub plan: Option<PlanCard>,
    pub none: String,
    pub apply: Rc<str>,
    /// The plan is the current selection already.
    pub applied: bool,
    /// Nothing to apply: the plan is in use, or there is none.
    pub disabled: bool,
    /// A link to buy the plan leads, and using it in the calculator follows.
    pub sells: bool,
    pub checkout: Option<CheckoutView>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanCard {
    pub tier_id: String,
    pub cents: u64,
    pub addons: String,
    pub inmail_blocks: u64,
    pub seats: u64,
    pub eyebrow: Rc<str>,
    pub plan: String,
    /// "{month} a month ({year} a year)": `month` is a slot.
    pub cost: Vec<Piece>,
    pub capacity: String,
    pub versus: String,
    pub trial: Option<String>,
    /// At a reply rate: the month per answered InMail, in minor units and in words.
    pub per_answered: Option<(u64, String)>,
    pub yearly: Option<YearlyHint>,
    /// Against the plan the visitor already pays for, at the need.
    pub change: Option<PlanChange>,
}

/// What billing yearly would give: the same plan for less, or another plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearlyHint {
    pub text: String,
    pub saving_cents: u64,
    pub tier_id: String,
    pub addons: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableView {
    pub label: Rc<str>,
    pub caption: String,
    pub tier: Rc<str>,
    pub adds: Rc<str>,
    pub month: Rc<str>,
    pub message: Rc<str>,
    /// At a reply rate, with InMails needed: a column of the month per answered InMail.
    pub answered: Option<Rc<str>>,
    pub spare: Rc<str>,
    /// A column of links to buy, when any tier has a checkout URL or is sold through sales.
    pub links: bool,
    pub rows: Vec<RowView>,
    pub note: Rc<str>,
    /// "Regular price", said before a struck-through amount.
    pub regular: Rc<str>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowView {
    pub tier_id: String,
    pub name: String,
    pub cents: Option<u64>,
    pub cheapest: Option<Rc<str>>,
    pub current: Option<Rc<str>>,
    pub below_minimum: Option<Rc<str>>,
    pub mark: Option<String>,
    pub trial: Option<String>,
    pub adds: String,
    pub month: String,
    /// The month per answered InMail (a dash where the tier cannot meet the need).
    pub per_answered: String,
    pub per_message: String,
    pub spare: String,
    /// The regular month, struck through, where a promotion lowers it.
    pub list_month: Option<String>,
    pub checkout: Option<CheckoutView>,
    /// Sold through sales: its link, and no figures.
    pub contact: Option<ContactView>,
    /// Against the plan the visitor already pays for, at the need.
    pub change: Option<PlanChange>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeaturesView {
    pub heading: Rc<str>,
    pub feature: Rc<str>,
    pub included: Rc<str>,
    pub not_included: Rc<str>,
    /// The tiers' ids and names, a column each.
    pub tiers: Vec<(String, String)>,
    pub rows: Vec<FeatureRow>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeatureRow {
    pub id: String,
    pub name: String,
    /// Whether each tier includes it, in the columns' order.
    pub included: Vec<bool>,
}

/// A point of the chart that shows its value on hover and on focus.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PointView {
    pub at: Marker,
    pub label: String,
    /// Where its label is anchored: `start`, `middle` or `end`, so it stays in the chart.
    pub anchor: &'static str,
    /// Where its label sits.
    pub label_y: i64,
}

impl PointView {
    fn new(at: Marker, label: String) -> PointView {
        let anchor = if at.x < WIDTH / 3 {
            "start"
        } else if at.x > WIDTH * 2 / 3 {
            "end"
        } else {
            "middle"
        };
        PointView {
            at,
            label,
            anchor,
            label_y: (at.y - 12).max(TOP + 10),
        }
    }
}

/// Everything in the chart but the selection's marker: it changes only with the need or the
/// rules, so picking a tier or a bundle redraws the marker alone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChartBody {
    pub chart: Rc<Chart>,
    pub title: Rc<str>,
    pub description: String,
    pub y_labels: Vec<String>,
    pub x_labels: Vec<String>,
    /// Each line's tier name, isolated.
    pub series_names: Vec<String>,
    pub points: Vec<PointView>,
    pub need: Option<PointView>,
    pub axis: Rc<str>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChartView {
    /// How far the view box reaches left of 0 for the y axis's labels.
    pub room: i64,
    pub body: Rc<ChartBody>,
    pub selection: PointView,
    /// Each line's tier index, name, and whether it is the cheapest plan's.
    pub legend: Vec<(usize, String, bool)>,
    pub key_cheapest: Rc<str>,
    pub key_need: Rc<str>,
    pub key_selection: Rc<str>,
    pub hint: Rc<str>,
}

/// A plan as what a visitor buys; `promotion` is the one taken, named where it lowers the
/// plan's price.
pub fn purchase_of(
    plan: &Plan,
    rules: &RuleSet,
    promotion: Option<&String>,
    current: Option<&Selection>,
) -> Purchase {
    Purchase {
        selection: plan.selection(),
        billing: plan.billing,
        currency: rules.currency,
        month_cents: plan.total_cents,
        year_cents: plan.year_cents,
        charge: plan.charge,
        promotion: plan.list_total_cents.and(promotion.cloned()),
        from_tier: current.map(|c| c.tier_id.clone()),
    }
}

/// Compare as it shows.
pub fn compare(input: &CompareInput, facts: &CompareFacts, t: &I18n) -> CompareView {
    let need = &input.choices.need;
    let field =
        |f: Field, label, value| FieldView::new(t, f, t.text(label), Some(value), &input.drafts);
    let sells_seats = input.rules.tiers.iter().any(|tier| tier.seats.is_some());
    let mut need_fields = vec![
        field(
            Field::NeedMessages,
            key::COMPARE_NEED_MESSAGES,
            need.messages,
        ),
        field(Field::NeedInMails, key::COMPARE_NEED_INMAILS, need.inmails),
        field(
            Field::ReplyRate,
            key::COMPARE_REPLY_RATE,
            input.choices.reply_percent,
        ),
    ];
    if sells_seats {
        need_fields.insert(
            0,
            field(Field::NeedTeam, key::COMPARE_TEAM, need.team_size()),
        );
    }
    CompareView {
        heading: t.text(key::COMPARE_HEADING),
        need: need_fields,
        team_hint: (need.team_size() > 1).then(|| t.text(key::COMPARE_TEAM_HINT)),
        min_tier: SelectView {
            label: t.text(key::COMPARE_MIN_TIER),
            testid: "min-tier",
            choices: std::iter::once(Choice::new("", t.text(key::COMPARE_ANY_TIER)))
                .chain(
                    input
                        .rules
                        .tiers
                        .iter()
                        // A tier sold through sales is never recommended, so never a floor.
                        .filter(|tier| !tier.is_contact())
                        .map(|tier| Choice::new(tier.id.as_str(), tier.name.as_str())),
                )
                .collect(),
            selected: need.min_tier.as_deref().unwrap_or_default().into(),
        },
        recommendation: Rc::new(recommendation(input, facts, t)),
        table: facts
            .rows
            .as_ref()
            .map(|rows| Rc::new(table(input, rows, t))),
        features: facts
            .rows
            .as_ref()
            .and_then(|_| features(&input.rules, t))
            .map(Rc::new),
        chart: facts
            .chart
            .as_ref()
            .map(|chart| Rc::new(chart_view(input, facts, chart, t))),
    }
}

/// The visitor's own plan and its figures at the need, where the page names one: what the
/// finder's plan and each row are set against.
fn today_at_need(input: &CompareInput) -> Option<(&Selection, Amounts)> {
    let rules = &input.rules;
    let current = input.current.as_ref()?;
    let terms = input.choices.terms(rules);
    Some((
        current,
        amounts_at_need(rules, current, &input.choices.need, terms),
    ))
}

/// A plan for the need against the visitor's own plan at the need (both the bill's figures).
fn change_at_need(
    input: &CompareInput,
    today: Option<(&Selection, Amounts)>,
    plan: &Plan,
    t: &I18n,
) -> Option<PlanChange> {
    let (current, today) = today?;
    let amounts = Amounts {
        month: plan.total_cents,
        period: plan.period_cents,
        year: plan.year_cents,
    };
    plan_change(
        t,
        &input.rules,
        current,
        &plan.tier_id,
        amounts,
        today,
        plan.billing,
    )
}

fn recommendation(input: &CompareInput, facts: &CompareFacts, t: &I18n) -> RecommendationView {
    let (rules, choices) = (&input.rules, &input.choices);
    let need = &choices.need;
    let card = facts.plan.as_ref().map(|plan| {
        let terms = choices.terms(rules);
        let comparison = match versus_current(rules, &choices.selection, need, terms) {
            Versus::Short { allowance } => t.fill(
                key::COMPARE_SHORT,
                &[
                    ("allowance", &t.count(allowance)),
                    ("need", &t.count(need.team_messages())),
                ],
            ),
            Versus::Covers { current_cents } if current_cents > plan.total_cents => {
                let saving = current_cents - plan.total_cents;
                t.fill(
                    key::COMPARE_SAVES,
                    &[
                        ("month", &t.money(saving)),
                        ("year", &t.money(saving.saturating_mul(12))),
                    ],
                )
            }
            Versus::Covers { .. } => t.text(key::COMPARE_MEETS).to_string(),
        };
        let cost = pieces(&t.template(key::COMPARE_COST, None), &|name| match name {
            "month" => Some(Piece::Slot("month", t.money(plan.total_cents))),
            "year" => Some(Piece::Text(t.money(plan.year_cents))),
            _ => None,
        });
        let args = [
            ("messages", t.count(plan.allowance)),
            ("credits", t.count(plan.inmail_credits)),
            ("pay", t.count(plan.pay_per_inmails)),
            ("spare", t.spare(plan)),
        ];
        let args: Vec<(&str, &str)> = args.iter().map(|(n, v)| (*n, v.as_str())).collect();
        let capacity = if plan.pay_per_inmails > 0 {
            t.fill(key::COMPARE_CAPACITY_PAY_PER, &args)
        } else {
            t.fill(key::COMPARE_CAPACITY, &args)
        };
        PlanCard {
            tier_id: plan.tier_id.clone(),
            cents: plan.total_cents,
            addons: plan.selection().addons_param(),
            inmail_blocks: plan.inmail_blocks,
            seats: plan.seats,
            eyebrow: t.text(key::COMPARE_EYEBROW),
            plan: t.plan(plan, rules),
            cost,
            capacity,
            versus: comparison,
            trial: rules
                .tiers
                .get(plan.tier_index)
                .and_then(|tier| tier.trial_days)
                .map(|days| {
                    let price = t.money(plan.total_cents);
                    t.plural(key::TRIAL_THEN, days, &[("price", &price)])
                }),
            per_answered: plan.per_answered_cents.map(|cents| {
                let words = t.fill(
                    key::COMPARE_PER_ANSWERED,
                    &[
                        ("price", &t.money(cents)),
                        ("answered", &t.count(plan.answered)),
                        ("inmails", &t.count(need.team_inmails())),
                    ],
                );
                (cents, words)
            }),
            yearly: facts
                .yearly
                .as_ref()
                .map(|y| yearly_hint(t, plan, y, rules)),
            change: change_at_need(input, today_at_need(input), plan, t),
        }
    });
    let host = input.checkout_url.as_deref();
    let applied = facts
        .plan
        .as_ref()
        .is_some_and(|p| p.selection() == choices.selection);
    RecommendationView {
        none: t.fill(
            key::COMPARE_NONE,
            &[("messages", &t.count(need.team_messages()))],
        ),
        apply: t.text(if applied {
            key::COMPARE_APPLIED
        } else {
            key::COMPARE_APPLY
        }),
        applied,
        disabled: applied || facts.plan.is_none(),
        sells: facts
            .plan
            .as_ref()
            .is_some_and(|plan| template(host, rules, &plan.tier_id).is_some()),
        checkout: facts.plan.as_ref().and_then(|plan| {
            checkout(
                t,
                host,
                rules,
                purchase_of(
                    plan,
                    rules,
                    choices.promotion.as_ref(),
                    input.current.as_ref(),
                ),
                CheckoutSource::Recommendation,
                "checkout-recommendation".into(),
            )
        }),
        plan: card,
    }
}

fn yearly_hint(t: &I18n, plan: &Plan, yearly: &Plan, rules: &RuleSet) -> YearlyHint {
    let saving = plan.year_cents.saturating_sub(yearly.year_cents);
    let args = [
        ("plan", t.plan(yearly, rules)),
        ("month", t.money(yearly.total_cents)),
        ("year", t.money(yearly.year_cents)),
        ("saving", t.money(saving)),
    ];
    let args: Vec<(&str, &str)> = args.iter().map(|(n, v)| (*n, v.as_str())).collect();
    let same = yearly.selection() == plan.selection();
    YearlyHint {
        text: t.fill(
            if same {
                key::COMPARE_YEARLY_SAME
            } else {
                key::COMPARE_YEARLY_OTHER
            },
            &args,
        ),
        saving_cents: saving,
        tier_id: yearly.tier_id.clone(),
        addons: yearly.selection().addons_param(),
    }
}

fn table(input: &CompareInput, rows: &[CompareRow], t: &I18n) -> TableView {
    let rules = &input.rules;
    let host = input.checkout_url.as_deref();
    let dash = || "—".to_owned();
    let current = &input.choices.selection.tier_id;
    let answered = rows
        .iter()
        .any(|r| r.plan.as_ref().is_some_and(|p| p.answered > 0));
    let today = today_at_need(input);
    let rows = rows
        .iter()
        .map(|row| {
            let contact = rules.tier(&row.tier_id).and_then(|tier| contact(t, tier));
            let change = row
                .plan
                .as_ref()
                .and_then(|plan| change_at_need(input, today, plan, t));
            let adds = match &row.plan {
                _ if contact.is_some() => t.text(key::CONTACT_PRICE).to_string(),
                Some(plan) => {
                    let addons = t.plan_addons(plan);
                    if addons.is_empty() {
                        t.text(key::TABLE_ADDS_NOTHING).to_string()
                    } else {
                        t.fill(key::TABLE_ADDS_PLAN, &[("addons", &addons)])
                    }
                }
                None => t.text(key::TABLE_UNREACHABLE).to_string(),
            };
            let cents = row.plan.as_ref().map(|p| p.total_cents);
            RowView {
                tier_id: row.tier_id.clone(),
                name: row.tier_name.clone(),
                cents,
                cheapest: row.cheapest.then(|| t.text(key::BADGE_CHEAPEST)),
                current: (*current == row.tier_id).then(|| t.text(key::BADGE_CURRENT)),
                below_minimum: row.below_minimum.then(|| t.text(key::BADGE_BELOW_MINIMUM)),
                mark: mark(&input.highlight, &row.tier_id, t),
                trial: rules
                    .tier(&row.tier_id)
                    .and_then(|tier| tier.trial_days)
                    .map(|days| t.plural(key::TRIAL_SHORT, days, &[])),
                adds,
                month: cents.map(|c| t.money(c)).unwrap_or_else(dash),
                per_message: row
                    .per_message_cents
                    .map(|c| t.money(c))
                    .unwrap_or_else(dash),
                per_answered: row
                    .plan
                    .as_ref()
                    .and_then(|p| p.per_answered_cents)
                    .map(|c| t.money(c))
                    .unwrap_or_else(dash),
                spare: row.plan.as_ref().map(|p| t.spare(p)).unwrap_or_else(dash),
                list_month: row
                    .plan
                    .as_ref()
                    .and_then(|p| p.list_total_cents)
                    .map(|c| t.money(c)),
                contact,
                change,
                checkout: row.plan.as_ref().and_then(|plan| {
                    checkout(
                        t,
                        host,
                        rules,
                        purchase_of(
                            plan,
                            rules,
                            input.choices.promotion.as_ref(),
                            input.current.as_ref(),
                        ),
                        CheckoutSource::Compare,
                        format!("checkout-{}", row.tier_id),
                    )
                }),
            }
        })
        .collect();
    TableView {
        label: t.text(key::TABLE_LABEL),
        caption: t.fill(
            key::TABLE_CAPTION,
            &[("messages", &t.count(input.choices.need.messages))],
        ),
        tier: t.text(key::TABLE_TIER),
        adds: t.text(key::TABLE_ADDS),
        month: t.text(match input.choices.billing {
            Billing::Monthly => key::TABLE_MONTH,
            Billing::Quarterly => key::TABLE_MONTH_QUARTERLY,
            Billing::Yearly => key::TABLE_MONTH_YEARLY,
        }),
        message: t.text(key::TABLE_MESSAGE),
        answered: answered.then(|| t.text(key::TABLE_ANSWERED)),
        spare: t.text(key::TABLE_SPARE),
        links: rules
            .tiers
            .iter()
            .any(|tier| tier.is_contact() || template(host, rules, &tier.id).is_some()),
        regular: t.text(key::PROMO_REGULAR),
        rows,
        note: t.text(key::TABLE_NOTE),
    }
}

/// What each plan includes, when the rules list features.
fn features(rules: &RuleSet, t: &Texts) -> Option<FeaturesView> {
    (!rules.features.is_empty()).then(|| FeaturesView {
        heading: t.text(key::FEATURES_HEADING),
        feature: t.text(key::FEATURES_FEATURE),
        included: t.text(key::FEATURES_INCLUDED),
        not_included: t.text(key::FEATURES_NOT_INCLUDED),
        tiers: rules
            .tiers
            .iter()
            .map(|tier| (tier.id.clone(), tier.name.clone()))
            .collect(),
        rows: rules
            .features
            .iter()
            .map(|feature| FeatureRow {
                id: feature.id.clone(),
                name: t.feature(feature),
                included: rules
                    .tiers
                    .iter()
                    .map(|tier| tier.features.contains(&feature.id))
                    .collect(),
            })
            .collect(),
    })
}

/// The characters of the widest money label on the y axis (direction marks take no room).
fn widest_label(labels: &[String]) -> usize {
    labels
        .iter()
        .map(|label| {
            label
                .chars()
                .filter(|c| !matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}'))
                .count()
        })
        .max()
        .unwrap_or(0)
}

fn chart_view(input: &CompareInput, facts: &CompareFacts, c: &Rc<Chart>, t: &I18n) -> ChartView {
    let rules = &input.rules;
    let tier_name = |i: usize| rules.tiers.get(i).map_or("", |t| t.name.as_str());
    // At a reply rate, each point reads per answered InMail too.
    let per_answered = |plan: &Plan| match plan.per_answered_cents {
        Some(cents) => t.fill(key::CHART_PER_ANSWERED, &[("price", &t.money(cents))]),
        None => String::new(),
    };
    let need_label = c.need.as_ref().map(|p| {
        t.fill(
            key::CHART_NEED,
            &[
                ("messages", &t.count(p.messages)),
                ("money", &t.money(p.plan.total_cents)),
                ("plan", &t.plan(&p.plan, rules)),
            ],
        ) + &per_answered(&p.plan)
    });
    let mut description = if c.inmails > 0 {
        t.fill(
            key::CHART_DESCRIPTION_INMAILS,
            &[("max", &t.count(c.x_max)), ("inmails", &t.count(c.inmails))],
        )
    } else {
        t.fill(key::CHART_DESCRIPTION, &[("max", &t.count(c.x_max))])
    };
    if let Some(label) = &need_label {
        description.push(' ');
        description.push_str(label);
        description.push('.');
    }
    let y_labels: Vec<String> = c
        .y_ticks
        .iter()
        .map(|tick| t.money_whole(tick.value))
        .collect();
    let body = ChartBody {
        chart: c.clone(),
        title: t.text(key::CHART_TITLE),
        description,
        x_labels: c.x_ticks.iter().map(|tick| t.count(tick.value)).collect(),
        series_names: c
            .series
            .iter()
            .map(|s| t.isolate(tier_name(s.tier_index)).into_owned())
            .collect(),
        points: c
            .points
            .iter()
            .map(|p| {
                let label = t.fill(
                    key::CHART_POINT,
                    &[
                        ("messages", &t.count(p.messages)),
                        ("money", &t.money(p.plan.total_cents)),
                        ("plan", &t.plan(&p.plan, rules)),
                    ],
                ) + &per_answered(&p.plan);
                PointView::new(p.at, label)
            })
            .collect(),
        need: c
            .need
            .as_ref()
            .zip(need_label)
            .map(|(p, label)| PointView::new(p.at, label)),
        axis: t.text(key::CHART_AXIS),
        y_labels,
    };
    // The selection, priced at the stated need like the lines it sits among.
    let choices = &input.choices;
    let tier = rules
        .tier(&choices.selection.tier_id)
        .unwrap_or_else(|| rules.first_priced_tier());
    let messages = allowance(rules, tier, &choices.selection);
    let terms = choices.terms(rules);
    let cents = cost_at_need(rules, &choices.selection, &choices.need, terms);
    let selection = PointView::new(
        c.selection_marker(messages, cents),
        t.fill(
            key::CHART_SELECTION,
            &[("messages", &t.count(messages)), ("money", &t.money(cents))],
        ),
    );
    let cheapest = facts.plan.as_ref().map(|p| p.tier_index);
    ChartView {
        room: label_room(widest_label(&body.y_labels)),
        legend: c
            .series
            .iter()
            .map(|s| {
                (
                    s.tier_index,
                    tier_name(s.tier_index).to_owned(),
                    cheapest == Some(s.tier_index),
                )
            })
            .collect(),
        body: Rc::new(body),
        selection,
        key_cheapest: t.text(key::CHART_KEY_CHEAPEST),
        key_need: t.text(key::CHART_KEY_NEED),
        key_selection: t.text(key::CHART_KEY_SELECTION),
        hint: t.text(key::CHART_HINT),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::period::parse_iso_date;
    use crate::state::{initial_widget, Action, Edit, Init, PlanAction};
    use crate::view::words;

    fn fresh() -> Widget {
        initial_widget(Init {
            local_today: parse_iso_date("2026-01-20"),
            ..Init::default()
        })
    }

    fn view_of(w: &Widget, detailed: bool) -> CompareView {
        let input = CompareInput::of(w, &Rc::new(w.priced()));
        let (rules, need, billing) = input.basis();
        compare(
            &input,
            &CompareFacts::of(&rules, &need, billing, detailed),
            &words(),
        )
    }

    #[test]
    fn the_cheapest_plan_for_the_need_and_how_the_selection_compares() {
        let mut w = fresh();
        w.apply(Action::Field(Field::NeedMessages, Edit::Type("120".into())));
        let v = view_of(&w, false);
        let card = v.recommendation.plan.as_ref().expect("a plan meets it");
        assert_eq!(card.tier_id, "basic");
        assert_eq!(card.plan, "Basic + 1 × 100 messages, 1 × 25 messages");
        assert_eq!(
            card.versus,
            "Your current selection allows 15 messages a month, short of 120."
        );
        assert!(!v.recommendation.applied && !v.recommendation.disabled);
        assert_eq!(&*v.recommendation.apply, "Use this plan");
        assert_eq!(v.need[0].text, "120");
        assert!(v.table.is_none() && v.chart.is_none(), "not near yet");
        w.apply(Action::Plan(PlanAction::ApplyRecommendation));
        let v = view_of(&w, false);
        assert!(v.recommendation.applied && v.recommendation.disabled);
        assert_eq!(&*v.recommendation.apply, "This is your selection");
    }

    #[test]
    fn every_tier_side_by_side_once_near() {
        let v = view_of(&fresh(), true);
        let table = v.table.expect("near");
        let rows: Vec<(&str, &str, bool, bool)> = table
            .rows
            .iter()
            .map(|r| {
                (
                    r.tier_id.as_str(),
                    r.month.as_str(),
                    r.cheapest.is_some(),
                    r.current.is_some(),
                )
            })
            .collect();
        assert_eq!(rows[0], ("basic", "$49.99", true, true));
        assert_eq!(rows.iter().filter(|r| r.2).count(), 1, "one cheapest");
        assert!(!table.links, "no checkout URL");
        let chart = v.chart.expect("near");
        assert_eq!(chart.legend.len(), 5);
        assert_eq!(chart.legend.iter().filter(|l| l.2).count(), 1);
        assert!(
            chart
                .selection
                .label
                .starts_with("Your selection: 15 messages for "),
            "{}",
            chart.selection.label
        );
    }
}
