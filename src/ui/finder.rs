//! The finder, "Find the cheapest plan": the need, the recommendation, every tier side by side and the
//! cost chart. What they show is computed here, once per change of what it depends on
//! (the rules, the need, the selection), never while a leaf renders.

use std::rc::Rc;

use yew::prelude::*;

use super::compare_table::CompareTable;
use super::context::{use_dispatch, use_texts};
use super::cost_chart::{CostChart, SelectionPoint};
use super::feature_matrix::FeatureMatrix;
use super::number_field::Field;
use super::recommendation::Recommendation;
use super::schedule::use_seen;
use super::select::{Choice, Select};
use crate::engine::bill::Billing;
use crate::engine::chart::cost_chart;
use crate::engine::compare::{compare, cost_at_need, versus_current};
use crate::engine::plan::Selection;
use crate::engine::recommend::{Need, Recommender};
use crate::engine::rules::RuleSet;
use crate::engine::summary::allowance;
use crate::state::{Action, Count, FieldDraft};
use crate::text::Texts;
use crate::text::{key, Key};

/// The minimum-tier select's choices: any tier, then each tier of the rules.
fn tier_choices(t: &Texts, rules: &RuleSet) -> Rc<[Choice]> {
    std::iter::once(Choice::new("", t.text(key::COMPARE_ANY_TIER)))
        .chain(
            rules
                .tiers
                .iter()
                .map(|tier| Choice::new(tier.id.clone(), tier.name.clone())),
        )
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The rules in the widget's currency.
    pub rules: Rc<RuleSet>,
    pub billing: Billing,
    /// The tier marked for the visitor, and the mark's words when they are not the widget's.
    pub highlight: Option<(String, Option<String>)>,
    pub need: Need,
    pub selection: Selection,
    /// What was typed into the need's fields.
    pub drafts: Rc<[FieldDraft]>,
}

#[function_component]
pub fn Finder(props: &Props) -> Html {
    let t = use_texts();
    let dispatch = use_dispatch();
    // The table and the chart are built once the section comes near the viewport.
    let section = use_node_ref();
    let seen = use_seen(section.clone());
    let recommender = (*use_memo((props.rules.clone(), props.billing), |(rules, billing)| {
        Rc::new(Recommender::new(rules, *billing))
    }))
    .clone();
    let basis = (recommender, props.rules.clone(), props.need.clone());
    let plan = use_memo(basis.clone(), |(recommender, rules, need)| {
        recommender.recommend(rules, need)
    });
    // Billed monthly, what yearly billing would give for the same need.
    let yearly = use_memo(
        (props.rules.clone(), props.need.clone(), props.billing),
        |(rules, need, billing)| {
            (*billing == Billing::Monthly && rules.has_yearly_prices())
                .then(|| Recommender::new(rules, Billing::Yearly).recommend(rules, need))
                .flatten()
        },
    );
    // Rows for the need alone; the table marks the current tier itself, so picking a tier
    // does not recompute (or re-word) every tier's plan.
    let rows = use_memo(
        (seen, basis.clone()),
        |(seen, (recommender, rules, need))| {
            seen.then(|| Rc::new(compare(recommender, rules, need)))
        },
    );
    let chart = use_memo((seen, basis), |(seen, (recommender, rules, need))| {
        seen.then(|| Rc::new(cost_chart(recommender, rules, need)))
    });
    let selection = use_memo(
        (
            props.rules.clone(),
            props.selection.clone(),
            props.need.clone(),
            props.billing,
        ),
        |(rules, selection, need, billing)| {
            let tier = rules.tier(&selection.tier_id).unwrap_or(&rules.tiers[0]);
            let messages = allowance(rules, tier, selection);
            // Priced at the stated need, like the lines it sits among.
            let cents = cost_at_need(rules, selection, need, *billing);
            (
                versus_current(rules, selection, need, *billing),
                messages,
                cents,
            )
        },
    );
    let (versus, messages, cents) = *selection;
    let applied = plan
        .as_ref()
        .as_ref()
        .is_some_and(|p| p.selection() == props.selection);
    let tiers = (*use_memo((t.clone(), props.rules.clone()), |(t, rules)| {
        tier_choices(t, rules)
    }))
    .clone();
    let on_min_tier = use_callback((), move |id: String, _| {
        dispatch.emit(Action::SetMinTier((!id.is_empty()).then_some(id)))
    });
    let need = &props.need;
    let field = |count: Count, label: Key, value: u64| {
        Field::new(count, t.text(label), Some(value)).view(&props.drafts)
    };
    html! {
        <section class="compare" ref={section} aria-label={t.text(key::COMPARE_HEADING).to_string()}>
            <h2>{ t.text(key::COMPARE_HEADING) }</h2>
            <div class="need-panel">
                <div class="field-grid">
                    { field(Count::NeedMessages, key::COMPARE_NEED_MESSAGES, need.messages) }
                    { field(Count::NeedInMails, key::COMPARE_NEED_INMAILS, need.inmails) }
                    <Select label={AttrValue::from(t.text(key::COMPARE_MIN_TIER))} testid="min-tier" choices={tiers}
                        selected={props.need.min_tier.clone().unwrap_or_default()} onchange={on_min_tier} />
                </div>
                <Recommendation rules={props.rules.clone()} plan={plan.clone()} yearly={yearly.clone()} versus={versus}
                    need_messages={props.need.messages} applied={applied} />
            </div>
            if let (Some(rows), Some(chart)) = ((*rows).clone(), (*chart).clone()) {
                <CompareTable {rows} rules={props.rules.clone()} highlight={props.highlight.clone()}
                    need_messages={props.need.messages} billing={props.billing}
                    current_tier={props.selection.tier_id.clone()} />
                <FeatureMatrix rules={props.rules.clone()} />
                <CostChart chart={chart.clone()} rules={props.rules.clone()}
                    cheapest={plan.as_ref().as_ref().map(|p| p.tier_index)}
                    selection={SelectionPoint { at: chart.selection_marker(messages, cents), messages, cents }} />
            }
        </section>
    }
}
