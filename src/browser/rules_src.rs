//! Loading a rule set from `rules-src`: resolved as the browser resolves a link (`URL` with
//! the page as base, so tabs, newlines and backslashes mean what they mean to the browser),
//! refused unless it is on the page's own origin, and fetched in `same-origin` mode, so
//! even a redirect cannot leave the origin. `messages-src` is checked the same way.

use web_sys::{AbortSignal, Url};

use super::fetch::{body, request};
use crate::engine::rules::RuleSet;
use crate::host::{FetchProblem, Fetched, Reason};

/// The absolute URL of `src` (a rule set or a catalogue, `what`) when it is on the page's
/// origin.
pub fn same_origin_url(src: &str, what: Fetched) -> Result<String, Reason> {
    let refused = || Reason::CrossOrigin(what);
    let location = web_sys::window().ok_or_else(refused)?.location();
    let base = location.href().map_err(|_| refused())?;
    let origin = location.origin().map_err(|_| refused())?;
    let url = Url::new_with_base(src, &base).map_err(|_| refused())?;
    if url.origin() == origin && matches!(url.protocol().as_str(), "http:" | "https:") {
        Ok(url.href())
    } else {
        Err(refused())
    }
}

/// Fetches and validates a rule set; `signal` aborts the request when the widget goes.
pub async fn fetch_rules(url: &str, signal: Option<&AbortSignal>) -> Result<RuleSet, FetchProblem> {
    let text = body(request(url, true, signal)).await?;
    RuleSet::from_json(&text).map_err(FetchProblem::Invalid)
}
