//! Compare, "Find the cheapest plan": the need, the recommendation, every tier side by
//! side, what each includes, and the cost chart (the table and the chart once the section
//! comes near the viewport).

use yew::prelude::*;

use super::compare_table::CompareTable;
use super::cost_chart::CostChart;
use super::feature_matrix::FeatureMatrix;
use super::number_field::fields;
use super::recommendation::Recommendation;
use super::schedule::use_seen;
use super::select::Select;
use crate::state::{Edit, Field, PlanAction};
use crate::text::I18n;
use crate::view::compare::{compare, CompareFacts, CompareInput};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub input: CompareInput,
    pub words: I18n,
    pub on_plan: Callback<PlanAction>,
    pub on_field: Callback<(Field, Edit)>,
}

#[function_component]
pub fn Compare(props: &Props) -> Html {
    let section = use_node_ref();
    let seen = use_seen(section.clone());
    // The engine's work, once per change of the rules, the need or the billing.
    let facts = use_memo(
        (props.input.basis(), seen),
        |((rules, need, billing), seen)| CompareFacts::of(rules, need, *billing, *seen),
    );
    let view = use_memo(
        (props.input.clone(), facts, props.words.clone()),
        |(input, facts, words)| compare(input, facts, words),
    );
    let on_min_tier = props
        .on_plan
        .reform(|id: String| PlanAction::SetMinTier((!id.is_empty()).then_some(id)));
    html! {
        <section class="compare" ref={section} aria-label={view.heading.clone()}>
            <h2>{ view.heading.clone() }</h2>
            <div class="need-panel">
                <div class="field-grid">
                    { fields(&view.need, &props.on_field) }
                    <Select view={view.min_tier.clone()} onchange={on_min_tier} />
                </div>
                if let Some(hint) = &view.team_hint {
                    <p class="muted" data-testid="team-hint">{ hint.clone() }</p>
                }
                <Recommendation view={view.recommendation.clone()} on_plan={props.on_plan.clone()} />
            </div>
            if let Some(table) = &view.table {
                <CompareTable view={table.clone()} />
            }
            if let Some(features) = &view.features {
                <FeatureMatrix view={features.clone()} />
            }
            if let Some(chart) = &view.chart {
                <CostChart view={chart.clone()} />
            }
        </section>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::ui::testing::{render, widget_with, words_of};

    #[test]
    fn the_need_its_cheapest_plan_every_tier_and_the_chart() {
        let rules = include_str!("../../rules/example-eur-gbp.json");
        let w = widget_with(&[
            ("rules", rules),
            ("need", "120"),
            ("checkout-url", "/buy/{tier}"),
        ]);
        let page = render(html! {
            <Compare input={CompareInput::of(&w, &Rc::new(w.priced()))} words={words_of(&w)}
                on_plan={Callback::noop()} on_field={Callback::noop()} />
        });
        assert_eq!(
            page.count("section.compare[aria-label=\"Find the cheapest plan\"]"),
            1
        );
        assert_eq!(page.attr("need-messages", "value").as_deref(), Some("120"));
        assert_eq!(page.count("select[data-testid=min-tier] option"), 6);
        assert_eq!(
            page.attr("recommendation", "data-tier").as_deref(),
            Some("basic")
        );
        // Every tier has its row; the one sold through sales has a link, never a price.
        assert_eq!(page.count("[data-testid^=compare-row-]"), 6);
        assert_eq!(
            page.attr("contact-sales-recruiter-corporate", "href")
                .as_deref(),
            Some("checkout.html?contact=sales&tier=recruiter-corporate")
        );
        assert_eq!(
            page.attr("compare-row-recruiter-corporate", "data-cents"),
            None
        );
        assert_eq!(
            page.count("[data-testid=feature-matrix]"),
            0,
            "these rules list no features"
        );
        assert_eq!(page.count("svg[data-testid=cost-chart]"), 1);
        assert_eq!(
            page.attr("checkout-recommendation", "href").as_deref(),
            Some("/buy/basic")
        );
    }
}
