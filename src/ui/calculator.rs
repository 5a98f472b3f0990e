//! The calculator: the plan picker (tiers, bundles, InMail and usage), the results, and
//! the send preview.

use std::rc::Rc;

use yew::prelude::*;

use super::context::use_ids;
use super::number_field::fields;
use super::results::Results;
use super::schedule::use_staged;
use super::select::Select;
use super::send_preview::SendPreview;
use super::tier_picker::TierPicker;
use super::use_view::use_view;
use crate::engine::bill::Billing;
use crate::engine::currency::Currency;
use crate::engine::tax::TaxMode;
use crate::state::{Edit, Field, PlanAction, SendAction};
use crate::text::I18n;
use crate::view::calculator::{calculator, CalculatorInput, PricingView, StickyView};

/// The month's cost, kept at the bottom of the screen while the plan above it changes (on
/// narrow screens, where the results come after the whole plan). Its button brings the
/// results into view; it is not a live region, so a screen reader hears the total once, in
/// the results.
#[derive(Properties, PartialEq)]
struct StickyProps {
    view: Rc<StickyView>,
    results: NodeRef,
}

#[function_component]
fn StickyTotal(props: &StickyProps) -> Html {
    let onclick = {
        let results = props.results.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(section) = results.cast::<web_sys::HtmlElement>() {
                section.scroll_into_view();
                let _ = section.focus();
            }
        })
    };
    let v = &props.view;
    html! {
        <div class="sticky-total">
            <span class="sticky-figures">
                <span data-testid="sticky-total" data-cents={v.cents.to_string()}>{ v.total.clone() }</span>
                if let Some(period) = &v.period { <small class="line-billed">{ period.clone() }</small> }
            </span>
            <button type="button" class="button secondary small" {onclick}>{ v.see.clone() }</button>
        </div>
    }
}

/// One choice of a few, as radio buttons drawn as a switch: each option's value, words and
/// whether it is the one in use; its test id is `{testid}-{value}`.
fn radio_switch<T: Copy + 'static, L: AsRef<str>>(
    name: &AttrValue,
    legend: &str,
    class: &'static str,
    options: &[(T, L, bool)],
    id: fn(T) -> &'static str,
    testid: &str,
    on_pick: &Callback<T>,
) -> Html {
    let options = options.iter().map(|(value, label, checked)| {
        let value = *value;
        let onchange = on_pick.reform(move |_: Event| value);
        html! {
            <label class="billing-option">
                <input type="radio" name={name.clone()} value={id(value)}
                    data-testid={format!("{testid}-{}", id(value))} checked={*checked} {onchange} />
                <span>{ label.as_ref().to_owned() }</span>
            </label>
        }
    });
    html! {
        <fieldset {class}>
            <legend class="visually-hidden">{ legend.to_owned() }</legend>
            { for options }
        </fieldset>
    }
}

/// How the plan is paid for, and in which currency: a switch of the billing periods the rules
/// sell (when more than monthly), one of with or without tax (when the prices state a tax),
/// and a currency choice when the rules are priced in more than one.
#[derive(Properties, PartialEq)]
struct PricingProps {
    view: Rc<PricingView>,
    on_plan: Callback<PlanAction>,
}

