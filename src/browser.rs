//! The few places the widget touches the page around it: URL, storage, events, timing.
//! Every call tolerates a missing API (sandboxed iframes, privacy modes) by doing nothing.

use chrono::NaiveDate;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};

use crate::engine::params::{join_query, names, split_query};

/// Today's date in the visitor's time zone, from the browser's clock (`js_sys::Date` is
/// what chrono's `wasmbind` would call; going direct keeps chrono's time-zone code out).
pub fn local_today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// `performance.mark("messaging-quota:first-render")`, for anyone timing the widget.
pub fn mark_first_render() {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark("messaging-quota:first-render");
    }
}

/// The page URL's query string.
pub fn url_query() -> Option<String> {
    web_sys::window()?.location().search().ok()
}

/// The page's origin, for checking rule URLs.
pub fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// Rewrites the widget's own parameters in the page URL, keeping the host's others, without
/// adding a history entry.
pub fn replace_url_params(params: &[(&'static str, String)]) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (Ok(path), Ok(search), Ok(hash)) =
        (location.pathname(), location.search(), location.hash())
    else {
        return;
    };
    let foreign = split_query(&search)
        .into_iter()
        .filter(|(n, _)| !names::ALL.contains(&n.as_str()));
    let foreign: Vec<(String, String)> = foreign.collect();
    let query = join_query(
        foreign
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .chain(params.iter().map(|(n, v)| (*n, v.as_str()))),
    );
    let url = format!("{path}?{query}{hash}");
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads a saved state.
pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Saves state; a full or forbidden storage is not an error worth a visitor's attention.
pub fn store(key: &str, value: &str) {
    if let Some(storage) = storage() {
        if storage.set_item(key, value).is_err() {
            warn(&format!(
                "messaging-quota: could not save state under \"{key}\""
            ));
        }
    }
}

/// Dispatches a bubbling `CustomEvent` whose `detail` is the parsed JSON.
pub fn dispatch(host: &Element, name: &str, detail_json: &str) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&js_sys::JSON::parse(detail_json).unwrap_or(JsValue::NULL));
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// A console warning, for hosts debugging their attributes.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(message));
}

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
