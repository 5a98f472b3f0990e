//! The account tiers as radio buttons, each with its price and what it includes.

use std::rc::Rc;

use yew::prelude::*;

use super::context::{use_dispatch, use_ids, use_texts};
use super::highlight;
use crate::engine::bill::{tier_price, Billing};
use crate::engine::rules::RuleSet;
use crate::engine::send::month_as_billed;
use crate::state::Action;
use crate::text::key;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub rules: Rc<RuleSet>,
    pub billing: Billing,
    pub selected: AttrValue,
    /// The tier marked for the visitor, and the mark's words when they are not the widget's.
    pub highlight: Option<(String, Option<String>)>,
}

#[function_component]
pub fn TierPicker(props: &Props) -> Html {
    let t = use_texts();
    let ids = use_ids();
    let dispatch = use_dispatch();
    let name = ids.id("tier");
    // Each tier's price and what it includes change only with the words or the rules.
    let details = use_memo(
        (t.clone(), props.rules.clone(), props.billing),
        |(t, rules, billing)| {
            rules
                .tiers
                .iter()
                .map(|tier| {
                    let credits = if tier.inmail_credits > 0 {
                        t.plural(key::PLAN_TIER_CREDITS, tier.inmail_credits, &[])
                    } else {
                        String::new()
                    };
                    let price = tier_price(tier);
                    // Under yearly billing, how the tier is billed: by the year, or still monthly.
                    let billed = match (*billing, price.yearly) {
                        (Billing::Monthly, _) => String::new(),
                        // Nothing to pay, nothing to bill.
                        _ if price.monthly == 0 => String::new(),
                        (Billing::Yearly, Some(year)) => {
                            t.fill(key::PLAN_BILLED_YEARLY, &[("year", &t.money(year))])
                        }
                        (Billing::Yearly, None) => t.text(key::PLAN_BILLED_MONTHLY).to_string(),
                    };
                    (
                        AttrValue::from(t.money(month_as_billed(price, *billing))),
                        AttrValue::from(billed),
                        AttrValue::from(
                            t.plural(key::PLAN_TIER_MESSAGES, tier.free_messages, &[]) + &credits,
                        ),
                        AttrValue::from(t.tier_features(tier, rules)),
                    )
                })
                .collect::<Vec<_>>()
        },
    );
    let billing = props.billing;
    let price_cents =
        |tier: &crate::engine::rules::Tier| month_as_billed(tier_price(tier), billing);
    let highlighted = |tier: &str| highlight::mark(props.highlight.as_ref(), tier, &t);
    let tiers = props
        .rules
        .tiers
        .iter()
        .zip(details.iter())
        .map(|(tier, (price, billed, detail, features))| {
            let id = tier.id.clone();
            let onchange = dispatch.reform(move |_: Event| Action::SelectTier(id.clone()));
            html! {
                <label class="tier-option" key={tier.id.clone()} data-highlight={highlighted(&tier.id).map(|_| "true")}>
                    <input type="radio" name={name.clone()} value={tier.id.clone()}
                        data-testid={format!("tier-option-{}", tier.id)}
                        checked={*props.selected == tier.id} {onchange} />
                    <span class="tier-name">
                        <bdi>{ tier.name.clone() }</bdi>
                        if let Some(label) = highlighted(&tier.id) {
                            <bdi class="badge highlight" data-testid="highlight-badge">{ label }</bdi>
                        }
                    </span>
                    <span class="tier-price" data-cents={price_cents(tier).to_string()}>
                        { price.clone() }<small>{ t.text(key::UNITS_PER_MONTH) }</small>
                        if !billed.is_empty() { <small class="tier-billed">{ billed.clone() }</small> }
                        if let Some(days) = tier.trial_days {
                            <small class="tier-billed trial-note">{ t.plural(key::TRIAL_SHORT, days, &[]) }</small>
                        }
                    </span>
                    <span class="tier-detail">
                        { detail.clone() }
                        if !features.is_empty() { <span class="tier-features">{ features.clone() }</span> }
                    </span>
                </label>
            }
        });
    html! {
        <fieldset class="tiers">
            <legend>{ t.text(key::PLAN_TIERS) }</legend>
            { for tiers }
        </fieldset>
    }
}
