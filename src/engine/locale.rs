//! Number and money formatting for a handful of locales, without floats or `Intl`.
//!
//! Prices are always US dollars (the rule sets are priced in USD); a locale changes only
//! separators, grouping and where the currency sign goes. Output matches what
//! `Intl.NumberFormat(locale, { style: "currency", currency: "USD" })` prints.

/// How one locale writes numbers and US-dollar amounts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Locale {
    /// The BCP 47 tag this format was chosen for, as the widget reports it.
    pub tag: &'static str,
    group: &'static str,
    decimal: &'static str,
    /// Integer digits needed before grouping starts (Spanish and Italian do not group 1234).
    min_grouping_digits: usize,
    prefix: &'static str,
    suffix: &'static str,
}

const NARROW_NBSP: &str = "\u{202f}";

const LOCALES: [Locale; 9] = [
    Locale {
        tag: "en-US",
        group: ",",
        decimal: ".",
        min_grouping_digits: 4,
        prefix: "$",
        suffix: "",
    },
    Locale {
        tag: "en-GB",
        group: ",",
        decimal: ".",
        min_grouping_digits: 4,
        prefix: "US$",
        suffix: "",
    },
    Locale {
        tag: "de-DE",
        group: ".",
        decimal: ",",
        min_grouping_digits: 4,
        prefix: "",
        suffix: "\u{a0}$",
    },
    Locale {
        tag: "fr-FR",
        group: NARROW_NBSP,
        decimal: ",",
        min_grouping_digits: 4,
        prefix: "",
        suffix: "\u{a0}$US",
    },
    Locale {
        tag: "es-ES",
        group: ".",
        decimal: ",",
        min_grouping_digits: 5,
        prefix: "",
        suffix: "\u{a0}US$",
    },
    Locale {
        tag: "it-IT",
        group: ".",
        decimal: ",",
        min_grouping_digits: 5,
        prefix: "",
        suffix: "\u{a0}USD",
    },
    Locale {
        tag: "nl-NL",
        group: ".",
        decimal: ",",
        min_grouping_digits: 4,
        prefix: "US$\u{a0}",
        suffix: "",
    },
    Locale {
        tag: "pt-BR",
        group: ".",
        decimal: ",",
        min_grouping_digits: 4,
        prefix: "US$\u{a0}",
        suffix: "",
    },
    Locale {
        tag: "ja-JP",
        group: ",",
        decimal: ".",
        min_grouping_digits: 4,
        prefix: "$",
        suffix: "",
    },
];

impl Default for Locale {
    fn default() -> Self {
        LOCALES[0]
    }
}

impl Locale {
    /// Every supported tag, for messages that list them.
    pub fn supported_tags() -> impl Iterator<Item = &'static str> {
        LOCALES.iter().map(|l| l.tag)
    }

    /// The format for a BCP 47 tag: an exact match first, then the language alone
    /// (`de` or `de-AT` → `de-DE`). `None` when the language is not supported.
    pub fn parse(tag: &str) -> Option<Locale> {
        let tag = tag.trim();
        if let Some(exact) = LOCALES.iter().find(|l| l.tag.eq_ignore_ascii_case(tag)) {
            return Some(*exact);
        }
        let language = tag.split(['-', '_']).next()?;
        if language.is_empty() {
            return None;
        }
        LOCALES
            .iter()
            .find(|l| {
                l.tag
                    .split('-')
                    .next()
                    .is_some_and(|own| own.eq_ignore_ascii_case(language))
            })
            .copied()
    }

    /// A count with grouping: `1,234` (en-US), `1.234` (de-DE).
    pub fn count(&self, n: u64) -> String {
        let digits = n.to_string();
        if digits.len() < self.min_grouping_digits {
            return digits;
        }
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 * self.group.len());
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push_str(self.group);
            }
            out.push(ch);
        }
        out
    }

    /// A whole-dollar amount for chart axes: `$50` (en-US), `50 $` (de-DE).
    pub fn money_whole(&self, dollars: u64) -> String {
        format!("{}{}{}", self.prefix, self.count(dollars), self.suffix)
    }

    /// A dollar amount from integer cents: `$1,234.56` (en-US), `1.234,56 $` (de-DE).
    pub fn money(&self, cents: u64) -> String {
        format!(
            "{}{}{}{:02}{}",
            self.prefix,
            self.count(cents / 100),
            self.decimal,
            cents % 100,
            self.suffix
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_matches_intl_for_every_locale() {
        // Expected strings printed by Node's Intl.NumberFormat for the same inputs.
        let cases = [
            ("en-US", ["$1,234,567.89", "$5.00", "$1,234.50"]),
            ("en-GB", ["US$1,234,567.89", "US$5.00", "US$1,234.50"]),
            (
                "de-DE",
                ["1.234.567,89\u{a0}$", "5,00\u{a0}$", "1.234,50\u{a0}$"],
            ),
            (
                "fr-FR",
                [
                    "1\u{202f}234\u{202f}567,89\u{a0}$US",
                    "5,00\u{a0}$US",
                    "1\u{202f}234,50\u{a0}$US",
                ],
            ),
            (
                "es-ES",
                ["1.234.567,89\u{a0}US$", "5,00\u{a0}US$", "1234,50\u{a0}US$"],
            ),
            (
                "it-IT",
                ["1.234.567,89\u{a0}USD", "5,00\u{a0}USD", "1234,50\u{a0}USD"],
            ),
            (
                "nl-NL",
                [
                    "US$\u{a0}1.234.567,89",
                    "US$\u{a0}5,00",
                    "US$\u{a0}1.234,50",
                ],
            ),
            (
                "pt-BR",
                [
                    "US$\u{a0}1.234.567,89",
                    "US$\u{a0}5,00",
                    "US$\u{a0}1.234,50",
                ],
            ),
            ("ja-JP", ["$1,234,567.89", "$5.00", "$1,234.50"]),
        ];
        for (tag, expected) in cases {
            let locale = Locale::parse(tag).unwrap();
            assert_eq!(locale.money(123_456_789), expected[0], "{tag}");
            assert_eq!(locale.money(500), expected[1], "{tag}");
            assert_eq!(locale.money(123_450), expected[2], "{tag}");
        }
    }

    #[test]
    fn counts_group_by_thousands() {
        let en = Locale::default();
        assert_eq!(en.count(0), "0");
        assert_eq!(en.count(999), "999");
        assert_eq!(en.count(1_000), "1,000");
        assert_eq!(en.count(1_234_567), "1,234,567");
        assert_eq!(en.count(u64::MAX), "18,446,744,073,709,551,615");
        let es = Locale::parse("es").unwrap();
        assert_eq!(es.count(1234), "1234");
        assert_eq!(es.count(12345), "12.345");
    }

    #[test]
    fn tags_fall_back_to_their_language() {
        assert_eq!(Locale::parse("de-AT").unwrap().tag, "de-DE");
        assert_eq!(Locale::parse("FR").unwrap().tag, "fr-FR");
        assert_eq!(Locale::parse("pt_PT").unwrap().tag, "pt-BR");
        assert_eq!(Locale::parse("en-us").unwrap().tag, "en-US");
        assert_eq!(Locale::parse("xx-YY"), None);
        assert_eq!(Locale::parse(""), None);
        assert_eq!(Locale::parse("-"), None);
    }
}
