//! A widget rendered ahead of the page, and coming alive over it.
//!
//! A prerender writes down what it was made from ([`Inputs`], in the markup's
//! `data-mq-render`): the element's attributes, the day, the locale, a fingerprint of the
//! rules and words, and how many elements it drew. The widget in the browser hydrates with
//! exactly those inputs, so its first render is the prerender's, node for node; then it
//! applies what differs (the visitor's own date, link, saved state, another tab's save) as
//! an ordinary change. When it cannot be sure of that (other rules or words than the
//! prerender's, markup a page edited since), it renders afresh in the same space instead.

use std::hash::{DefaultHasher, Hash, Hasher};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::engine::period::{iso_date, parse_iso_date};
use crate::engine::rules::RuleSet;
use crate::host::attributes::{parse_attributes, EmbedConfig};
use crate::host::Ignored;
use crate::text::Texts;

/// What a prerender was made from, as its markup carries it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inputs {
    /// The element's attributes, as written (`data-` prefixes dropped).
    #[serde(rename = "a")]
    pub attributes: Vec<(String, String)>,
    /// The day it was drawn for: its `today`, or the day it was rendered on.
    #[serde(rename = "d")]
    pub day: String,
    /// The locale its words and numbers are in.
    #[serde(rename = "l")]
    pub locale: String,
    /// The rules and words it was drawn with ([`fingerprint`]).
    #[serde(rename = "f")]
    pub fingerprint: String,
    /// How many elements it drew.
    #[serde(rename = "n")]
    pub elements: u32,
}

impl Inputs {
    /// The inputs as the markup carries them.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn from_json(text: &str) -> Option<Inputs> {
        crate::json::from_str(text).ok()
    }

    /// The day, when it is one.
    pub fn today(&self) -> Option<NaiveDate> {
        parse_iso_date(&self.day)
    }

    /// The page settings the prerender had: its attributes read, in its locale. Rules from
    /// `rules-src` are the caller's to add (read from a file ahead, fetched in the browser).
    pub fn config(&self) -> (EmbedConfig, Vec<Ignored>) {
        let pairs = self
            .attributes
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()));
        let (mut config, problems) = parse_attributes(pairs, false);
        config.locale = Some(self.locale.clone());
        (config, problems)
    }
}

/// Whether the widget knows the visitor's day: a `today` attribute says it, or the browser
/// does; a prerender without one only knows the day it was rendered on.
pub fn knows_the_day(config: &EmbedConfig) -> bool {
    config.params.today().is_some()
}

/// The day as the markup writes it.
pub fn day(date: NaiveDate) -> String {
    iso_date(date)
}

/// A fingerprint of what a render's figures and words come from: the rules the page gave
/// (inline or from `rules-src`) and the words (every catalogue layer and the language).
/// The same build computes it the same way ahead of the page and in the browser.
pub fn fingerprint(rules: Option<&RuleSet>, words: &Texts) -> String {
    let mut hasher = DefaultHasher::new();
    rules.map(RuleSet::to_compact_json).hash(&mut hasher);
    words.fingerprint(&mut hasher);
    format!("{:016x}", hasher.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::english_for_tests;

    #[test]
    fn the_inputs_read_back_and_set_the_locale() {
        let inputs = Inputs {
            attributes: vec![
                ("tier".into(), "recruiter".into()),
                ("theme".into(), "dark".into()),
            ],
            day: "2026-03-01".into(),
            locale: "de-DE".into(),
            fingerprint: "00".into(),
            elements: 412,
        };
        let back = Inputs::from_json(&inputs.to_json()).unwrap();
        assert_eq!(back, inputs);
        let (config, problems) = back.config();
        assert!(problems.is_empty());
        assert_eq!(config.locale.as_deref(), Some("de-DE"));
        assert_eq!(back.today(), parse_iso_date("2026-03-01"));
        assert!(!knows_the_day(&config));
    }

    #[test]
    fn other_rules_or_words_make_another_fingerprint() {
        let words = english_for_tests();
        let article = crate::engine::presets::ARTICLE.rules();
        let help = crate::engine::presets::LINKEDIN_HELP.rules();
        let a = fingerprint(Some(&article), &words);
        assert_eq!(
            a,
            fingerprint(Some(&article), &words),
            "the same, the same way"
        );
        assert_ne!(a, fingerprint(Some(&help), &words));
        assert_ne!(a, fingerprint(None, &words));
        let mut host = crate::text::Catalogue::from_json(r#"{"send.button": "Go"}"#).unwrap();
        let other = Texts::new(
            vec![std::rc::Rc::new(std::mem::take(&mut host))],
            Box::new(crate::text::FixedFormat),
            "en",
            crate::text::Direction::Ltr,
        );
        assert_ne!(a, fingerprint(Some(&article), &other));
    }
}
