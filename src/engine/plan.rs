//! What the visitor has chosen (tier, bundles, blocks) and what they have used this period.

use super::fields::{parse_count, CountError, CountField};
use super::rules::RuleSet;
#[cfg(doc)]
use super::rules::Tier;

/// The visitor's subscription choices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selection {
    pub tier_id: String,
    /// (bundle size, count), sorted by size, counts above zero.
    pub addons: Vec<(u64, u64)>,
    pub inmail_blocks: u64,
    /// The team's seats, on a tier sold by the seat (1 on any other: see [`Tier::seats_for`]).
    pub seats: u64,
}

/// What has been used in the current period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Usage {
    pub sent: u64,
    pub inmail_sent: u64,
    /// Unused InMail credits carried in from earlier periods (rollover rule sets only).
    pub rollover_credits: u64,
    /// InMail credits as the month player played them; `None` while the InMails sent are a
    /// plan (typed, or not played yet), whose credits come back at the reply rate.
    pub played: Option<PlayedCredits>,
}

/// The InMail credits of a period played day by day (docs/rules.md, "The life of an InMail
/// credit"): what came back, what expired, and the InMails paid one by one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct PlayedCredits {
    /// Credits given back on replies.
    pub refunded: u64,
    /// Credits that expired before the reset.
    pub expired: u64,
    /// InMails sent with no credit left.
    pub pay_per: u64,
}

impl Selection {
    /// The first tier, nothing added.
    pub fn starter(rules: &RuleSet) -> Selection {
        let tier = rules.first_priced_tier();
        Selection {
            tier_id: tier.id.clone(),
            addons: Vec::new(),
            inmail_blocks: 0,
            seats: tier.seats_for(1),
        }
    }

    /// How many of the bundle of this size are chosen.
    pub fn addon_count(&self, size: u64) -> u64 {
        self.addons
            .iter()
            .find(|(s, _)| *s == size)
            .map_or(0, |(_, c)| *c)
    }

    /// Sets the count of one bundle size, keeping the list sorted and free of zeros.
    pub fn set_addon_count(&mut self, size: u64, count: u64) {
        self.addons.retain(|(s, _)| *s != size);
        if count > 0 {
            let at = self.addons.partition_point(|(s, _)| *s < size);
            self.addons.insert(at, (size, count));
        }
    }

    /// The selection as it can stand under other rules: an unknown tier becomes the first
    /// tier, bundles the rules do not sell are dropped. Returns what had to change.
    pub fn fit_to(&self, rules: &RuleSet) -> (Selection, Vec<FitChange>) {
        let mut changes = Vec::new();
        let mut fitted = self.clone();
        if rules.tier(&self.tier_id).is_none_or(|t| t.is_contact()) {
            fitted.tier_id = rules.first_priced_tier().id.clone();
            changes.push(FitChange::TierNotSold(self.tier_id.clone()));
        }
        fitted.addons.retain(|(size, _)| {
            let sold = rules.bundle(*size).is_some();
            if !sold {
                changes.push(FitChange::BundleNotSold(*size));
            }
            sold
        });
        fitted.seats = fitted.seats_on(rules);
        (fitted, changes)
    }

    /// The seats the chosen tier sells this team (1 on a tier sold to one account).
    pub fn seats_on(&self, rules: &RuleSet) -> u64 {
        rules
            .tier(&self.tier_id)
            .map_or(1, |tier| tier.seats_for(self.seats))
    }

    /// The selection as billed: its seats those the chosen tier sells the team.
    pub fn as_billed(&self, rules: &RuleSet) -> Selection {
        Selection {
            seats: self.seats_on(rules),
            ..self.clone()
        }
    }

    /// The add-ons in URL form: `100x2,25x1` (largest first), empty when none.
    pub fn addons_param(&self) -> String {
        let parts: Vec<String> = self
            .addons
            .iter()
            .rev()
            .map(|(s, c)| format!("{s}x{c}"))
            .collect();
        parts.join(",")
    }
}

/// What a change of rules did to a selection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FitChange {
    /// The chosen tier is not in the new rules: the first tier is chosen instead.
    TierNotSold(String),
    /// The new rules sell no bundle of this size: it was dropped.
    BundleNotSold(u64),
}

/// Why an item of an add-ons list could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AddonProblem {
    /// Not `SIZExCOUNT`.
    NotAPair,
    /// The size is not a bundle of these rules.
    NoSuchBundle,
    BadCount(CountError),
    /// The same size listed more than once added up past the largest count: it was capped.
    Capped(u64),
}

/// One `SIZExCOUNT` item of an add-ons list that could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AddonItemError {
    pub item: String,
    pub problem: AddonProblem,
}

