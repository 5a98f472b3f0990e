//! The period's days, each with a stacked bar of its sends; today and the reset marked.

use std::rc::Rc;

use yew::prelude::*;

use super::context::use_texts;
use crate::engine::period::{iso_date, Period};
use crate::engine::player::TimelineDay;
use crate::text::key;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub days: Rc<Vec<TimelineDay>>,
    pub period: Period,
}

#[function_component]
pub fn Timeline(props: &Props) -> Html {
    let t = use_texts();
    let total = |d: &TimelineDay| d.delivered + d.inmails + d.blocked + d.refused;
    let busiest = props.days.iter().map(total).max().unwrap_or(0).max(1);
    let days = props.days.iter().map(|d| {
        let sends = total(d);
        let label = t.fill(
            if d.is_today { key::DEMO_DAY_TODAY } else { key::DEMO_DAY },
            &[
                ("date", &t.date(d.day)),
                ("delivered", &t.count(d.delivered)),
                ("inmails", &t.count(d.inmails)),
                ("blocked", &t.count(d.blocked)),
                ("refused", &t.count(d.refused)),
            ],
        );
        let mut y = 40;
        let bars = [
            (d.delivered, "bar-delivered"),
            (d.inmails, "bar-inmail"),
            (d.blocked, "bar-blocked"),
            (d.refused, "bar-refused"),
        ]
        .into_iter()
        .filter_map(|(count, class)| {
            let h = count * 40 / busiest;
            (h > 0).then(|| {
                y -= h;
                html! { <rect class={class} x="1" y={y.to_string()} width="10" height={h.to_string()} /> }
            })
        })
        .collect::<Html>();
        let iso = iso_date(d.day);
        html! {
            <li key={iso.clone()} class={classes!("day", d.is_today.then_some("today"), (!d.is_working_day).then_some("weekend"))}
                data-date={iso} data-sends={sends.to_string()} aria-current={d.is_today.then_some("date")}
                title={label.clone()}>
                <svg viewBox="0 0 12 40" preserveAspectRatio="none" aria-hidden="true" focusable="false">{ bars }</svg>
                <span class="day-number">{ t.format().day_number(d.day) }</span>
                <span class="visually-hidden">{ label }</span>
                if sends > 0 {
                    <span class="day-count" aria-hidden="true">{ t.count(sends) }</span>
                }
            </li>
        }
    });
    let reset = t.fill(
        key::DEMO_RESET_DAY,
        &[("date", &t.date(props.period.reset))],
    );
    html! {
        <ol class="timeline" data-testid="timeline" aria-label={t.fill(key::DEMO_TIMELINE, &[
            ("start", &t.date(props.period.start)), ("reset", &t.date(props.period.reset))])}>
            { for days }
            <li key="reset" class="day reset-day" data-testid="reset-day" data-date={iso_date(props.period.reset)} title={reset.clone()}>
                <span class="reset-flag" aria-hidden="true">{ "↺" }</span>
                <span class="day-number">{ t.format().day_month(props.period.reset) }</span>
                <span class="visually-hidden">{ reset }</span>
            </li>
        </ol>
    }
}
