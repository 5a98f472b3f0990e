//! The widget's form controls as HTML text: number fields, selects, checkboxes.
//!
//! Controls carry what the root handlers need: number fields a `data-count` name, selects,
//! radios and checkboxes a `data-field` name. Their values come from the state on every
//! render; the page's patcher keeps the elements (and focus) and updates only what changed.

use std::fmt::Write;

use super::esc;
use crate::state::{Count, Widget};

/// A labelled number field for `count`, with its message when the text is not used.
pub fn number_field(
    out: &mut String,
    w: &Widget,
    id: &str,
    label: &str,
    testid: &str,
    count: Count,
    value: u64,
) {
    let shown = w.field_text(count, value);
    let invalid = match &shown.error {
        Some(_) => format!(r#" aria-invalid="true" aria-describedby="{id}-error""#),
        None => String::new(),
    };
    let _ = write!(
        out,
        concat!(
            r#"<div class="number-field{class}"><label for="{id}">{label}</label>"#,
            r#"<input id="{id}" type="text" inputmode="{mode}" autocomplete="off" spellcheck="false" data-testid="{testid}" data-count="{key}" value="{text}"{invalid}>"#
        ),
        class = if shown.error.is_some() {
            " has-error"
        } else {
            ""
        },
        id = id,
        label = esc(label),
        mode = if count.is_money() {
            "decimal"
        } else {
            "numeric"
        },
        testid = esc(testid),
        key = esc(&count.key()),
        text = esc(&shown.text),
        invalid = invalid,
    );
    if let Some(error) = shown.error {
        let _ = write!(
            out,
            r#"<p class="field-error" id="{id}-error" data-testid="{}-error" role="alert">{}</p>"#,
            esc(testid),
            esc(&error)
        );
    }
    out.push_str("</div>");
}

/// A labelled select whose changes reach the root through `data-field`.
pub fn select(
    out: &mut String,
    field: &str,
    label: &str,
    testid: &str,
    options: impl IntoIterator<Item = (String, String)>,
    selected: &str,
) {
    let _ = write!(
        out,
        r#"<label class="select-field"><span>{label}</span><select data-field="{field}" data-testid="{testid}">"#
    );
    for (value, text) in options {
        let _ = write!(
            out,
            r#"<option value="{}"{}>{}</option>"#,
            esc(&value),
            if value == selected { " selected" } else { "" },
            esc(&text)
        );
    }
    out.push_str("</select></label>");
}

/// ` selected`-style boolean attribute text.
pub fn flag(on: bool, attribute: &str) -> String {
    if on {
        format!(" {attribute}")
    } else {
        String::new()
    }
}
