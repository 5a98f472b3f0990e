//! Every tier side by side for the stated need: what it must add, its monthly cost, what
//! its messages cost per message and the spare capacity; the cheapest and the current tier
//! marked.

use yew::prelude::*;

use super::checkout_link::checkout_link;
use super::contact_link::ContactLink;
use super::regular_price::regular;
use crate::view::compare::TableView;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub view: std::rc::Rc<TableView>,
}

#[function_component]
pub fn CompareTable(props: &Props) -> Html {
    let v = &props.view;
    let rows = v.rows.iter().map(|row| {
        html! {
            <tr key={row.tier_id.clone()}
                class={classes!(row.cheapest.is_some().then_some("cheapest"), row.current.is_some().then_some("current"),
                    row.below_minimum.is_some().then_some("below-minimum"))}
                data-highlight={row.mark.as_ref().map(|_| "true")}
                data-change={row.change.as_ref().map(|c| c.kind.id())}
                data-testid={format!("compare-row-{}", row.tier_id)}
                data-cents={row.cents.map(|c| c.to_string())}>
                <th scope="row">
                    <bdi>{ row.name.clone() }</bdi>
                    if let Some(badge) = &row.cheapest { <span class="badge">{ badge.clone() }</span> }
                    if let Some(badge) = &row.current { <span class="badge subtle">{ badge.clone() }</span> }
                    if let Some(badge) = &row.below_minimum { <span class="badge subtle">{ badge.clone() }</span> }
                    if let Some(label) = &row.mark {
                        <bdi class="badge highlight" data-testid="highlight-badge">{ label.clone() }</bdi>
                    }
                    if let Some(trial) = &row.trial {
                        <small class="trial-note">{ trial.clone() }</small>
                    }
                    if let Some(change) = &row.change {
                        <small class={classes!("plan-change", change.kind.id())} data-delta-cents={change.delta_cents.to_string()}>
                            { change.words.clone() }
                        </small>
                    }
                </th>
                <td data-label={v.adds.clone()}>{ row.adds.clone() }</td>
                <td class="num" data-label={v.month.clone()}>{ regular(&row.list_month, &v.regular) }{ row.month.clone() }</td>
                <td class="num" data-label={v.message.clone()}>{ row.per_message.clone() }</td>
                if let Some(answered) = &v.answered {
                    <td class="num" data-label={answered.clone()} data-testid={format!("compare-per-answered-{}", row.tier_id)}>
                        { row.per_answered.clone() }
                    </td>
                }
                <td class="num" data-label={v.spare.clone()}>{ row.spare.clone() }</td>
                if v.links {
                    <td class="cta">
                        { checkout_link(&row.checkout, "small") }
                        if let Some(contact) = &row.contact { <ContactLink view={contact.clone()} /> }
                    </td>
                }
            </tr>
        }
    });
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={v.label.clone()}>
            <table class="compare-table">
                <caption>{ v.caption.clone() }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ v.tier.clone() }</th>
                        <th scope="col">{ v.adds.clone() }</th>
                        <th scope="col" class="num">{ v.month.clone() }</th>
                        <th scope="col" class="num">{ v.message.clone() }</th>
                        if let Some(answered) = &v.answered {
                            <th scope="col" class="num">{ answered.clone() }</th>
                        }
                        <th scope="col" class="num">{ v.spare.clone() }</th>
                        if v.links { <td></td> }
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
            <p class="muted table-note">{ v.note.clone() }</p>
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
    fn every_tier_for_the_need_the_cheapest_and_the_current_marked() {
        let w = widget_with(&[("tier", "premium-business"), ("highlight", "recruiter")]);
        let input = CompareInput::of(&w, &Rc::new(w.priced()));
        let (rules, need, billing) = input.basis();
        let view = compare(
            &input,
            &CompareFacts::of(&rules, &need, billing, true),
            &words_of(&w),
        )
        .table
        .unwrap();
        let page = render(html! { <CompareTable {view} /> });
        assert_eq!(page.count("tr.cheapest"), 1);
        assert_eq!(
            page.count("tr.current[data-testid=compare-row-premium-business]"),
            1
        );
        assert_eq!(
            page.count("tr[data-highlight=true][data-testid=compare-row-recruiter]"),
            1
        );
        assert_eq!(page.count("td.cta"), 0, "no checkout URL, no column");
        assert_eq!(page.count("[role=region][tabindex=\"0\"]"), 1);
    }
}
