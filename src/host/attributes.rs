//! Configuration from a host page's attributes, checked: a bad attribute is reported and
//! its default applies, never a broken widget.

use std::rc::Rc;

use super::params::{is_param, parse_params, Params};
use super::parts::{Part, Parts};
use super::{ignored, Ignored, Reason};
use crate::engine::fields::{parse_count, CountField};
use crate::engine::rules::RuleSet;
use crate::engine::rules_json::is_safe_url;

/// The colour scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
    /// Follows `prefers-color-scheme`.
    Auto,
}

impl Theme {
    pub fn id(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
}

/// Everything an embedding page can set.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct EmbedConfig {
    /// The initial state: the same parameters a URL carries.
    pub params: Params,
    /// An inline rule set (or one fetched from `rules-src`), already validated.
    pub rules: Option<Rc<RuleSet>>,
    /// Where to fetch the rule set from, as written; the browser resolves it against the
    /// page and refuses another origin.
    pub rules_src: Option<String>,
    pub theme: Theme,
    /// A BCP 47 language tag (`de-DE`); `None`: the page's language, then the browser's.
    pub locale: Option<String>,
    /// Where to fetch the host's own message catalogue from, as written (same origin).
    pub messages_src: Option<String>,
    /// Offer a language menu, and follow the browser's language rather than the page's.
    pub language_menu: bool,
    /// Where buying a plan goes (a URL template, see `host::checkout`), over the rules'.
    pub checkout_url: Option<String>,
    /// The tier to mark, over the rules' (checked against the rules by the state).
    pub highlight: Option<String>,
    /// The mark's words, over the rules' and the catalogue's ("Most popular").
    pub highlight_label: Option<String>,
    /// The plan the visitor already pays for: its tier (checked against the rules by the
    /// state), its add-ons as written (`100x2,25x1`) and its seats.
    pub current_tier: Option<String>,
    pub current_addons: Option<String>,
    pub current_seats: Option<u64>,
    /// Keep the page URL's query in step with the widget.
    pub sync_url: bool,
    /// The localStorage key to remember state under, when remembering is on.
    pub storage_key: Option<String>,
    /// The parts that show (`sections`, `heading`, `share`).
    pub parts: Parts,
}

/// What `localStorage` keys of saved states begin with.
pub const STORAGE_PREFIX: &str = "messaging-quota:";

fn flag(value: &str) -> Option<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "" | "true" | "1" | "yes" | "on" => Some(true),
        "false" | "0" | "no" | "off" => Some(false),
        _ => None,
    }
}

/// Whether `tag` has the shape of a BCP 47 language tag: a language of 2–3 or 5–8 letters,
/// then subtags of 1–8 letters or digits. Which tags a browser supports is `Intl`'s to say.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or("");
    let language_ok = matches!(language.len(), 2..=3 | 5..=8)
        && language.bytes().all(|b| b.is_ascii_alphabetic());
    language_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Reads the attributes. `standalone` is true for the widget's own page, where the URL is
/// kept in step by default. Unknown attributes are ignored (hosts add their own).
pub fn parse_attributes<'a>(
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    standalone: bool,
) -> (EmbedConfig, Vec<Ignored>) {
    let mut config = EmbedConfig {
        sync_url: standalone,
        ..EmbedConfig::default()
    };
    let mut problems = Vec::new();
    let mut state_pairs: Vec<(String, String)> = Vec::new();
    for (name, value) in pairs {
        let name = name.strip_prefix("data-").unwrap_or(name);
        let mut refuse = |reason: Reason| problems.push(ignored(name, value, reason));
        match name {
            "rules" => match RuleSet::from_json(value) {
                Ok(rules) => config.rules = Some(Rc::new(rules)),
                Err(e) => refuse(Reason::Rules(e)),
            },
            "rules-src" if value.trim().is_empty() => refuse(Reason::Empty),
            "rules-src" => config.rules_src = Some(value.trim().to_owned()),
            "theme" => match value.trim() {
                "light" => config.theme = Theme::Light,
                "dark" => config.theme = Theme::Dark,
                "auto" => config.theme = Theme::Auto,
                _ => refuse(Reason::Theme),
            },
            "locale" if is_language_tag(value.trim()) => {
                config.locale = Some(value.trim().to_owned())
            }
            "locale" => refuse(Reason::Locale),
            "messages-src" if value.trim().is_empty() => refuse(Reason::Empty),
            "messages-src" => config.messages_src = Some(value.trim().to_owned()),
            "language-menu" => match flag(value) {
                Some(on) => config.language_menu = on,
                None => refuse(Reason::Flag),
            },
            "checkout-url" if value.trim().is_empty() => config.checkout_url = None,
            "checkout-url" if is_safe_url(value) && !value.trim().contains(char::is_whitespace) => {
                config.checkout_url = Some(value.trim().to_owned())
            }
            "checkout-url" => refuse(Reason::BadUrl),
            "highlight" => {
                config.highlight = Some(value.trim().to_owned()).filter(|v| !v.is_empty())
            }
            "highlight-label" if value.chars().any(char::is_control) => refuse(Reason::BadText),
            "highlight-label" => {
                config.highlight_label = Some(value.trim().chars().take(60).collect::<String>())
                    .filter(|v| !v.is_empty())
            }
            "current-tier" => {
                config.current_tier = Some(value.trim().to_owned()).filter(|v| !v.is_empty())
            }
            "current-addons" => {
                config.current_addons = Some(value.trim().to_owned()).filter(|v| !v.is_empty())
            }
            "current-seats" => match parse_count(value, CountField::Seats) {
                Ok(seats) => config.current_seats = Some(seats),
                Err(e) => refuse(Reason::Count(e)),
            },
            "heading" | "share" => match (flag(value), Part::from_id(name)) {
                (Some(on), Some(part)) => config.parts = config.parts.with(part, on),
                _ => refuse(Reason::Flag),
            },
            "sync-url" => match flag(value) {
                Some(on) => config.sync_url = on,
                None => refuse(Reason::Flag),
            },
            "persist" => match flag(value) {
                Some(false) => config.storage_key = None,
                Some(true) => config.storage_key = Some(format!("{STORAGE_PREFIX}default")),
                None if value.len() <= 60
                    && value
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)) =>
                {
                    config.storage_key = Some(format!("{STORAGE_PREFIX}{value}"));
                }
                None => refuse(Reason::PersistKey),
            },
            "sections" => match config.parts.with_sections(value) {
                Some(parts) => config.parts = parts,
                None => refuse(Reason::Sections),
            },
            // The loader reads it (when to load); here it is only checked.
            "loading" if matches!(value.trim(), "lazy" | "eager") => {}
            "loading" => refuse(Reason::Loading),
            // A parameter of the state, spelled as an attribute (`inmail-blocks`).
            _ if !name.contains('_') && is_param(&name.replace('-', "_")) => {
                state_pairs.push((name.replace('-', "_"), value.to_owned()))
            }
            _ => {}
        }
    }
    let (params, param_problems) =
        parse_params(state_pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())));
    config.params = params;
    problems.extend(param_problems.into_iter().map(attribute_spelling));
    (config, problems)
}

