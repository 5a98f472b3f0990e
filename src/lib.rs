//! Messaging Quota: LinkedIn-style messaging quota rules in an embeddable Yew widget.
//!
//! - [`engine`]: the rules, pure Rust: facts, never words.
//! - [`host`]: what the widget exchanges with its page (attributes, URL, saved state,
//!   events), as checked, typed values.
//! - [`state`]: the widget's state and actions (the reducer), pure Rust.
//! - [`text`]: facts into words: message catalogues and a formatting interface.
//! - [`view`]: view models: what each section shows, from the state and the words.
//! - `ui`, `browser`, `embed`: the Yew components, the browser APIs they reach through, and
//!   the JavaScript entry points (wasm only).

/// The widget's version: the crate's, the npm package's and the loader's
/// (`window.messagingQuota.version`).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

pub mod engine;
pub mod host;
pub mod json;
pub mod prerender;
pub mod state;
pub mod text;
pub mod view;

// The components and the browser calls they make are compiled natively for tests too, so
// components can be rendered to text there (yew's server renderer).
#[cfg(any(target_arch = "wasm32", test))]
#[cfg_attr(
    any(not(target_arch = "wasm32"), feature = "ssr"),
    allow(dead_code, unused_imports)
)]
mod browser;
#[cfg(all(target_arch = "wasm32", not(feature = "ssr")))]
mod embed;
#[cfg(all(target_arch = "wasm32", feature = "ssr"))]
mod server;
#[cfg(any(target_arch = "wasm32", test))]
#[cfg_attr(
    any(not(target_arch = "wasm32"), feature = "ssr"),
    allow(dead_code, unused_imports)
)]
mod ui;

// Talc instead of Rust's default wasm allocator (dlmalloc): a few KB smaller in the module
// and faster at the many small allocations a render makes. The widget is single-threaded.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
