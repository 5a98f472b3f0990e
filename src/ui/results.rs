//! The month at a glance: allowance, what is left, InMail, cost line by line, and the reset.

use yew::prelude::*;

use crate::engine::locale::Locale;
use crate::engine::period::{human_date, iso_date};
use crate::engine::summary::{Level, Summary};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub prefix: AttrValue,
    pub summary: Summary,
    pub locale: Locale,
}

/// The results panel.
#[function_component]
pub fn Results(props: &Props) -> Html {
    let Props { prefix, summary: s, locale } = props;
    let heading = format!("{prefix}-results-heading");
    let (level_class, message) = match s.level {
        Level::Ok => ("ok", None),
        Level::Warning => ("warning", Some(format!("{}% of this month's messages used: {} left.", s.percent_used, locale.count(s.remaining)))),
        Level::Reached => ("reached", Some(format!("Monthly limit reached: the next message will not be delivered until {}.", human_date(s.period.reset)))),
    };
    let meter_width = s.percent_used.min(100);
    let days_word = if s.days_left == 1 { "day" } else { "days" };
    let inmail = s.inmail;
    let mut inmail_parts = vec![format!("{} included", locale.count(inmail.included))];
    if inmail.rolled_over > 0 {
        inmail_parts.push(format!("{} rolled over", locale.count(inmail.rolled_over)));
    }
    if inmail.from_blocks > 0 {
        inmail_parts.push(format!("{} from blocks", locale.count(inmail.from_blocks)));
    }

    html! {
        <section class={classes!("results", level_class)} aria-labelledby={heading.clone()}>
            <h2 id={heading}>{ "This month" }<span class="muted">{ format!(" · {}", s.tier_name) }</span></h2>
            <div class="figures">
                <div class="figure">
                    <span class="figure-label">{ "Allowance" }</span>
                    <span class="figure-value" data-testid="allowance">{ s.allowance }</span>
                    <span class="figure-unit">{ "messages" }</span>
                </div>
                <div class="figure">
                    <span class="figure-label">{ "Left" }</span>
                    <span class="figure-value" data-testid="remaining">{ s.remaining }</span>
                    <span class="figure-unit">{ format!("of {}", locale.count(s.allowance)) }</span>
                </div>
                <div class="figure">
                    <span class="figure-label">{ "InMail credits left" }</span>
                    <span class="figure-value" data-testid="inmail-credits-remaining">{ inmail.credits_left }</span>
                    <span class="figure-unit">{ format!("of {}", locale.count(inmail.available)) }</span>
                </div>
            </div>
            <div class="meter" role="meter" aria-label="Messages used this month"
                aria-valuemin="0" aria-valuemax="100" aria-valuenow={meter_width.to_string()}
                aria-valuetext={format!("{} of {} messages used", locale.count(s.sent), locale.count(s.allowance))}>
                <svg viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    <rect class="meter-track" x="0" y="0" width="100" height="4" rx="2" />
                    <rect class="meter-fill" x="0" y="0" width={meter_width.to_string()} height="4" rx="2" />
                    <line class="meter-mark" x1="80" x2="80" y1="0" y2="4" />
                </svg>
                <span class="meter-caption">{ format!("{} of {} used ({}%)", locale.count(s.sent), locale.count(s.allowance), s.percent_used) }</span>
            </div>
            <p class={classes!("level-message", level_class)} role="status" data-testid="quota-warning" data-level={level_class}>
                { message.unwrap_or_default() }
            </p>
            <p class="inmail-line">
                { format!("InMail: {} ({} in all); {} sent", inmail_parts.join(" + "), locale.count(inmail.available), locale.count(inmail.sent)) }
                if inmail.pay_per_count > 0 {
                    <strong data-testid="pay-per-inmail-count" data-count={inmail.pay_per_count.to_string()}>
                        { format!(" · {} pay-per-InMail", locale.count(inmail.pay_per_count)) }
                    </strong>
                }
            </p>
            <table class="cost-lines">
                <caption>{ "Monthly cost" }</caption>
                <tbody>
                    { for s.lines.iter().map(|line| html! {
                        <tr><th scope="row">{ &line.label }</th><td>{ locale.money(line.cents) }</td></tr>
                    }) }
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{ "Total per month" }</th>
                        <td data-testid="monthly-cost" data-cents={s.total_cents.to_string()}>{ locale.money(s.total_cents) }</td>
                    </tr>
                </tfoot>
            </table>
            <p class="reset-line">
                { "Allowance resets on " }
                <time data-testid="reset-date" datetime={iso_date(s.period.reset)}>{ human_date(s.period.reset) }</time>
                { " · " }<span data-testid="days-until-reset">{ s.days_left }</span>{ format!(" {days_word} left") }
            </p>
        </section>
    }
}
