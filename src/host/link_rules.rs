//! Edited rules in a link. When the rules in use are not a preset, a link carries them in
//! the URL's fragment, which browsers never send to a server (so no server log holds them):
//! `#mq-rules=…`, the rule set's compact JSON compressed with raw DEFLATE (the browser's
//! `CompressionStream("deflate-raw")`) and written in base64url without padding (the
//! browser's `btoa`, made URL-safe). This module is the pure part: finding and writing the
//! part in a fragment, checking its text and its limits, and reading the unpacked JSON as a
//! rule set. A link is hostile until checked: a part that is too long, damaged, too large
//! unpacked or not a valid rule set is refused with the reason, and the rest of the link
//! still applies.

use crate::engine::rules::{RuleError, RuleSet};

/// The fragment parameter that holds the rules.
pub const KEY: &str = "mq-rules";

/// The longest rules part a link may carry: 8,000 characters. The largest rule set the
/// widget accepts (12 tiers with long names) compresses to well under half of it, and
/// browsers and chat apps keep links of this length whole.
pub const MAX_PART_CHARS: usize = 8_000;

/// The most JSON a rules part may unpack to: 64 KB, many times any rule set the widget
/// accepts (a part that unpacks to more is not one of its links).
pub const MAX_JSON_BYTES: usize = 64 * 1024;

/// Why the rules in a link were not used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkRulesProblem {
    /// Longer than [`MAX_PART_CHARS`].
    TooLong { max: usize },
    /// Not base64url, or not compressed data: cut short or changed.
    Damaged,
    /// Unpacks to more than [`MAX_JSON_BYTES`].
    TooLarge { max: usize },
    /// Unpacks to something that is not a valid rule set.
    Rules(RuleError),
}

/// The rules part of a fragment (`#a&mq-rules=…` or `mq-rules=…`), when it has one.
pub fn rules_part(fragment: &str) -> Option<&str> {
    fragment
        .trim_start_matches('#')
        .split('&')
        .find_map(|segment| segment.strip_prefix(KEY)?.strip_prefix('='))
}

/// The fragment (without `#`) with its rules part set to `part`, or removed for `None`;
/// whatever else the page keeps there stays, in its place.
pub fn with_rules_part(fragment: &str, part: Option<&str>) -> String {
    let mut segments: Vec<String> = fragment
        .trim_start_matches('#')
        .split('&')
        .filter(|s| !s.is_empty() && !s.starts_with(&format!("{KEY}=")))
        .map(str::to_owned)
        .collect();
    if let Some(part) = part {
        segments.push(format!("{KEY}={part}"));
    }
    segments.join("&")
}

/// Checks a part's text before it is decoded: at most [`MAX_PART_CHARS`], base64url
/// without padding (`A–Z a–z 0–9 - _`, and a length no base64 text has is damaged).
pub fn check_part(part: &str) -> Result<(), LinkRulesProblem> {
    if part.len() > MAX_PART_CHARS {
        return Err(LinkRulesProblem::TooLong {
            max: MAX_PART_CHARS,
        });
    }
    let alphabet = part
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !alphabet || part.len() % 4 == 1 {
        return Err(LinkRulesProblem::Damaged);
    }
    Ok(())
}

/// The rule set in a link's unpacked JSON.
pub fn read_rules(json: &[u8]) -> Result<RuleSet, LinkRulesProblem> {
    if json.len() > MAX_JSON_BYTES {
        return Err(LinkRulesProblem::TooLarge {
            max: MAX_JSON_BYTES,
        });
    }
    let text = std::str::from_utf8(json).map_err(|_| LinkRulesProblem::Damaged)?;
    RuleSet::from_json(text).map_err(LinkRulesProblem::Rules)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_part_lives_beside_what_the_page_keeps_in_its_fragment() {
        assert_eq!(rules_part("#mq-rules=abc"), Some("abc"));
        assert_eq!(rules_part("pricing&mq-rules=abc"), Some("abc"));
        assert_eq!(rules_part("#pricing"), None);
        assert_eq!(rules_part("#mq-rulesx=abc"), None);
        assert_eq!(
            with_rules_part("#pricing", Some("abc")),
            "pricing&mq-rules=abc"
        );
        assert_eq!(
            with_rules_part("pricing&mq-rules=old", Some("new")),
            "pricing&mq-rules=new"
        );
        assert_eq!(with_rules_part("#mq-rules=old", None), "");
        assert_eq!(with_rules_part("", None), "");
    }

    #[test]
    fn hostile_parts_are_refused_with_their_reason() {
        assert_eq!(
            check_part(&"A".repeat(MAX_PART_CHARS + 1)),
            Err(LinkRulesProblem::TooLong {
                max: MAX_PART_CHARS
            })
        );
        assert_eq!(check_part("not base64!"), Err(LinkRulesProblem::Damaged));
        assert_eq!(
            check_part("AAAAA"),
            Err(LinkRulesProblem::Damaged),
            "no base64 is 5 long"
        );
        assert_eq!(check_part("AQI"), Ok(()));
        assert_eq!(check_part("a-b_"), Ok(()));
        assert_eq!(read_rules(&[0xff, 0xfe]), Err(LinkRulesProblem::Damaged));
        assert_eq!(
            read_rules(&vec![b' '; MAX_JSON_BYTES + 1]),
            Err(LinkRulesProblem::TooLarge {
                max: MAX_JSON_BYTES
            })
        );
        assert!(matches!(
            read_rules(b"{\"id\": 1}"),
            Err(LinkRulesProblem::Rules(_))
        ));
        let rules = crate::engine::presets::ARTICLE.rules();
        assert_eq!(read_rules(rules.to_compact_json().as_bytes()), Ok(rules));
    }
}
