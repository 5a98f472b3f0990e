//! Facts into words. Every word the widget shows comes from a message catalogue
//! ([`catalogue`]), and every number, amount and date goes through a [`Format`] (`Intl` in
//! the browser). [`Texts`] holds both; [`words`] turns the engine's typed results (a charge,
//! a way to unblock, a refusal, a notice) into sentences. Pure Rust, tested natively.

pub mod catalogue;
pub mod format;
pub mod languages;
pub mod sentences;

use std::rc::Rc;

use crate::engine::currency::Currency;

pub use catalogue::{fill, key, Catalogue, Key, Message};
pub use format::{FixedFormat, Format, PluralCategory};

/// Which way a language's text runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    /// The `dir` attribute's value.
    pub fn id(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// The widget's words in one language, and how it writes numbers.
pub struct Texts {
    /// The catalogues to look a key up in, first first: a host's own wording, then the
    /// language's catalogue.
    layers: Vec<Rc<Catalogue>>,
    /// English: the fallback for a key the language lacks.
    english: Rc<Catalogue>,
    format: Box<dyn Format>,
    /// The language tag the words are in (`lang` on the widget).
    lang: String,
    dir: Direction,
}

/// The placeholders that hold a name or a value from rules, links, attributes or catalogues
/// (a tier's name, a field, an ignored value): text that is not the widget's, isolated from
/// the sentence around it ([`Texts::isolate`]). (A language's name is the widget's own.)
const NAME_SLOTS: &[&str] = &[
    "tier", "name", "value", "id", "item", "path", "key", "source", "option", "field",
];

/// Shown for a key no catalogue has: visible in review, never a crash.
const MISSING: &str = "…";

impl Texts {
    pub fn new(
        layers: Vec<Rc<Catalogue>>,
        format: Box<dyn Format>,
        lang: impl Into<String>,
        dir: Direction,
    ) -> Texts {
        Texts {
            layers,
            english: Catalogue::english_shared(),
            format,
            lang: lang.into(),
            dir,
        }
    }

    /// English words with this format.
    pub fn english(format: Box<dyn Format>) -> Texts {
        Texts::new(Vec::new(), format, "en", Direction::Ltr)
    }

    /// The English keys no layer has (English stands in for them); none when the words
    /// are English.
    pub fn missing_keys(&self) -> Vec<&str> {
        if self.layers.is_empty() {
            return Vec::new();
        }
        self.english
            .keys()
            .filter(|key| self.layers.iter().all(|c| c.get(key).is_none()))
            .collect()
    }

    pub fn dir(&self) -> Direction {
        self.dir
    }

    /// Feeds what the words are to `hasher`: the language and every layer over English.
    pub fn fingerprint(&self, hasher: &mut impl std::hash::Hasher) {
        use std::hash::Hash;
        self.lang.hash(hasher);
        for layer in &self.layers {
            layer.fingerprint(hasher);
        }
    }

    pub fn format(&self) -> &dyn Format {
        &*self.format
    }

    pub fn lang(&self) -> &str {
        &self.lang
    }

    fn message(&self, key: &str) -> Option<&Message> {
        self.layers
            .iter()
            .find_map(|c| c.get(key))
            .or_else(|| self.english.get(key))
    }

    /// The text of a message as written, placeholders and all (for a count's plural form
    /// when `n` is given).
    pub fn template(&self, key: Key, n: Option<u64>) -> Rc<str> {
        let category = n.map_or(PluralCategory::Other, |n| self.format.plural(n));
        self.message(key.id())
            .map_or_else(|| Rc::from(MISSING), |m| m.form(category).clone())
    }

    /// A message with no placeholders.
    pub fn text(&self, key: Key) -> Rc<str> {
        self.template(key, None)
    }

    /// A message with its placeholders filled.
    pub fn fill(&self, key: Key, args: &[(&str, &str)]) -> String {
        fill(&self.template(key, None), &self.isolating(args))
    }

    /// `name` as a sentence may hold it: wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL
    /// ISOLATE where it could reorder the sentence around it (any character outside ASCII,
    /// which is where right-to-left letters and bidi controls are, or any name in a
    /// right-to-left sentence). An ASCII name in a left-to-right sentence cannot move
    /// anything, so it stays as written and copied text stays clean.
    pub fn isolate<'a>(&self, name: &'a str) -> std::borrow::Cow<'a, str> {
        if self.dir == Direction::Ltr && name.is_ascii() {
            name.into()
        } else {
            format!("\u{2068}{name}\u{2069}").into()
        }
    }

    /// `args` with the names among them isolated ([`NAME_SLOTS`]).
    fn isolating<'a>(
        &self,
        args: &[(&'a str, &'a str)],
    ) -> Vec<(&'a str, std::borrow::Cow<'a, str>)> {
        args.iter()
            .map(|&(slot, value)| {
                let value = if NAME_SLOTS.contains(&slot) {
                    self.isolate(value)
                } else {
                    value.into()
                };
                (slot, value)
            })
            .collect()
    }

    /// A message in the plural form for `n`, its placeholders filled; `{count}` is `n`
    /// written the locale's way unless `args` gives it.
    pub fn plural(&self, key: Key, n: u64, args: &[(&str, &str)]) -> String {
        let count = self.format.count(n);
        let mut all = self.isolating(args);
        all.push(("count", count.as_str().into()));
        fill(&self.template(key, Some(n)), &all)
    }

    pub fn count(&self, n: u64) -> String {
        self.format.count(n)
    }

    pub fn money(&self, minor: u64, currency: Currency) -> String {
        self.format.money(minor, currency)
    }

    pub fn date(&self, day: chrono::NaiveDate) -> String {
        self.format.date(day)
    }
}

