//! The engine's and the host's facts in words: charges, ways to unblock, plans, reasons,
//! rule errors and notices. Used by the components and, in English, for event details.

use crate::json::{Expected, JsonProblem};
use std::rc::Rc;

use super::format::ListStyle;
use super::{key, Texts};
use crate::engine::bill::Charge;
use crate::engine::fields::CountError;
use crate::engine::plan::{AddonProblem, FitChange};
use crate::engine::player::Status;
use crate::engine::presets::{self, Preset};
use crate::engine::recommend::Plan;
use crate::engine::rules::{Feature, RuleError, RuleProblem, RuleSet, Tier};
use crate::engine::send::{Recipient, Unblock};
use crate::host::link_rules::LinkRulesProblem;
use crate::host::saved::SavedProblem;
use crate::host::{FetchProblem, Fetched, Ignored, Reason};
use crate::state::{Notice, Origin, StorageRefusal};

/// A preset's name and source keys. (Their English equals the preset's file: a test holds
/// every preset to it, so a new preset cannot borrow another's words.)
fn preset_keys(preset: Preset) -> (super::Key, super::Key) {
    if preset == presets::LINKEDIN_HELP {
        (
            key::PRESET_LINKEDIN_HELP_NAME,
            key::PRESET_LINKEDIN_HELP_SOURCE,
        )
    } else {
        (key::PRESET_ARTICLE_NAME, key::PRESET_ARTICLE_SOURCE)
    }
}

impl Texts {
    /// A line of the monthly cost: the tier's name, `100 messages × 2`.
    pub fn charge(&self, charge: Charge, tier_name: &str) -> String {
        match charge {
            Charge::Tier { seats: 1 } => self.isolate(tier_name).into_owned(),
            Charge::Tier { seats } => self.plural(
                key::CHARGE_TIER_SEATS,
                seats,
                &[("tier", &self.isolate(tier_name))],
            ),
            Charge::Bundle { size, count } => self.plural(
                key::CHARGE_BUNDLE,
                size,
                &[("size", &self.count(size)), ("times", &self.count(count))],
            ),
            Charge::InMailBlocks { count, block_size } => self.plural(
                key::CHARGE_INMAIL_BLOCKS,
                block_size,
                &[
                    ("size", &self.count(block_size)),
                    ("times", &self.count(count)),
                ],
            ),
            Charge::PayPerInMail { count } => {
                self.fill(key::CHARGE_PAY_PER_INMAIL, &[("times", &self.count(count))])
            }
        }
    }

    /// A way to unblock a send: `Upgrade to Recruiter`, `Add 25 messages`.
    pub fn unblock(&self, unblock: &Unblock, rules: &RuleSet) -> String {
        match unblock {
            Unblock::Tier(id) => {
                let name = rules.tier(id).map_or(id.as_str(), |t| t.name.as_str());
                self.fill(key::UNBLOCK_TIER, &[("tier", name)])
            }
            Unblock::Bundle(size) => self.plural(key::UNBLOCK_BUNDLE, *size, &[]),
            Unblock::Seats(seats) => self.plural(key::UNBLOCK_SEATS, *seats, &[]),
        }
    }

    /// A built-in preset's name, in the visitor's language.
    pub fn preset_name(&self, preset: Preset) -> Rc<str> {
        self.text(preset_keys(preset).0)
    }

    /// Where a built-in preset's figures come from, in the visitor's language.
    pub fn preset_source(&self, preset: Preset) -> Rc<str> {
        self.text(preset_keys(preset).1)
    }

    /// What a plan adds to its tier: `1 × 100 messages, 4 InMail blocks`; empty for nothing.
    pub fn plan_addons(&self, plan: &Plan) -> String {
        let mut parts: Vec<String> = plan
            .addons
            .iter()
            .rev()
            .map(|&(size, count)| {
                self.plural(
                    key::PLAN_BUNDLES,
                    size,
                    &[("size", &self.count(size)), ("times", &self.count(count))],
                )
            })
            .collect();
        if plan.inmail_blocks > 0 {
            parts.push(self.plural(key::PLAN_BLOCKS, plan.inmail_blocks, &[]));
        }
        if plan.pay_per_inmails > 0 {
            parts.push(self.plural(key::PLAN_PAY_PER_INMAIL, plan.pay_per_inmails, &[]));
        }
        self.format().list(&parts, ListStyle::Unit)
    }

