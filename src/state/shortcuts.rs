//! Keyboard shortcuts: the key, the action, and the section that must be on for it. The UI
//! asks only while the widget has focus and the visitor is not typing.

use super::Action;
use crate::host::attributes::Sections;

/// What pressing `key` does, when anything.
pub fn shortcut(key: &str, sections: Sections, playing: bool) -> Option<Action> {
    Some(match key {
        "s" | "S" if sections.calculator => Action::Send,
        "n" | "N" if sections.demo => Action::NextDay,
        "r" | "R" if sections.demo => Action::JumpToReset,
        "p" | "P" if sections.demo && playing => Action::Pause,
        "p" | "P" if sections.demo => Action::Play,
        "l" | "L" => Action::ToggleLargeText,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_act_only_where_their_section_is() {
        let all = Sections::ALL;
        assert_eq!(shortcut("s", all, false), Some(Action::Send));
        assert_eq!(shortcut("P", all, false), Some(Action::Play));
        assert_eq!(shortcut("p", all, true), Some(Action::Pause));
        assert_eq!(shortcut("x", all, false), None);
        let calculator = Sections {
            calculator: true,
            ..Sections::NONE
        };
        assert_eq!(
            shortcut("n", calculator, false),
            None,
            "no player, no next day"
        );
        assert_eq!(
            shortcut("l", calculator, false),
            Some(Action::ToggleLargeText)
        );
        assert_eq!(
            shortcut(
                "s",
                Sections {
                    calculator: false,
                    ..all
                },
                false
            ),
            None
        );
    }
}
