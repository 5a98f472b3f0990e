//! A file the visitor saves: text offered as a download.

use wasm_bindgen::JsValue;

/// Offers text as a file download.
pub fn download(filename: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(anchor) = gloo::utils::document().create_element("a") {
        let _ = anchor.set_attribute("href", &url);
        let _ = anchor.set_attribute("download", filename);
        if let Some(anchor) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&anchor) {
            anchor.click();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