    /// What a plan holds beyond the need, each in its own unit: `10 messages, 2 InMail
    /// credits`, or that nothing is spare.
    pub fn spare(&self, plan: &Plan) -> String {
        let mut parts = Vec::new();
        if plan.spare_messages > 0 {
            parts.push(self.plural(key::SPARE_MESSAGES, plan.spare_messages, &[]));
        }
        if plan.spare_credits > 0 {
            parts.push(self.plural(key::SPARE_CREDITS, plan.spare_credits, &[]));
        }
        if parts.is_empty() {
            self.text(key::SPARE_NONE).to_string()
        } else {
            self.format().list(&parts, ListStyle::Unit)
        }
    }

    /// A feature's name: the rules' words for it, else the catalogue's (the presets' features),
    /// else its id.
    pub fn feature(&self, feature: &Feature) -> String {
        if let Some(name) = &feature.name {
            return name.clone();
        }
        match feature.id.as_str() {
            "advanced-search" => self.text(key::FEATURE_ADVANCED_SEARCH).to_string(),
            "profile-analytics" => self.text(key::FEATURE_PROFILE_ANALYTICS).to_string(),
            other => other.to_owned(),
        }
    }

    /// What a tier includes beyond messages and credits: `Advanced search, Profile analytics`.
    pub fn tier_features(&self, tier: &Tier, rules: &RuleSet) -> String {
        let names: Vec<String> = rules
            .features
            .iter()
            .filter(|f| tier.features.contains(&f.id))
            .map(|f| self.feature(f))
            .collect();
        self.format().list(&names, ListStyle::Unit)
    }

    /// A plan in one line: `Basic + 1 × 100 messages`.
    pub fn plan(&self, plan: &Plan, rules: &RuleSet) -> String {
        let tier = rules
            .tiers
            .get(plan.tier_index)
            .map_or("", |t| t.name.as_str());
        let addons = self.plan_addons(plan);
        // The tier with its seats, where it is sold by the seat: `Recruiter × 8 seats`.
        let tier = match plan.seats {
            1 => tier.to_owned(),
            seats => self.charge(Charge::Tier { seats }, tier),
        };
        if addons.is_empty() {
            self.isolate(&tier).into_owned()
        } else {
            self.fill(
                key::PLAN_WITH_ADDONS,
                &[("tier", &tier), ("addons", &addons)],
            )
        }
    }

    pub fn recipient(&self, recipient: Recipient) -> Rc<str> {
        self.text(match recipient {
            Recipient::Connection => key::RECIPIENT_CONNECTION,
            Recipient::SharedConnection => key::RECIPIENT_SHARED_CONNECTION,
            Recipient::NotConnected => key::RECIPIENT_NOT_CONNECTED,
            Recipient::Group => key::RECIPIENT_GROUP,
            Recipient::CompanyPage => key::RECIPIENT_COMPANY_PAGE,
        })
    }

    pub fn status(&self, status: Status) -> Rc<str> {
        self.text(match status {
            Status::Sent => key::STATUS_SENT,
            Status::Delivered => key::STATUS_DELIVERED,
            Status::Read => key::STATUS_READ,
            Status::NotDelivered => key::STATUS_NOT_DELIVERED,
            Status::Refused => key::STATUS_REFUSED,
        })
    }

    /// Why a typed count was refused, as a clause: `must not be negative`.
    pub fn count_error(&self, error: &CountError) -> String {
        match error {
            CountError::Empty => self.text(key::COUNT_EMPTY).to_string(),
            CountError::Negative => self.text(key::COUNT_NEGATIVE).to_string(),
            CountError::NotANumber => self.text(key::COUNT_NOT_A_NUMBER).to_string(),
            CountError::TooSmall(min) => {
                self.fill(key::COUNT_TOO_SMALL, &[("min", &self.count(*min))])
            }
            CountError::TooLarge(max) => {
                self.fill(key::COUNT_TOO_LARGE, &[("max", &self.count(*max))])
            }
        }
    }

