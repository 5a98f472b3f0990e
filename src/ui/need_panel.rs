//! "What do I need?": a monthly need in, the cheapest plan out, with a button to apply it.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::number_field::NumberField;
use crate::engine::compare::{describe_plan, versus_current, Versus};
use crate::engine::fields::CountField;
use crate::engine::locale::Locale;
use crate::engine::plan::Selection;
use crate::engine::recommend::{Need, Plan};
use crate::engine::rules::RuleSet;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub prefix: AttrValue,
    pub rules: Rc<RuleSet>,
    pub need: Need,
    pub recommendation: Option<Plan>,
    pub selection: Selection,
    pub locale: Locale,
    pub on_action: Callback<Action>,
}

/// The need inputs and the recommendation card.
#[function_component]
pub fn NeedPanel(props: &Props) -> Html {
    let Props { prefix, rules, need, locale, on_action, .. } = props;
    let id = |name: &str| AttrValue::from(format!("{prefix}-{name}"));
    let on_min_tier = on_action.reform(|e: Event| {
        let value = e.target_unchecked_into::<HtmlSelectElement>().value();
        Action::SetMinTier((!value.is_empty()).then_some(value))
    });

    let card = match &props.recommendation {
        Some(plan) => {
            let selection = plan.selection();
            let applied = selection == props.selection;
            let comparison = match versus_current(rules, &props.selection, need) {
                Versus::Short { allowance } => format!(
                    "Your current selection allows {} messages a month, short of {}.",
                    locale.count(allowance),
                    locale.count(need.messages)
                ),
                Versus::Covers { current_cents } if current_cents > plan.total_cents => format!(
                    "Saves {} a month ({} a year) against your current selection.",
                    locale.money(current_cents - plan.total_cents),
                    locale.money((current_cents - plan.total_cents).saturating_mul(12))
                ),
                Versus::Covers { .. } => "Your current selection already meets this need at this price.".into(),
            };
            html! {
                <div class="recommendation" data-testid="recommendation" data-tier={plan.tier_id.clone()}
                    data-cents={plan.total_cents.to_string()} data-addons={selection.addons_param()}
                    data-inmail-blocks={plan.inmail_blocks.to_string()}>
                    <p class="eyebrow">{ "Cheapest way" }</p>
                    <p class="plan-line">{ describe_plan(plan, rules, locale) }</p>
                    <p class="plan-cost">
                        <strong>{ locale.money(plan.total_cents) }</strong>{ " a month · " }
                        { format!("{} a year", locale.money(plan.total_cents.saturating_mul(12))) }
                    </p>
                    <p class="muted">
                        { format!("{} messages and {} InMail credits a month", locale.count(plan.allowance), locale.count(plan.inmail_credits)) }
                        if plan.pay_per_inmails > 0 { { format!(", plus {} pay-per-InMail", locale.count(plan.pay_per_inmails)) } }
                        { format!("; {} spare.", locale.count(plan.spare)) }
                    </p>
                    <p class="versus">{ comparison }</p>
                    <button type="button" class="button primary" data-testid="apply-recommendation" disabled={applied}
                        onclick={on_action.reform(|_| Action::ApplyRecommendation)}>
                        { if applied { "This is your selection" } else { "Use this plan" } }
                    </button>
                </div>
            }
        }
        None => html! {
            <div class="recommendation none" data-testid="recommendation">
                <p>{ format!("No plan under these rules reaches {} messages a month.", locale.count(need.messages)) }</p>
            </div>
        },
    };

    html! {
        <div class="need-panel">
            <div class="field-grid">
                <NumberField id={id("need-messages")} label="Messages a month" testid="need-messages"
                    value={need.messages} field={CountField::NeedMessages} on_change={on_action.reform(Action::SetNeedMessages)} />
                <NumberField id={id("need-inmails")} label="InMails a month" testid="need-inmails"
                    value={need.inmails} field={CountField::NeedInMails} on_change={on_action.reform(Action::SetNeedInMails)} />
                <div class="select-field">
                    <label for={id("min-tier")}>{ "At least this tier" }</label>
                    <select id={id("min-tier")} data-testid="min-tier" onchange={on_min_tier}>
                        <option value="" selected={need.min_tier.is_none()}>{ "Any tier" }</option>
                        { for rules.tiers.iter().map(|t| html! {
                            <option value={t.id.clone()} selected={need.min_tier.as_deref() == Some(t.id.as_str())}>{ &t.name }</option>
                        }) }
                    </select>
                </div>
            </div>
            { card }
        </div>
    }
}
