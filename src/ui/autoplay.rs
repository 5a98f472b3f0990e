//! Auto-play: the month plays itself, one simulated day at a time.

use gloo::timers::callback::Interval;
use yew::prelude::*;

use crate::state::PlayerAction;

/// While `playing`, one step of the month every `speed_ms`; a change of either restarts
/// the timer, and the timer goes with the widget.
#[hook]
pub fn use_autoplay(playing: bool, speed_ms: u32, on_player: Callback<PlayerAction>) {
    use_effect_with((playing, speed_ms), move |&(playing, ms)| {
        let timer = playing.then(|| Interval::new(ms, move || on_player.emit(PlayerAction::Step)));
        move || drop(timer)
    });
}
