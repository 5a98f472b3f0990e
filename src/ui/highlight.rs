//! The highlighted plan's mark ("Most popular", or the rules' or page's own words), the same
//! wherever a tier is listed.

use crate::text::{key, Texts};

/// The mark's words when `tier` is the highlighted one (`highlight`: the tier and its label).
pub fn mark(highlight: Option<&(String, Option<String>)>, tier: &str, t: &Texts) -> Option<String> {
    highlight.filter(|(h, _)| h == tier).map(|(_, label)| {
        label
            .clone()
            .unwrap_or_else(|| t.text(key::BADGE_HIGHLIGHT).to_string())
    })
}