    /// The message beside a field whose text is not used: `Must not be negative — still
    /// using 5`.
    pub fn field_error(&self, error: &CountError, still: &str) -> String {
        let (key, limit) = match error {
            CountError::Empty => (key::FIELD_EMPTY, String::new()),
            CountError::Negative => (key::FIELD_NEGATIVE, String::new()),
            CountError::NotANumber => (key::FIELD_NOT_A_NUMBER, String::new()),
            CountError::TooSmall(min) => (key::FIELD_TOO_SMALL, self.count(*min)),
            CountError::TooLarge(max) => (key::FIELD_TOO_LARGE, self.count(*max)),
        };
        self.fill(key, &[("value", still), ("limit", &limit)])
    }

    /// What is wrong with a JSON text, in the widget's words (the reader's own, which quote
    /// the text and differ between browsers, are for the console).
    pub fn json_problem(&self, problem: &JsonProblem) -> String {
        match problem {
            JsonProblem::Syntax {
                line: Some(line),
                column: Some(column),
            } => self.fill(
                key::JSON_SYNTAX_AT,
                &[
                    ("line", &self.count(u64::from(*line))),
                    ("column", &self.count(u64::from(*column))),
                ],
            ),
            JsonProblem::Syntax { .. } => self.text(key::JSON_SYNTAX).to_string(),
            JsonProblem::TooDeep { max } => {
                self.fill(key::JSON_TOO_DEEP, &[("max", &self.count(*max as u64))])
            }
            JsonProblem::MissingField(field) => {
                self.fill(key::JSON_MISSING_FIELD, &[("field", field)])
            }
            JsonProblem::UnknownField(field) => {
                self.fill(key::JSON_UNKNOWN_FIELD, &[("field", field)])
            }
            JsonProblem::WrongType(expected) => self
                .text(match expected {
                    Expected::Number => key::JSON_EXPECTED_NUMBER,
                    Expected::Text => key::JSON_EXPECTED_TEXT,
                    Expected::List => key::JSON_EXPECTED_LIST,
                    Expected::Object => key::JSON_EXPECTED_OBJECT,
                    Expected::YesNo => key::JSON_EXPECTED_YES_NO,
                    Expected::Other => key::JSON_WRONG_TYPE,
                })
                .to_string(),
            JsonProblem::WrongValue => self.text(key::JSON_WRONG_VALUE).to_string(),
        }
    }

    /// A rule set's problem, with where it is: `tiers[1].price_cents: must not be negative`.
    pub fn rule_error(&self, error: &RuleError) -> String {
        let n = |v: u64| self.count(v);
        let problem = match &error.problem {
            RuleProblem::Format { problem, .. } => {
                self.fill(key::RULE_FORMAT, &[("detail", &self.json_problem(problem))])
            }
            RuleProblem::Negative => self.text(key::RULE_NEGATIVE).to_string(),
            RuleProblem::NotWhole => self.text(key::RULE_NOT_WHOLE).to_string(),
            RuleProblem::TooSmall(min) => self.fill(key::RULE_TOO_SMALL, &[("min", &n(*min))]),
            RuleProblem::TooLarge(max) => self.fill(key::RULE_TOO_LARGE, &[("max", &n(*max))]),
            RuleProblem::Empty => self.text(key::RULE_EMPTY).to_string(),
            RuleProblem::TooLong(max) => self.fill(key::RULE_TOO_LONG, &[("max", &n(*max as u64))]),
            RuleProblem::BadText => self.text(key::RULE_BAD_TEXT).to_string(),
            RuleProblem::BadId => self.text(key::RULE_BAD_ID).to_string(),
            RuleProblem::NoTiers => self.text(key::RULE_NO_TIERS).to_string(),
            RuleProblem::TooManyTiers(max) => {
                self.fill(key::RULE_TOO_MANY_TIERS, &[("max", &n(*max as u64))])
            }
            RuleProblem::TooManyBundles(max) => {
                self.fill(key::RULE_TOO_MANY_BUNDLES, &[("max", &n(*max as u64))])
            }
            RuleProblem::DuplicateTier { id, first } => self.fill(
                key::RULE_DUPLICATE_TIER,
                &[("id", id), ("first", &n(*first as u64))],
            ),
            RuleProblem::DuplicateBundle { size, first } => self.fill(
                key::RULE_DUPLICATE_BUNDLE,
                &[("size", &n(*size)), ("first", &n(*first as u64))],
            ),
            RuleProblem::CapBelowCredits(credits) => {
                self.fill(key::RULE_CAP_BELOW_CREDITS, &[("credits", &n(*credits))])
            }
            RuleProblem::NoSuchCurrency => self.text(key::RULE_NO_SUCH_CURRENCY).to_string(),
            RuleProblem::DuplicateCurrency => self.text(key::RULE_DUPLICATE_CURRENCY).to_string(),
            RuleProblem::MissingPrice(item) => {
                self.fill(key::RULE_MISSING_PRICE, &[("item", item)])
            }
            RuleProblem::UnknownPrice(item) => {
                self.fill(key::RULE_UNKNOWN_PRICE, &[("item", item)])
            }
            RuleProblem::BadUrl => self.text(key::RULE_BAD_URL).to_string(),
            RuleProblem::UnknownFeature(id) => self.fill(key::RULE_UNKNOWN_FEATURE, &[("id", id)]),
            RuleProblem::DuplicateFeature(id) => {
                self.fill(key::RULE_DUPLICATE_FEATURE, &[("id", id)])
            }
            RuleProblem::UnknownTier(id) => self.fill(key::RULE_UNKNOWN_TIER, &[("id", id)]),
            RuleProblem::Required => self.text(key::RULE_REQUIRED).to_string(),
            RuleProblem::PricedContactTier => self.text(key::RULE_PRICED_CONTACT_TIER).to_string(),
            RuleProblem::NoPricedTier => self.text(key::RULE_NO_PRICED_TIER).to_string(),
            RuleProblem::PromotionAmount => self.text(key::RULE_PROMOTION_AMOUNT).to_string(),
            RuleProblem::UnknownPeriod(id) => self.fill(key::RULE_UNKNOWN_PERIOD, &[("id", id)]),
            RuleProblem::BadDate => self.text(key::RULE_BAD_DATE).to_string(),
            RuleProblem::DuplicatePromotion(id) => {
                self.fill(key::RULE_DUPLICATE_PROMOTION, &[("id", id)])
            }
        };
        if error.path.is_empty() {
            problem
        } else {
            self.fill(
                key::RULE_AT,
                &[("path", &error.path), ("problem", &problem)],
            )
        }
    }

