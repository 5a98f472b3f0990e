//! What each plan includes, side by side: a row per feature, a column per tier, each cell
//! saying whether the tier includes it. Shown when the rules list features.

use yew::prelude::*;

use crate::view::compare::FeaturesView;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub view: std::rc::Rc<FeaturesView>,
}

#[function_component]
pub fn FeatureMatrix(props: &Props) -> Html {
    let v = &props.view;
    let rows = v.rows.iter().map(|row| {
        let cells = v.tiers.iter().zip(&row.included).map(|((id, _), included)| {
            html! {
                <td key={id.clone()} class={classes!("num", included.then_some("included"))}
                    data-tier={id.clone()} data-included={included.to_string()}>
                    <span aria-hidden="true">{ if *included { "✓" } else { "—" } }</span>
                    <span class="visually-hidden">{ if *included { v.included.clone() } else { v.not_included.clone() } }</span>
                </td>
            }
        });
        html! {
            <tr key={row.id.clone()} data-feature={row.id.clone()}>
                <th scope="row">{ row.name.clone() }</th>
                { for cells }
            </tr>
        }
    });
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={v.heading.clone()}>
            <table class="feature-matrix" data-testid="feature-matrix">
                <caption>{ v.heading.clone() }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ v.feature.clone() }</th>
                        { for v.tiers.iter().map(|(id, name)| html! {
                            <th key={id.clone()} scope="col" class="num"><bdi>{ name.clone() }</bdi></th>
                        }) }
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::ui::testing::{render, widget_with, words_of};
    use crate::view::compare::{compare, CompareFacts, CompareInput};

    #[test]
    fn a_row_per_feature_and_a_column_per_tier() {
        let w = widget_with(&[("preset", "linkedin-help")]);
        let input = CompareInput::of(&w, &Rc::new(w.priced()));
        let (set, need, billing) = input.basis();
        let view = compare(
            &input,
            &CompareFacts::of(&set, &need, billing, true),
            &words_of(&w),
        )
        .features
        .unwrap();
        let page = render(html! { <FeatureMatrix view={view.clone()} /> });
        assert_eq!(page.count("thead th"), 1 + view.tiers.len());
        assert_eq!(page.count("tbody tr"), view.rows.len());
        let included = view
            .rows
            .iter()
            .flat_map(|r| &r.included)
            .filter(|i| **i)
            .count();
        assert_eq!(page.count("td[data-included=true]"), included);
        assert_eq!(
            page.count("td .visually-hidden"),
            view.rows.len() * view.tiers.len()
        );
    }
}
