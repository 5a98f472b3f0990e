//! The page around the widget: its URL, localStorage, the host's events, files, time.

use std::cell::RefCell;
use std::rc::Rc;

use chrono::NaiveDate;
use serde::Serialize;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element, Node, UrlSearchParams};

use crate::host::params::{is_param, parse_params};
use crate::host::{link_rules, saved};

/// Today's date in the visitor's time zone, from the browser's clock.
pub fn local_today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// `performance.mark(name)`, for anyone timing the widget.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// The page URL's query as decoded `(name, value)` pairs, read by `URLSearchParams`.
pub fn url_params() -> Option<Vec<(String, String)>> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = UrlSearchParams::new_with_str(&search).ok()?;
    let pairs = js_sys::try_iter(&params)
        .ok()??
        .filter_map(|entry| {
            let entry: js_sys::Array = entry.ok()?.into();
            Some((entry.get(0).as_string()?, entry.get(1).as_string()?))
        })
        .collect();
    Some(pairs)
}

/// Whether one `name=value` segment of a query is one of the widget's parameters.
fn is_widget_param(segment: &str) -> bool {
    UrlSearchParams::new_with_str(segment).is_ok_and(|p| {
        js_sys::try_iter(&p.keys())
            .ok()
            .flatten()
            .is_some_and(|mut keys| {
                keys.any(|k| {
                    k.ok()
                        .and_then(|k| k.as_string())
                        .is_some_and(|k| is_param(&k))
                })
            })
    })
}

/// What to do with the rules part of the fragment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RulesPart<'a> {
    /// Leave it as it is (the part for new rules is still being worked out).
    Keep,
    /// Write this part (edited rules).
    Set(&'a str),
    /// Remove it (preset rules).
    Remove,
}

/// `?query#fragment` for the widget's parameters and rules part over a URL's own `search`
/// and `hash`: every other parameter of the query stays exactly as written (`?flag` stays
/// `?flag`), and so does whatever else the fragment holds.
fn query_and_fragment(
    search: &str,
    hash: &str,
    params: &[(&'static str, String)],
    rules: RulesPart,
) -> String {
    let mut segments: Vec<String> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|s| !s.is_empty() && !is_widget_param(s))
        .map(str::to_owned)
        .collect();
    if let Ok(ours) = UrlSearchParams::new() {
        for (name, value) in params {
            ours.append(name, value);
        }
        let ours = String::from(ours.to_string());
        if !ours.is_empty() {
            segments.push(ours);
        }
    }
    let query = segments.join("&");
    let fragment = match rules {
        RulesPart::Keep => hash.trim_start_matches('#').to_owned(),
        RulesPart::Set(part) => link_rules::with_rules_part(hash, Some(part)),
        RulesPart::Remove => link_rules::with_rules_part(hash, None),
    };
    let query = if query.is_empty() {
        String::new()
    } else {
        format!("?{query}")
    };
    let fragment = if fragment.is_empty() {
        String::new()
    } else {
        format!("#{fragment}")
    };
    format!("{query}{fragment}")
}

/// The widget's part of the page URL now, as `saved::link_key` writes it.
pub fn url_link_key() -> Option<String> {
    let pairs = url_params()?;
    let (params, _) = parse_params(pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())));
    let fragment = url_fragment().unwrap_or_default();
    Some(saved::link_key(&params, link_rules::rules_part(&fragment)))
}

/// The page URL's fragment, without `#`.
pub fn url_fragment() -> Option<String> {
    web_sys::window()?.location().hash().ok()
}

