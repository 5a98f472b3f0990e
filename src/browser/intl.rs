//! [`Format`] through the browser's `Intl`: every locale writes numbers, amounts of money,
//! dates and lists its own way, and chooses its plural forms.

use std::cell::{OnceCell, RefCell};

use chrono::NaiveDate;
use js_sys::Intl::{
    DateTimeFormat, DateTimeFormatOptions, DayFormat, ListFormat, ListFormatOptions,
    ListFormatStyle, ListFormatType, MonthFormat, NumberFormat, NumberFormatOptions,
    NumberFormatStyle, PluralRules, WeekdayFormat, YearFormat,
};
use js_sys::{Array, Function, JsString};
use wasm_bindgen::prelude::*;

use crate::engine::currency::Currency;
use crate::text::format::{Format, ListStyle, PluralCategory};

#[wasm_bindgen]
extern "C" {
    /// `Intl.getCanonicalLocales`, which throws on a malformed tag (js-sys's stable binding
    /// does not catch).
    #[wasm_bindgen(js_namespace = Intl, js_name = getCanonicalLocales, catch)]
    fn canonical_locales(tag: &str) -> Result<Array, JsValue>;
}

/// The canonical form of a language tag (`de-at` → `de-AT`), or `None` when `Intl` refuses it.
pub fn canonical(tag: &str) -> Option<String> {
    canonical_locales(tag).ok()?.get(0).as_string()
}

/// `Intl` formatters for one locale, each made on first use (making one costs far more
/// than using it).
pub struct IntlFormat {
    locales: Array,
    count: OnceCell<Function>,
    /// The money formatters of the currency last asked for (a widget shows one at a time).
    money: RefCell<Option<(Currency, Function, Function)>>,
    percent: OnceCell<Function>,
    rate: OnceCell<Function>,
    date: OnceCell<Function>,
    day_month: OnceCell<Function>,
    day_number: OnceCell<Function>,
    plural: OnceCell<PluralRules>,
    unit_list: OnceCell<ListFormat>,
    or_list: OnceCell<ListFormat>,
}

/// Milliseconds since 1970 at midnight UTC of `day`, for a `Date` the formatters read in UTC.
fn utc_millis(day: NaiveDate) -> f64 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    (day - epoch).num_days() as f64 * 86_400_000.0
}

