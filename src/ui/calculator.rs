//! The calculator: the plan picker (tiers, bundles, InMail and usage), the results, and
//! the send preview.

use std::rc::Rc;

use yew::prelude::*;

use super::context::{use_dispatch, use_ids, use_texts};
use super::number_field::Field;
use super::results::Results;
use super::schedule::use_staged;
use super::select::{Choice, Select};
use super::send_preview::SendPreview;
use super::tier_picker::TierPicker;
use crate::engine::bill::{block_price, bundle_price, Billing};
use crate::engine::currency::Currency;
use crate::engine::period::PeriodRule;
use crate::engine::plan::Selection;
use crate::engine::rules::RuleSet;
use crate::engine::send::month_as_billed;
use crate::engine::send::Recipient;
use crate::engine::summary::Summary;
use crate::state::{Action, Count, FieldDraft, LastSend};
use crate::text::Texts;
use crate::text::{key, Key};

/// The reset-day select's choices: the calendar month, or a day of the month.
fn billing_days(t: &Texts) -> Rc<[Choice]> {
    std::iter::once(Choice::new("1", t.text(key::BILLING_CALENDAR)))
        .chain((2..=31).map(|d| {
            Choice::new(
                d.to_string(),
                t.fill(key::BILLING_DAY, &[("day", &t.count(d))]),
            )
        }))
        .collect()
}

/// How the plan is paid for, and in which currency: a Monthly / Yearly switch when anything
/// is sold by the year, and a currency choice when the rules are priced in more than one.
#[derive(Properties, PartialEq)]
struct PricingProps {
    billing: Billing,
    yearly: bool,
    currency: Currency,
    currencies: Rc<[Currency]>,
}

#[function_component]
fn Pricing(props: &PricingProps) -> Html {
    let t = use_texts();
    let ids = use_ids();
    let dispatch = use_dispatch();
    let name = ids.id("billing");
    let choices = (*use_memo(props.currencies.clone(), |currencies| {
        currencies
            .iter()
            .map(|c| Choice::new(c.code().to_owned(), c.code().to_owned()))
            .collect::<Rc<[Choice]>>()
    }))
    .clone();
    let on_currency = {
        let dispatch = dispatch.clone();
        use_callback((), move |code: String, _| {
            if let Some(c) = Currency::find(&code) {
                dispatch.emit(Action::SetCurrency(c));
            }
        })
    };
    let option = |billing: Billing, label: Key| {
        let onchange = dispatch.reform(move |_: Event| Action::SetBilling(billing));
        html! {
            <label class="billing-option">
                <input type="radio" name={name.clone()} value={billing.id()}
                    data-testid={format!("billing-{}", billing.id())}
                    checked={props.billing == billing} {onchange} />
                <span>{ t.text(label) }</span>
            </label>
        }
    };
    html! {
        <div class="pricing-row">
            if props.yearly {
                <fieldset class="billing-switch">
                    <legend class="visually-hidden">{ t.text(key::BILLING_LEGEND) }</legend>
                    { option(Billing::Monthly, key::BILLING_MONTHLY) }
                    { option(Billing::Yearly, key::BILLING_YEARLY) }
                </fieldset>
            }
            if props.currencies.len() > 1 {
                <Select label={AttrValue::from(t.text(key::CURRENCY_LABEL))} testid="currency" choices={choices}
                    selected={props.currency.code().to_owned()} onchange={on_currency} />
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub rules: Rc<RuleSet>,
    /// Every currency the rules are priced in.
    pub currencies: Rc<[Currency]>,
    /// The tier marked for the visitor, and the mark's words when they are not the widget's.
    pub highlight: Option<(String, Option<String>)>,
    pub billing: Billing,
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
    let step = use_staged(3);
    let t = use_texts();
    let dispatch = use_dispatch();
    let rules = &props.rules;
    let s = &*props.summary;
    // The fields' labels change only with the words or the rules.
    let labels = use_memo(
        (t.clone(), rules.clone(), props.billing),
        |(t, rules, billing)| {
            let bundles: Vec<AttrValue> = rules
                .bundles
                .iter()
                .map(|b| {
                    let price = t.money(month_as_billed(bundle_price(b), *billing));
                    t.plural(key::ADDONS_BUNDLE, b.size, &[("price", &price)])
                        .into()
                })
                .collect();
            let block = rules.inmail;
            let price = t.money(month_as_billed(block_price(rules), *billing));
            let blocks: AttrValue = t
                .plural(key::USAGE_BLOCKS, block.block_size, &[("price", &price)])
                .into();
            (bundles, blocks)
        },
    );
    let drafts = &props.drafts;
    let bundles = rules.bundles.iter().zip(&labels.0).map(|(b, label)| {
        let count = Count::Addon(b.size);
        Field::new(
            count,
            label.clone(),
            Some(props.selection.addon_count(b.size)),
        )
        .view(drafts)
    });
    let days = (*use_memo(t.clone(), |t| billing_days(t))).clone();
    let on_billing_day = {
        let dispatch = dispatch.clone();
        use_callback((), move |day: String, _| {
            dispatch.emit(Action::SetBillingDay(day.parse().unwrap_or(1)))
        })
    };
    html! {
        <div class="calculator">
            <section class="plan-picker" aria-label={t.text(key::PLAN_HEADING).to_string()}>
                <h2>{ t.text(key::PLAN_HEADING) }</h2>
                <Pricing billing={props.billing} yearly={rules.has_yearly_prices()} currency={rules.currency}
                    currencies={props.currencies.clone()} />
                <TierPicker rules={rules.clone()} billing={props.billing} selected={props.selection.tier_id.clone()}
                    highlight={props.highlight.clone()} />
                if step >= 2 {
                <fieldset class="addons">
                    <legend>{ t.text(key::ADDONS_LEGEND) }<small>{ t.text(key::ADDONS_HINT) }</small></legend>
                    if rules.bundles.is_empty() {
                        <p class="muted">{ t.text(key::ADDONS_NONE) }</p>
                    }
                    <div class="field-grid">{ for bundles }</div>
                </fieldset>
                <fieldset class="usage">
                    <legend>{ t.text(key::USAGE_LEGEND) }</legend>
                    <div class="field-grid">
                        { Field::new(Count::InMailBlocks, labels.1.clone(), Some(props.selection.inmail_blocks)).view(drafts) }
                        { Field::new(Count::Sent, t.text(key::USAGE_SENT), Some(s.sent)).view(drafts) }
                        { Field::new(Count::InMailSent, t.text(key::USAGE_INMAIL_SENT), Some(s.inmail.sent)).view(drafts) }
                        <Select label={AttrValue::from(t.text(key::BILLING_LABEL))} testid="billing-day" choices={days}
                            selected={props.period_rule.day().to_string()} onchange={on_billing_day} />
                    </div>
                </fieldset>
                }
            </section>
            <div class="calculator-side">
            if step >= 3 {
                <Results summary={props.summary.clone()} rules={rules.clone()} selection={props.selection.clone()} />
                <section class="send-preview" aria-label={t.text(key::SEND_HEADING).to_string()}>
                    <h2>{ t.text(key::SEND_HEADING) }</h2>
                    <SendPreview rules={rules.clone()} recipient={props.recipient} last_send={props.last_send.clone()}
                        credits_left={s.inmail.credits_left} send_ref={props.send_ref.clone()} />
                </section>
            }
            </div>
        </div>
    }
}
