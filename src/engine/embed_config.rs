//! Configuration from a host page's attributes, validated: a bad attribute gives a warning
//! and its default, never a broken widget.

use super::locale::Locale;
use super::params::{parse_params, Ignored, Params};
use super::rules::RuleSet;

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

/// Which parts of the widget show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sections {
    pub calculator: bool,
    pub compare: bool,
    pub demo: bool,
    pub rules: bool,
}

impl Default for Sections {
    fn default() -> Self {
        Sections {
            calculator: true,
            compare: true,
            demo: true,
            rules: true,
        }
    }
}

/// Everything an embedding page can set.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct EmbedConfig {
    /// The initial state: the same parameters a URL carries.
    pub params: Params,
    /// An inline rule set, already validated.
    pub rules: Option<RuleSet>,
    /// A same-origin URL to fetch the rule set from.
    pub rules_src: Option<String>,
    pub theme: Theme,
    pub locale: Locale,
    /// Keep the page URL's query in step with the widget.
    pub sync_url: bool,
    /// The localStorage key to remember state under, when remembering is on.
    pub storage_key: Option<String>,
    pub sections: Sections,
}

/// The attributes the widget reads (without the `data-` prefix of the mount-point form).
pub const ATTRIBUTES: [&str; 18] = [
    "preset",
    "tier",
    "addons",
    "inmail-blocks",
    "sent",
    "inmail-sent",
    "today",
    "billing-day",
    "need",
    "need-inmail",
    "min-tier",
    "rules",
    "rules-src",
    "theme",
    "locale",
    "sync-url",
    "persist",
    "sections",
];

const STORAGE_PREFIX: &str = "messaging-quota:";

fn flag(value: &str) -> Option<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "" | "true" | "1" | "yes" | "on" => Some(true),
        "false" | "0" | "no" | "off" => Some(false),
        _ => None,
    }
}

/// Whether `url` stays on the page's origin: a path, or an absolute URL on `origin`.
pub fn is_same_origin(url: &str, origin: &str) -> bool {
    let url = url.trim();
    if url.is_empty() || url.starts_with("//") || url.starts_with('\\') {
        return false;
    }
    let has_scheme = url.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
    });
    if !has_scheme {
        return true;
    }
    url == origin
        || url
            .strip_prefix(origin)
            .is_some_and(|rest| rest.starts_with(['/', '?', '#']))
}

/// Reads the attributes. `standalone` is true for the widget's own page, where the URL is
/// kept in step by default. Unknown attributes are ignored (hosts add their own).
pub fn parse_attributes<'a>(
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    standalone: bool,
    page_origin: &str,
) -> (EmbedConfig, Vec<String>) {
    let mut config = EmbedConfig {
        sync_url: standalone,
        ..EmbedConfig::default()
    };
    let mut warnings = Vec::new();
    let mut state_pairs: Vec<(String, String)> = Vec::new();
    for (name, value) in pairs {
        let name = name.strip_prefix("data-").unwrap_or(name);
        let mut warn = |reason: String| {
            warnings.push(format!(
                "{name}=\"{}\" was ignored: {reason}",
                value.chars().take(40).collect::<String>()
            ))
        };
        match name {
            "rules" => match RuleSet::from_json(value) {
                Ok(rules) => config.rules = Some(rules),
                Err(e) => warn(format!("{e}; the default rules apply")),
            },
            "rules-src" => {
                if is_same_origin(value, page_origin) {
                    config.rules_src = Some(value.trim().to_owned());
                } else {
                    warn("rules may only be loaded from this site's own origin".into());
                }
            }
            "theme" => match value.trim() {
                "light" => config.theme = Theme::Light,
                "dark" => config.theme = Theme::Dark,
                "auto" => config.theme = Theme::Auto,
                _ => warn("use light, dark or auto".into()),
            },
            "locale" => match Locale::parse(value) {
                Some(locale) => config.locale = locale,
                None => warn(format!(
                    "unsupported locale (supported: {})",
                    Locale::supported_tags().collect::<Vec<_>>().join(", ")
                )),
            },
            "sync-url" => match flag(value) {
                Some(on) => config.sync_url = on,
                None => warn("use true or false".into()),
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
                None => {
                    warn("use true, false, or a key of letters, digits, '-', '_' and '.'".into())
                }
            },
            "sections" => {
                let mut sections = Sections {
                    calculator: false,
                    compare: false,
                    demo: false,
                    rules: false,
                };
                let mut ok = true;
                for part in value.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                    match part {
                        "calculator" => sections.calculator = true,
                        "compare" => sections.compare = true,
                        "demo" => sections.demo = true,
                        "rules" => sections.rules = true,
                        _ => ok = false,
                    }
                }
                if ok
                    && sections
                        != (Sections {
                            calculator: false,
                            compare: false,
                            demo: false,
                            rules: false,
                        })
                {
                    config.sections = sections;
                } else {
                    warn("list any of calculator, compare, demo, rules".into());
                }
            }
            _ if ATTRIBUTES.contains(&name) => {
                state_pairs.push((name.replace('-', "_"), value.to_owned()))
            }
            _ => {}
        }
    }
    let (params, problems) =
        parse_params(state_pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())));
    config.params = params;
    warnings.extend(problems.iter().map(attribute_warning));
    (config, warnings)
}

