//! The events the widget dispatches on its host element.

use serde::Serialize;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};

/// A bubbling, composed `CustomEvent` whose `detail` is `detail` as a plain object.
pub fn event(name: &str, detail: &impl Serialize) -> Option<CustomEvent> {
    event_with(name, detail, false)
}

fn event_with(name: &str, detail: &impl Serialize, cancelable: bool) -> Option<CustomEvent> {
    let detail = serde_json::to_string(detail)
        .ok()
        .and_then(|json| js_sys::JSON::parse(&json).ok())
        .unwrap_or(JsValue::NULL);
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_cancelable(cancelable);
    init.set_detail(&detail);
    CustomEvent::new_with_event_init_dict(name, &init).ok()
}

/// Dispatches that event on `host`.
pub fn dispatch(host: &Element, name: &str, detail: &impl Serialize) {
    if let Some(event) = event(name, detail) {
        let _ = host.dispatch_event(&event);
    }
}

/// Dispatches that event, cancelable, on `host`: whether no listener called
/// `preventDefault()`.
pub fn dispatch_cancelable(host: &Element, name: &str, detail: &impl Serialize) -> bool {
    let Some(event) = event_with(name, detail, true) else {
        return true;
    };
    host.dispatch_event(&event).unwrap_or(true)
}