#[function_component]
fn Pricing(props: &PricingProps) -> Html {
    let ids = use_ids();
    let (name, tax_name) = (ids.id("billing"), ids.id("tax"));
    let on_currency = {
        let on_plan = props.on_plan.clone();
        Callback::from(move |code: String| {
            if let Some(currency) = Currency::find(&code) {
                on_plan.emit(PlanAction::SetCurrency(currency));
            }
        })
    };
    let billing = props.view.billing.as_ref().map(|switch| {
        let on_pick = props.on_plan.reform(PlanAction::SetBilling);
        radio_switch(
            &name,
            &switch.legend,
            "billing-switch",
            &switch.options,
            Billing::id,
            "billing",
            &on_pick,
        )
    });
    let tax = props.view.tax.as_ref().map(|switch| {
        let on_pick = props.on_plan.reform(PlanAction::SetTax);
        radio_switch(
            &tax_name,
            &switch.legend,
            "billing-switch tax-switch",
            &switch.options,
            TaxMode::id,
            "tax",
            &on_pick,
        )
    });
    html! {
        <div class="pricing-row">
            { billing }
            { tax }
            if let Some(view) = &props.view.currency {
                <Select view={view.clone()} onchange={on_currency} />
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub input: CalculatorInput,
    pub words: I18n,
    pub on_plan: Callback<PlanAction>,
    pub on_field: Callback<(Field, Edit)>,
    pub on_send: Callback<SendAction>,
    /// The Send button, so focus can come back to it when the pop-up closes.
    pub send_ref: NodeRef,
}

#[function_component]
pub fn Calculator(props: &Props) -> Html {
    // In three steps, each once the one before has been painted (the tiers; the fields;
    // the results and the send preview), so neither building it nor the browser's layout
    // of it is one long task. The part's space is reserved throughout.
    let step = use_staged(3);
    let view = use_view(&props.input, &props.words, calculator);
    let on_billing_day = props
        .on_plan
        .reform(|day: String| PlanAction::SetBillingDay(day.parse().unwrap_or(1)));
    let (addons, usage) = (&view.addons, &view.usage);
    let results = use_node_ref();
    html! {
        <div class="calculator">
            <section class="plan-picker" aria-label={view.heading.clone()}>
                <h2>{ view.heading.clone() }</h2>
                <Pricing view={view.pricing.clone()} on_plan={props.on_plan.clone()} />
                <TierPicker view={view.tiers.clone()} on_plan={props.on_plan.clone()} />
                if step >= 2 {
                if let Some(seats) = &view.seats {
                    <div class="seats">
                        <div class="field-grid">{ fields(std::slice::from_ref(&seats.field), &props.on_field) }</div>
                        <p class="muted seats-range">{ seats.hint.clone() }</p>
                    </div>
                }
                <fieldset class="addons">
                    <legend>{ addons.legend.clone() }<small>{ addons.hint.clone() }</small></legend>
                    if let Some(none) = &addons.none {
                        <p class="muted">{ none.clone() }</p>
                    }
                    <div class="field-grid">{ fields(&addons.fields, &props.on_field) }</div>
                </fieldset>
                <fieldset class="usage">
                    <legend>{ usage.legend.clone() }</legend>
                    <div class="field-grid">
                        { fields(&usage.fields, &props.on_field) }
                        <Select view={usage.reset_day.clone()} onchange={on_billing_day} />
                    </div>
                </fieldset>
                <StickyTotal view={view.sticky.clone()} results={results.clone()} />
                }
            </section>
            <div class="calculator-side">
            if step >= 3 {
                <Results view={view.results.clone()} section={results} />
                <section class="send-preview" aria-label={view.send.heading.clone()}>
                    <h2>{ view.send.heading.clone() }</h2>
                    <SendPreview view={view.send.clone()} on_send={props.on_send.clone()} send_ref={props.send_ref.clone()} />
                </section>
            }
            </div>
        </div>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::state::{Action, Widget};
    use crate::ui::testing::{render, widget, widget_with, words_of};

    fn calculator_of(w: &Widget) -> Html {
        let priced = Rc::new(w.priced());
        let summary = Rc::new(w.summary());
        html! {
            <Calculator input={CalculatorInput::of(w, &priced, &summary, true)} words={words_of(w)}
                on_plan={Callback::noop()} on_field={Callback::noop()} on_send={Callback::noop()}
                send_ref={NodeRef::default()} />
        }
    }

    #[test]
    fn the_plan_its_month_and_a_send_render_whole() {
        let page = render(calculator_of(&widget()));
        assert_eq!(
            page.count("input[type=radio][data-testid^=tier-option-]"),
            5
        );
        assert_eq!(
            page.count("input[data-testid=tier-option-basic][checked]"),
            1
        );
        assert_eq!(page.text("allowance"), "15");
        assert_eq!(page.text("remaining"), "15");
        assert_eq!(page.text("monthly-cost"), "$0.00");
        assert_eq!(
            page.attr("monthly-cost", "data-cents").as_deref(),
            Some("0")
        );
        assert_eq!(
            page.attr("reset-date", "datetime").as_deref(),
            Some("2026-02-01")
        );
        assert_eq!(page.text("days-until-reset"), "12");
        assert_eq!(page.attr("sent-count", "value").as_deref(), Some("0"));
        assert_eq!(page.count("[role=meter][aria-valuenow=\"0\"]"), 1);
        assert_eq!(page.text("send-button"), "Send");
        assert_eq!(page.count("[data-testid=send-outcome]"), 0);
        assert_eq!(
            page.count("[data-testid=billing-monthly]"),
            0,
            "no yearly prices"
        );
    }

    #[test]
    fn a_blocked_send_and_a_bad_count_say_so() {
        let mut w = widget();
        w.apply(Action::Field(Field::Sent, Edit::Set(15)));
        w.apply(Action::Send(SendAction::Send));
        w.apply(Action::Field(Field::Addon(100), Edit::Type("x".into())));
        let page = render(calculator_of(&w));
        assert_eq!(
            page.attr("send-outcome", "data-outcome").as_deref(),
            Some("blocked")
        );
        assert_eq!(
            page.attr("quota-warning", "data-level").as_deref(),
            Some("reached")
        );
        assert_eq!(
            page.text("addon-count-100-error"),
            "Whole numbers only — still using 0"
        );
        assert_eq!(
            page.attr("addon-count-100", "aria-invalid").as_deref(),
            Some("true")
        );
    }

    #[test]
    fn a_rule_set_sold_by_the_year_in_two_currencies_offers_both() {
        let rules = include_str!("../../rules/example-eur-gbp.json");
        let w = widget_with(&[("rules", rules), ("checkout-url", "/buy?plan={tier}")]);
        let page = render(calculator_of(&w));
        assert_eq!(page.count("[data-testid=billing-monthly][checked]"), 1);
        assert_eq!(page.count("[data-testid=billing-yearly]"), 1);
        assert_eq!(page.count("select[data-testid=currency] option"), 2);
        assert_eq!(page.text("monthly-cost"), "€0.00");
        assert_eq!(
            page.attr("checkout-basic", "href").as_deref(),
            Some("/buy?plan=basic")
        );
    }
}
