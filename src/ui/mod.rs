//! The widget as Yew function components. [`App`] holds the state in a reducer and hands
//! each section what it shows: shared values behind `Rc`s, computed once per change, so a
//! component whose props are equal is skipped. Components get words from the [`I18n`]
//! context and send actions through the dispatcher context; lists are keyed.
//!
//! [`I18n`]: context::I18n

mod app;
mod autoplay;
mod calculator;
mod checkout_link;
mod compare_table;
mod context;
mod cost_chart;
mod demo;
mod feature_matrix;
mod finder;
mod highlight;
mod host_page;
mod language_menu;
mod later;
mod message_log;
mod notices;
mod number_field;
mod page_heading;
mod page_writes;
mod recommendation;
mod results;
mod rich;
mod rules_editor;
mod schedule;
mod select;
mod send_preview;
mod share;
mod tier_picker;
mod timeline;
mod upgrade_dialog;
mod use_words;
mod warm_up;

pub use app::{App, AppProps, ErrorWords, HostLink, InitCell};
pub use host_page::ConfigUpdate;