    /// Why a value was not used, as a clause.
    pub fn reason(&self, reason: &Reason) -> String {
        // Each name isolated on its own, so one cannot reorder the next.
        let or_list = |items: &[String]| {
            let isolated: Vec<String> =
                items.iter().map(|i| self.isolate(i).into_owned()).collect();
            self.format().list(&isolated, ListStyle::Or)
        };
        match reason {
            Reason::Count(e) => self.count_error(e),
            Reason::NotADate => self.text(key::REASON_NOT_A_DATE).to_string(),
            Reason::NoSuchPreset { known } => {
                self.fill(key::REASON_NO_SUCH_PRESET, &[("known", &or_list(known))])
            }
            Reason::NoSuchTier { known } => {
                self.fill(key::REASON_NO_SUCH_TIER, &[("known", &or_list(known))])
            }
            Reason::Empty => self.text(key::REASON_EMPTY).to_string(),
            Reason::NotACurrency => self.text(key::REASON_NOT_A_CURRENCY).to_string(),
            Reason::NoSuchCurrency { known } => {
                self.fill(key::REASON_NO_SUCH_CURRENCY, &[("known", &or_list(known))])
            }
            Reason::Billing => self.text(key::REASON_BILLING).to_string(),
            Reason::NoYearlyPrices => self.text(key::REASON_NO_YEARLY_PRICES).to_string(),
            Reason::NoQuarterlyPrices => self.text(key::REASON_NO_QUARTERLY_PRICES).to_string(),
            Reason::TaxMode => self.text(key::REASON_TAX_MODE).to_string(),
            Reason::NoSuchPromotion { known } if known.is_empty() => {
                self.text(key::REASON_NO_PROMOTIONS).to_string()
            }
            Reason::NoSuchPromotion { known } => {
                self.fill(key::REASON_NO_SUCH_PROMOTION, &[("known", &or_list(known))])
            }
            Reason::PromotionEnded { until } => {
                self.fill(key::REASON_PROMOTION_ENDED, &[("date", &self.date(*until))])
            }
            Reason::ContactSalesTier => self.text(key::REASON_CONTACT_SALES_TIER).to_string(),
            Reason::BadUrl => self.text(key::REASON_BAD_URL).to_string(),
            Reason::BadText => self.text(key::RULE_BAD_TEXT).to_string(),
            Reason::Addon(AddonProblem::NotAPair) => {
                self.text(key::REASON_ADDON_NOT_A_PAIR).to_string()
            }
            Reason::Addon(AddonProblem::NoSuchBundle) => {
                self.text(key::REASON_ADDON_NO_BUNDLE).to_string()
            }
            Reason::Addon(AddonProblem::BadCount(e)) => self.fill(
                key::REASON_ADDON_BAD_COUNT,
                &[("reason", &self.count_error(e))],
            ),
            Reason::Addon(AddonProblem::Capped(max)) => {
                self.fill(key::REASON_ADDON_CAPPED, &[("max", &self.count(*max))])
            }
            Reason::ManyAddons { first, .. } => self.reason(&Reason::Addon(first.clone())),
            Reason::Rules(e) | Reason::Fetch(FetchProblem::Invalid(e)) => {
                self.fill(key::REASON_RULES, &[("error", &self.rule_error(e))])
            }
            Reason::CrossOrigin(Fetched::Rules) => self.text(key::REASON_CROSS_ORIGIN).to_string(),
            Reason::CrossOrigin(Fetched::Messages) => {
                self.text(key::REASON_CROSS_ORIGIN_MESSAGES).to_string()
            }
            Reason::Fetch(FetchProblem::Unreachable) => {
                self.text(key::REASON_UNREACHABLE).to_string()
            }
            Reason::Fetch(FetchProblem::Status(status)) => {
                self.fill(key::REASON_STATUS, &[("status", &status.to_string())])
            }
            Reason::Fetch(FetchProblem::Unreadable) => {
                self.text(key::REASON_UNREADABLE).to_string()
            }
            // Only a catalogue gives these, and only `messages-src` takes one.
            Reason::Fetch(FetchProblem::NotACatalogue(problem)) => self.fill(
                key::REASON_NOT_A_CATALOGUE,
                &[("detail", &self.json_problem(problem))],
            ),
            Reason::Fetch(FetchProblem::TooLarge(kb)) => {
                self.fill(key::REASON_TOO_LARGE, &[("max", &self.count(*kb as u64))])
            }
            Reason::Messages(problem) => {
                let why = match problem {
                    FetchProblem::Unreachable => {
                        self.text(key::REASON_CATALOGUE_UNREACHABLE).to_string()
                    }
                    FetchProblem::Status(status) => self.fill(
                        key::REASON_CATALOGUE_STATUS,
                        &[("status", &status.to_string())],
                    ),
                    FetchProblem::Unreadable => {
                        self.text(key::REASON_CATALOGUE_UNREADABLE).to_string()
                    }
                    FetchProblem::NotACatalogue(problem) => self.fill(
                        key::REASON_NOT_A_CATALOGUE,
                        &[("detail", &self.json_problem(problem))],
                    ),
                    FetchProblem::TooLarge(kb) => {
                        self.fill(key::REASON_TOO_LARGE, &[("max", &self.count(*kb as u64))])
                    }
                    FetchProblem::Invalid(e) => self.rule_error(e),
                };
                self.fill(key::REASON_MESSAGES, &[("reason", &why)])
            }
            Reason::Theme => self.text(key::REASON_THEME).to_string(),
            Reason::Locale => self.text(key::REASON_LOCALE).to_string(),
            Reason::Flag => self.text(key::REASON_FLAG).to_string(),
            Reason::PersistKey => self.text(key::REASON_PERSIST).to_string(),
            Reason::Sections => self.text(key::REASON_SECTIONS).to_string(),
            Reason::Loading => self.text(key::REASON_LOADING).to_string(),
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
                self.fill(key::NOTICE_IGNORED_MANY, &args)
            }
            Reason::Addon(AddonProblem::Capped(limit)) => {
                max = self.count(*limit);
                args.push(("max", &max));
                self.fill(key::NOTICE_CAPPED, &args)
            }
            _ => self.fill(key::NOTICE_IGNORED, &args),
        }
    }

    /// A notice in full.
    pub fn notice(&self, notice: &Notice) -> String {
        match notice {
            Notice::Ignored(Origin::Page, ignored) => self.ignored(ignored),
            Notice::Ignored(Origin::Link, ignored) => {
                self.fill(key::NOTICE_LINK, &[("ignored", &self.ignored(ignored))])
            }
            Notice::Ignored(Origin::Saved, ignored) => {
                self.fill(key::NOTICE_SAVED, &[("ignored", &self.ignored(ignored))])
            }
            Notice::SavedUnreadable(problem) => {
                let reason = match problem {
                    SavedProblem::Format(_) => self.text(key::SAVED_FORMAT).to_string(),
                    SavedProblem::Version(_) => self.text(key::SAVED_VERSION).to_string(),
                    SavedProblem::Rules(e) => self.rule_error(e),
                    SavedProblem::Value(ignored) => self.ignored(ignored),
                };
                self.fill(key::NOTICE_SAVED_UNREADABLE, &[("reason", &reason)])
            }
            Notice::NewPeriod { start } => {
                self.fill(key::NOTICE_NEW_PERIOD, &[("date", &self.date(*start))])
            }
            Notice::RulesChanged(FitChange::TierNotSold(tier)) => {
                self.fill(key::NOTICE_TIER_NOT_SOLD, &[("tier", tier)])
            }
            Notice::RulesChanged(FitChange::BundleNotSold(size)) => {
                self.plural(key::NOTICE_BUNDLE_NOT_SOLD, *size, &[])
            }
            Notice::LinkPresetIgnored => self.text(key::NOTICE_LINK_PRESET_IGNORED).to_string(),
            Notice::LinkRulesUnusable(problem) => {
                let reason = match problem {
                    LinkRulesProblem::TooLong { max } => self.fill(
                        key::LINK_RULES_TOO_LONG,
                        &[("max", &self.count(*max as u64))],
                    ),
                    LinkRulesProblem::Damaged => self.text(key::LINK_RULES_DAMAGED).to_string(),
                    LinkRulesProblem::TooLarge { max } => self.fill(
                        key::LINK_RULES_TOO_LARGE,
                        &[("max", &self.count((*max / 1024) as u64))],
                    ),
                    LinkRulesProblem::Rules(e) => self.rule_error(e),
                };
                self.fill(key::NOTICE_LINK_RULES, &[("reason", &reason)])
            }
            Notice::FileUnreadable => self.text(key::NOTICE_FILE_UNREADABLE).to_string(),
            Notice::PersistKeyShared { key } => {
                self.fill(key::NOTICE_PERSIST_SHARED, &[("key", key)])
            }
            Notice::CurrencyNotPriced { currency } => {
                self.fill(key::NOTICE_CURRENCY_NOT_PRICED, &[("currency", currency)])
            }
            Notice::PromotionNotOffered { id } => {
                self.fill(key::NOTICE_PROMOTION_NOT_OFFERED, &[("id", id)])
            }
            Notice::LanguageUnavailable { language } => {
                self.fill(key::NOTICE_LANGUAGE_UNAVAILABLE, &[("language", language)])
            }
            Notice::OtherTabSaved(_) => self.text(key::NOTICE_OTHER_TAB).to_string(),
            Notice::StorageRefused(StorageRefusal::Full) => {
                self.text(key::NOTICE_STORAGE_FULL).to_string()
            }
            Notice::StorageRefused(StorageRefusal::Forbidden) => {
                self.text(key::NOTICE_STORAGE_FORBIDDEN).to_string()
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
    fn each_preset_has_its_own_words_and_their_english_is_its_file() {
        let t = english_for_tests();
        for preset in presets::all() {
            let rules = preset.rules();
            assert_eq!(&*t.preset_name(preset), rules.name, "{}", preset.id);
            assert_eq!(
                Some(&*t.preset_source(preset)),
                rules.source.as_deref(),
                "{}",
                preset.id
            );
        }
    }

    #[test]
    fn charges_and_options_in_words() {
        let t = english_for_tests();
        let rules = ARTICLE.rules();
        assert_eq!(
            t.charge(Charge::Tier { seats: 1 }, "Recruiter"),
            "Recruiter"
        );
        assert_eq!(
            t.charge(Charge::Tier { seats: 8 }, "Recruiter"),
            "Recruiter × 8 seats"
        );
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
            seats: 1,
            pay_per_inmails: 1,
            allowance: 140,
            inmail_credits: 12,
            total_cents: 0,
            period_cents: 0,
            year_cents: 0,
            list_total_cents: None,
            charge: crate::engine::tax::Split::default(),
            billing: crate::engine::bill::Billing::Monthly,
            messages_cents: 0,
            spare_messages: 0,
            spare_credits: 0,
            answered: 0,
            per_answered_cents: None,
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
