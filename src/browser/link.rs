//! Links in the browser: the edited rules a link's fragment carries, unpacked and checked
//! (src/host/link_rules.rs for the format), and the rules part to write for the rules in use.
//! Compression and base64 are the browser's (`CompressionStream`, `btoa`, `atob`).

use super::compress::{deflate, inflate, Inflate};
use super::url;
use crate::engine::rules::RuleSet;
use crate::host::link_rules::{self, LinkRulesProblem, MAX_JSON_BYTES};

/// The edited rules in the page URL's fragment, when it carries any.
pub async fn rules_in_page_url() -> Option<Result<RuleSet, LinkRulesProblem>> {
    let fragment = url::fragment()?;
    let part = link_rules::rules_part(&fragment)?;
    Some(read(part).await)
}

/// Bytes as base64url without padding: the browser's `btoa` of them as a binary string,
/// made URL-safe.
fn to_base64url(bytes: &[u8]) -> Option<String> {
    let binary: String = bytes.iter().map(|&b| char::from(b)).collect();
    let text = web_sys::window()?.btoa(&binary).ok()?;
    Some(
        text.trim_end_matches('=')
            .replace('+', "-")
            .replace('/', "_"),
    )
}

/// The bytes a checked base64url text holds (the browser's `atob`).
fn from_base64url(text: &str) -> Result<Vec<u8>, LinkRulesProblem> {
    let mut standard = text.replace('-', "+").replace('_', "/");
    while standard.len() % 4 != 0 {
        standard.push('=');
    }
    let binary = web_sys::window()
        .and_then(|w| w.atob(&standard).ok())
        .ok_or(LinkRulesProblem::Damaged)?;
    binary
        .chars()
        .map(|c| u8::try_from(u32::from(c)).map_err(|_| LinkRulesProblem::Damaged))
        .collect()
}

/// Reads a rules part: its text, the compressed bytes, the JSON, the rule set.
async fn read(part: &str) -> Result<RuleSet, LinkRulesProblem> {
    link_rules::check_part(part)?;
    let compressed = from_base64url(part)?;
    // One byte past the limit tells too large from exactly at it.
    let json = inflate(&compressed, MAX_JSON_BYTES + 1)
        .await
        .map_err(|e| match e {
            Inflate::Damaged => LinkRulesProblem::Damaged,
            Inflate::TooLarge => LinkRulesProblem::TooLarge {
                max: MAX_JSON_BYTES,
            },
        })?;
    link_rules::read_rules(&json)
}

/// The rules part a link carries for `rules`: compact JSON, compressed, base64url.
pub async fn rules_part(rules: &RuleSet) -> Option<String> {
    let compressed = deflate(rules.to_compact_json().as_bytes()).await.ok()?;
    to_base64url(&compressed)
}
