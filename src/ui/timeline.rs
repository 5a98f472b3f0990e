//! The period's days, each with a stacked bar of its sends; today and the reset marked.

use std::rc::Rc;

use yew::prelude::*;

use crate::view::demo::TimelineView;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub view: Rc<TimelineView>,
}

#[function_component]
pub fn Timeline(props: &Props) -> Html {
    let v = &*props.view;
    let days = v.days.iter().map(|d| {
        let bars = d.bars.iter().map(|(class, top, height)| html! {
            <rect class={*class} x="1" y={top.to_string()} width="10" height={height.to_string()} />
        }).collect::<Html>();
        html! {
            <li key={d.iso.clone()} class={classes!("day", d.today.then_some("today"), (!d.working_day).then_some("weekend"))}
                data-date={d.iso.clone()} data-sends={d.sends.to_string()} aria-current={d.today.then_some("date")}
                title={d.label.clone()}>
                <svg viewBox="0 0 12 40" preserveAspectRatio="none" aria-hidden="true" focusable="false">{ bars }</svg>
                <span class="day-number">{ d.number.clone() }</span>
                <span class="visually-hidden">{ d.label.clone() }</span>
                if let Some(count) = &d.count {
                    <span class="day-count" aria-hidden="true">{ count.clone() }</span>
                }
            </li>
        }
    });
    html! {
        <ol class="timeline" data-testid="timeline" aria-label={v.label.clone()}>
            { for days }
            <li key="reset" class="day reset-day" data-testid="reset-day" data-date={v.reset_iso.clone()} title={v.reset_label.clone()}>
                <span class="reset-flag" aria-hidden="true">{ "↺" }</span>
                <span class="day-number">{ v.reset_day.clone() }</span>
                <span class="visually-hidden">{ v.reset_label.clone() }</span>
            </li>
        </ol>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::state::{Action, PlayerAction, SendAction};
    use crate::ui::testing::{render, widget, words_of};
    use crate::view::demo::{demo, DemoInput};

    #[test]
    fn each_day_with_its_sends_and_the_reset_day() {
        let mut w = widget();
        w.apply(Action::Send(SendAction::Send));
        w.apply(Action::Player(PlayerAction::NextDay));
        let s = w.summary();
        let view = demo(&DemoInput::of(&w, s.sent, s.remaining, true), &words_of(&w)).timeline;
        let page = render(html! { <Timeline {view} /> });
        assert_eq!(
            page.count("li[data-date=\"2026-01-20\"][data-sends=\"1\"] rect.bar-delivered"),
            1
        );
        assert_eq!(page.count("li.today[data-date=\"2026-01-21\"]"), 1);
        assert_eq!(
            page.attr("reset-day", "data-date").as_deref(),
            Some("2026-02-01")
        );
        assert_eq!(page.count("li.weekend"), 9);
    }
}
