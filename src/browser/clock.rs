//! Time: the visitor's date, and marks for anyone timing the widget.

use chrono::NaiveDate;

/// Today's date in the visitor's time zone, from the browser's clock.
pub fn local_today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// `performance.mark(name)`, for anyone timing the widget.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}
