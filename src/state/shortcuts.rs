//! Keyboard shortcuts: the key, the action, and the part that must be on for it. The UI
//! asks only while the widget has focus and the visitor is not typing.

use super::{Action, DisplayAction, Player, PlayerAction, SendAction};
use crate::host::parts::{Part, Parts};

/// What pressing `key` does, when anything.
pub fn shortcut(key: &str, parts: Parts, player: &Player) -> Option<Action> {
    let demo = parts.has(Part::Demo);
    Some(match key {
        "s" | "S" if parts.has(Part::Calculator) => Action::Send(SendAction::Send),
        "n" | "N" if demo => Action::Player(PlayerAction::NextDay),
        "r" | "R" if demo => Action::Player(PlayerAction::JumpToReset),
        "p" | "P" if demo && player.playing() => Action::Player(PlayerAction::Pause),
        "p" | "P" if demo => Action::Player(PlayerAction::Play),
        "l" | "L" => Action::Display(DisplayAction::ToggleLargeText),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::super::Clock;
    use super::*;

    #[test]
    fn keys_act_only_where_their_part_is() {
        let all = Parts::default();
        let paused = Player::default();
        let playing = Player {
            clock: Clock::Playing,
            ..paused
        };
        let send = Some(Action::Send(SendAction::Send));
        assert_eq!(shortcut("s", all, &paused), send);
        assert_eq!(
            shortcut("P", all, &paused),
            Some(Action::Player(PlayerAction::Play))
        );
        assert_eq!(
            shortcut("p", all, &playing),
            Some(Action::Player(PlayerAction::Pause))
        );
        assert_eq!(shortcut("x", all, &paused), None);
        let calculator = Parts::of([Part::Calculator]);
        assert_eq!(
            shortcut("n", calculator, &paused),
            None,
            "no player, no next day"
        );
        assert_eq!(
            shortcut("l", calculator, &paused),
            Some(Action::Display(DisplayAction::ToggleLargeText))
        );
        assert_eq!(
            shortcut("s", all.with(Part::Calculator, false), &paused),
            None
        );
    }
}
