//! The console, for the host's developers: English, whatever the widget's language.

use std::cell::RefCell;

use wasm_bindgen::JsValue;

thread_local! {
    /// The warnings said already.
    static REPORTED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// A console warning, for hosts debugging their attributes.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(&format!("messaging-quota: {message}")));
}

/// The words of console messages: English whatever the widget's language (the host's
/// developers read them), numbers written the same on every machine.
pub fn console_words() -> crate::text::Texts {
    crate::text::Texts::english(Box::new(crate::text::FixedFormat))
}

/// Says each warning once per page, however many widgets or renders meet it.
pub fn warn_once(warnings: &[String]) {
    for line in warnings {
        let first = REPORTED.with(|r| {
            let mut r = r.borrow_mut();
            let first = !r.contains(line);
            if first {
                r.push(line.clone());
            }
            first
        });
        if first {
            warn(line);
        }
    }
}
