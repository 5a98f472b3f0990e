//! The cheapest way to the stated need, what it costs, how it compares with the current
//! selection, and a button to use it.

use std::rc::Rc;

use yew::prelude::*;

use super::checkout_link::{Checkout, CheckoutLink};
use super::context::{use_dispatch, use_texts, I18n};
use super::rich::rich;
use crate::engine::compare::Versus;
use crate::engine::recommend::Plan;
use crate::engine::rules::RuleSet;
use crate::host::checkout::{template, CheckoutSource, Purchase};
use crate::state::Action;
use crate::text::key;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub rules: Rc<RuleSet>,
    pub plan: Rc<Option<Plan>>,
    /// Billed monthly: the cheapest way to the same need billed yearly, when anything is
    /// sold by the year.
    pub yearly: Rc<Option<Plan>>,
    pub versus: Versus,
    pub need_messages: u64,
    /// The plan is the current selection.
    pub applied: bool,
}

/// A plan as what a visitor buys.
pub fn purchase_of(plan: &Plan, rules: &RuleSet) -> Purchase {
    Purchase {
        selection: plan.selection(),
        billing: plan.billing,
        currency: rules.currency,
        month_cents: plan.total_cents,
        year_cents: plan.year_cents,
    }
}

/// What billing yearly would give: the same plan for less, or another plan.
fn yearly_hint(t: &I18n, plan: &Plan, yearly: &Plan, rules: &RuleSet) -> Html {
    let saving = plan.year_cents.saturating_sub(yearly.year_cents);
    let args = [
        ("plan", t.plan(yearly, rules)),
        ("month", t.money(yearly.total_cents)),
        ("year", t.money(yearly.year_cents)),
        ("saving", t.money(saving)),
    ];
    let args: Vec<(&str, &str)> = args.iter().map(|(n, v)| (*n, v.as_str())).collect();
    let same = yearly.selection() == plan.selection();
    let words = if same {
        t.fill(key::COMPARE_YEARLY_SAME, &args)
    } else {
        t.fill(key::COMPARE_YEARLY_OTHER, &args)
    };
    html! {
        <p class="yearly-hint" data-testid="yearly-hint" data-cents={saving.to_string()}
            data-tier={yearly.tier_id.clone()} data-addons={yearly.selection().addons_param()}>
            { words }
        </p>
    }
}

#[function_component]
pub fn Recommendation(props: &Props) -> Html {
    let t = use_texts();
    let dispatch = use_dispatch();
    let onclick = dispatch.reform(|_: MouseEvent| Action::ApplyRecommendation);
    let card = match &*props.plan {
        None => html! {
            <div class="recommendation none" data-testid="recommendation">
                <p>{ t.fill(key::COMPARE_NONE, &[("messages", &t.count(props.need_messages))]) }</p>
            </div>
        },
        Some(plan) => {
            let comparison = match props.versus {
                Versus::Short { allowance } => t.fill(
                    key::COMPARE_SHORT,
                    &[
                        ("allowance", &t.count(allowance)),
                        ("need", &t.count(props.need_messages)),
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
            let cost = rich(&t.template(key::COMPARE_COST, None), |name| match name {
                "month" => Some(html! { <strong>{ t.money(plan.total_cents) }</strong> }),
                "year" => Some(Html::from(t.money(plan.year_cents))),
                _ => None,
            });
            let capacity_args = [
                ("messages", t.count(plan.allowance)),
                ("credits", t.count(plan.inmail_credits)),
                ("pay", t.count(plan.pay_per_inmails)),
                ("spare", t.spare(plan)),
            ];
            let capacity_args: Vec<(&str, &str)> = capacity_args
                .iter()
                .map(|(n, v)| (*n, v.as_str()))
                .collect();
            let capacity = if plan.pay_per_inmails > 0 {
                t.fill(key::COMPARE_CAPACITY_PAY_PER, &capacity_args)
            } else {
                t.fill(key::COMPARE_CAPACITY, &capacity_args)
            };
            html! {
                <div class="recommendation" data-testid="recommendation" data-tier={plan.tier_id.clone()}
                    data-cents={plan.total_cents.to_string()} data-addons={plan.selection().addons_param()}
                    data-inmail-blocks={plan.inmail_blocks.to_string()}>
                    <p class="eyebrow">{ t.text(key::COMPARE_EYEBROW) }</p>
                    <p class="plan-line">{ t.plan(plan, &props.rules) }</p>
                    <p class="plan-cost">{ cost }</p>
                    <p class="muted">{ capacity }</p>
                    <p class="versus">{ comparison }</p>
                    if let Some(days) = props.rules.tiers.get(plan.tier_index).and_then(|t| t.trial_days) {
                        <p class="trial-line">{ t.plural(key::TRIAL_THEN, days, &[("price", &t.money(plan.total_cents))]) }</p>
                    }
                    if let Some(yearly) = &*props.yearly {
                        { yearly_hint(&t, plan, yearly, &props.rules) }
                    }
                </div>
            }
        }
    };
    // With a link to buy the plan, that link leads and using the plan in the calculator follows.
    let checkout = use_context::<Checkout>();
    let sells = props.plan.as_ref().as_ref().is_some_and(|plan| {
        template(
            checkout.as_ref().and_then(|c| c.template.as_deref()),
            &props.rules,
            &plan.tier_id,
        )
        .is_some()
    });
    html! {
        <div class="recommendation-slot">
            { card }
            <div class="recommendation-actions">
                <button type="button" class={classes!("button", if sells { "secondary" } else { "primary" })}
                    data-testid="apply-recommendation"
                    disabled={props.applied || props.plan.is_none()} {onclick}>
                    { t.text(if props.applied { key::COMPARE_APPLIED } else { key::COMPARE_APPLY }) }
                </button>
                if let Some(plan) = &*props.plan {
                    <CheckoutLink rules={props.rules.clone()} purchase={purchase_of(plan, &props.rules)}
                        source={CheckoutSource::Recommendation} testid="checkout-recommendation" />
                }
            </div>
        </div>
    }
}
