//! The browser APIs the widget reaches through, each call tolerant of a missing API
//! (sandboxed iframes, privacy modes): it does nothing rather than fail.

pub mod catalogue_files;
pub mod clock;
pub mod compress;
pub mod console;
pub mod download;
pub mod embed_markup;
pub mod events;
pub mod fetch;
pub mod intl;
pub mod link;
pub mod rules_src;
pub mod storage;
pub mod url;
