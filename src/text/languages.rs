//! The languages the widget speaks, and which one a language tag gets: chosen by the tag's
//! language alone, so `de-AT` gets German words (with Austrian formatting, `Intl`'s part)
//! and `zh-CN` gets English words with Chinese formatting.

use super::format::PluralCategory::{self, *};
use super::Direction;

/// A language with a catalogue of its own (`i18n/{code}.json`; English is built in).
#[derive(Debug, PartialEq, Eq)]
pub struct Language {
    /// The language subtag, which names its catalogue file.
    pub code: &'static str,
    /// Its name in itself, for the language menu.
    pub name: &'static str,
    /// The locale the language menu picks for it.
    pub locale: &'static str,
    pub dir: Direction,
    /// The plural forms `Intl.PluralRules` gives for it: its catalogue writes each.
    pub plurals: &'static [PluralCategory],
}

const fn language(
    code: &'static str,
    name: &'static str,
    locale: &'static str,
    dir: Direction,
    plurals: &'static [PluralCategory],
) -> Language {
    Language {
        code,
        name,
        locale,
        dir,
        plurals,
    }
}

pub const ENGLISH: &Language = &LANGUAGES[0];

/// English first (the fallback), then the rest as the language menu lists them.
pub static LANGUAGES: [Language; 9] = [
    language("en", "English", "en-US", Direction::Ltr, &[One, Other]),
    language("de", "Deutsch", "de-DE", Direction::Ltr, &[One, Other]),
    language(
        "fr",
        "Français",
        "fr-FR",
        Direction::Ltr,
        &[One, Many, Other],
    ),
    language(
        "es",
        "Español",
        "es-ES",
        Direction::Ltr,
        &[One, Many, Other],
    ),
    language(
        "it",
        "Italiano",
        "it-IT",
        Direction::Ltr,
        &[One, Many, Other],
    ),
    language("nl", "Nederlands", "nl-NL", Direction::Ltr, &[One, Other]),
    language(
        "pt",
        "Português (Brasil)",
        "pt-BR",
        Direction::Ltr,
        &[One, Many, Other],
    ),
    language("ja", "日本語", "ja-JP", Direction::Ltr, &[Other]),
    language(
        "ar",
        "العربية",
        "ar",
        Direction::Rtl,
        &[Zero, One, Two, Few, Many, Other],
    ),
];

/// The language subtag of a tag, lower-cased: `de` for `de-AT`.
pub fn language_subtag(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// The language whose words a tag gets: the one with its language subtag, else English.
pub fn language_for(tag: &str) -> &'static Language {
    let subtag = language_subtag(tag);
    LANGUAGES
        .iter()
        .find(|l| l.code == subtag)
        .unwrap_or(ENGLISH)
}

/// The languages written right to left. A host's own catalogue may add a language, so this
/// knows the right-to-left scripts' languages, not only the built-in ones. (Written here:
/// `Intl.Locale`'s text direction is not in every browser yet.) The loader lists them too.
pub const RIGHT_TO_LEFT: [&str; 11] = [
    "ar", "arc", "ckb", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi",
];

/// Which way a language's text runs.
pub fn direction_of(tag: &str) -> Direction {
    let subtag = language_subtag(tag);
    if RIGHT_TO_LEFT.contains(&subtag.as_str()) {
        Direction::Rtl
    } else {
        Direction::Ltr
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_gets_its_language_or_english() {
        assert_eq!(language_for("de-AT").code, "de");
        assert_eq!(language_for("PT-br").code, "pt");
        assert_eq!(language_for("pt-PT").code, "pt");
        assert_eq!(language_for("zh-CN").code, "en");
        assert_eq!(language_for("").code, "en");
        assert_eq!(language_for("ja").dir, Direction::Ltr);
        assert_eq!(direction_of("ar-EG"), Direction::Rtl);
        assert_eq!(direction_of("he"), Direction::Rtl);
        assert_eq!(direction_of("de"), Direction::Ltr);
        for l in &LANGUAGES {
            assert_eq!(l.dir, direction_of(l.code), "{}", l.code);
            assert_eq!(language_for(l.locale), l, "{}", l.code);
            assert!(l.plurals.contains(&PluralCategory::Other));
        }
    }
}
