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
pub mod held_input;
pub mod intl;
pub mod link;
pub mod rules_src;
pub mod storage;
pub mod url;

/// Whether the widget runs in a page (a browser's document), rather than drawn ahead of one
/// (the server renderer, where there is no document to ask).
pub fn in_a_page() -> bool {
    #[cfg(target_arch = "wasm32")]
    return web_sys::window().and_then(|w| w.document()).is_some();
    #[cfg(not(target_arch = "wasm32"))]
    false
}

/// An element's attributes as JavaScript hands them over (`[[name, value], …]`), for the
/// widget in a page and the server renderer alike; anything else in the list is skipped.
pub fn attribute_pairs(attributes: &js_sys::Array) -> Vec<(String, String)> {
    use wasm_bindgen::JsCast;
    attributes
        .iter()
        .filter_map(|pair| {
            let pair: js_sys::Array = pair.dyn_into().ok()?;
            Some((
                pair.get(0).as_string()?,
                pair.get(1).as_string().unwrap_or_default(),
            ))
        })
        .collect()
}
