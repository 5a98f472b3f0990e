//! The engine's and the host's facts in words: charges, ways to unblock, plans, reasons,
//! rule errors and notices. Used by the components and, in English, for event details.

use std::rc::Rc;

use super::format::ListStyle;
use super::Texts;
use crate::engine::bill::Charge;
use crate::engine::fields::CountError;
use crate::engine::plan::{AddonProblem, FitChange};
use crate::engine::player::Status;
use crate::engine::recommend::Plan;
use crate::engine::rules::{RuleError, RuleProblem, RuleSet};
use crate::engine::send::{Recipient, Unblock};
use crate::host::link_rules::LinkRulesProblem;
use crate::host::saved::SavedProblem;
use crate::host::{FetchProblem, Fetched, Ignored, Reason};
use crate::state::{Notice, Origin};

impl Texts {
    /// A line of the monthly cost: the tier's name, `100 messages × 2`.
    pub fn charge(&self, charge: Charge, tier_name: &str) -> String {
        match charge {
            Charge::Tier => tier_name.to_owned(),
            Charge::Bundle { size, count } => self.plural(
                "charge.bundle",
                size,
                &[("size", &self.count(size)), ("times", &self.count(count))],
            ),
            Charge::InMailBlocks { count, block_size } => self.plural(
                "charge.inmail-blocks",
                block_size,
                &[
                    ("size", &self.count(block_size)),
                    ("times", &self.count(count)),
                ],
            ),
            Charge::PayPerInMail { count } => {
                self.fill("charge.pay-per-inmail", &[("times", &self.count(count))])
            }
        }
    }

    /// A way to unblock a send: `Upgrade to Recruiter`, `Add 25 messages`.
    pub fn unblock(&self, unblock: &Unblock, rules: &RuleSet) -> String {
        match unblock {
            Unblock::Tier(id) => {
                let name = rules.tier(id).map_or(id.as_str(), |t| t.name.as_str());
                self.fill("unblock.tier", &[("tier", name)])
            }
            Unblock::Bundle(size) => self.plural("unblock.bundle", *size, &[]),
        }
    }

    /// What a plan adds to its tier: `1 × 100 messages, 4 InMail blocks`; empty for nothing.
    pub fn plan_addons(&self, plan: &Plan) -> String {
        let mut parts: Vec<String> = plan
            .addons
            .iter()
            .rev()
            .map(|&(size, count)| {
                self.plural(
                    "plan.bundles",
                    size,
                    &[("size", &self.count(size)), ("times", &self.count(count))],
                )
            })
            .collect();
        if plan.inmail_blocks > 0 {
            parts.push(self.plural("plan.blocks", plan.inmail_blocks, &[]));
        }
        if plan.pay_per_inmails > 0 {
            parts.push(self.plural("plan.pay-per-inmail", plan.pay_per_inmails, &[]));
        }
        self.format().list(&parts, ListStyle::Unit)
    }

    /// What a plan holds beyond the need, each in its own unit: `10 messages, 2 InMail
    /// credits`, or that nothing is spare.
    pub fn spare(&self, plan: &Plan) -> String {
        let mut parts = Vec::new();
        if plan.spare_messages > 0 {
            parts.push(self.plural("spare.messages", plan.spare_messages, &[]));
        }
        if plan.spare_credits > 0 {
            parts.push(self.plural("spare.credits", plan.spare_credits, &[]));
        }
        if parts.is_empty() {
            self.text("spare.none").to_string()
        } else {
            self.format().list(&parts, ListStyle::Unit)
        }
    }

    /// A plan in one line: `Basic + 1 × 100 messages`.
    pub fn plan(&self, plan: &Plan, rules: &RuleSet) -> String {
        let tier = rules
            .tiers
            .get(plan.tier_index)
            .map_or("", |t| t.name.as_str());
        let addons = self.plan_addons(plan);
        if addons.is_empty() {
            tier.to_owned()
        } else {
            self.fill("plan.with-addons", &[("tier", tier), ("addons", &addons)])
        }
    }

    pub fn recipient(&self, recipient: Recipient) -> Rc<str> {
        self.text(match recipient {
            Recipient::Connection => "recipient.connection",
            Recipient::SharedConnection => "recipient.shared-connection",
            Recipient::NotConnected => "recipient.not-connected",
            Recipient::Group => "recipient.group",
            Recipient::CompanyPage => "recipient.company-page",
        })
    }

    pub fn status(&self, status: Status) -> Rc<str> {
        self.text(match status {
            Status::Sent => "status.sent",
            Status::Delivered => "status.delivered",
            Status::Read => "status.read",
            Status::NotDelivered => "status.not-delivered",
            Status::Refused => "status.refused",
        })
    }

