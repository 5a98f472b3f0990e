//! The widget as Yew function components. [`App`] holds the state in a reducer and hands
//! each section its input (what it reads of the state) and the actions it acts through, as
//! typed callbacks; a section works out its view model once per change of its input
//! (`use_view`), and hands each component the part it shows, so a component whose props
//! are equal is skipped. Components render their view models and compute nothing; lists
//! are keyed.

mod app;
mod autoplay;
mod calculator;
mod checkout_link;
mod compare;
mod compare_table;
mod contact_link;
mod context;
mod cost_chart;
mod demo;
mod feature_matrix;
mod host_page;
mod language_menu;
mod later;
mod message_log;
mod notices;
mod number_field;
mod outside;
mod page_heading;
mod page_writes;
mod recommendation;
mod regular_price;
mod results;
mod rich;
mod rules_editor;
mod schedule;
mod select;
mod send_preview;
mod share;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod testing;
mod tier_picker;
mod timeline;
mod upgrade_dialog;
mod use_view;
mod use_words;
mod warm_up;

pub use app::{Ahead, App, AppProps, ErrorWords, HostLink, InitCell, Resume};
pub use host_page::ConfigUpdate;
pub use later::{fetch_later, is_later};
pub use schedule::Rendering;
