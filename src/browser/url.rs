//! The page URL: the widget's parameters in its query, its edited rules in its fragment,
//! and the link that shows a state.

use wasm_bindgen::JsValue;
use web_sys::UrlSearchParams;

use crate::host::params::{is_param, parse_params};
use crate::host::{link_rules, saved};

/// The page URL's query as decoded `(name, value)` pairs, read by `URLSearchParams`.
pub fn query() -> Option<Vec<(String, String)>> {
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

/// Where a link the widget draws goes: `url` resolved against the page, when it is a web
/// address (`https:` or `http:`), whatever a template was filled with. Rendered ahead of
/// the page (no document), it is written as it is when it is one the widget may link to.
pub fn link_href(url: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        let base = document.base_uri().ok().flatten()?;
        let resolved = web_sys::Url::new_with_base(url, &base).ok()?;
        return matches!(resolved.protocol().as_str(), "https:" | "http:").then(|| resolved.href());
    }
    crate::engine::rules_json::is_safe_url(url).then(|| url.to_owned())
}

/// The widget's part of the page URL now, as `saved::link_key` writes it.
pub fn link_key() -> Option<String> {
    let pairs = query()?;
    let (params, _) = parse_params(pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())));
    let fragment = fragment().unwrap_or_default();
    Some(saved::link_key(&params, link_rules::rules_part(&fragment)))
}

/// The page URL's fragment, without `#`.
pub fn fragment() -> Option<String> {
    web_sys::window()?.location().hash().ok()
}

/// Puts the widget's parameters in the page URL's query and its rules part in its fragment,
/// without a new history entry. The path and `history.state` stay as they were.
pub fn replace(params: &[(&'static str, String)], rules: RulesPart) {
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
pub fn share_link(
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
