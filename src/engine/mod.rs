//! The quota engine: rules, money, periods, decisions and recommendations.
//!
//! Invariants contributors keep:
//! - Nothing below this module imports `yew`, `web_sys` or `js_sys`; it builds and is
//!   tested natively (`cargo test`), and the UI only renders what it returns. (JSON text is
//!   read through `crate::json`, which lets the browser parse in the wasm build.)
//! - Money is integer cents (`u64`); counts are `u64`; sums and products saturate, so no
//!   input overflows or panics.
//! - A `RuleSet` exists only after validation (`RuleSet::from_json`), so code here may
//!   index `tiers[0]` and divide by bundle and block sizes.
//! - No floats in prices, totals or anything displayed.
//! - Facts, not words: results are typed values (a `Charge`, an `Unblock`, a `Refusal`);
//!   nothing here takes a locale or builds a sentence (`text` does that).

pub mod bill;
pub mod chart;
pub mod compare;
pub mod credits;
pub mod currency;
pub mod fields;
pub mod period;
pub mod plan;
pub mod player;
pub mod presets;
pub mod promotion;
pub mod recommend;
pub mod rng;
pub mod rules;
pub mod rules_json;
pub mod send;
pub mod summary;
pub mod tax;
pub mod team;
