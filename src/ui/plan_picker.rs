//! The visitor's choices: tier, add-on bundles, InMail blocks, usage so far and the period.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::number_field::NumberField;
use crate::engine::fields::CountField;
use crate::engine::locale::Locale;
use crate::engine::period::PeriodRule;
use crate::engine::plan::{Selection, Usage};
use crate::engine::rules::RuleSet;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub prefix: AttrValue,
    pub rules: Rc<RuleSet>,
    pub selection: Selection,
    pub usage: Usage,
    pub period_rule: PeriodRule,
    pub locale: Locale,
    pub on_action: Callback<Action>,
}

/// Tier radios, bundle counts, blocks and usage.
#[function_component]
pub fn PlanPicker(props: &Props) -> Html {
    let Props { prefix, rules, selection, usage, locale, on_action, .. } = props;
    let id = |name: &str| AttrValue::from(format!("{prefix}-{name}"));
    let emit = |make: fn(u64) -> Action| on_action.reform(make);

    let tiers = rules.tiers.iter().map(|tier| {
        let tier_id = tier.id.clone();
        let onchange = on_action.reform(move |_: Event| Action::SelectTier(tier_id.clone()));
        let credits = (tier.inmail_credits > 0).then(|| format!(" · {} InMail credits", locale.count(tier.inmail_credits)));
        html! {
            <label class="tier-option" key={tier.id.clone()}>
                <input type="radio" name={id("tier")} value={tier.id.clone()}
                    data-testid={format!("tier-option-{}", tier.id)}
                    checked={selection.tier_id == tier.id} {onchange} />
                <span class="tier-name">{ &tier.name }</span>
                <span class="tier-price">{ locale.money(tier.price_cents) }<small>{ "/mo" }</small></span>
                <span class="tier-detail">{ format!("{} messages", locale.count(tier.free_messages)) }{ credits }</span>
            </label>
        }
    });

    let bundles = rules.bundles.iter().map(|bundle| {
        let size = bundle.size;
        html! {
            <NumberField key={size.to_string()}
                id={id(&format!("addon-{size}"))}
                label={format!("{} messages · {}/mo", locale.count(size), locale.money(bundle.price_cents))}
                testid={format!("addon-count-{size}")}
                value={selection.addon_count(size)}
                field={CountField::AddonCount}
                on_change={on_action.reform(move |count| Action::SetAddonCount { size, count })} />
        }
    });

    let billing_day = props.period_rule.day();
    let on_billing_day = on_action.reform(|e: Event| {
        let value = e.target_unchecked_into::<HtmlSelectElement>().value();
        Action::SetBillingDay(value.parse().ok())
    });
    let block = rules.inmail;

    html! {
        <section class="plan-picker" aria-labelledby={id("plan-heading")}>
            <h2 id={id("plan-heading")}>{ "Your plan" }</h2>
            <fieldset class="tiers">
                <legend>{ "Account tier" }</legend>
                { for tiers }
            </fieldset>
            <fieldset class="addons">
                <legend>{ "Add-on message bundles" }<small>{ " (count of each)" }</small></legend>
                if rules.bundles.is_empty() {
                    <p class="muted">{ "These rules sell no bundles." }</p>
                }
                <div class="field-grid">{ for bundles }</div>
            </fieldset>
            <fieldset class="usage">
                <legend>{ "InMail and this period" }</legend>
                <div class="field-grid">
                    <NumberField id={id("inmail-blocks")}
                        label={format!("InMail blocks ({} credits, {})", block.block_size, locale.money(block.block_price_cents))}
                        testid="inmail-blocks" value={selection.inmail_blocks} field={CountField::InMailBlocks}
                        on_change={emit(Action::SetInMailBlocks)} />
                    <NumberField id={id("sent")} label="Messages sent this period" testid="sent-count"
                        value={props.usage.sent} field={CountField::Sent} on_change={emit(Action::SetSent)} />
                    <NumberField id={id("inmail-sent")} label="InMails sent this period" testid="inmail-sent-count"
                        value={usage.inmail_sent} field={CountField::InMailSent} on_change={emit(Action::SetInMailSent)} />
                    <div class="select-field">
                        <label for={id("billing-day")}>{ "Allowance resets" }</label>
                        <select id={id("billing-day")} data-testid="billing-day" onchange={on_billing_day}>
                            <option value="1" selected={billing_day == 1}>{ "On the 1st (calendar month)" }</option>
                            { for (2..=31u32).map(|d| html! {
                                <option value={d.to_string()} selected={billing_day == d}>{ format!("On day {d} (billing day)") }</option>
                            }) }
                        </select>
                    </div>
                </div>
            </fieldset>
        </section>
    }
}
