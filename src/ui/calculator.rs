//! The calculator: the plan picker (tiers, bundles, InMail and usage), the results, and
//! the send preview.

use std::rc::Rc;

use yew::prelude::*;

use super::context::{use_dispatch, use_ids, use_texts};
use super::number_field::NumberField;
use super::results::Results;
use super::schedule::after_paint;
use super::select::{Choice, Select};
use super::send_preview::SendPreview;
use super::tier_picker::TierPicker;
use crate::engine::period::PeriodRule;
use crate::engine::plan::Selection;
use crate::engine::rules::RuleSet;
use crate::engine::send::Recipient;
use crate::engine::summary::Summary;
use crate::state::{Action, Count, FieldDraft, LastSend};

/// The counts the calculator's fields hold.
pub fn is_calculator_count(count: Count) -> bool {
    matches!(
        count,
        Count::Addon(_) | Count::InMailBlocks | Count::Sent | Count::InMailSent
    )
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub rules: Rc<RuleSet>,
    pub selection: Selection,
    pub period_rule: PeriodRule,
    pub recipient: Recipient,
    pub last_send: Option<LastSend>,
    pub summary: Rc<Summary>,
    /// What was typed into the calculator's fields.
    pub drafts: Rc<[FieldDraft]>,
    pub send_ref: NodeRef,
}

#[function_component]
pub fn Calculator(props: &Props) -> Html {
    // In three steps, each once the one before has been painted (the tiers; the fields;
    // the results and the send preview), so neither building it nor the browser's layout
    // of it is one long task. The part's space is reserved throughout.
    let step = use_state_eq(|| 1u8);
    {
        let step = step.clone();
        use_effect_with(*step, move |&now| {
            let next = (now < 3).then(|| after_paint(move || step.set(now + 1)));
            move || drop(next)
        });
    }
    let t = use_texts();
    let ids = use_ids();
    let dispatch = use_dispatch();
    let rules = &props.rules;
    let s = &*props.summary;
    // The fields' labels change only with the words or the rules.
    let labels = use_memo((t.clone(), rules.clone()), |(t, rules)| {
        let bundles: Vec<AttrValue> = rules
            .bundles
            .iter()
            .map(|b| {
                t.plural(
                    "addons.bundle",
                    b.size,
                    &[("price", &t.money(b.price_cents))],
                )
                .into()
            })
            .collect();
        let block = rules.inmail;
        let blocks: AttrValue = t
            .plural(
                "usage.blocks",
                block.block_size,
                &[("price", &t.money(block.block_price_cents))],
            )
            .into();
        (bundles, blocks)
    });
    let field = |count: Count, value: u64, name: &str, testid: &str, label: AttrValue| {
        let draft = props.drafts.iter().find(|d| d.count == count).cloned();
        html! {
            <NumberField key={testid.to_owned()} id={ids.id(name)} label={label} testid={testid.to_owned()}
                count={count} value={Some(value)} draft={draft} />
        }
    };
    let bundles = rules.bundles.iter().zip(&labels.0).map(|(b, label)| {
        field(
            Count::Addon(b.size),
            props.selection.addon_count(b.size),
            &format!("addon-{}", b.size),
            &format!("addon-count-{}", b.size),
            label.clone(),
        )
    });
    let days: Rc<[Choice]> = use_memo(t.clone(), |t| {
        std::iter::once((
            AttrValue::from("1"),
            AttrValue::from(t.text("billing.calendar")),
        ))
        .chain((2..=31).map(|d| {
            (
                AttrValue::from(d.to_string()),
                AttrValue::from(t.fill("billing.day", &[("day", &t.count(d))])),
            )
        }))
        .collect::<Vec<_>>()
    })
    .as_slice()
    .into();
    let on_billing_day = {
        let dispatch = dispatch.clone();
        use_callback((), move |day: String, _| {
            dispatch.emit(Action::SetBillingDay(day.parse().unwrap_or(1)))
        })
    };
    html! {
        <div class="calculator">
            <section class="plan-picker" aria-label={t.text("plan.heading").to_string()}>
                <h2>{ t.text("plan.heading") }</h2>
                <TierPicker rules={rules.clone()} selected={props.selection.tier_id.clone()} />
                if *step >= 2 {
                <fieldset class="addons">
                    <legend>{ t.text("addons.legend") }<small>{ t.text("addons.hint") }</small></legend>
                    if rules.bundles.is_empty() {
                        <p class="muted">{ t.text("addons.none") }</p>
                    }
                    <div class="field-grid">{ for bundles }</div>
                </fieldset>
                <fieldset class="usage">
                    <legend>{ t.text("usage.legend") }</legend>
                    <div class="field-grid">
                        { field(Count::InMailBlocks, props.selection.inmail_blocks, "inmail-blocks", "inmail-blocks", labels.1.clone()) }
                        { field(Count::Sent, s.sent, "sent", "sent-count", t.text("usage.sent").into()) }
                        { field(Count::InMailSent, s.inmail.sent, "inmail-sent", "inmail-sent-count", t.text("usage.inmail-sent").into()) }
                        <Select label={AttrValue::from(t.text("billing.label"))} testid="billing-day" choices={days}
                            selected={props.period_rule.day().to_string()} onchange={on_billing_day} />
                    </div>
                </fieldset>
                }
            </section>
            <div class="calculator-side">
            if *step >= 3 {
                <Results summary={props.summary.clone()} />
                <section class="send-preview" aria-label={t.text("send.heading").to_string()}>
                    <h2>{ t.text("send.heading") }</h2>
                    <SendPreview rules={rules.clone()} recipient={props.recipient} last_send={props.last_send.clone()}
                        credits_left={s.inmail.credits_left} send_ref={props.send_ref.clone()} />
                </section>
            }
            </div>
        </div>
    }
}
