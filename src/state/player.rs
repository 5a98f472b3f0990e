//! The month player's part of the state: the auto-play scenario, whether it plays and how
//! fast. The month it plays through is the widget's `month`.
//!
//! Invariant: `speed_ms` is one of [`SPEEDS`]; play stops at a blocked send, at the end of
//! the calendar, and when the month starts over.

use crate::engine::player::Scenario;

/// Auto-play speeds, in milliseconds per simulated day, slowest first.
pub const SPEEDS: [u32; 4] = [1500, 800, 350, 120];

/// Whether auto-play runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clock {
    Paused,
    Playing,
}

/// The month player.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Player {
    pub scenario: Scenario,
    pub clock: Clock,
    pub speed_ms: u32,
}

impl Default for Player {
    fn default() -> Self {
        Player {
            scenario: Scenario::default(),
            clock: Clock::Paused,
            speed_ms: SPEEDS[1],
        }
    }
}

impl Player {
    pub fn playing(&self) -> bool {
        self.clock == Clock::Playing
    }

    pub fn pause(&mut self) {
        self.clock = Clock::Paused;
    }
}

/// What the visitor does with the month player.
#[derive(Clone, Debug, PartialEq)]
pub enum PlayerAction {
    NextDay,
    JumpToReset,
    /// One auto-play step (the timer's tick, or the Step button).
    Step,
    Play,
    Pause,
    /// Whether auto-play sends InMail to non-connections.
    UseInMail(bool),
    SetSpeed(u32),
    MarkRepliesSeen,
    /// Back to the day the page started on, nothing sent.
    StartOver,
}
