//! What each plan includes, side by side: a row per feature, a column per tier, each cell
//! saying whether the tier includes it. Shown when the rules list features.

use std::rc::Rc;

use yew::prelude::*;

use super::context::use_texts;
use crate::engine::rules::RuleSet;
use crate::text::key;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub rules: Rc<RuleSet>,
}

#[function_component]
pub fn FeatureMatrix(props: &Props) -> Html {
    let t = use_texts();
    let rules = &props.rules;
    if rules.features.is_empty() {
        return html! {};
    }
    let (yes, no) = (
        t.text(key::FEATURES_INCLUDED),
        t.text(key::FEATURES_NOT_INCLUDED),
    );
    let rows = rules.features.iter().map(|feature| {
        let cells = rules.tiers.iter().map(|tier| {
            let included = tier.features.contains(&feature.id);
            html! {
                <td key={tier.id.clone()} class={classes!("num", included.then_some("included"))}
                    data-tier={tier.id.clone()} data-included={included.to_string()}>
                    <span aria-hidden="true">{ if included { "✓" } else { "—" } }</span>
                    <span class="visually-hidden">{ if included { yes.clone() } else { no.clone() } }</span>
                </td>
            }
        });
        html! {
            <tr key={feature.id.clone()} data-feature={feature.id.clone()}>
                <th scope="row">{ t.feature(feature) }</th>
                { for cells }
            </tr>
        }
    });
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={t.text(key::FEATURES_HEADING).to_string()}>
            <table class="feature-matrix" data-testid="feature-matrix">
                <caption>{ t.text(key::FEATURES_HEADING) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ t.text(key::FEATURES_FEATURE) }</th>
                        { for rules.tiers.iter().map(|tier| html! {
                            <th key={tier.id.clone()} scope="col" class="num"><bdi>{ tier.name.clone() }</bdi></th>
                        }) }
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}
