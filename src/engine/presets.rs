//! The rule sets that ship inside the widget: JSON files (`rules/`), compiled into Rust
//! values by `build.rs`, so a widget on them reads no JSON to start.

use super::rules::RuleSet;

/// The rule sets as `build.rs` compiled them from their files.
mod compiled {
    // Every type a compiled rule set may name; the built-in ones have no price lists.
    #[allow(unused_imports)]
    use super::super::{
        currency::Currency,
        rules::{
            BundleOf, BundlePriceOf, Feature, InMailPriceOf, InMailPricingOf, PriceListOf, RuleSet,
            SeatsOf, Sharing, TierOf, TierPriceOf,
        },
    };
    include!(concat!(env!("OUT_DIR"), "/presets.rs"));
}

/// A named, built-in rule set.
#[derive(Clone, Copy, Debug)]
pub struct Preset {
    pub id: &'static str,
    compiled: fn() -> RuleSet,
    /// The file it is compiled from, as shipped in `rules/` (for tests).
    #[cfg(test)]
    json: &'static str,
}

/// Presets are one by their id.
impl PartialEq for Preset {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl Eq for Preset {}

/// The default rule set: the article's numbers (docs/rules.md).
pub const ARTICLE: Preset = Preset {
    id: "article",
    compiled: compiled::article,
    #[cfg(test)]
    json: include_str!("../../rules/article.json"),
};
/// InMail credits and rollover caps from LinkedIn's own help pages.
pub const LINKEDIN_HELP: Preset = Preset {
    id: "linkedin-help",
    compiled: compiled::linkedin_help,
    #[cfg(test)]
    json: include_str!("../../rules/linkedin-help.json"),
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

    /// The preset's rules. Tests prove each equals its file read and validated as any rule
    /// set is, so it keeps every limit a [`RuleSet`] promises.
    pub fn rules(&self) -> RuleSet {
        (self.compiled)()
    }

    /// The file the preset is compiled from, as shipped in `rules/`.
    #[cfg(test)]
    pub fn json(&self) -> &'static str {
        self.json
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_is_its_file_read_and_validated() {
        for preset in all() {
            assert_eq!(
                Ok(preset.rules()),
                RuleSet::from_json(preset.json()),
                "{} compiled as read",
                preset.id
            );
        }
    }

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
        assert!(
            rules
                .tiers
                .iter()
                .all(|t| t.inmail_credit_days.is_none() && t.inmail_refund_days.is_none()),
            "credits live until the reset, and nothing is given back"
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
                ("recruiter", 150, Some(600)),
            ]
        );
        let lives: Vec<(&str, Option<u64>, Option<u64>)> = rules
            .tiers
            .iter()
            .map(|t| (t.id.as_str(), t.inmail_credit_days, t.inmail_refund_days))
            .collect();
        assert_eq!(
            lives,
            [
                ("basic", None, None),
                ("premium-career", Some(90), Some(90)),
                ("premium-business", Some(90), Some(90)),
                ("sales-navigator", Some(90), Some(90)),
                ("recruiter-lite", None, Some(90)),
                ("recruiter", None, Some(90)),
            ]
        );
    }
}
