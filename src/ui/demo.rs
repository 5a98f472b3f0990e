//! "Play a month": today, the timeline, the clock (next day, jump to the reset, play and
//! pause, step, speed), the auto-play scenario, the message log and the shortcuts.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::context::use_ids;
use super::message_log::MessageLog;
use super::number_field::fields;
use super::select::Select;
use super::timeline::Timeline;
use super::use_view::use_view;
use crate::state::{DisplayAction, Edit, Field, PlayerAction, SPEEDS};
use crate::text::I18n;
use crate::view::demo::{demo, DemoInput};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub input: DemoInput,
    pub words: I18n,
    pub on_player: Callback<PlayerAction>,
    pub on_display: Callback<DisplayAction>,
    pub on_field: Callback<(Field, Edit)>,
}

#[function_component]
pub fn Demo(props: &Props) -> Html {
    let view = use_view(&props.input, &props.words, demo);
    let hint_id = use_ids().id("clock-hint");
    let act = |action: PlayerAction| props.on_player.reform(move |_: MouseEvent| action.clone());
    let on_speed = props
        .on_player
        .reform(|ms: String| PlayerAction::SetSpeed(ms.parse().unwrap_or(SPEEDS[1])));
    let on_inmail = props.on_player.reform(|e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        PlayerAction::UseInMail(input.checked())
    });
    let on_large_text = props
        .on_display
        .reform(|_: MouseEvent| DisplayAction::ToggleLargeText);
    let c = &view.controls;
    let (play, play_label) = &c.play;
    let s = &view.scenario;
    let log = &view.log;
    html! {
        <section class="demo" aria-label={view.heading.clone()}>
            <h2>{ view.heading.clone() }</h2>
            <p class={classes!("today-line", view.provisional.then_some("provisional"))} data-testid="today"
                data-date={view.today_iso.clone()}>{ view.today.clone() }</p>
            <div class="demo-grid">
                <div class={classes!("month-player", view.provisional.then_some("provisional-days"))}>
                    <Timeline view={view.timeline.clone()} />
                    <ul class="timeline-key" data-testid="timeline-key" aria-label={view.key_label.clone()}>
                        <li><span class="key-delivered">{ view.key[0].clone() }</span></li>
                        <li><span class="key-inmail">{ view.key[1].clone() }</span></li>
                        <li><span class="key-blocked">{ view.key[2].clone() }</span></li>
                        <li><span class="key-refused">{ view.key[3].clone() }</span></li>
                    </ul>
                    <div class="controls" role="group" aria-label={c.label.clone()}>
                        <button type="button" class="button secondary" data-testid="next-day"
                            aria-describedby={hint_id.clone()} onclick={act(PlayerAction::NextDay)}>
                            { c.next_day.clone() }<kbd>{ "N" }</kbd>
                        </button>
                        <button type="button" class="button secondary" data-testid="jump-to-reset" onclick={act(PlayerAction::JumpToReset)}>
                            { c.jump.clone() }<kbd>{ "R" }</kbd>
                        </button>
                        <button type="button" class="button primary" data-testid={*play}
                            onclick={act(if c.playing { PlayerAction::Pause } else { PlayerAction::Play })}>
                            { play_label.clone() }<kbd>{ "P" }</kbd>
                        </button>
                        <button type="button" class="button secondary" data-testid="step" disabled={c.playing}
                            aria-describedby={hint_id.clone()} onclick={act(PlayerAction::Step)}>{ c.step.clone() }</button>
                        <Select view={c.speed.clone()} onchange={on_speed} />
                        <button type="button" class="button link" data-testid="reset-month" onclick={act(PlayerAction::StartOver)}>
                            { c.start_over.clone() }
                        </button>
                        <button type="button" class="button link" data-testid="large-text" aria-pressed={c.large_text_on.to_string()}
                            onclick={on_large_text}>
                            { c.large_text.clone() }<kbd>{ "L" }</kbd>
                        </button>
                    </div>
                    <p class="muted controls-hint" id={hint_id}>{ c.hint.clone() }</p>
                    <details class="scenario">
                        <summary>{ s.summary.clone() }</summary>
                        <div class="field-grid">
                            { fields(&s.fields, &props.on_field) }
                            <label class="check">
                                <input type="checkbox" data-testid="scenario-inmail" checked={s.use_inmail_on} onchange={on_inmail} />
                                { s.use_inmail.clone() }
                            </label>
                        </div>
                    </details>
                </div>
                <div class="message-log-panel">
                    <div class="log-header">
                        <h3>{ log.heading.clone() }</h3>
                        <button type="button" class="button link replies" onclick={act(PlayerAction::MarkRepliesSeen)}
                            aria-label={log.replies_label.clone()}>
                            { log.replies.clone() }
                            if log.unread > 0 {
                                <span class="notification-badge" data-testid="notification-badge">{ log.unread }</span>
                            }
                        </button>
                    </div>
                    <MessageLog entries={log.entries.clone()} empty={log.empty.clone()} />
                </div>
            </div>
            <details class="shortcuts">
                <summary>{ view.shortcuts.heading.clone() }</summary>
                <dl>
                    { for view.shortcuts.keys.iter().map(|(key, does)| html! {
                        <><dt><kbd>{ *key }</kbd></dt><dd>{ does.clone() }</dd></>
                    }) }
                </dl>
                <p class="muted">{ view.shortcuts.note.clone() }</p>
            </details>
        </section>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::state::{Action, SendAction};
    use crate::ui::testing::{render, widget, words_of};

    #[test]
    fn today_the_period_the_clock_the_scenario_and_the_log() {
        let mut w = widget();
        w.apply(Action::Send(SendAction::Send));
        let s = w.summary();
        let page = render(html! {
            <Demo input={DemoInput::of(&w, s.sent, s.remaining, true)} words={words_of(&w)}
                on_player={Callback::noop()} on_display={Callback::noop()} on_field={Callback::noop()} />
        });
        assert_eq!(
            page.attr("today", "data-date").as_deref(),
            Some("2026-01-20")
        );
        assert_eq!(
            page.count("[data-testid=timeline] li.day"),
            32,
            "31 days and the reset"
        );
        assert_eq!(
            page.count("li.today[aria-current=date][data-sends=\"1\"]"),
            1
        );
        assert_eq!(page.count("[data-testid=play]"), 1);
        assert_eq!(page.count("[data-testid=step]:not([disabled])"), 1);
        assert_eq!(
            page.attr("large-text", "aria-pressed").as_deref(),
            Some("false")
        );
        assert_eq!(page.attr("scenario-per-day", "value").as_deref(), Some("2"));
        assert_eq!(
            page.count("[data-testid=message-log] li.log-entry[data-outcome=delivered]"),
            1
        );
        assert_eq!(page.count(".shortcuts dt"), 5);
    }
}
