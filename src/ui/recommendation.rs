//! The cheapest way to the stated need, what it costs, how it compares with the current
//! selection, and a button to use it.

use yew::prelude::*;

use super::checkout_link::checkout_link;
use super::rich::rich;
use crate::state::PlanAction;
use crate::view::compare::RecommendationView;
use crate::view::Piece;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub view: std::rc::Rc<RecommendationView>,
    pub on_plan: Callback<PlanAction>,
}

#[function_component]
pub fn Recommendation(props: &Props) -> Html {
    let v = &props.view;
    let onclick = props
        .on_plan
        .reform(|_: MouseEvent| PlanAction::ApplyRecommendation);
    let card = match &v.plan {
        None => html! {
            <div class="recommendation none" data-testid="recommendation">
                <p>{ v.none.clone() }</p>
            </div>
        },
        Some(plan) => {
            let cost = rich(&plan.cost, |piece| match piece {
                Piece::Slot(_, month) => html! { <strong>{ month.clone() }</strong> },
                Piece::Text(text) => Html::from(text.clone()),
            });
            html! {
                <div class="recommendation" data-testid="recommendation" data-tier={plan.tier_id.clone()}
                    data-cents={plan.cents.to_string()} data-addons={plan.addons.clone()}
                    data-inmail-blocks={plan.inmail_blocks.to_string()} data-seats={plan.seats.to_string()}>
                    <p class="eyebrow">{ plan.eyebrow.clone() }</p>
                    <p class="plan-line">{ plan.plan.clone() }</p>
                    if let Some(change) = &plan.change {
                        <p class={classes!("plan-change", change.kind.id())} data-testid="recommendation-change"
                            data-change={change.kind.id()} data-delta-cents={change.delta_cents.to_string()}>
                            { change.words.clone() }
                        </p>
                    }
                    <p class="plan-cost">{ cost }</p>
                    <p class="muted">{ plan.capacity.clone() }</p>
                    <p class="versus">{ plan.versus.clone() }</p>
                    if let Some(trial) = &plan.trial {
                        <p class="trial-line">{ trial.clone() }</p>
                    }
                    if let Some((cents, words)) = &plan.per_answered {
                        <p class="per-answered" data-testid="recommendation-per-answered" data-cents={cents.to_string()}>
                            { words.clone() }
                        </p>
                    }
                    if let Some(y) = &plan.yearly {
                        <p class="yearly-hint" data-testid="yearly-hint" data-cents={y.saving_cents.to_string()}
                            data-tier={y.tier_id.clone()} data-addons={y.addons.clone()}>
                            { y.text.clone() }
                        </p>
                    }
                </div>
            }
        }
    };
    html! {
        <div class="recommendation-slot">
            { card }
            <div class="recommendation-actions">
                // With a link to buy the plan, that link leads and using the plan follows.
                <button type="button" class={classes!("button", if v.sells { "secondary" } else { "primary" })}
                    data-testid="apply-recommendation" disabled={v.disabled} {onclick}>
                    { v.apply.clone() }
                </button>
                { checkout_link(&v.checkout, "") }
            </div>
        </div>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::state::Action;
    use crate::ui::testing::{render, widget_with, words_of};
    use crate::view::compare::{compare, CompareFacts, CompareInput};

    fn view(w: &crate::state::Widget) -> std::rc::Rc<RecommendationView> {
        let input = CompareInput::of(w, &Rc::new(w.priced()));
        let (rules, need, billing) = input.basis();
        compare(
            &input,
            &CompareFacts::of(&rules, &need, billing, false),
            &words_of(w),
        )
        .recommendation
    }

    #[test]
    fn the_cheapest_plan_and_a_button_to_use_it_until_it_is_in_use() {
        let mut w = widget_with(&[("need", "120")]);
        let page = render(html! { <Recommendation view={view(&w)} on_plan={Callback::noop()} /> });
        assert_eq!(
            page.attr("recommendation", "data-addons").as_deref(),
            Some("100x1,25x1")
        );
        assert_eq!(page.texts(".plan-cost strong").len(), 1);
        assert_eq!(
            page.count("[data-testid=apply-recommendation]:not([disabled])"),
            1
        );
        w.apply(Action::Plan(PlanAction::ApplyRecommendation));
        let page = render(html! { <Recommendation view={view(&w)} on_plan={Callback::noop()} /> });
        assert_eq!(
            page.count("[data-testid=apply-recommendation][disabled]"),
            1
        );
        assert_eq!(page.text("apply-recommendation"), "This is your selection");
    }

    #[test]
    fn a_need_no_plan_reaches_says_so() {
        // The article's rules without their bundles: no tier reaches 5,000 messages.
        let mut rules: serde_json::Value =
            serde_json::from_str(crate::engine::presets::ARTICLE.json()).unwrap();
        rules["bundles"] = serde_json::json!([]);
        let w = widget_with(&[("rules", &rules.to_string()), ("need", "5000")]);
        let page = render(html! { <Recommendation view={view(&w)} on_plan={Callback::noop()} /> });
        assert_eq!(
            page.text("recommendation"),
            "No plan under these rules reaches 5,000 messages a month."
        );
        assert_eq!(
            page.count("[data-testid=apply-recommendation][disabled]"),
            1
        );
    }
}
