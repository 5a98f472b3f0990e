//! Validation of the numbers a visitor types, shared by form fields, URLs and attributes.

/// A number a visitor can enter, with the largest value that still makes sense.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountField {
    /// How many of one bundle. As large as a need can be, so every plan the recommender
    /// gives fits the fields it is applied to.
    AddonCount,
    /// As large as a need of InMails, for the same reason.
    InMailBlocks,
    Sent,
    InMailSent,
    NeedMessages,
    NeedInMails,
    BillingDay,
    /// A bundle's or an InMail block's size in the rule form.
    PackSize,
    /// A percentage, or a small number of sends a day.
    Small,
    /// A share, in percent: 0–100.
    Percent,
    /// A team's seats, or the people on it.
    Seats,
}

impl CountField {
    /// The inclusive range of accepted values.
    pub fn range(self) -> (u64, u64) {
        match self {
            CountField::AddonCount | CountField::InMailBlocks => (0, 1_000_000),
            CountField::Sent | CountField::InMailSent => (0, 1_000_000),
            CountField::NeedMessages | CountField::NeedInMails => (0, 1_000_000),
            CountField::BillingDay => (1, 31),
            CountField::PackSize => (0, crate::engine::rules::MAX_PACK_SIZE),
            CountField::Small => (0, 1_000),
            CountField::Percent => (0, 100),
            CountField::Seats => (1, crate::engine::rules::MAX_SEATS),
        }
    }
}

/// Why a typed count was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CountError {
    Empty,
    Negative,
    NotANumber,
    TooSmall(u64),
    TooLarge(u64),
}

/// Checks a number against the field's range.
pub fn check_count(value: u64, field: CountField) -> Result<u64, CountError> {
    let (min, max) = field.range();
    if value < min {
        Err(CountError::TooSmall(min))
    } else if value > max {
        Err(CountError::TooLarge(max))
    } else {
        Ok(value)
    }
}

/// Parses a whole number typed into a field: digits, optionally grouped with `,`, `.`,
/// `_`, or spaces (`1,000`), surrounding white space ignored.
pub fn parse_count(text: &str, field: CountField) -> Result<u64, CountError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(CountError::Empty);
    }
    let body = match text.strip_prefix(['-', '\u{2212}']) {
        Some(rest) if rest.trim().bytes().any(|b| b.is_ascii_digit()) => {
            return Err(CountError::Negative)
        }
        Some(_) => return Err(CountError::NotANumber),
        None => text.strip_prefix('+').unwrap_or(text),
    };
    let mut value: u64 = 0;
    let mut digits = 0;
    for ch in body.chars() {
        match ch {
            '0'..='9' => {
                digits += 1;
                value = value
                    .saturating_mul(10)
                    .saturating_add(u64::from(ch as u8 - b'0'));
            }
            ',' | '_' | ' ' | '\u{a0}' | '\u{202f}' if digits > 0 => {}
            _ => return Err(CountError::NotANumber),
        }
    }
    if digits == 0 {
        return Err(CountError::NotANumber);
    }
    check_count(value, field)
}

/// Parses an amount typed into a field, exactly, to minor units of a currency of `digits`
/// minor digits: `29.99`, `$1,234.5`, `15` (a leading currency sign is allowed).
pub fn parse_money(text: &str, max_minor: u64, digits: u8) -> Result<u64, CountError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(CountError::Empty);
    }
    if text.starts_with(['-', '\u{2212}']) {
        return Err(CountError::Negative);
    }
    let text = text.trim_start_matches(['$', '€', '£', '¥']).trim();
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = usize::from(digits);
    if fraction.len() > digits || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return Err(CountError::NotANumber);
    }
    let unit = 10u64.pow(digits as u32);
    let major = if whole.is_empty() && !fraction.is_empty() {
        0
    } else {
        parse_count(whole, CountField::Sent).map_err(|e| match e {
            CountError::TooLarge(_) => CountError::TooLarge(max_minor / unit),
            other => other,
        })?
    };
    let minor = if digits == 0 {
        0
    } else {
        format!("{fraction:0<digits$}").parse::<u64>().unwrap_or(0)
    };
    let total = major.saturating_mul(unit).saturating_add(minor);
    if total > max_minor {
        return Err(CountError::TooLarge(max_minor / unit));
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_parses_exactly() {
        let max = 100_000_000;
        let cents = |t| parse_money(t, max, 2);
        assert_eq!(cents("29.99"), Ok(2999));
        assert_eq!(cents("$1,234.5"), Ok(123_450));
        assert_eq!(cents("€15"), Ok(1500));
        assert_eq!(cents(".5"), Ok(50));
        assert_eq!(cents("0"), Ok(0));
        assert_eq!(cents("-1"), Err(CountError::Negative));
        assert_eq!(cents("1.999"), Err(CountError::NotANumber));
        assert_eq!(cents("abc"), Err(CountError::NotANumber));
        assert_eq!(cents(""), Err(CountError::Empty));
        assert_eq!(cents("1000001"), Err(CountError::TooLarge(1_000_000)));
        // Yen have no minor unit; dinars have three digits.
        assert_eq!(parse_money("4,980", max, 0), Ok(4980));
        assert_eq!(parse_money("49.8", max, 0), Err(CountError::NotANumber));
        assert_eq!(parse_money("12.345", max, 3), Ok(12_345));
        assert_eq!(parse_money("12.3", max, 3), Ok(12_300));
    }

    #[test]
    fn accepts_plain_and_grouped_numbers() {
        assert_eq!(parse_count("0", CountField::Sent), Ok(0));
        assert_eq!(parse_count(" 42 ", CountField::Sent), Ok(42));
        assert_eq!(parse_count("+7", CountField::Sent), Ok(7));
        assert_eq!(parse_count("1,000", CountField::Sent), Ok(1000));
        assert_eq!(parse_count("1 000 000", CountField::Sent), Ok(1_000_000));
        assert_eq!(parse_count("007", CountField::AddonCount), Ok(7));
    }

    #[test]
    fn refuses_what_is_not_a_sensible_count() {
        assert_eq!(parse_count("", CountField::Sent), Err(CountError::Empty));
        assert_eq!(parse_count("  ", CountField::Sent), Err(CountError::Empty));
        assert_eq!(
            parse_count("-1", CountField::Sent),
            Err(CountError::Negative)
        );
        assert_eq!(
            parse_count("\u{2212}3", CountField::Sent),
            Err(CountError::Negative)
        );
        assert_eq!(
            parse_count("-", CountField::Sent),
            Err(CountError::NotANumber)
        );
        assert_eq!(
            parse_count("abc", CountField::Sent),
            Err(CountError::NotANumber)
        );
        assert_eq!(
            parse_count("1.5", CountField::Sent),
            Err(CountError::NotANumber)
        );
        assert_eq!(
            parse_count("1e3", CountField::Sent),
            Err(CountError::NotANumber)
        );
        assert_eq!(
            parse_count(",1", CountField::Sent),
            Err(CountError::NotANumber)
        );
        assert_eq!(
            parse_count("1001", CountField::PackSize),
            Err(CountError::TooLarge(1000))
        );
        assert_eq!(
            parse_count("1000001", CountField::AddonCount),
            Err(CountError::TooLarge(1_000_000))
        );
        assert_eq!(
            parse_count("99999999999999999999999", CountField::Sent),
            Err(CountError::TooLarge(1_000_000))
        );
        assert_eq!(
            parse_count("0", CountField::BillingDay),
            Err(CountError::TooSmall(1))
        );
        assert_eq!(
            parse_count("32", CountField::BillingDay),
            Err(CountError::TooLarge(31))
        );
    }
}
