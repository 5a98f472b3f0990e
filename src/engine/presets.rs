//! The rule sets that ship inside the widget, embedded as JSON.

use super::rules::{RuleError, RuleSet};

/// The default rule set: the article's numbers (docs/rules.md).
pub const ARTICLE_JSON: &str = include_str!("../../rules/article.json");
/// InMail credits and rollover caps from LinkedIn's own help pages.
pub const LINKEDIN_HELP_JSON: &str = include_str!("../../rules/linkedin-help.json");

/// A named, embedded rule set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preset {
    pub id: &'static str,
    pub json: &'static str,
}

pub const ARTICLE: Preset = Preset {
    id: "article",
    json: ARTICLE_JSON,
};
pub const LINKEDIN_HELP: Preset = Preset {
    id: "linkedin-help",
    json: LINKEDIN_HELP_JSON,
};

/// Written by id (in saved state).
impl serde::Serialize for Preset {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id)
    }
}

impl<'de> serde::Deserialize<'de> for Preset {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Preset, D::Error> {
        let id = String::deserialize(deserializer)?;
        Preset::find(&id).ok_or_else(|| serde::de::Error::custom("no such preset"))
    }
}

/// Every preset, the default first.
pub fn all() -> [Preset; 2] {
    [ARTICLE, LINKEDIN_HELP]
}

impl Preset {
    /// The preset with this id.
    pub fn find(id: &str) -> Option<Preset> {
        all().into_iter().find(|p| p.id == id)
    }

    /// The preset's rules, read from the embedded JSON once per thread and shared; tests
    /// prove every preset parses.
    pub fn try_rules(&self) -> Result<RuleSet, RuleError> {
        thread_local! {
            static READ: std::cell::RefCell<Vec<(&'static str, Result<RuleSet, RuleError>)>> =
                const { std::cell::RefCell::new(Vec::new()) };
        }
        READ.with(|read| {
            if let Some((_, rules)) = read.borrow().iter().find(|(id, _)| *id == self.id) {
                return rules.clone();
            }
            let rules = RuleSet::from_json(self.json);
            read.borrow_mut().push((self.id, rules.clone()));
            rules
        })
    }

    #[cfg(test)]
    pub fn rules(&self) -> RuleSet {
        self.try_rules().expect("embedded preset parses")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_parses_and_carries_its_id() {
        for preset in all() {
            let rules = preset.rules();
            assert_eq!(rules.id, preset.id);
            assert!(rules.source.is_some(), "{} names its source", preset.id);
        }
    }

    #[test]
    fn article_matches_rules_md() {
        let rules = ARTICLE.rules();
        let tiers: Vec<(&str, u64, u64, u64)> = rules
            .tiers
            .iter()
            .map(|t| {
                (
                    t.id.as_str(),
                    t.price_cents,
                    t.free_messages,
                    t.inmail_credits,
                )
            })
            .collect();
        assert_eq!(
            tiers,
            [
                ("basic", 0, 15, 0),
                ("premium-business", 2999, 30, 0),
                ("sales-navigator", 6499, 50, 0),
                ("recruiter-lite", 11995, 50, 30),
                ("recruiter", 23995, 150, 150),
            ]
        );
        let bundles: Vec<(u64, u64)> = rules
            .bundles
            .iter()
            .map(|b| (b.size, b.price_cents))
            .collect();
        assert_eq!(
            bundles,
            [(25, 1499), (100, 4999), (200, 9999), (500, 24999)]
        );
        assert_eq!(
            (
                rules.inmail.block_size,
                rules.inmail.block_price_cents,
                rules.inmail.pay_per_inmail_cents
            ),
            (3, 1000, 1000)
        );
        assert!(
            rules.tiers.iter().all(|t| t.inmail_rollover_cap.is_none()),
            "nothing rolls over"
        );
    }

    #[test]
    fn linkedin_help_has_the_help_pages_credits_and_caps() {
        let rules = LINKEDIN_HELP.rules();
        let credits: Vec<(&str, u64, Option<u64>)> = rules
            .tiers
            .iter()
            .map(|t| (t.id.as_str(), t.inmail_credits, t.inmail_rollover_cap))
            .collect();
        assert_eq!(
            credits,
            [
                ("basic", 0, None),
                ("premium-career", 5, Some(15)),
                ("premium-business", 15, Some(45)),
                ("sales-navigator", 50, Some(150)),
                ("recruiter-lite", 30, Some(120)),
                ("recruiter", 150, None),
            ]
        );
    }
}
