//! The widget as HTML text, from the state and the engine's results, in [`Parts`].
//!
//! Why text and not `html!` trees: an escaped string per part is several times smaller in
//! the wasm, and the page patches it in place, keeping focus and form state (README:
//! "How a render reaches the page"). Buttons carry `data-action` commands, controls
//! `data-field` or `data-count` names, which the root's handlers turn into actions.
//!
//! Everything dynamic goes through [`esc`]; tier names and labels can come from
//! rules a host or visitor wrote.

mod calculator;
mod compare;
mod controls;
mod demo;
mod rules;

pub use calculator::{calculator_parts, dialog_parts, notices};
pub use compare::{chart, chart_marker, compare_parts, compare_table};
pub use demo::{demo_parts, message_log, timeline};
pub use rules::rules_parts;

/// Escapes text for HTML content and double-quoted attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// One render of the widget as `(slot, html)` pairs, a frame before the parts that fill
/// it. `""` names the root. Each frame holds `<div class="mq-slot" data-slot="…">`
/// elements; the UI patches each slot whose text changed, so a keystroke redraws only
/// the parts it changes (README: "Size and speed").
pub type Parts = Vec<(&'static str, String)>;

/// `s` when `n` is not 1: `1 day`, `2 days`.
pub fn plural(n: u64, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            esc(r#"<b a="x">Tom & 'Jerry'</b>"#),
            "&lt;b a=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;"
        );
        assert_eq!(plural(1, "day"), "1 day");
        assert_eq!(plural(3, "day"), "3 days");
    }
}
