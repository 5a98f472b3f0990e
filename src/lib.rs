//! Messaging Quota: LinkedIn-style messaging quota rules in an embeddable Yew widget.

pub mod engine;
pub mod state;
