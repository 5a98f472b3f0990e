//! Messaging Quota: LinkedIn-style messaging quota rules in an embeddable Yew widget.
//!
//! - [`engine`]: the rules, pure Rust, tested natively.
//! - [`state`]: the widget's state and actions, pure Rust, tested natively.
//! - `ui`, `browser`, `embed`: the Yew view, the page around it, and the JS entry points.

pub mod engine;
pub mod state;
pub mod view;

#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
mod embed;
#[cfg(target_arch = "wasm32")]
mod ui;
