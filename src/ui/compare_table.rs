//! Every tier side by side for the stated need: what it must add, its monthly cost, what
//! its messages cost per message and the spare capacity (messages and InMail credits
//! apart); the cheapest and the current tier marked.

use std::rc::Rc;

use yew::prelude::*;

use super::checkout_link::{Checkout, CheckoutLink};
use super::context::use_texts;
use super::highlight;
use super::recommendation::purchase_of;
use crate::engine::bill::Billing;
use crate::engine::compare::CompareRow;
use crate::engine::rules::RuleSet;
use crate::host::checkout::{template, CheckoutSource};
use crate::text::key;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub rows: Rc<Vec<CompareRow>>,
    /// The rules in the widget's currency: links to buy, trials, features.
    pub rules: Rc<RuleSet>,
    /// The tier marked for the visitor, and the mark's words when they are not the widget's.
    pub highlight: Option<(String, Option<String>)>,
    pub need_messages: u64,
    pub billing: Billing,
    /// The visitor's tier, marked "Current".
    pub current_tier: AttrValue,
}

#[function_component]
pub fn CompareTable(props: &Props) -> Html {
    let t = use_texts();
    // What each tier must add, in words: once per change of plans, not per render.
    let adds = use_memo((t.clone(), props.rows.clone()), |(t, rows)| {
        rows.iter()
            .map(|row| match &row.plan {
                Some(plan) => {
                    let addons = t.plan_addons(plan);
                    if addons.is_empty() {
                        AttrValue::from(t.text(key::TABLE_ADDS_NOTHING))
                    } else {
                        t.fill(key::TABLE_ADDS_PLAN, &[("addons", &addons)]).into()
                    }
                }
                None => AttrValue::from(t.text(key::TABLE_UNREACHABLE)),
            })
            .collect::<Vec<_>>()
    });
    let dash = || "—".to_owned();
    // A column of links to buy, when any tier has a checkout URL.
    let checkout = use_context::<Checkout>();
    let links = props.rules.tiers.iter().any(|tier| {
        template(
            checkout.as_ref().and_then(|c| c.template.as_deref()),
            &props.rules,
            &tier.id,
        )
        .is_some()
    });
    let highlighted = |tier: &str| highlight::mark(props.highlight.as_ref(), tier, &t);
    let month_key = match props.billing {
        Billing::Monthly => key::TABLE_MONTH,
        Billing::Yearly => key::TABLE_MONTH_YEARLY,
    };
    let rows = props.rows.iter().zip(adds.iter()).map(|(row, adds)| {
        let cents = row.plan.as_ref().map(|p| p.total_cents);
        let current = *props.current_tier == row.tier_id;
        html! {
            <tr key={row.tier_id.clone()}
                class={classes!(row.cheapest.then_some("cheapest"), current.then_some("current"),
                    row.below_minimum.then_some("below-minimum"))}
                data-highlight={highlighted(&row.tier_id).map(|_| "true")}
                data-testid={format!("compare-row-{}", row.tier_id)}
                data-cents={cents.map(|c| c.to_string())}>
                <th scope="row">
                    <bdi>{ row.tier_name.clone() }</bdi>
                    if row.cheapest { <span class="badge">{ t.text(key::BADGE_CHEAPEST) }</span> }
                    if current { <span class="badge subtle">{ t.text(key::BADGE_CURRENT) }</span> }
                    if row.below_minimum { <span class="badge subtle">{ t.text(key::BADGE_BELOW_MINIMUM) }</span> }
                    if let Some(label) = highlighted(&row.tier_id) {
                        <bdi class="badge highlight" data-testid="highlight-badge">{ label }</bdi>
                    }
                    if let Some(days) = props.rules.tier(&row.tier_id).and_then(|t| t.trial_days) {
                        <small class="trial-note">{ t.plural(key::TRIAL_SHORT, days, &[]) }</small>
                    }
                </th>
                <td data-label={t.text(key::TABLE_ADDS).to_string()}>{ adds.clone() }</td>
                <td class="num" data-label={t.text(month_key).to_string()}>
                    { cents.map(|c| t.money(c)).unwrap_or_else(dash) }
                </td>
                <td class="num" data-label={t.text(key::TABLE_MESSAGE).to_string()}>
                    { row.per_message_cents.map(|c| t.money(c)).unwrap_or_else(dash) }
                </td>
                <td class="num" data-label={t.text(key::TABLE_SPARE).to_string()}>
                    { row.plan.as_ref().map(|p| t.spare(p)).unwrap_or_else(dash) }
                </td>
                if links {
                    <td class="cta">
                        if let Some(plan) = &row.plan {
                            <CheckoutLink rules={props.rules.clone()} purchase={purchase_of(plan, &props.rules)}
                                source={CheckoutSource::Compare} testid={format!("checkout-{}", row.tier_id)} class="small" />
                        }
                    </td>
                }
            </tr>
        }
    });
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={t.text(key::TABLE_LABEL).to_string()}>
            <table class="compare-table">
                <caption>{ t.fill(key::TABLE_CAPTION, &[("messages", &t.count(props.need_messages))]) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ t.text(key::TABLE_TIER) }</th>
                        <th scope="col">{ t.text(key::TABLE_ADDS) }</th>
                        <th scope="col" class="num">{ t.text(month_key) }</th>
                        <th scope="col" class="num">{ t.text(key::TABLE_MESSAGE) }</th>
                        <th scope="col" class="num">{ t.text(key::TABLE_SPARE) }</th>
                        if links { <td></td> }
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
            <p class="muted table-note">{ t.text(key::TABLE_NOTE) }</p>
        </div>
    }
}
