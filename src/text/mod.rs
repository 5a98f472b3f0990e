//! Facts into words. Every word the widget shows comes from a message catalogue
//! ([`catalogue`]), and every number, amount and date goes through a [`Format`] (`Intl` in
//! the browser). [`Texts`] holds both; [`words`] turns the engine's typed results (a charge,
//! a way to unblock, a refusal, a notice) into sentences. Pure Rust, tested natively.

pub mod catalogue;
pub mod format;
pub mod words;

use std::rc::Rc;

pub use catalogue::{fill, Catalogue, Message};
pub use format::{FixedFormat, Format, PluralCategory};

/// The widget's words in one language, and how it writes numbers.
pub struct Texts {
    messages: Rc<Catalogue>,
    /// English: the fallback for a key the language lacks.
    english: Rc<Catalogue>,
    format: Box<dyn Format>,
    /// The language tag the words are in (`lang` on the widget).
    lang: String,
}

/// Shown for a key no catalogue has: visible in review, never a crash.
const MISSING: &str = "…";

impl Texts {
    pub fn new(
        messages: Rc<Catalogue>,
        english: Rc<Catalogue>,
        format: Box<dyn Format>,
        lang: impl Into<String>,
    ) -> Texts {
        Texts {
            messages,
            english,
            format,
            lang: lang.into(),
        }
    }

    /// English words with this format.
    pub fn english(format: Box<dyn Format>) -> Texts {
        let english = Catalogue::english_shared();
        Texts::new(english.clone(), english, format, "en")
    }

    pub fn format(&self) -> &dyn Format {
        &*self.format
    }

    pub fn lang(&self) -> &str {
        &self.lang
    }

    fn message(&self, key: &str) -> Option<&Message> {
        self.messages.get(key).or_else(|| self.english.get(key))
    }

    /// The text of a message as written, placeholders and all (for a count's plural form
    /// when `n` is given).
    pub fn template(&self, key: &str, n: Option<u64>) -> Rc<str> {
        let category = n.map_or(PluralCategory::Other, |n| self.format.plural(n));
        self.message(key)
            .map_or_else(|| Rc::from(MISSING), |m| m.form(category).clone())
    }

    /// A message with no placeholders.
    pub fn text(&self, key: &str) -> Rc<str> {
        self.template(key, None)
    }

    /// A message with its placeholders filled.
    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        fill(&self.template(key, None), args)
    }

    /// A message in the plural form for `n`, its placeholders filled; `{count}` is `n`
    /// written the locale's way unless `args` gives it.
    pub fn plural(&self, key: &str, n: u64, args: &[(&str, &str)]) -> String {
        let count = self.format.count(n);
        let mut all: Vec<(&str, &str)> = Vec::with_capacity(args.len() + 1);
        all.extend_from_slice(args);
        all.push(("count", &count));
        fill(&self.template(key, Some(n)), &all)
    }

    pub fn count(&self, n: u64) -> String {
        self.format.count(n)
    }

    pub fn money(&self, cents: u64) -> String {
        self.format.money(cents)
    }

    pub fn date(&self, day: chrono::NaiveDate) -> String {
        self.format.date(day)
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
    fn falls_back_to_english_then_to_a_mark() {
        let german = Rc::new(Catalogue::from_json(r#"{"send.button": "Senden"}"#).unwrap());
        let t = Texts::new(
            german,
            Rc::new(Catalogue::english()),
            Box::new(FixedFormat),
            "de",
        );
        assert_eq!(&*t.text("send.button"), "Senden");
        assert_eq!(&*t.text("plan.heading"), "Your plan");
        assert_eq!(&*t.text("no.such.key"), MISSING);
    }

    #[test]
    fn plural_forms_follow_the_count() {
        let t = english_for_tests();
        assert_eq!(t.plural("units.days-left", 1, &[]), "1 day left");
        assert_eq!(t.plural("units.days-left", 1_000, &[]), "1,000 days left");
    }
}
