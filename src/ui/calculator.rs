//! The calculator: the plan picker (tiers, bundles, InMail and usage), the results, and
//! the send preview.

use std::rc::Rc;

use yew::prelude::*;

use super::context::{use_dispatch, use_ids, use_texts};
use super::number_field::NumberField;
use super::results::Results;
use super::select::{Choice, Select};
use super::send_preview::SendPreview;
use super::tier_picker::TierPicker;
use crate::engine::summary::Summary;
use crate::state::{Action, Count, Widget};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: Rc<Widget>,
    pub summary: Rc<Summary>,
    pub send_ref: NodeRef,
}

#[function_component]
pub fn Calculator(props: &Props) -> Html {
    let t = use_texts();
    let ids = use_ids();
    let dispatch = use_dispatch();
    let w = &*props.state;
    let rules = &w.rules;
    let field = |count: Count, name: &str, testid: &str, label: String| {
        html! {
            <NumberField key={testid.to_owned()} id={ids.id(name)} label={label} testid={testid.to_owned()}
                count={count} shown={w.field_text(count)} />
        }
    };
    let bundles = rules.bundles.iter().map(|b| {
        field(
            Count::Addon(b.size),
            &format!("addon-{}", b.size),
            &format!("addon-count-{}", b.size),
            t.plural(
                "addons.bundle",
                b.size,
                &[("price", &t.money(b.price_cents))],
            ),
        )
    });
    let days: Rc<[Choice]> = use_memo(t.clone(), |t| {
        std::iter::once((
            AttrValue::from("1"),
            AttrValue::from(t.text("billing.calendar")),
        ))
        .chain((2..=31).map(|d| {
            let day = d.to_string();
            (
                AttrValue::from(day.clone()),
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
    let block = rules.inmail;
    html! {
        <div class="calculator">
            <section class="plan-picker" aria-label={t.text("plan.heading").to_string()}>
                <h2>{ t.text("plan.heading") }</h2>
                <TierPicker rules={rules.clone()} selected={w.selection.tier_id.clone()} />
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
                        { field(Count::InMailBlocks, "inmail-blocks", "inmail-blocks",
                            t.plural("usage.blocks", block.block_size, &[("price", &t.money(block.block_price_cents))])) }
                        { field(Count::Sent, "sent", "sent-count", t.text("usage.sent").to_string()) }
                        { field(Count::InMailSent, "inmail-sent", "inmail-sent-count", t.text("usage.inmail-sent").to_string()) }
                        <Select label={AttrValue::from(t.text("billing.label"))} testid="billing-day" choices={days}
                            selected={w.period_rule.day().to_string()} onchange={on_billing_day} />
                    </div>
                </fieldset>
            </section>
            <div class="calculator-side">
                <Results summary={props.summary.clone()} />
                <section class="send-preview" aria-label={t.text("send.heading").to_string()}>
                    <h2>{ t.text("send.heading") }</h2>
                    <SendPreview rules={rules.clone()} recipient={w.recipient} last_send={w.last_send.clone()}
                        credits_left={props.summary.inmail.credits_left} send_ref={props.send_ref.clone()} />
                </section>
            </div>
        </div>
    }
}
