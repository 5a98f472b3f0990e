//! The account tiers as radio buttons, each with its price and what it includes; a tier
//! sold through sales is listed with its "Contact sales" link instead of a choice and a price.

use yew::prelude::*;

use super::contact_link::ContactLink;
use super::context::use_ids;
use super::regular_price::regular as regular_price;
use crate::state::PlanAction;
use crate::view::calculator::TiersView;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub view: std::rc::Rc<TiersView>,
    pub on_plan: Callback<PlanAction>,
}

#[function_component]
pub fn TierPicker(props: &Props) -> Html {
    let name = use_ids().id("tier");
    let regular = props.view.regular.clone();
    let tiers = props.view.tiers.iter().map(|tier| {
        if let Some(contact) = &tier.contact {
            return html! {
                <div class="tier-option contact" key={tier.id.clone()} data-testid={format!("tier-contact-{}", tier.id)}>
                    <span class="tier-name"><bdi>{ tier.name.clone() }</bdi></span>
                    <span class="tier-price">{ tier.price.clone() }</span>
                    <span class="tier-detail">
                        { tier.detail.clone() }
                        if let Some(features) = &tier.features { <span class="tier-features">{ features.clone() }</span> }
                    </span>
                    <ContactLink view={contact.clone()} />
                </div>
            };
        }
        let id = tier.id.clone();
        let onchange = props.on_plan.reform(move |_: Event| PlanAction::SelectTier(id.clone()));
        html! {
            <label class="tier-option" key={tier.id.clone()} data-highlight={tier.mark.as_ref().map(|_| "true")}
                data-change={tier.change.as_ref().map(|c| c.kind.id())}>
                <input type="radio" name={name.clone()} value={tier.id.clone()}
                    data-testid={format!("tier-option-{}", tier.id)} checked={tier.checked} {onchange} />
                <span class="tier-name">
                    <bdi>{ tier.name.clone() }</bdi>
                    if let Some(label) = &tier.mark {
                        <bdi class="badge highlight" data-testid="highlight-badge">{ label.clone() }</bdi>
                    }
                </span>
                <span class="tier-price" data-cents={tier.price_cents.to_string()}>
                    { regular_price(&tier.list_price, &regular) }
                    { tier.price.clone() }<small>{ tier.per_month.clone() }</small>
                    if let Some(note) = &tier.tax_note { <small class="tier-billed tax-note">{ note.clone() }</small> }
                    if let Some(billed) = &tier.billed { <small class="tier-billed">{ billed.clone() }</small> }
                    if let Some(trial) = &tier.trial {
                        <small class="tier-billed trial-note">{ trial.clone() }</small>
                    }
                </span>
                <span class="tier-detail">
                    { tier.detail.clone() }
                    if let Some(features) = &tier.features { <span class="tier-features">{ features.clone() }</span> }
                    if let Some(change) = &tier.change {
                        <span class={classes!("plan-change", change.kind.id())} data-testid={format!("plan-change-{}", tier.id)}
                            data-change={change.kind.id()} data-delta-cents={change.delta_cents.to_string()}>
                            { change.words.clone() }
                        </span>
                    }
                </span>
            </label>
        }
    });
    html! {
        <fieldset class="tiers">
            <legend>{ props.view.legend.clone() }</legend>
            { for tiers }
        </fieldset>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::ui::testing::{render, widget_with, words_of};
    use crate::view::calculator::{calculator, CalculatorInput};

    #[test]
    fn each_tier_with_its_price_and_the_highlighted_one_marked() {
        let w = widget_with(&[
            ("highlight", "sales-navigator"),
            ("highlight-label", "Best"),
        ]);
        let input = CalculatorInput::of(&w, &Rc::new(w.priced()), &Rc::new(w.summary()), true);
        let view = calculator(&input, &words_of(&w)).tiers;
        let page = render(html! { <TierPicker {view} on_plan={Callback::noop()} /> });
        assert_eq!(page.texts("legend"), ["Account tier"]);
        assert_eq!(page.texts("[data-testid=highlight-badge]"), ["Best"]);
        assert_eq!(
            page.count("label[data-highlight=true] input[value=sales-navigator]"),
            1
        );
        assert_eq!(page.texts(".tier-price")[1], "$29.99/mo");
    }

    #[test]
    fn the_visitors_own_plan_and_each_other_plan_against_it() {
        let rules = include_str!("../../rules/example-teams.json");
        let w = widget_with(&[
            ("rules", rules),
            ("current-tier", "sales-navigator-team"),
            ("current-seats", "8"),
            ("current-addons", "25x1"),
        ]);
        let input = CalculatorInput::of(&w, &Rc::new(w.priced()), &Rc::new(w.summary()), true);
        let calculator = calculator(&input, &words_of(&w));
        // The first tier is chosen, not the visitor's plan: it may be bought.
        assert!(calculator.results.checkout.is_some());
        let view = calculator.tiers;
        let page = render(html! { <TierPicker {view} on_plan={Callback::noop()} /> });
        // Today: 8 seats and a 25 bundle, $814.91. Each tier as that plan would be on it.
        assert_eq!(
            page.texts(".plan-change"),
            [
                "Downgrade · $799.92 a month less than today",
                "Downgrade · $769.93 a month less than today",
                "Your plan",
                "Upgrade · $3,192.08 a month more than today",
            ]
        );
        assert_eq!(
            page.attr("plan-change-recruiter", "data-delta-cents")
                .as_deref(),
            Some("319208")
        );
        assert_eq!(
            page.count("label[data-change=current] input[value=sales-navigator-team]"),
            1
        );
        // Chosen, the visitor's own plan is not offered for sale again.
        let mine = widget_with(&[
            ("rules", rules),
            ("current-tier", "sales-navigator-team"),
            ("current-seats", "8"),
            ("current-addons", "25x1"),
            ("tier", "sales-navigator-team"),
            ("seats", "8"),
            ("addons", "25x1"),
        ]);
        let priced = Rc::new(mine.priced());
        let input = CalculatorInput::of(&mine, &priced, &Rc::new(mine.summary()), true);
        assert_eq!(
            crate::view::calculator::calculator(&input, &words_of(&mine))
                .results
                .checkout,
            None
        );
    }
}
