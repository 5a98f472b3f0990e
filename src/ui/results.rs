//! This month's results: the allowance, what is left, the meter, InMail, the cost line by
//! line, and when the allowance resets. All from one summary, computed once per change.

use std::rc::Rc;

use yew::prelude::*;

use super::checkout_link::CheckoutLink;
use super::context::{use_ids, use_texts};
use super::rich::rich;
use crate::engine::bill::{Billed, Billing};
use crate::engine::period::iso_date;
use crate::engine::plan::Selection;
use crate::engine::rules::RuleSet;
use crate::engine::summary::{Level, Summary, WARNING_PERCENT};
use crate::host::checkout::{CheckoutSource, Purchase};
use crate::host::events::level_id;
use crate::text::key;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub summary: Rc<Summary>,
    /// The rules in the widget's currency and the selection, for the link to buy it.
    pub rules: Rc<RuleSet>,
    pub selection: Selection,
}

#[function_component]
pub fn Results(props: &Props) -> Html {
    let t = use_texts();
    let ids = use_ids();
    let s = &*props.summary;
    let level = level_id(s.level).id();
    let message = match s.level {
        Level::Ok => String::new(),
        Level::Warning => t.fill(
            key::RESULTS_WARNING,
            &[
                ("percent", &t.format().percent(s.percent_used)),
                ("remaining", &t.count(s.remaining)),
            ],
        ),
        Level::Reached => t.fill(key::RESULTS_REACHED, &[("date", &t.date(s.period.reset))]),
    };
    let i = s.inmail;
    let parts: Vec<String> = [
        (i.included, key::RESULTS_INMAIL_INCLUDED),
        (i.rolled_over, key::RESULTS_INMAIL_ROLLED_OVER),
        (i.from_blocks, key::RESULTS_INMAIL_FROM_BLOCKS),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, key)| t.plural(key, n, &[]))
    .collect();
    let sent = t.count(i.sent);
    let inmail_line = match parts.len() {
        0 if i.sent == 0 => t.text(key::RESULTS_INMAIL_NONE).to_string(),
        0 => t.plural(key::RESULTS_INMAIL_NONE_SENT, i.sent, &[]),
        1 => t.fill(
            key::RESULTS_INMAIL_ONE,
            &[("parts", &parts[0]), ("sent", &sent)],
        ),
        _ => t.fill(
            key::RESULTS_INMAIL,
            &[
                ("parts", &parts.join(" + ")),
                ("available", &t.count(i.available)),
                ("sent", &sent),
            ],
        ),
    };
    let used = [
        ("used", t.count(s.sent)),
        ("allowance", t.count(s.allowance)),
    ];
    let used_args: Vec<(&str, &str)> = used.iter().map(|(n, v)| (*n, v.as_str())).collect();
    let percent = t.format().percent(s.percent_used);
    let mut caption_args = used_args.clone();
    caption_args.push(("percent", &percent));
    let heading = ids.id("results-h");
    let yearly = s.billing == Billing::Yearly;
    let purchase = Purchase {
        selection: props.selection.clone(),
        billing: s.billing,
        currency: s.currency,
        month_cents: s.total_cents,
        year_cents: s.year_cents,
    };
    let lines = s.lines.iter().map(|line| {
        // Under yearly billing each line says how it is paid.
        let billed = yearly.then(|| match line.billed {
            Billed::Yearly => t.fill(
                key::RESULTS_BILLED_YEARLY,
                &[("year", &t.money(line.year_cents))],
            ),
            Billed::Monthly => t.text(key::PLAN_BILLED_MONTHLY).to_string(),
            Billed::PerUse => t.text(key::RESULTS_PER_USE).to_string(),
        });
        html! {
            <tr>
                <th scope="row">
                    { t.charge(line.charge, &s.tier_name) }
                    if let Some(billed) = billed { <small class="line-billed">{ billed }</small> }
                </th>
                <td>{ t.money(line.cents) }</td>
            </tr>
        }
    });
    let reset = rich(
        &t.template(key::RESULTS_RESETS, Some(s.days_left)),
        |name| match name {
            "date" => Some(html! {
                <time data-testid="reset-date" datetime={iso_date(s.period.reset)}>{ t.date(s.period.reset) }</time>
            }),
            "days" => Some(html! { <span data-testid="days-until-reset">{ s.days_left }</span> }),
            _ => None,
        },
    );
    html! {
        <section class={classes!("results", level)} aria-labelledby={heading.clone()}>
            <div class="results-heading">
                <h2 id={heading}>
                    { t.text(key::RESULTS_HEADING) }<span class="muted">{ " · " }<bdi>{ s.tier_name.clone() }</bdi></span>
                </h2>
                <CheckoutLink rules={props.rules.clone()} purchase={purchase} source={CheckoutSource::Calculator}
                    testid={format!("checkout-{}", s.tier_id)} class="small" />
            </div>
            <div class="figures">
                <div class="figure">
                    <span class="figure-label">{ t.text(key::RESULTS_ALLOWANCE) }</span>
                    <span class="figure-value" data-testid="allowance">{ s.allowance }</span>
                    <span class="figure-unit">{ t.text(key::RESULTS_ALLOWANCE_UNIT) }</span>
                </div>
                <div class="figure">
                    <span class="figure-label">{ t.text(key::RESULTS_LEFT) }</span>
                    <span class="figure-value" data-testid="remaining">{ s.remaining }</span>
                    <span class="figure-unit">{ t.fill(key::RESULTS_OF, &[("total", &t.count(s.allowance))]) }</span>
                </div>
                <div class="figure">
                    <span class="figure-label">{ t.text(key::RESULTS_CREDITS) }</span>
                    <span class="figure-value" data-testid="inmail-credits-remaining">{ i.credits_left }</span>
                    <span class="figure-unit">{ t.fill(key::RESULTS_OF, &[("total", &t.count(i.available))]) }</span>
                </div>
            </div>
            <div class="meter" role="meter" aria-label={t.text(key::RESULTS_METER).to_string()}
                aria-valuemin="0" aria-valuemax="100" aria-valuenow={s.percent_used.to_string()}
                aria-valuetext={t.fill(key::RESULTS_METER_VALUE, &used_args)}>
                <svg viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    <rect class="meter-track" width="100" height="4" rx="2" />
                    <rect class="meter-fill" width={s.percent_used.to_string()} height="4" rx="2" />
                    <line class="meter-mark" x1="80" x2="80" y1="0" y2="4" />
                </svg>
                <span class="meter-caption">{ t.fill(key::RESULTS_METER_CAPTION, &caption_args) }</span>
            </div>
            // The warning's place is kept (auto-play can bring one); until it comes, it
            // says what will show there.
            <div class="level-slot">
                <p class={classes!("level-message", level)} role="status" data-testid="quota-warning" data-level={level}>
                    { message }
                </p>
                if s.level == Level::Ok {
                    <p class="level-hint">
                        { t.fill(key::RESULTS_LEVEL_HINT, &[("percent", &t.format().percent(WARNING_PERCENT))]) }
                    </p>
                }
            </div>
            <p class="inmail-line">
                { inmail_line }
                if i.pay_per_count > 0 {
                    { " · " }
                    <strong data-testid="pay-per-inmail-count" data-count={i.pay_per_count.to_string()}>
                        { t.plural(key::RESULTS_INMAIL_PAY_PER, i.pay_per_count, &[]) }
                    </strong>
                }
            </p>
            <table class="cost-lines">
                <caption>{ t.text(key::RESULTS_COST) }</caption>
                <tbody>{ for lines }</tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{ t.text(if yearly { key::RESULTS_TOTAL_YEARLY } else { key::RESULTS_TOTAL }) }</th>
                        <td data-testid="monthly-cost" data-cents={s.total_cents.to_string()} data-period={s.billing.id()}
                            data-currency={s.currency.code().to_owned()}>
                            { t.money(s.total_cents) }
                        </td>
                    </tr>
                    <tr class="year-row">
                        <th scope="row">{ t.text(key::RESULTS_YEAR) }</th>
                        <td data-testid="yearly-cost" data-cents={s.year_cents.to_string()}>{ t.money(s.year_cents) }</td>
                    </tr>
                </tfoot>
            </table>
            if let Some(days) = props.rules.tier(&s.tier_id).and_then(|t| t.trial_days) {
                <p class="trial-line" data-testid="trial-note" data-days={days.to_string()}>
                    { t.plural(key::TRIAL_THEN, days, &[("price", &t.money(s.total_cents))]) }
                </p>
            }
            if yearly && s.saving_cents > 0 {
                <p class="saving-line" data-testid="yearly-saving" data-cents={s.saving_cents.to_string()}
                    data-percent={s.saving_percent.to_string()}>
                    { t.fill(key::RESULTS_SAVING, &[
                        ("saving", &t.money(s.saving_cents)),
                        ("percent", &t.format().percent(s.saving_percent)),
                    ]) }
                </p>
            }
            <p class="reset-line">{ reset }</p>
        </section>
    }
}
