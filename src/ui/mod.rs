//! The Yew view: renders the state and sends [`Action`](crate::state::Action)s, nothing more.
//! Browser effects (URL, storage, host events, timers) live in `app.rs`'s effects.

mod app;
mod compare_table;
mod cost_chart;
mod message_log;
mod month_player;
mod need_panel;
mod notices;
mod number_field;
mod plan_picker;
mod results;
mod rules_editor;
mod send_preview;
mod upgrade_dialog;

pub use app::{App, AppProps, ConfigUpdate, HostLink, InitCell};

/// Wraps the first state for the root component's props.
pub fn app_init(init: crate::state::Init) -> InitCell {
    InitCell(std::rc::Rc::new(init))
}
