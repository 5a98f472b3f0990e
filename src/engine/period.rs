//! The quota period: a calendar month, or a month that starts on a billing day.
//!
//! A period is the half-open range `[start, reset)`. With billing day D the period resets
//! on day D of each month, or on the month's last day when the month is shorter.

use chrono::{Datelike, NaiveDate};

/// How periods are cut.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum PeriodRule {
    /// Resets at 00:00 on the 1st of each month.
    #[default]
    CalendarMonth,
    /// Resets on this day (1–31) of each month, clamped to the month's last day.
    BillingDay(u32),
}

/// One quota period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    /// The first day of the period.
    pub start: NaiveDate,
    /// The day the allowance resets: the first day of the next period.
    pub reset: NaiveDate,
}

/// The number of days in a month, leap years included.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    let (next_year, next_month) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    match (
        NaiveDate::from_ymd_opt(year, month, 1),
        NaiveDate::from_ymd_opt(next_year, next_month, 1),
    ) {
        (Some(first), Some(next)) => (next - first).num_days() as u32,
        _ => 30,
    }
}

/// Shifts a (year, month) pair by whole months.
fn add_months(year: i32, month: u32, delta: i32) -> (i32, u32) {
    let index = year * 12 + month as i32 - 1 + delta;
    (index.div_euclid(12), index.rem_euclid(12) as u32 + 1)
}

impl PeriodRule {
    /// The rule for a billing day: the 1st (or less) is the calendar month.
    pub fn from_day(day: u32) -> PeriodRule {
        match day {
            0 | 1 => PeriodRule::CalendarMonth,
            d => PeriodRule::BillingDay(d.min(31)),
        }
    }

    /// The billing day, 1 for calendar months.
    pub fn day(self) -> u32 {
        match self {
            PeriodRule::CalendarMonth => 1,
            PeriodRule::BillingDay(d) => d.clamp(1, 31),
        }
    }

    /// The day in this month on which a period starts.
    fn anchor(self, year: i32, month: u32) -> NaiveDate {
        let day = self.day().min(days_in_month(year, month));
        NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
    }

    /// The period that holds `today`.
    pub fn period_containing(self, today: NaiveDate) -> Period {
        let (year, month) = (today.year(), today.month());
        let this_month = self.anchor(year, month);
        let (start_year, start_month) = if today >= this_month {
            (year, month)
        } else {
            add_months(year, month, -1)
        };
        let (reset_year, reset_month) = add_months(start_year, start_month, 1);
        Period {
            start: self.anchor(start_year, start_month),
            reset: self.anchor(reset_year, reset_month),
        }
    }
}

impl Period {
    /// Whole days from `today` to the reset (1 on the period's last day).
    pub fn days_left(&self, today: NaiveDate) -> u64 {
        (self.reset - today).num_days().max(0) as u64
    }

    /// The number of days in the period.
    pub fn length(&self) -> u64 {
        (self.reset - self.start).num_days().max(0) as u64
    }

    /// Every day of the period, first to last.
    pub fn days(&self) -> impl Iterator<Item = NaiveDate> {
        let start = self.start;
        (0..self.length()).filter_map(move |i| start.checked_add_days(chrono::Days::new(i)))
    }
}

/// The first day a date can be read (`parse_iso_date`).
pub fn first_supported_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// The last day a date can be written and read back: the clock stops here.
pub fn last_supported_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or(NaiveDate::MAX)
}

/// Parses an ISO date, `YYYY-MM-DD`, for years 1900 to 9999.
pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = text.get(range)?;
        if part.bytes().all(|b| b.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let year = number(0..4)? as i32;
    if year < 1900 {
        return None;
    }
    NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)
}

/// Formats a date as `YYYY-MM-DD` without chrono's format machinery.
pub fn iso_date(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        parse_iso_date(text).unwrap()
    }

    #[test]
    fn worked_examples() {
        let p = PeriodRule::CalendarMonth.period_containing(date("2026-01-31"));
        assert_eq!(p.reset, date("2026-02-01"));
        assert_eq!(p.days_left(date("2026-01-31")), 1);
        let p = PeriodRule::BillingDay(31).period_containing(date("2026-02-10"));
        assert_eq!(p.reset, date("2026-02-28"));
        assert_eq!(p.start, date("2026-01-31"));
    }

    #[test]
    fn calendar_month_for_every_month_of_several_years() {
        for year in [1999, 2000, 2023, 2024, 2025, 2026, 2027, 2028, 2100] {
            for month in 1..=12 {
                let len = days_in_month(year, month);
                let expected_len = match month {
                    2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
                    2 => 28,
                    4 | 6 | 9 | 11 => 30,
                    _ => 31,
                };
                assert_eq!(len, expected_len, "{year}-{month}");
                for day in 1..=len {
                    let today = NaiveDate::from_ymd_opt(year, month, day).unwrap();
                    let p = PeriodRule::CalendarMonth.period_containing(today);
                    assert_eq!(p.start, NaiveDate::from_ymd_opt(year, month, 1).unwrap());
                    assert_eq!(p.reset.day(), 1);
                    assert_eq!(p.days_left(today), (len - day + 1) as u64);
                    assert_eq!(p.length(), len as u64);
                    assert_eq!(PeriodRule::BillingDay(1).period_containing(today), p);
                }
            }
        }
    }

    #[test]
    fn billing_days_clamp_to_short_months() {
        let cases = [
            (31, "2026-02-10", "2026-01-31", "2026-02-28"),
            (31, "2028-02-10", "2028-01-31", "2028-02-29"),
            (31, "2026-02-28", "2026-02-28", "2026-03-31"),
            (31, "2026-04-15", "2026-03-31", "2026-04-30"),
            (31, "2026-04-30", "2026-04-30", "2026-05-31"),
            (30, "2026-03-01", "2026-02-28", "2026-03-30"),
            (29, "2026-02-28", "2026-02-28", "2026-03-29"),
            (29, "2028-02-28", "2028-01-29", "2028-02-29"),
            (15, "2026-12-20", "2026-12-15", "2027-01-15"),
            (15, "2026-01-14", "2025-12-15", "2026-01-15"),
            (15, "2026-01-15", "2026-01-15", "2026-02-15"),
        ];
        for (day, today, start, reset) in cases {
            let p = PeriodRule::BillingDay(day).period_containing(date(today));
            assert_eq!(
                (p.start, p.reset),
                (date(start), date(reset)),
                "day {day}, today {today}"
            );
        }
    }

    #[test]
    fn every_day_of_several_years_lies_in_its_period_for_every_billing_day() {
        for day in 1..=31 {
            let rule = PeriodRule::BillingDay(day);
            let mut today = date("2023-01-01");
            while today < date("2029-01-01") {
                let p = rule.period_containing(today);
                assert!(p.start <= today && today < p.reset, "day {day}, {today}");
                assert!((28..=31).contains(&p.length()), "day {day}, {today}: {p:?}");
                assert_eq!(
                    rule.period_containing(p.reset).start,
                    p.reset,
                    "periods tile"
                );
                assert!(p.days_left(today) >= 1);
                today = today.succ_opt().unwrap();
            }
        }
    }

    #[test]
    fn parses_only_real_iso_dates() {
        assert_eq!(iso_date(date("2026-02-28")), "2026-02-28");
        for bad in [
            "2026-02-30",
            "2026-13-01",
            "26-01-01",
            "2026-1-01",
            "2026/01/01",
            "",
            "abcd-ef-gh",
            "1899-12-31",
            "+202-01-01",
            "2026-01-0١",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad}");
        }
    }
}
