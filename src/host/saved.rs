//! The saved state (`persist`): the state's parameters, custom rules when they are active,
//! and the day it was saved, as versioned JSON (serde). Read all or nothing: half a
//! restored state would surprise more than none.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::params::Params;
use super::Ignored;
use crate::engine::rules::{RawRules, RuleError, RuleSet};

/// The format's version; another is never misread.
pub const VERSION: u32 = 2;

/// What localStorage holds. Entries it does not know are ignored: the version says what
/// the entries mean.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct SavedState<R> {
    v: u32,
    /// The visitor's real date when saved, so a later visit can tell a period has passed.
    #[serde(with = "iso_date")]
    saved_on: NaiveDate,
    state: Params,
    /// Custom rules (a preset is named in `state`).
    #[serde(default = "none", skip_serializing_if = "Option::is_none")]
    rules: Option<R>,
    /// The widget's part of the page URL when this was saved (see [`link_key`]): a page
    /// opened on that URL again is the same visit's, so this save, at least as new, wins
    /// over it; any other link wins over this save.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    link: Option<String>,
}

/// The widget's part of a page URL, as one text: its parameters in a stable order, and the
/// rules part of its fragment.
pub fn link_key(params: &Params, rules_part: Option<&str>) -> String {
    let query: Vec<String> = params
        .to_pairs()
        .into_iter()
        .map(|(name, value)| format!("{name}={value}"))
        .collect();
    format!("{}#{}", query.join("&"), rules_part.unwrap_or_default())
}

fn none<R>() -> Option<R> {
    None
}

/// Why a saved state could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SavedProblem {
    /// Not this format.
    Format(crate::json::JsonProblem),
    /// Another version of the format.
    Version(u32),
    Rules(RuleError),
    Value(Ignored),
}

/// A saved state that can be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Restored {
    pub params: Params,
    pub rules: Option<RuleSet>,
    pub saved_on: NaiveDate,
    /// The page URL's [`link_key`] when it was saved.
    pub link: Option<String>,
}

/// The saved state's text; `link` is the page URL's [`link_key`] at the time.
pub fn write(
    params: &Params,
    rules: Option<&RuleSet>,
    saved_on: NaiveDate,
    link: Option<String>,
) -> String {
    let saved = SavedState {
        v: VERSION,
        saved_on,
        state: params.clone(),
        rules,
        link,
    };
    serde_json::to_string(&saved).unwrap_or_default()
}

/// Reads a saved state; any problem rejects the whole of it.
pub fn read(text: &str) -> Result<Restored, SavedProblem> {
    let saved: SavedState<RawRules> =
        crate::json::from_str(text).map_err(|e| SavedProblem::Format(e.problem))?;
    if saved.v != VERSION {
        return Err(SavedProblem::Version(saved.v));
    }
    let (params, problems) = saved.state.check();
    if let Some(problem) = problems.into_iter().next() {
        return Err(SavedProblem::Value(problem));
    }
    let rules = saved
        .rules
        .map(|raw| raw.validate())
        .transpose()
        .map_err(SavedProblem::Rules)?;
    Ok(Restored {
        params,
        rules,
        saved_on: saved.saved_on,
        link: saved.link,
    })
}

/// A date as `YYYY-MM-DD` in serde.
pub mod iso_date {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::engine::period::{iso_date, parse_iso_date};

    pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&iso_date(*date))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let text = String::deserialize(d)?;
        parse_iso_date(&text).ok_or_else(|| serde::de::Error::custom("not a YYYY-MM-DD date"))
    }
}

/// An optional date as `YYYY-MM-DD` in serde.
pub mod iso_date_opt {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(d) => super::iso_date::serialize(d, s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        #[derive(Deserialize)]
        struct Wrapped(#[serde(with = "super::iso_date")] NaiveDate);
        Ok(Option::<Wrapped>::deserialize(d)?.map(|Wrapped(date)| date))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::period::parse_iso_date;
    use crate::engine::presets::{ARTICLE, LINKEDIN_HELP};
    use crate::host::params::Value;

    fn day() -> NaiveDate {
        parse_iso_date("2026-01-20").unwrap()
    }

    #[test]
    fn writes_and_reads_back() {
        let mut params = Params::default();
        params.set("preset", Value::Preset(LINKEDIN_HELP));
        params.set("tier", Value::Text("recruiter".into()));
        params.set("addons", Value::Text("200x2".into()));
        params.set("sent", Value::Count(9));
        params.set("today", Value::Date(day()));
        params.set("min_tier", Value::Text(String::new()));
        let rules = ARTICLE.rules();
        for rules in [None, Some(&rules)] {
            let text = write(&params, rules, day(), Some("tier=recruiter#".into()));
            let back = read(&text).unwrap();
            assert_eq!(back.link.as_deref(), Some("tier=recruiter#"));
            assert_eq!(back.params, params);
            assert_eq!(back.rules.as_ref(), rules);
            assert_eq!(back.saved_on, day());
        }
    }

    #[test]
    fn anything_else_is_refused_whole() {
        let good = write(&Params::default(), None, day(), None);
        for (text, expect_version) in [
            ("%%%".to_owned(), false),
            ("v=1&tier=basic".to_owned(), false),
            (good.replace("\"v\":2", "\"v\":3"), true),
            (
                good.replace("\"state\":{}", "\"state\":{\"sent\":-1}"),
                false,
            ),
            (
                good.replace("\"state\":{}", "\"state\":{\"sent\":5000000}"),
                false,
            ),
            (good.replace("2026-01-20", "2026-02-30"), false),
            (good.replace("}", ",\"rules\":{\"id\":\"x\"}}"), false),
        ] {
            let err = read(&text).unwrap_err();
            assert_eq!(
                matches!(err, SavedProblem::Version(3)),
                expect_version,
                "{text}: {err:?}"
            );
        }
    }
}
