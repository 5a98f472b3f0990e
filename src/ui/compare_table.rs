//! Every tier side by side for the stated need: what it must add, its monthly cost, what
//! its messages cost per message and the spare capacity (messages and InMail credits
//! apart); the cheapest and the current tier marked.

use std::rc::Rc;

use yew::prelude::*;

use super::context::use_texts;
use crate::engine::compare::CompareRow;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub rows: Rc<Vec<CompareRow>>,
    pub need_messages: u64,
    /// The visitor's tier, marked "Current".
    pub current_tier: AttrValue,
}

#[function_component]
pub fn CompareTable(props: &Props) -> Html {
    let t = use_texts();
    // What each tier must add, in words: once per change of plans, not per render.
    let adds = use_memo((t.clone(), props.rows.clone()), |(t, rows)| {
        rows.iter()
            .map(|row| match &row.plan {
                Some(plan) => {
                    let addons = t.plan_addons(plan);
                    if addons.is_empty() {
                        AttrValue::from(t.text("table.adds-nothing"))
                    } else {
                        t.fill("table.adds-plan", &[("addons", &addons)]).into()
                    }
                }
                None => AttrValue::from(t.text("table.unreachable")),
            })
            .collect::<Vec<_>>()
    });
    let dash = || "—".to_owned();
    let rows = props.rows.iter().zip(adds.iter()).map(|(row, adds)| {
        let cents = row.plan.as_ref().map(|p| p.total_cents);
        let current = *props.current_tier == row.tier_id;
        html! {
            <tr key={row.tier_id.clone()}
                class={classes!(row.cheapest.then_some("cheapest"), current.then_some("current"),
                    row.below_minimum.then_some("below-minimum"))}
                data-testid={format!("compare-row-{}", row.tier_id)}
                data-cents={cents.map(|c| c.to_string())}>
                <th scope="row">
                    { row.tier_name.clone() }
                    if row.cheapest { <span class="badge">{ t.text("badge.cheapest") }</span> }
                    if current { <span class="badge subtle">{ t.text("badge.current") }</span> }
                    if row.below_minimum { <span class="badge subtle">{ t.text("badge.below-minimum") }</span> }
                </th>
                <td data-label={t.text("table.adds").to_string()}>{ adds.clone() }</td>
                <td class="num" data-label={t.text("table.month").to_string()}>
                    { cents.map(|c| t.money(c)).unwrap_or_else(dash) }
                </td>
                <td class="num" data-label={t.text("table.message").to_string()}>
                    { row.per_message_cents.map(|c| t.money(c)).unwrap_or_else(dash) }
                </td>
                <td class="num" data-label={t.text("table.spare").to_string()}>
                    { row.plan.as_ref().map(|p| t.spare(p)).unwrap_or_else(dash) }
                </td>
            </tr>
        }
    });
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={t.text("table.label").to_string()}>
            <table class="compare-table">
                <caption>{ t.fill("table.caption", &[("messages", &t.count(props.need_messages))]) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ t.text("table.tier") }</th>
                        <th scope="col">{ t.text("table.adds") }</th>
                        <th scope="col" class="num">{ t.text("table.month") }</th>
                        <th scope="col" class="num">{ t.text("table.message") }</th>
                        <th scope="col" class="num">{ t.text("table.spare") }</th>
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
            <p class="muted table-note">{ t.text("table.note") }</p>
        </div>
    }
}
