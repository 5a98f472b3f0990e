//! The account tiers as radio buttons, each with its price and what it includes.

use std::rc::Rc;

use yew::prelude::*;

use super::context::{use_dispatch, use_ids, use_texts};
use crate::engine::rules::RuleSet;
use crate::state::Action;
use crate::text::key;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub rules: Rc<RuleSet>,
    pub selected: AttrValue,
}

#[function_component]
pub fn TierPicker(props: &Props) -> Html {
    let t = use_texts();
    let ids = use_ids();
    let dispatch = use_dispatch();
    let name = ids.id("tier");
    // Each tier's price and what it includes change only with the words or the rules.
    let details = use_memo((t.clone(), props.rules.clone()), |(t, rules)| {
        rules
            .tiers
            .iter()
            .map(|tier| {
                let credits = if tier.inmail_credits > 0 {
                    t.plural(key::PLAN_TIER_CREDITS, tier.inmail_credits, &[])
                } else {
                    String::new()
                };
                (
                    AttrValue::from(t.money(tier.price_cents)),
                    AttrValue::from(
                        t.plural(key::PLAN_TIER_MESSAGES, tier.free_messages, &[]) + &credits,
                    ),
                )
            })
            .collect::<Vec<_>>()
    });
    let tiers = props
        .rules
        .tiers
        .iter()
        .zip(details.iter())
        .map(|(tier, (price, detail))| {
            let id = tier.id.clone();
            let onchange = dispatch.reform(move |_: Event| Action::SelectTier(id.clone()));
            html! {
                <label class="tier-option" key={tier.id.clone()}>
                    <input type="radio" name={name.clone()} value={tier.id.clone()}
                        data-testid={format!("tier-option-{}", tier.id)}
                        checked={*props.selected == tier.id} {onchange} />
                    <span class="tier-name">{ tier.name.clone() }</span>
                    <span class="tier-price">
                        { price.clone() }<small>{ t.text(key::UNITS_PER_MONTH) }</small>
                    </span>
                    <span class="tier-detail">{ detail.clone() }</span>
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