/// Parses an add-ons list such as `100x2,25x1` against the rules' bundle sizes. Good items
/// apply even when others are bad; a size listed twice adds up.
pub fn parse_addons(text: &str, rules: &RuleSet) -> (Vec<(u64, u64)>, Vec<AddonItemError>) {
    let mut addons: Vec<(u64, u64)> = Vec::new();
    let mut errors = Vec::new();
    for item in text.split(',').map(str::trim).filter(|i| !i.is_empty()) {
        let bad = |problem: AddonProblem| AddonItemError {
            item: item.to_owned(),
            problem,
        };
        let Some((size_text, count_text)) = item.split_once(['x', 'X', '*', '\u{d7}']) else {
            errors.push(bad(AddonProblem::NotAPair));
            continue;
        };
        let size = match size_text.trim().parse::<u64>() {
            Ok(size) if rules.bundle(size).is_some() => size,
            _ => {
                errors.push(bad(AddonProblem::NoSuchBundle));
                continue;
            }
        };
        let count = match parse_count(count_text, CountField::AddonCount) {
            Ok(count) => count,
            Err(e) => {
                errors.push(bad(AddonProblem::BadCount(e)));
                continue;
            }
        };
        let at = addons.partition_point(|(s, _)| *s < size);
        let max = CountField::AddonCount.range().1;
        match addons.get_mut(at) {
            Some((s, c)) if *s == size => {
                // Said once per size, however many items go past the largest count.
                let capped = AddonItemError {
                    item: size.to_string(),
                    problem: AddonProblem::Capped(max),
                };
                if *c + count > max && !errors.contains(&capped) {
                    errors.push(capped);
                }
                *c = (*c + count).min(max);
            }
            _ => addons.insert(at, (size, count)),
        }
    }
    addons.retain(|(_, c)| *c > 0);
    (addons, errors)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::presets::ARTICLE;

    #[test]
    fn parses_the_url_form() {
        let rules = ARTICLE.rules();
        let (addons, errors) = parse_addons("100x2,25x1", &rules);
        assert_eq!(addons, [(25, 1), (100, 2)]);
        assert!(errors.is_empty());
        let (addons, errors) = parse_addons(" 25x1 , 25X2,500x0,", &rules);
        assert_eq!(addons, [(25, 3)]);
        assert!(errors.is_empty());
    }

    #[test]
    fn keeps_good_items_and_names_bad_ones() {
        let rules = ARTICLE.rules();
        let (addons, errors) = parse_addons("30x1,100x2,25x-1,200,abc,500x9999999", &rules);
        assert_eq!(addons, [(100, 2)]);
        let items: Vec<&str> = errors.iter().map(|e| e.item.as_str()).collect();
        assert_eq!(items, ["30x1", "25x-1", "200", "abc", "500x9999999"]);
        assert_eq!(errors[0].problem, AddonProblem::NoSuchBundle);
        assert_eq!(
            errors[1].problem,
            AddonProblem::BadCount(CountError::Negative)
        );
    }

    #[test]
    fn a_size_listed_twice_adds_up_and_says_when_it_is_capped() {
        let rules = ARTICLE.rules();
        let max = CountField::AddonCount.range().1;
        let (addons, errors) = parse_addons("25x600000,25x600000,25x5", &rules);
        assert_eq!(addons, [(25, max)]);
        let capped = [AddonItemError {
            item: "25".into(),
            problem: AddonProblem::Capped(max),
        }];
        assert_eq!(errors, capped);
        // One at a time past the largest count: still said, once.
        let ones = format!("25x{},{}", max - 1, ["25x1"; 3].join(","));
        let (addons, errors) = parse_addons(&ones, &rules);
        assert_eq!(addons, [(25, max)]);
        assert_eq!(errors, capped);
    }

    #[test]
    fn round_trips_through_the_url_form() {
        let rules = ARTICLE.rules();
        let mut selection = Selection::starter(&rules);
        selection.set_addon_count(25, 1);
        selection.set_addon_count(100, 2);
        assert_eq!(selection.addons_param(), "100x2,25x1");
        assert_eq!(
            parse_addons(&selection.addons_param(), &rules).0,
            selection.addons
        );
        selection.set_addon_count(100, 0);
        assert_eq!(selection.addons, [(25, 1)]);
    }

    #[test]
    fn fits_a_selection_to_other_rules() {
        let rules = ARTICLE.rules();
        let selection = Selection {
            tier_id: "premium-career".into(),
            addons: vec![(25, 1), (30, 2)],
            inmail_blocks: 1,
            seats: 1,
        };
        let (fitted, changes) = selection.fit_to(&rules);
        assert_eq!(fitted.tier_id, "basic");
        assert_eq!(fitted.addons, [(25, 1)]);
        assert_eq!(
            changes,
            [
                FitChange::TierNotSold("premium-career".into()),
                FitChange::BundleNotSold(30)
            ]
        );
    }
}