    /// Why a typed count was refused, as a clause: `must not be negative`.
    pub fn count_error(&self, error: &CountError) -> String {
        match error {
            CountError::Empty => self.text("count.empty").to_string(),
            CountError::Negative => self.text("count.negative").to_string(),
            CountError::NotANumber => self.text("count.not-a-number").to_string(),
            CountError::TooSmall(min) => {
                self.fill("count.too-small", &[("min", &self.count(*min))])
            }
            CountError::TooLarge(max) => {
                self.fill("count.too-large", &[("max", &self.count(*max))])
            }
        }
    }

    /// The message beside a field whose text is not used: `Must not be negative — still
    /// using 5`.
    pub fn field_error(&self, error: &CountError, still: &str) -> String {
        let (key, limit) = match error {
            CountError::Empty => ("field.empty", String::new()),
            CountError::Negative => ("field.negative", String::new()),
            CountError::NotANumber => ("field.not-a-number", String::new()),
            CountError::TooSmall(min) => ("field.too-small", self.count(*min)),
            CountError::TooLarge(max) => ("field.too-large", self.count(*max)),
        };
        self.fill(key, &[("value", still), ("limit", &limit)])
    }

    /// A rule set's problem, with where it is: `tiers[1].price_cents: must not be negative`.
    pub fn rule_error(&self, error: &RuleError) -> String {
        let n = |v: u64| self.count(v);
        let problem = match &error.problem {
            // The parser's own words stay as they are: they point into the text.
            RuleProblem::Format(message) => self.fill("rule.format", &[("detail", message)]),
            RuleProblem::Negative => self.text("rule.negative").to_string(),
            RuleProblem::NotWhole => self.text("rule.not-whole").to_string(),
            RuleProblem::TooSmall(min) => self.fill("rule.too-small", &[("min", &n(*min))]),
            RuleProblem::TooLarge(max) => self.fill("rule.too-large", &[("max", &n(*max))]),
            RuleProblem::Empty => self.text("rule.empty").to_string(),
            RuleProblem::TooLong(max) => self.fill("rule.too-long", &[("max", &n(*max as u64))]),
            RuleProblem::BadText => self.text("rule.bad-text").to_string(),
            RuleProblem::BadId => self.text("rule.bad-id").to_string(),
            RuleProblem::NoTiers => self.text("rule.no-tiers").to_string(),
            RuleProblem::TooManyTiers(max) => {
                self.fill("rule.too-many-tiers", &[("max", &n(*max as u64))])
            }
            RuleProblem::TooManyBundles(max) => {
                self.fill("rule.too-many-bundles", &[("max", &n(*max as u64))])
            }
            RuleProblem::DuplicateTier { id, first } => self.fill(
                "rule.duplicate-tier",
                &[("id", id), ("first", &n(*first as u64))],
            ),
            RuleProblem::DuplicateBundle { size, first } => self.fill(
                "rule.duplicate-bundle",
                &[("size", &n(*size)), ("first", &n(*first as u64))],
            ),
            RuleProblem::CapBelowCredits(credits) => {
                self.fill("rule.cap-below-credits", &[("credits", &n(*credits))])
            }
        };
        if error.path.is_empty() {
            problem
        } else {
            self.fill("rule.at", &[("path", &error.path), ("problem", &problem)])
        }
    }