/// Puts the widget's parameters in the page URL's query and its rules part in its fragment,
/// without a new history entry. The path and `history.state` stay as they were.
pub fn replace_url(params: &[(&'static str, String)], rules: RulesPart) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (Ok(path), Ok(search), Ok(hash), Ok(history)) = (
        location.pathname(),
        location.search(),
        location.hash(),
        window.history(),
    ) else {
        return;
    };
    let url = format!(
        "{path}{}",
        query_and_fragment(&search, &hash, params, rules)
    );
    if url != format!("{path}{search}{hash}") {
        let state = history.state().unwrap_or(JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(&url));
    }
}

/// The link that shows this state: the page's own URL as the widget writes it (a widget
/// that keeps the page URL in step), else the standalone page beside the loader (`base`).
pub fn share_url(
    params: &[(&'static str, String)],
    rules: RulesPart,
    on_this_page: bool,
    base: &str,
) -> String {
    let here = web_sys::window().map(|w| w.location());
    let page = on_this_page
        .then(|| here.as_ref().and_then(|l| l.href().ok()))
        .flatten()
        .unwrap_or_else(|| base.to_owned());
    let Ok(url) = web_sys::Url::new(&page) else {
        return page;
    };
    let (search, hash) = if on_this_page {
        (url.search(), url.hash())
    } else {
        (String::new(), String::new())
    };
    let rest = query_and_fragment(&search, &hash, params, rules);
    format!("{}{}{rest}", url.origin(), url.pathname())
}

/// A widget that writes a storage key: its host element, whether it still may, and what to
/// do when an earlier widget of the page takes the key over.
struct KeyOwner {
    key: String,
    instance: u32,
    host: Element,
    owns: Rc<RefCell<bool>>,
    displaced: Rc<dyn Fn()>,
}

thread_local! {
    /// Which widget of the page writes which storage key.
    static STORAGE_OWNERS: RefCell<Vec<KeyOwner>> = const { RefCell::new(Vec::new()) };
}

/// What a claim of a storage key came to.
enum Claim {
    /// No live widget of the page wrote the key, or this one did already.
    Granted,
    /// This widget comes before the one that wrote it, which is displaced.
    TakenFrom(KeyOwner),
    /// Another widget of the page, earlier in document order, writes it.
    Refused,
}

/// Claims `key` for the widget `instance` on `host`. The first widget of the page (in
/// document order, whenever each loads) writes a key: a later one is refused (false), and
/// an earlier one takes the key over, its owner told by `displaced`. Two widgets writing one
/// key would each undo the other's changes.
pub fn claim_storage_key(
    key: &str,
    instance: u32,
    host: &Element,
    owns: Rc<RefCell<bool>>,
    displaced: Rc<dyn Fn()>,
) -> bool {
    let claim = STORAGE_OWNERS.with(|owners| {
        let mut owners = owners.borrow_mut();
        let claimant = KeyOwner {
            key: key.to_owned(),
            instance,
            host: host.clone(),
            owns: owns.clone(),
            displaced,
        };
        let Some(at) = owners.iter().position(|o| o.key == key) else {
            owners.push(claimant);
            return Claim::Granted;
        };
        let owner = &owners[at];
        if owner.instance == instance {
            Claim::Granted
        } else if owner.host.compare_document_position(host) & Node::DOCUMENT_POSITION_PRECEDING
            != 0
        {
            Claim::TakenFrom(std::mem::replace(&mut owners[at], claimant))
        } else {
            Claim::Refused
        }
    });
    if let Claim::TakenFrom(previous) = &claim {
        *previous.owns.borrow_mut() = false;
        (previous.displaced)();
    }
    let granted = !matches!(claim, Claim::Refused);
    *owns.borrow_mut() = granted;
    granted
}

/// The widget `instance` no longer writes `key` (it was taken down).
pub fn release_storage_key(key: &str, instance: u32) {
    STORAGE_OWNERS.with(|owners| {
        owners
            .borrow_mut()
            .retain(|o| !(o.key == key && o.instance == instance))
    });
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads a saved state.
pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Saves state; a full or forbidden storage is worth a console line, not the visitor's time.
pub fn store(key: &str, value: &str) {
    if let Some(storage) = storage() {
        if storage.set_item(key, value).is_err() {
            warn(&format!("could not save state under \"{key}\""));
        }
    }
}

/// A bubbling, composed `CustomEvent` whose `detail` is `detail` as a plain object.
pub fn event(name: &str, detail: &impl Serialize) -> Option<CustomEvent> {
    let detail = serde_json::to_string(detail)
        .ok()
        .and_then(|json| js_sys::JSON::parse(&json).ok())
        .unwrap_or(JsValue::NULL);
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    CustomEvent::new_with_event_init_dict(name, &init).ok()
}

/// Dispatches that event on `host`.
pub fn dispatch(host: &Element, name: &str, detail: &impl Serialize) {
    if let Some(event) = event(name, detail) {
        let _ = host.dispatch_event(&event);
    }
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
