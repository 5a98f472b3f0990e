//! The embed code as text: the loader's script tag and a `<messaging-quota>` element with the
//! given attributes, written by the browser (`outerHTML`) from elements of an inert document,
//! so every value is escaped as markup requires, whatever it holds, and nothing on the page
//! reacts to them.

use wasm_bindgen::JsValue;
use web_sys::Document;

thread_local! {
    /// One inert document for the page, made on first need: writing the code is per change.
    static INERT: Option<Document> = gloo::utils::document()
        .implementation()
        .and_then(|i| i.create_html_document())
        .ok();
}

/// `<script src="…"></script>` and `<messaging-quota …></messaging-quota>`, a line each.
pub fn embed_code(loader_url: &str, attributes: &[(String, String)]) -> Result<String, JsValue> {
    let inert = INERT
        .with(Clone::clone)
        .ok_or_else(|| JsValue::from_str("no inert document"))?;
    let script = inert.create_element("script")?;
    script.set_attribute("src", loader_url)?;
    let widget = inert.create_element("messaging-quota")?;
    for (name, value) in attributes {
        widget.set_attribute(name, value)?;
    }
    Ok(format!("{}\n{}", script.outer_html(), widget.outer_html()))
}
