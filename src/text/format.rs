//! How numbers, money and dates are written: a small interface the view formats through.
//! In the browser it is `Intl` (`browser::intl`), so every locale writes them its own way;
//! natively, tests use [`FixedFormat`], which writes them as `Intl` does for `en-US`.

use chrono::{Datelike, NaiveDate};

use crate::engine::currency::Currency;

/// The plural forms `Intl.PluralRules` chooses between.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PluralCategory {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl PluralCategory {
    /// The category's name in `Intl.PluralRules` and in message catalogues.
    pub fn id(self) -> &'static str {
        match self {
            PluralCategory::Zero => "zero",
            PluralCategory::One => "one",
            PluralCategory::Two => "two",
            PluralCategory::Few => "few",
            PluralCategory::Many => "many",
            PluralCategory::Other => "other",
        }
    }

    pub fn from_id(id: &str) -> Option<PluralCategory> {
        Some(match id {
            "zero" => PluralCategory::Zero,
            "one" => PluralCategory::One,
            "two" => PluralCategory::Two,
            "few" => PluralCategory::Few,
            "many" => PluralCategory::Many,
            "other" => PluralCategory::Other,
            _ => return None,
        })
    }
}

/// How a list of items is joined.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListStyle {
    /// Parts of one whole: `1 × 100 messages, 4 InMail blocks`.
    Unit,
    /// Alternatives: `article or linkedin-help`.
    Or,
}

/// Writes numbers, amounts of money and dates for one locale.
pub trait Format {
    /// A count with the locale's grouping: `1,234`.
    fn count(&self, n: u64) -> String;
    /// An amount from integer minor units of `currency`: `$1,234.56`, `¥1,235`.
    fn money(&self, minor: u64, currency: Currency) -> String;
    /// Whole major units, for chart axes: `$50`.
    fn money_whole(&self, major: u64, currency: Currency) -> String;
    /// A whole percentage: `93%`.
    fn percent(&self, percent: u64) -> String;
    /// A rate in basis points, to at most two decimals: `19%`, `5.5%`.
    fn rate(&self, basis_points: u64) -> String;
    /// A date with its weekday: `Sun, Feb 1, 2026`.
    fn date(&self, day: NaiveDate) -> String;
    /// A short day and month: `Feb 1`.
    fn day_month(&self, day: NaiveDate) -> String;
    /// The day of the month alone: `1`.
    fn day_number(&self, day: NaiveDate) -> String;
    /// Items joined as the locale joins lists.
    fn list(&self, items: &[String], style: ListStyle) -> String;
    /// Which plural form a count takes.
    fn plural(&self, n: u64) -> PluralCategory;
}

/// `en-US` formatting without `Intl`, for native tests (the same output as the browser's).
#[derive(Clone, Copy, Debug, Default)]
pub struct FixedFormat;

/// The sign `Intl` writes for `en-US`: `$`, `€`, `£`, `¥`, else the code and a space.
fn symbol(currency: Currency) -> String {
    match currency.code() {
        "USD" => "$".to_owned(),
        "EUR" => "€".to_owned(),
        "GBP" => "£".to_owned(),
        "JPY" => "¥".to_owned(),
        code => format!("{code}\u{a0}"),
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

impl Format for FixedFormat {
    fn count(&self, n: u64) -> String {
        let digits = n.to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(ch);
        }
        out
    }

    fn money(&self, minor: u64, currency: Currency) -> String {
        let unit = currency.unit();
        let whole = self.count(minor / unit);
        let digits = usize::from(currency.minor_digits);
        if digits == 0 {
            format!("{}{whole}", symbol(currency))
        } else {
            format!("{}{whole}.{:0digits$}", symbol(currency), minor % unit)
        }
    }

    fn money_whole(&self, major: u64, currency: Currency) -> String {
        format!("{}{}", symbol(currency), self.count(major))
    }

    fn percent(&self, percent: u64) -> String {
        format!("{percent}%")
    }

    fn rate(&self, basis_points: u64) -> String {
        let fraction = format!("{:02}", basis_points % 100);
        let fraction = fraction.trim_end_matches('0');
        if fraction.is_empty() {
            format!("{}%", basis_points / 100)
        } else {
            format!("{}.{fraction}%", basis_points / 100)
        }
    }

    fn date(&self, day: NaiveDate) -> String {
        format!(
            "{}, {} {}, {}",
            WEEKDAYS[day.weekday().num_days_from_monday() as usize],
            MONTHS[day.month0() as usize],
            day.day(),
            day.year()
        )
    }

    fn day_month(&self, day: NaiveDate) -> String {
        format!("{} {}", MONTHS[day.month0() as usize], day.day())
    }

    fn day_number(&self, day: NaiveDate) -> String {
        day.day().to_string()
    }

    fn list(&self, items: &[String], style: ListStyle) -> String {
        match (style, items) {
            (ListStyle::Unit, _) => items.join(", "),
            (ListStyle::Or, [only]) => only.clone(),
            (ListStyle::Or, [a, b]) => format!("{a} or {b}"),
            (ListStyle::Or, [init @ .., last]) => format!("{}, or {last}", init.join(", ")),
            (ListStyle::Or, []) => String::new(),
        }
    }

    fn plural(&self, n: u64) -> PluralCategory {
        if n == 1 {
            PluralCategory::One
        } else {
            PluralCategory::Other
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::period::parse_iso_date;

    #[test]
    fn writes_as_intl_does_for_en_us() {
        let f = FixedFormat;
        assert_eq!(f.count(0), "0");
        assert_eq!(f.count(1_234_567), "1,234,567");
        let usd = Currency::USD;
        assert_eq!(f.money(123_456_789, usd), "$1,234,567.89");
        assert_eq!(f.money(5, usd), "$0.05");
        assert_eq!(f.money_whole(50, usd), "$50");
        let jpy = Currency::find("JPY").unwrap();
        assert_eq!(f.money(4_980, jpy), "¥4,980");
        let kwd = Currency::find("KWD").unwrap();
        assert_eq!(f.money(12_345, kwd), "KWD\u{a0}12.345");
        let day = parse_iso_date("2026-02-01").unwrap();
        assert_eq!(f.date(day), "Sun, Feb 1, 2026");
        assert_eq!(f.day_month(day), "Feb 1");
        assert_eq!(f.day_number(day), "1");
        let items = ["a".to_owned(), "b".to_owned(), "c".to_owned()];
        assert_eq!(f.list(&items, ListStyle::Or), "a, b, or c");
        assert_eq!(f.list(&items[..2], ListStyle::Or), "a or b");
        assert_eq!(f.list(&items, ListStyle::Unit), "a, b, c");
        assert_eq!(f.plural(1), PluralCategory::One);
        assert_eq!(f.plural(0), PluralCategory::Other);
    }
}
