//! Fetching a text resource: the answer's status and body as typed problems.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, RequestInit, RequestMode, Response};

use crate::host::FetchProblem;

/// Starts a request: `same_origin` refuses any other origin, redirects included.
pub fn request(url: &str, same_origin: bool, signal: Option<&AbortSignal>) -> js_sys::Promise {
    let init = RequestInit::new();
    if same_origin {
        init.set_mode(RequestMode::SameOrigin);
    }
    init.set_signal(signal);
    match web_sys::window() {
        Some(window) => window.fetch_with_str_and_init(url, &init),
        None => js_sys::Promise::reject(&"no window".into()),
    }
}

/// The body of a request's answer, read from a copy of it (so several readers may share
/// one answer).
pub async fn body(response: js_sys::Promise) -> Result<String, FetchProblem> {
    let response: Response = JsFuture::from(response)
        .await
        .map_err(|_| FetchProblem::Unreachable)?
        .dyn_into()
        .map_err(|_| FetchProblem::Unreachable)?;
    if !response.ok() {
        return Err(FetchProblem::Status(response.status()));
    }
    let copy = response.clone().map_err(|_| FetchProblem::Unreadable)?;
    let text = JsFuture::from(copy.text().map_err(|_| FetchProblem::Unreadable)?)
        .await
        .map_err(|_| FetchProblem::Unreadable)?;
    text.as_string().ok_or(FetchProblem::Unreadable)
}
