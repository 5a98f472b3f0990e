//! This month's results: the allowance, what is left, the meter, InMail, the cost line by
//! line, and when the allowance resets.

use yew::prelude::*;

use super::checkout_link::checkout_link;
use super::context::use_ids;
use super::regular_price::regular;
use super::rich::rich;
use crate::view::calculator::{AmountRow, ResultsView};
use crate::view::Piece;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub view: std::rc::Rc<ResultsView>,
    /// The section, for a link that brings it into view.
    #[prop_or_default]
    pub section: NodeRef,
}

#[function_component]
pub fn Results(props: &Props) -> Html {
    let heading = use_ids().id("results-h");
    let v = &props.view;
    let figures = v.figures.iter().map(|f| {
        html! {
            <div class="figure">
                <span class="figure-label">{ f.label.clone() }</span>
                <span class="figure-value" data-testid={f.testid}>{ f.value.clone() }</span>
                <span class="figure-unit">{ f.unit.clone() }</span>
            </div>
        }
    });
    let lines = v.lines.iter().map(|line| html! {
        <tr>
            <th scope="row">
                { line.label.clone() }
                if let Some(billed) = &line.billed { <small class="line-billed">{ billed.clone() }</small> }
            </th>
            <td>{ regular(&line.list_amount, &v.regular) }{ line.amount.clone() }</td>
        </tr>
    });
    let rows = |rows: &[AmountRow]| {
        rows.iter()
            .map(|row| {
                html! {
                    <tr class="amount-row">
                        <th scope="row">{ row.label.clone() }</th>
                        <td data-testid={row.testid} data-cents={row.cents.to_string()}>{ row.amount.clone() }</td>
                    </tr>
                }
            })
            .collect::<Html>()
    };
    let reset = rich(&v.reset, |piece| match piece {
        Piece::Slot("date", date) => html! {
            <time data-testid="reset-date" datetime={v.reset_iso.clone()}>{ date.clone() }</time>
        },
        Piece::Slot(_, days) => {
            html! { <span data-testid="days-until-reset">{ days.clone() }</span> }
        }
        Piece::Text(text) => Html::from(text.clone()),
    });
    html! {
        <section class={classes!("results", v.level)} aria-labelledby={heading.clone()}
            ref={props.section.clone()} tabindex="-1">
            <div class="results-heading">
                <h2 id={heading}>
                    { v.heading.clone() }<span class="muted">{ " · " }<bdi>{ v.tier_name.clone() }</bdi></span>
                </h2>
                { checkout_link(&v.checkout, "small") }
            </div>
            <div class="figures">{ for figures }</div>
            <div class="meter" role="meter" aria-label={v.meter_label.clone()}
                aria-valuemin="0" aria-valuemax="100" aria-valuenow={v.percent_used.to_string()}
                aria-valuetext={v.meter_value.clone()}>
                <svg viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    <rect class="meter-track" width="100" height="4" rx="2" />
                    <rect class="meter-fill" width={v.percent_used.to_string()} height="4" rx="2" />
                    <line class="meter-mark" x1="80" x2="80" y1="0" y2="4" />
                </svg>
                <span class="meter-caption">{ v.meter_caption.clone() }</span>
            </div>
            // The warning's place is kept (auto-play can bring one); until it comes, it
            // says what will show there.
            <div class="level-slot">
                <p class={classes!("level-message", v.level, v.provisional.then_some("provisional"))} role="status"
                    data-testid="quota-warning" data-level={v.level}>
                    if let Some(message) = &v.level_message { { message.clone() } }
                </p>
                if let Some(hint) = &v.level_hint {
                    <p class="level-hint">{ hint.clone() }</p>
                }
            </div>
            <p class="inmail-line">
                { v.inmail_line.clone() }
                if let Some((count, words)) = &v.pay_per {
                    <strong data-testid="pay-per-inmail-count" data-count={count.to_string()}>{ words.clone() }</strong>
                }
            </p>
            <table class="cost-lines">
                <caption>{ v.cost_caption.clone() }</caption>
                <tbody>{ for lines }</tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{ v.total_label.clone() }</th>
                        <td data-testid="monthly-cost" data-cents={v.total_cents.to_string()} data-period={v.billing.id()}
                            data-currency={v.currency.code().to_owned()}>
                            { regular(&v.list_total, &v.regular) }{ v.total.clone() }
                        </td>
                    </tr>
                    { rows(&v.tax_rows) }
                    { rows(v.quarter.as_slice()) }
                    <tr class="year-row">
                        <th scope="row">{ v.year_label.clone() }</th>
                        <td data-testid="yearly-cost" data-cents={v.year_cents.to_string()}>{ v.year.clone() }</td>
                    </tr>
                    { rows(v.per_answered.as_slice()) }
                </tfoot>
            </table>
            if let Some((id, words)) = &v.promotion {
                <p class="promo-note" data-testid="promo-note" data-promo={id.clone()}>{ words.clone() }</p>
            }
            if let Some((days, words)) = &v.trial {
                <p class="trial-line" data-testid="trial-note" data-days={days.to_string()}>{ words.clone() }</p>
            }
            if let Some((cents, percent, words)) = &v.saving {
                <p class="saving-line" data-testid="yearly-saving" data-cents={cents.to_string()}
                    data-percent={percent.to_string()}>
                    { words.clone() }
                </p>
            }
            <p class={classes!("reset-line", v.provisional.then_some("provisional"))}>{ reset }</p>
        </section>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::state::{Action, Edit, Field};
    use crate::ui::testing::{render, widget, words_of};
    use crate::view::calculator::{calculator, CalculatorInput};

    #[test]
    fn the_month_in_figures_lines_and_words() {
        let mut w = widget();
        w.apply(Action::Field(Field::Sent, Edit::Set(12)));
        let input = CalculatorInput::of(&w, &Rc::new(w.priced()), &Rc::new(w.summary()), true);
        let view = calculator(&input, &words_of(&w)).results;
        let page = render(html! { <Results {view} /> });
        assert_eq!(page.text("remaining"), "3");
        assert_eq!(
            page.text("quota-warning"),
            "80% of this month's messages used: 3 left."
        );
        assert_eq!(
            page.count("section.results.warning[aria-labelledby=mq1-results-h]"),
            1
        );
        assert_eq!(page.texts(".cost-lines tbody th"), ["Basic"]);
        assert_eq!(page.text("yearly-cost"), "$0.00");
        assert_eq!(
            page.texts(".reset-line"),
            ["Allowance resets on Sun, Feb 1, 2026 · 12 days left"]
        );
    }
}
