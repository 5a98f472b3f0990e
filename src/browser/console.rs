//! The console, for the host's developers: English, whatever the widget's language.

use wasm_bindgen::JsValue;

/// A console warning, for hosts debugging their attributes.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(&format!("messaging-quota: {message}")));
}

/// The words of console messages: English whatever the widget's language (the host's
/// developers read them), numbers written the same on every machine.
pub fn console_words() -> crate::text::Texts {
    crate::text::Texts::english(Box::new(crate::text::FixedFormat))
}