/// The widget's words and formats, shared, and the currency its amounts are in: what every
/// view model is worded with.
#[derive(Clone)]
pub struct I18n(pub Rc<Texts>, pub Currency);

impl I18n {
    /// The words, writing amounts in US dollars until a currency is given.
    pub fn new(texts: Rc<Texts>) -> I18n {
        I18n(texts, Currency::USD)
    }

    /// The same words, writing amounts in `currency`.
    pub fn in_currency(&self, currency: Currency) -> I18n {
        I18n(self.0.clone(), currency)
    }

    /// An amount in the widget's currency, from its minor units: `$29.99`, `¥4,980`.
    pub fn money(&self, minor: u64) -> String {
        self.0.money(minor, self.1)
    }

    /// Whole major units of the widget's currency, for chart axes.
    pub fn money_whole(&self, major: u64) -> String {
        self.0.format().money_whole(major, self.1)
    }
}

/// The same words in the same currency: compared by identity, since a catalogue is only
/// ever replaced whole.
impl PartialEq for I18n {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0) && self.1 == other.1
    }
}

impl std::ops::Deref for I18n {
    type Target = Texts;
    fn deref(&self) -> &Texts {
        &self.0
    }
}

#[cfg(test)]
pub(crate) fn english_for_tests() -> Texts {
    Texts::english(Box::new(FixedFormat))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_could_reorder_a_sentence_are_isolated() {
        let t = english_for_tests();
        // An ASCII name in a left-to-right sentence stays as written.
        assert!(!t
            .fill(key::RULES_APPLIED, &[("name", "Pro")])
            .contains('\u{2068}'));
        // A right-to-left override is closed before the sentence goes on.
        let hostile = "Pre\u{202E}mium";
        let said = t.fill(key::NOTICE_TIER_NOT_SOLD, &[("tier", hostile)]);
        assert!(
            said.contains(&format!("\u{2068}{hostile}\u{2069}")),
            "{said}"
        );
        // Each name in a list on its own.
        let rtl = Texts::new(Vec::new(), Box::new(FixedFormat), "ar", Direction::Rtl);
        assert_eq!(rtl.isolate("Pro"), "\u{2068}Pro\u{2069}");
        // The count a plural message writes is the widget's, not isolated.
        let n = t.plural(key::NOTICE_BUNDLE_NOT_SOLD, 100, &[]);
        assert!(!n.contains('\u{2068}'), "{n}");
    }

    #[test]
    fn falls_back_to_english_then_to_a_mark() {
        let german =
            Catalogue::from_json(r#"{"send.button": "Senden", "plan.heading": "Ihr Tarif"}"#);
        let host = Catalogue::from_json(r#"{"send.button": "Abschicken"}"#);
        let t = Texts::new(
            vec![Rc::new(host.unwrap()), Rc::new(german.unwrap())],
            Box::new(FixedFormat),
            "de",
            Direction::Ltr,
        );
        assert_eq!(
            &*t.text(key::SEND_BUTTON),
            "Abschicken",
            "the host's word first"
        );
        assert_eq!(&*t.text(key::PLAN_HEADING), "Ihr Tarif");
        assert_eq!(
            &*t.text(key::RESULTS_HEADING),
            "This month",
            "English stands in"
        );
        let missing = t.missing_keys();
        assert!(missing.contains(&"results.heading"));
        assert!(!missing.contains(&"send.button") && !missing.contains(&"plan.heading"));
        assert!(english_for_tests().missing_keys().is_empty());
    }

    #[test]
    fn plural_forms_follow_the_count() {
        let t = english_for_tests();
        assert_eq!(t.plural(key::UNITS_DAYS_LEFT, 1, &[]), "1 day left");
        assert_eq!(
            t.plural(key::UNITS_DAYS_LEFT, 1_000, &[]),
            "1,000 days left"
        );
    }
}