fn call(format: &Function, value: &JsValue) -> String {
    format
        .call1(&JsValue::NULL, value)
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// An exact decimal from an integer and a scale: `decimal(12345, 2)` is `"123.45"`.
/// `Intl.NumberFormat` reads decimal strings exactly, so no float stands between cents
/// and what is shown.
fn decimal(value: u64, places: u32) -> JsValue {
    let unit = 10u64.pow(places);
    let text = if places == 0 {
        value.to_string()
    } else {
        format!(
            "{}.{:0width$}",
            value / unit,
            value % unit,
            width = places as usize
        )
    };
    JsValue::from_str(&text)
}

impl IntlFormat {
    /// Formatters for a canonical language tag (see [`canonical`]).
    pub fn new(tag: &str) -> IntlFormat {
        IntlFormat {
            locales: Array::of1(&JsValue::from_str(tag)),
            count: OnceCell::new(),
            money: RefCell::new(None),
            percent: OnceCell::new(),
            rate: OnceCell::new(),
            date: OnceCell::new(),
            day_month: OnceCell::new(),
            day_number: OnceCell::new(),
            plural: OnceCell::new(),
            unit_list: OnceCell::new(),
            or_list: OnceCell::new(),
        }
    }

    fn number(&self, set: impl FnOnce(&NumberFormatOptions)) -> Function {
        let options = NumberFormatOptions::new();
        set(&options);
        NumberFormat::new(&self.locales, &options).format()
    }

    fn dates(&self, set: impl FnOnce(&DateTimeFormatOptions)) -> Function {
        let options = DateTimeFormatOptions::new();
        options.set_time_zone("UTC");
        set(&options);
        DateTimeFormat::new(&self.locales, &options).format()
    }

    fn list_format(&self, kind: ListFormatType, style: ListFormatStyle) -> ListFormat {
        let options = ListFormatOptions::new();
        options.set_type(kind);
        options.set_style(style);
        ListFormat::new(&self.locales, &options)
    }

    fn money_format(&self, currency: Currency, digits: u8) -> Function {
        self.number(|o| {
            o.set_style(NumberFormatStyle::Currency);
            o.set_currency(currency.code());
            o.set_minimum_fraction_digits(digits);
            o.set_maximum_fraction_digits(digits);
        })
    }

    /// `currency`'s formatters: to its minor unit, and whole (made on first use of it).
    fn money_formats(&self, currency: Currency) -> (Function, Function) {
        let mut cached = self.money.borrow_mut();
        match &*cached {
            Some((c, exact, whole)) if *c == currency => (exact.clone(), whole.clone()),
            _ => {
                let exact = self.money_format(currency, currency.minor_digits);
                let whole = self.money_format(currency, 0);
                *cached = Some((currency, exact.clone(), whole.clone()));
                (exact, whole)
            }
        }
    }
}

impl Format for IntlFormat {
    fn count(&self, n: u64) -> String {
        // A whole number below 2^53 is exact as a JS number, and cheaper to hand over than
        // text; larger ones go as decimal text.
        let value = if n < 1 << 53 {
            JsValue::from_f64(n as f64)
        } else {
            decimal(n, 0)
        };
        call(self.count.get_or_init(|| self.number(|_| {})), &value)
    }

    fn money(&self, minor: u64, currency: Currency) -> String {
        let (exact, _) = self.money_formats(currency);
        call(&exact, &decimal(minor, u32::from(currency.minor_digits)))
    }

    fn money_whole(&self, major: u64, currency: Currency) -> String {
        let (_, whole) = self.money_formats(currency);
        call(&whole, &decimal(major, 0))
    }

    fn percent(&self, percent: u64) -> String {
        let format = self
            .percent
            .get_or_init(|| self.number(|o| o.set_style(NumberFormatStyle::Percent)));
        call(format, &decimal(percent, 2))
    }

    fn rate(&self, basis_points: u64) -> String {
        let format = self.rate.get_or_init(|| {
            self.number(|o| {
                o.set_style(NumberFormatStyle::Percent);
                o.set_maximum_fraction_digits(2);
            })
        });
        call(format, &decimal(basis_points, 4))
    }

    fn date(&self, day: NaiveDate) -> String {
        let format = self.date.get_or_init(|| {
            self.dates(|o| {
                o.set_weekday(WeekdayFormat::Short);
                o.set_year(YearFormat::Numeric);
                o.set_month(MonthFormat::Short);
                o.set_day(DayFormat::Numeric);
            })
        });
        call(format, &js_sys::Date::new(&utc_millis(day).into()))
    }

    fn day_month(&self, day: NaiveDate) -> String {
        let format = self.day_month.get_or_init(|| {
            self.dates(|o| {
                o.set_month(MonthFormat::Short);
                o.set_day(DayFormat::Numeric);
            })
        });
        call(format, &js_sys::Date::new(&utc_millis(day).into()))
    }

    fn day_number(&self, day: NaiveDate) -> String {
        let format = self
            .day_number
            .get_or_init(|| self.dates(|o| o.set_day(DayFormat::Numeric)));
        call(format, &js_sys::Date::new(&utc_millis(day).into()))
    }

    fn list(&self, items: &[String], style: ListStyle) -> String {
        let format = match style {
            ListStyle::Unit => self
                .unit_list
                .get_or_init(|| self.list_format(ListFormatType::Unit, ListFormatStyle::Short)),
            ListStyle::Or => self.or_list.get_or_init(|| {
                self.list_format(ListFormatType::Disjunction, ListFormatStyle::Long)
            }),
        };
        let list: Array = items.iter().map(|s| JsValue::from_str(s)).collect();
        String::from(format.format(&list))
    }

    fn plural(&self, n: u64) -> PluralCategory {
        let rules = self
            .plural
            .get_or_init(|| PluralRules::new(&self.locales, &js_sys::Object::new()));
        let category: JsString = rules.select(n as f64);
        PluralCategory::from_id(&String::from(category)).unwrap_or(PluralCategory::Other)
    }
}