    /// Why a value was not used, as a clause.
    pub fn reason(&self, reason: &Reason) -> String {
        let or_list = |items: &[String]| self.format().list(items, ListStyle::Or);
        match reason {
            Reason::Count(e) => self.count_error(e),
            Reason::NotADate => self.text("reason.not-a-date").to_string(),
            Reason::NoSuchPreset { known } => {
                self.fill("reason.no-such-preset", &[("known", &or_list(known))])
            }
            Reason::NoSuchTier { known } => {
                self.fill("reason.no-such-tier", &[("known", &or_list(known))])
            }
            Reason::Empty => self.text("reason.empty").to_string(),
            Reason::Addon(AddonProblem::NotAPair) => {
                self.text("reason.addon-not-a-pair").to_string()
            }
            Reason::Addon(AddonProblem::NoSuchBundle) => {
                self.text("reason.addon-no-bundle").to_string()
            }
            Reason::Addon(AddonProblem::BadCount(e)) => self.fill(
                "reason.addon-bad-count",
                &[("reason", &self.count_error(e))],
            ),
            Reason::Addon(AddonProblem::Capped(max)) => {
                self.fill("reason.addon-capped", &[("max", &self.count(*max))])
            }
            Reason::ManyAddons { first, .. } => self.reason(&Reason::Addon(first.clone())),
            Reason::Rules(e) | Reason::Fetch(FetchProblem::Invalid(e)) => {
                self.fill("reason.rules", &[("error", &self.rule_error(e))])
            }
            Reason::CrossOrigin(Fetched::Rules) => self.text("reason.cross-origin").to_string(),
            Reason::CrossOrigin(Fetched::Messages) => {
                self.text("reason.cross-origin-messages").to_string()
            }
            Reason::Fetch(FetchProblem::Unreachable) => self.text("reason.unreachable").to_string(),
            Reason::Fetch(FetchProblem::Status(status)) => {
                self.fill("reason.status", &[("status", &status.to_string())])
            }
            Reason::Fetch(FetchProblem::Unreadable) => self.text("reason.unreadable").to_string(),
            // Only a catalogue gives this, and only `messages-src` takes one.
            Reason::Fetch(FetchProblem::NotACatalogue(detail)) => {
                self.fill("reason.not-a-catalogue", &[("detail", detail)])
            }
            Reason::Messages(problem) => {
                let why = match problem {
                    FetchProblem::Unreachable => {
                        self.text("reason.catalogue-unreachable").to_string()
                    }
                    FetchProblem::Status(status) => self.fill(
                        "reason.catalogue-status",
                        &[("status", &status.to_string())],
                    ),
                    FetchProblem::Unreadable => {
                        self.text("reason.catalogue-unreadable").to_string()
                    }
                    FetchProblem::NotACatalogue(detail) => {
                        self.fill("reason.not-a-catalogue", &[("detail", detail)])
                    }
                    FetchProblem::Invalid(e) => self.rule_error(e),
                };
                self.fill("reason.messages", &[("reason", &why)])
            }
            Reason::Theme => self.text("reason.theme").to_string(),
            Reason::Locale => self.text("reason.locale").to_string(),
            Reason::Flag => self.text("reason.flag").to_string(),
            Reason::PersistKey => self.text("reason.persist").to_string(),
            Reason::Sections => self.text("reason.sections").to_string(),
            Reason::Loading => self.text("reason.loading").to_string(),
        }
    }

    /// `name="value" was ignored: reason`, the value cut to 40 characters.
    pub fn ignored(&self, ignored: &Ignored) -> String {
        let mut value: String = ignored.value.chars().take(40).collect();
        if ignored.value.chars().count() > 40 {
            value.push('…');
        }
        let reason = self.reason(&ignored.reason);
        let mut args = vec![
            ("name", ignored.name.as_str()),
            ("value", value.as_str()),
            ("reason", reason.as_str()),
        ];
        let (count, max);
        match &ignored.reason {
            Reason::ManyAddons { count: n, .. } => {
                count = self.count(*n as u64);
                args.push(("count", &count));
                self.fill("notice.ignored-many", &args)
            }
            Reason::Addon(AddonProblem::Capped(limit)) => {
                max = self.count(*limit);
                args.push(("max", &max));
                self.fill("notice.capped", &args)
            }
            _ => self.fill("notice.ignored", &args),
        }
    }

