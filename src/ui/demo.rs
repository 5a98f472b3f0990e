//! "Play a month": the timeline, the clock controls, the scenario and the message log.

use yew::prelude::*;

use super::scope::Scope;
use super::{raw, raw_static};
use crate::engine::period::{human_date, iso_date};
use crate::engine::send::Recipient;
use crate::state::{Count, SPEEDS};

/// The demo section.
pub fn render(s: &Scope) -> Html {
    let Scope {
        w, summary, locale, ..
    } = *s;
    let period = w.month.period(w.period_rule);
    let day_of_period = (w.month.today - period.start).num_days() + 1;
    let scenario = w.scenario;
    let share_labels = [
        "Connections %",
        "Shared connections %",
        "Not connected %",
        "Groups %",
        "Company pages %",
    ];
    let speeds = SPEEDS
        .iter()
        .map(|(ms, name)| (ms.to_string(), (*name).to_owned()))
        .collect();
    let replies = w.month.unread_replies;
    html! {
        <section class="demo" aria-label="Play a month">
            { raw_static("<h2>Play a month</h2>") }
            { raw(format!(r#"<p class="today-line" data-testid="today" data-date="{}">Today: {} · day {} of {} · {} sent, {} left</p>"#,
                iso_date(w.month.today), human_date(w.month.today), day_of_period, period.length(),
                locale.count(summary.sent), locale.count(summary.remaining))) }
            <div class="demo-grid">
                <div class="month-player">
                    { raw((**s.timeline_html).clone()) }
                    <div class="controls" role="group" aria-label="Clock">
                        { raw_static(concat!(
                            r#"<button type="button" class="button secondary" data-testid="next-day" data-action="next-day">Next day<kbd>N</kbd></button>"#,
                            r#"<button type="button" class="button secondary" data-testid="jump-to-reset" data-action="jump-to-reset">Jump to reset<kbd>R</kbd></button>"#)) }
                        <button type="button" class="button primary" data-testid={if w.playing { "pause" } else { "play" }}
                            data-action={if w.playing { "pause" } else { "play" }}>
                            { if w.playing { "Pause" } else { "Play" } }<kbd>{ "P" }</kbd>
                        </button>
                        <button type="button" class="button secondary" data-testid="step" data-action="step" disabled={w.playing}>{ "Step one day" }</button>
                        { s.select("speed", "Speed", "speed", speeds, w.speed_ms.to_string()) }
                        { raw_static(r#"<button type="button" class="button link" data-testid="reset-month" data-action="reset-month">Start over</button>"#) }
                        <button type="button" class="button link" data-testid="large-text" data-action="large-text" aria-pressed={w.large_text.to_string()}>
                            { "Large text" }<kbd>{ "L" }</kbd>
                        </button>
                    </div>
                    <details class="scenario">
                        { raw_static("<summary>Auto-play scenario</summary>") }
                        <div class="field-grid">
                            { s.count("per-day", "Sends per working day".into(), "scenario-per-day", scenario.per_working_day, Count::ScenarioPerDay) }
                            { for (0..5).map(|i| s.count(&format!("share-{i}"), share_labels[i].into(), &format!("scenario-share-{}", Recipient::ALL[i].id()),
                                scenario.shares[i], Count::ScenarioShare(i))) }
                            { s.count("read-rate", "Read each day %".into(), "scenario-read-rate", scenario.read_rate, Count::ReadRate) }
                            { s.count("seed", "Seed (same seed, same month)".into(), "scenario-seed", scenario.seed, Count::Seed) }
                            <label class="check">
                                <input type="checkbox" checked={scenario.use_inmail} data-field="scenario-inmail" data-testid="scenario-inmail" />
                                { "Send InMail to non-connections" }
                            </label>
                        </div>
                    </details>
                </div>
                <div class="message-log-panel">
                    <div class="log-header">
                        { raw_static("<h3>Message log</h3>") }
                        <button type="button" class="button link replies" data-action="mark-replies-seen"
                            aria-label={format!("{replies} new replies; mark as seen")}>
                            { "Replies" }
                            if replies > 0 { <span class="notification-badge" data-testid="notification-badge">{ replies }</span> }
                        </button>
                    </div>
                    { raw((**s.log_html).clone()) }
                </div>
            </div>
            { raw_static(concat!(
                r#"<details class="shortcuts"><summary>Keyboard shortcuts</summary><dl>"#,
                r#"<dt><kbd>S</kbd></dt><dd>Send to the chosen recipient</dd><dt><kbd>N</kbd></dt><dd>Next day</dd>"#,
                r#"<dt><kbd>P</kbd></dt><dd>Play or pause</dd><dt><kbd>R</kbd></dt><dd>Jump to the reset</dd><dt><kbd>L</kbd></dt><dd>Large text</dd></dl>"#,
                r#"<p class="muted">Shortcuts work while the widget has focus and you are not typing in a field.</p></details>"#)) }
        </section>
    }
}