/// A parameter problem with the attribute's spelling of its name (`inmail-sent`).
pub fn attribute_spelling(problem: Ignored) -> Ignored {
    Ignored {
        name: problem.name.replace('_', "-"),
        ..problem
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::fields::CountError;
    use crate::engine::presets::ARTICLE;
    use crate::host::params::Value;

    #[test]
    fn reads_every_setting() {
        let rules = ARTICLE.json();
        let (config, problems) = parse_attributes(
            [
                ("data-tier", "recruiter"),
                ("data-addons", "25x2"),
                ("data-theme", "dark"),
                ("data-locale", "de-AT"),
                ("data-sync-url", "true"),
                ("data-persist", "pricing"),
                ("data-rules", rules),
                ("data-rules-src", " /r.json "),
                ("data-sections", "calculator, compare"),
                ("data-min-tier", "basic"),
                ("class", "host-own"),
            ],
            false,
        );
        assert!(problems.is_empty(), "{problems:?}");
        let text = |name| match config.params.get(name) {
            Some(Value::Text(t)) => Some(t.as_str()),
            _ => None,
        };
        assert_eq!(text("tier"), Some("recruiter"));
        assert_eq!(text("addons"), Some("25x2"));
        assert_eq!(text("min_tier"), Some("basic"));
        assert_eq!(config.theme, Theme::Dark);
        assert_eq!(config.locale.as_deref(), Some("de-AT"));
        assert_eq!(config.rules_src.as_deref(), Some("/r.json"));
        assert!(config.sync_url);
        assert_eq!(
            config.storage_key.as_deref(),
            Some("messaging-quota:pricing")
        );
        assert_eq!(
            config.rules.as_ref().map(|r| r.id.as_str()),
            Some("article")
        );
        assert_eq!(config.parts, Parts::of([Part::Calculator, Part::Compare]));
    }

    #[test]
    fn bad_attributes_are_named_and_keep_defaults() {
        let (config, problems) = parse_attributes(
            [
                ("theme", "purple"),
                ("locale", "not a tag"),
                ("sync-url", "maybe"),
                ("persist", "a key with spaces"),
                ("rules", "{\"tiers\": []}"),
                ("sections", "everything"),
                ("sent", "-1"),
                ("billing-day", "0"),
            ],
            true,
        );
        assert_eq!(config.theme, Theme::Light);
        assert_eq!(config.locale, None);
        assert!(config.sync_url, "standalone default stays");
        assert_eq!(config.storage_key, None);
        assert_eq!(config.rules, None);
        assert_eq!(config.parts, Parts::default());
        assert_eq!(config.params.get("sent"), None);
        let reasons: Vec<(&str, &Reason)> = problems
            .iter()
            .map(|p| (p.name.as_str(), &p.reason))
            .collect();
        assert_eq!(reasons.len(), 8, "{reasons:#?}");
        assert_eq!(reasons[0], ("theme", &Reason::Theme));
        assert_eq!(reasons[1], ("locale", &Reason::Locale));
        assert!(matches!(reasons[4], ("rules", Reason::Rules(_))));
        assert_eq!(reasons[6], ("sent", &Reason::Count(CountError::Negative)));
        assert_eq!(
            reasons[7],
            ("billing-day", &Reason::Count(CountError::TooSmall(1)))
        );
    }

    #[test]
    fn persist_and_sync_flags() {
        let (config, _) = parse_attributes([("persist", "")], false);
        assert_eq!(
            config.storage_key.as_deref(),
            Some("messaging-quota:default")
        );
        let (config, _) = parse_attributes([("persist", "false")], false);
        assert_eq!(config.storage_key, None);
        let (config, _) = parse_attributes([], false);
        assert!(!config.sync_url);
        let (config, _) = parse_attributes([("sync-url", "off")], true);
        assert!(!config.sync_url);
    }

    #[test]
    fn language_tags() {
        for ok in [
            "en",
            "de-DE",
            "zh-Hant-TW",
            "ar",
            "es-419",
            "sr-Latn-RS",
            "fil",
        ] {
            assert!(is_language_tag(ok), "{ok}");
        }
        for bad in ["", "e", "englishlanguage", "de_DE", "de-", "<b>", "de-DE-"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }
}