    /// A notice in full.
    pub fn notice(&self, notice: &Notice) -> String {
        match notice {
            Notice::Ignored(Origin::Page, ignored) => self.ignored(ignored),
            Notice::Ignored(Origin::Link, ignored) => {
                self.fill("notice.link", &[("ignored", &self.ignored(ignored))])
            }
            Notice::Ignored(Origin::Saved, ignored) => {
                self.fill("notice.saved", &[("ignored", &self.ignored(ignored))])
            }
            Notice::SavedUnreadable(problem) => {
                let reason = match problem {
                    SavedProblem::Format(_) => self.text("saved.format").to_string(),
                    SavedProblem::Version(_) => self.text("saved.version").to_string(),
                    SavedProblem::Rules(e) => self.rule_error(e),
                    SavedProblem::Value(ignored) => self.ignored(ignored),
                };
                self.fill("notice.saved-unreadable", &[("reason", &reason)])
            }
            Notice::NewPeriod { start } => {
                self.fill("notice.new-period", &[("date", &self.date(*start))])
            }
            Notice::RulesChanged(FitChange::TierNotSold(tier)) => {
                self.fill("notice.tier-not-sold", &[("tier", tier)])
            }
            Notice::RulesChanged(FitChange::BundleNotSold(size)) => {
                self.plural("notice.bundle-not-sold", *size, &[])
            }
            Notice::LinkPresetIgnored => self.text("notice.link-preset-ignored").to_string(),
            Notice::LinkRulesUnusable(problem) => {
                let reason = match problem {
                    LinkRulesProblem::TooLong { max } => {
                        self.fill("link-rules.too-long", &[("max", &self.count(*max as u64))])
                    }
                    LinkRulesProblem::Damaged => self.text("link-rules.damaged").to_string(),
                    LinkRulesProblem::TooLarge { max } => self.fill(
                        "link-rules.too-large",
                        &[("max", &self.count((*max / 1024) as u64))],
                    ),
                    LinkRulesProblem::Rules(e) => self.rule_error(e),
                };
                self.fill("notice.link-rules", &[("reason", &reason)])
            }
            Notice::FileUnreadable => self.text("notice.file-unreadable").to_string(),
            Notice::PersistKeyShared { key } => self.fill("notice.persist-shared", &[("key", key)]),
            Notice::LanguageUnavailable { language } => {
                self.fill("notice.language-unavailable", &[("language", language)])
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::period::parse_iso_date;
    use crate::engine::presets::ARTICLE;
    use crate::host::ignored;
    use crate::text::english_for_tests;

    #[test]
    fn charges_and_options_in_words() {
        let t = english_for_tests();
        let rules = ARTICLE.rules();
        assert_eq!(t.charge(Charge::Tier, "Recruiter"), "Recruiter");
        assert_eq!(
            t.charge(Charge::Bundle { size: 25, count: 2 }, ""),
            "25 messages × 2"
        );
        assert_eq!(
            t.charge(
                Charge::InMailBlocks {
                    count: 2,
                    block_size: 3
                },
                ""
            ),
            "InMail credit blocks (3 credits) × 2"
        );
        assert_eq!(
            t.charge(Charge::PayPerInMail { count: 1_200 }, ""),
            "Pay-per-InMail × 1,200"
        );
        assert_eq!(t.unblock(&Unblock::Bundle(25), &rules), "Add 25 messages");
        assert_eq!(
            t.unblock(&Unblock::Tier("recruiter-lite".into()), &rules),
            "Upgrade to Recruiter Lite"
        );
    }

    #[test]
    fn plans_in_one_line() {
        let t = english_for_tests();
        let rules = ARTICLE.rules();
        let plan = Plan {
            tier_id: "basic".into(),
            tier_index: 0,
            addons: vec![(25, 1), (100, 1)],
            inmail_blocks: 4,
            pay_per_inmails: 1,
            allowance: 140,
            inmail_credits: 12,
            total_cents: 0,
            messages_cents: 0,
            spare_messages: 0,
            spare_credits: 0,
        };
        assert_eq!(
            t.plan(&plan, &rules),
            "Basic + 1 × 100 messages, 1 × 25 messages, 4 InMail blocks, 1 pay-per-InMail"
        );
        let bare = Plan {
            addons: vec![],
            inmail_blocks: 0,
            pay_per_inmails: 0,
            ..plan
        };
        assert_eq!(t.plan(&bare, &rules), "Basic");
    }

    #[test]
    fn errors_and_notices_in_words() {
        let t = english_for_tests();
        assert_eq!(
            t.field_error(&CountError::Negative, "5"),
            "Must not be negative — still using 5"
        );
        assert_eq!(
            t.field_error(&CountError::TooLarge(1_000_000), "5"),
            "At most 1,000,000 — still using 5"
        );
        assert_eq!(
            t.rule_error(&RuleError {
                path: "tiers[1].price_cents".into(),
                problem: RuleProblem::Negative
            }),
            "tiers[1].price_cents: must not be negative"
        );
        let theme = ignored("theme", "purple", Reason::Theme);
        assert_eq!(
            t.notice(&Notice::Ignored(Origin::Page, theme)),
            "theme=\"purple\" was ignored: use light, dark or auto"
        );
        let tier = ignored(
            "tier",
            "gold",
            Reason::NoSuchTier {
                known: vec!["basic".into(), "pro".into()],
            },
        );
        assert_eq!(
            t.notice(&Notice::Ignored(Origin::Link, tier)),
            "Link: tier=\"gold\" was ignored: no such tier (try basic or pro)."
        );
        assert_eq!(
            t.notice(&Notice::NewPeriod {
                start: parse_iso_date("2026-02-01").unwrap()
            }),
            "A new period began on Sun, Feb 1, 2026 since your last visit, so this month's usage starts from zero."
        );
        assert!(t
            .notice(&Notice::SavedUnreadable(SavedProblem::Version(9)))
            .starts_with("Saved state could not be read"));
        let many = ignored(
            "addons",
            "30x1",
            Reason::ManyAddons {
                count: 998,
                first: AddonProblem::NoSuchBundle,
            },
        );
        assert_eq!(
            t.notice(&Notice::Ignored(Origin::Page, many)),
            "addons: 998 items were ignored; the first, \"30x1\", names no bundle size of these rules"
        );
        let capped = ignored("addons", "25", Reason::Addon(AddonProblem::Capped(1000)));
        assert_eq!(
            t.notice(&Notice::Ignored(Origin::Page, capped)),
            "addons=\"25\": the count was capped at 1,000"
        );
    }
}