/// A parameter problem, worded with the attribute's name.
pub fn attribute_warning(problem: &Ignored) -> String {
    Ignored {
        name: problem.name.replace('_', "-"),
        ..problem.clone()
    }
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::presets::ARTICLE;

    const ORIGIN: &str = "https://example.com";

    #[test]
    fn reads_every_setting() {
        let rules = ARTICLE.json;
        let (config, warnings) = parse_attributes(
            [
                ("data-tier", "recruiter"),
                ("data-addons", "25x2"),
                ("data-theme", "dark"),
                ("data-locale", "de-DE"),
                ("data-sync-url", "true"),
                ("data-persist", "pricing"),
                ("data-rules", rules),
                ("data-sections", "calculator, compare"),
                ("data-min-tier", "basic"),
                ("class", "host-own"),
            ],
            false,
            ORIGIN,
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(config.params.tier.as_deref(), Some("recruiter"));
        assert_eq!(config.params.addons.as_deref(), Some("25x2"));
        assert_eq!(config.params.min_tier.as_deref(), Some("basic"));
        assert_eq!(config.theme, Theme::Dark);
        assert_eq!(config.locale.tag, "de-DE");
        assert!(config.sync_url);
        assert_eq!(
            config.storage_key.as_deref(),
            Some("messaging-quota:pricing")
        );
        assert_eq!(
            config.rules.as_ref().map(|r| r.id.as_str()),
            Some("article")
        );
        assert_eq!(
            config.sections,
            Sections {
                calculator: true,
                compare: true,
                demo: false,
                rules: false
            }
        );
    }

    #[test]
    fn bad_attributes_warn_and_keep_defaults() {
        let (config, warnings) = parse_attributes(
            [
                ("theme", "purple"),
                ("locale", "xx"),
                ("sync-url", "maybe"),
                ("persist", "a key with spaces"),
                ("rules", "{\"tiers\": []}"),
                ("rules-src", "https://evil.example/rules.json"),
                ("sections", "everything"),
                ("sent", "-1"),
                ("billing-day", "0"),
            ],
            true,
            ORIGIN,
        );
        assert_eq!(config.theme, Theme::Light);
        assert_eq!(config.locale, Locale::default());
        assert!(config.sync_url, "standalone default stays");
        assert_eq!(config.storage_key, None);
        assert_eq!(config.rules, None);
        assert_eq!(config.rules_src, None);
        assert_eq!(config.sections, Sections::default());
        assert_eq!(config.params.sent, None);
        assert_eq!(warnings.len(), 9, "{warnings:#?}");
        assert!(
            warnings[4].starts_with("rules=\"{\"tiers\": []}\" was ignored: "),
            "{}",
            warnings[4]
        );
        assert_eq!(warnings[7], "sent=\"-1\" was ignored: must not be negative");
        assert_eq!(warnings[8], "billing-day=\"0\" was ignored: at least 1");
    }

    #[test]
    fn persist_and_sync_flags() {
        let (config, _) = parse_attributes([("persist", "")], false, ORIGIN);
        assert_eq!(
            config.storage_key.as_deref(),
            Some("messaging-quota:default")
        );
        let (config, _) = parse_attributes([("persist", "false")], false, ORIGIN);
        assert_eq!(config.storage_key, None);
        let (config, _) = parse_attributes([], false, ORIGIN);
        assert!(!config.sync_url);
        let (config, _) = parse_attributes([("sync-url", "off")], true, ORIGIN);
        assert!(!config.sync_url);
    }

    #[test]
    fn only_same_origin_rule_urls() {
        for ok in [
            "/rules/custom.json",
            "rules.json",
            "./r.json",
            "https://example.com/r.json",
            "https://example.com",
        ] {
            assert!(is_same_origin(ok, ORIGIN), "{ok}");
        }
        for bad in [
            "https://example.com.evil.io/r.json",
            "//evil.io/r.json",
            "http://example.com/r.json",
            "javascript:alert(1)",
            "data:application/json,{}",
            "",
        ] {
            assert!(!is_same_origin(bad, ORIGIN), "{bad}");
        }
    }
}
