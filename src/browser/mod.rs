//! The browser APIs the widget reaches through, each call tolerant of a missing API
//! (sandboxed iframes, privacy modes): it does nothing rather than fail.

pub mod compress;
pub mod fetch;
pub mod intl;
pub mod link;
pub mod page;
pub mod rules_src;
pub mod snippet;
pub mod words;
