//! Every tier side by side for the stated need.

use yew::prelude::*;

use crate::engine::compare::CompareRow;
use crate::engine::locale::Locale;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub rows: Vec<CompareRow>,
    pub messages: u64,
    pub locale: Locale,
}

/// The comparison table; it scrolls sideways on narrow screens.
#[function_component]
pub fn CompareTable(props: &Props) -> Html {
    let locale = &props.locale;
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="Plans compared">
            <table class="compare-table">
                <caption>{ format!("Each tier's cheapest way to {} messages a month", locale.count(props.messages)) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Tier" }</th>
                        <th scope="col">{ "Must add" }</th>
                        <th scope="col" class="num">{ "Per month" }</th>
                        <th scope="col" class="num">{ "Per message" }</th>
                        <th scope="col" class="num">{ "Spare" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for props.rows.iter().map(|row| {
                        let cents = row.plan.as_ref().map(|p| p.total_cents);
                        html! {
                            <tr key={row.tier_id.clone()} data-testid={format!("compare-row-{}", row.tier_id)}
                                data-cents={cents.map(|c| c.to_string())}
                                class={classes!(row.cheapest.then_some("cheapest"), row.current.then_some("current"), row.below_minimum.then_some("below-minimum"))}>
                                <th scope="row">
                                    { &row.tier_name }
                                    if row.cheapest { <span class="badge">{ "Cheapest" }</span> }
                                    if row.current { <span class="badge subtle">{ "Current" }</span> }
                                    if row.below_minimum { <span class="badge subtle">{ "Below minimum" }</span> }
                                </th>
                                <td>{ &row.adds }</td>
                                <td class="num">{ cents.map(|c| locale.money(c)).unwrap_or_else(|| "—".into()) }</td>
                                <td class="num">{ row.per_message_cents.map(|c| locale.money(c)).unwrap_or_else(|| "—".into()) }</td>
                                <td class="num">{ row.plan.as_ref().map(|p| locale.count(p.spare)).unwrap_or_else(|| "—".into()) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
