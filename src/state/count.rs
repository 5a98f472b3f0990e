//! The numbers a visitor types, and what each field shows.
//!
//! A field shows the visitor's own text while it stands for the value in use (so `29.9`
//! is not rewritten to `29.90` mid-typing), or, when it is not a valid number, the text
//! with the reason and the value still in use. A value changed from elsewhere (a link, the
//! pop-up, the player) replaces the text.

use std::rc::Rc;

use super::{RuleField, Widget};
use crate::engine::fields::{parse_count, parse_money, CountError, CountField};
use crate::engine::rules::MAX_PRICE_CENTS;
use crate::engine::send::Recipient;

/// A number a visitor types into a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Count {
    Addon(u64),
    InMailBlocks,
    Sent,
    InMailSent,
    NeedMessages,
    NeedInMails,
    ScenarioPerDay,
    /// A share of the scenario's sends, by recipient (`Recipient::ALL` order).
    ScenarioShare(usize),
    ReadRate,
    Seed,
    Rule(RuleField),
}

/// The part of the widget a number field sits in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The widget's own heading and section navigation (`heading`).
    Heading,
    Calculator,
    /// The Share panel (no number fields).
    Share,
    Compare,
    Demo,
    Rules,
}

impl Part {
    /// Its name, as `sections` and the loader's sizing rules write it.
    pub fn id(self) -> &'static str {
        match self {
            Part::Heading => "heading",
            Part::Calculator => "calculator",
            Part::Share => "share",
            Part::Compare => "compare",
            Part::Demo => "demo",
            Part::Rules => "rules",
        }
    }
}

/// The text last typed into one field, and the field's value at that moment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldDraft {
    pub count: Count,
    pub text: String,
    pub value: Option<u64>,
}

/// What a field shows: its text, and why the text is not used when it is not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldText {
    pub text: String,
    pub error: Option<CountError>,
    /// The value in use (as the field writes it), which an error says is still used.
    pub value: String,
}

impl Count {
    /// The range the typed value must fall in.
    pub fn field(self) -> CountField {
        match self {
            Count::Addon(_) => CountField::AddonCount,
            Count::ScenarioPerDay | Count::ScenarioShare(_) | Count::ReadRate => CountField::Small,
            Count::InMailBlocks => CountField::InMailBlocks,
            Count::Sent | Count::Seed => CountField::Sent,
            Count::InMailSent => CountField::InMailSent,
            Count::NeedMessages => CountField::NeedMessages,
            Count::NeedInMails => CountField::NeedInMails,
            Count::Rule(f) => f.count_field(),
        }
    }

    /// The part of the widget whose field holds this count.
    pub fn part(self) -> Part {
        match self {
            Count::Addon(_) | Count::InMailBlocks | Count::Sent | Count::InMailSent => {
                Part::Calculator
            }
            Count::NeedMessages | Count::NeedInMails => Part::Compare,
            Count::ScenarioPerDay | Count::ScenarioShare(_) | Count::ReadRate | Count::Seed => {
                Part::Demo
            }
            Count::Rule(_) => Part::Rules,
        }
    }

    /// A name no other field of the widget has, for the field's element id: `addon-100`,
    /// `rf-price-0`. Rule fields are named by position, since the draft's tier ids are not
    /// checked yet (two tiers may share one while the visitor types).
    pub fn name(self) -> String {
        match self {
            Count::Addon(size) => format!("addon-{size}"),
            Count::Rule(field) => match field {
                RuleField::TierPrice(i) => format!("rf-price-{i}"),
                RuleField::TierMessages(i) => format!("rf-messages-{i}"),
                RuleField::TierCredits(i) => format!("rf-credits-{i}"),
                RuleField::BundleSize(i) => format!("rf-bsize-{i}"),
                RuleField::BundlePrice(i) => format!("rf-bprice-{i}"),
                RuleField::BlockSize => "rf-block-size".to_owned(),
                RuleField::BlockPrice => "rf-block-price".to_owned(),
                RuleField::PayPerInMail => "rf-ppi".to_owned(),
            },
            other => other.test_id(None),
        }
    }

    /// The field's `data-testid`, as the README's testing contract lists it. A tier's rule
    /// fields are named by the tier's id (`rules-tier-price-premium-business`), which only
    /// the form knows; without it, by position.
    pub fn test_id(self, tier_id: Option<&str>) -> String {
        let tier = |i: usize| tier_id.map_or_else(|| i.to_string(), str::to_owned);
        match self {
            Count::Addon(size) => format!("addon-count-{size}"),
            Count::InMailBlocks => "inmail-blocks".to_owned(),
            Count::Sent => "sent-count".to_owned(),
            Count::InMailSent => "inmail-sent-count".to_owned(),
            Count::NeedMessages => "need-messages".to_owned(),
            Count::NeedInMails => "need-inmails".to_owned(),
            Count::ScenarioPerDay => "scenario-per-day".to_owned(),
            Count::ScenarioShare(i) => format!(
                "scenario-share-{}",
                Recipient::ALL.get(i).map_or("other", |r| r.id())
            ),
            Count::ReadRate => "scenario-read-rate".to_owned(),
            Count::Seed => "scenario-seed".to_owned(),
            Count::Rule(field) => match field {
                RuleField::TierPrice(i) => format!("rules-tier-price-{}", tier(i)),
                RuleField::TierMessages(i) => format!("rules-tier-messages-{}", tier(i)),
                RuleField::TierCredits(i) => format!("rules-tier-credits-{}", tier(i)),
                RuleField::BundleSize(i) => format!("rules-bundle-size-{i}"),
                RuleField::BundlePrice(i) => format!("rules-bundle-price-{i}"),
                RuleField::BlockSize => "rules-block-size".to_owned(),
                RuleField::BlockPrice => "rules-block-price".to_owned(),
                RuleField::PayPerInMail => "rules-pay-per-inmail".to_owned(),
            },
        }
    }

    /// Whether the value is money, typed in dollars.
    pub fn is_money(self) -> bool {
        matches!(self, Count::Rule(f) if f.is_money())
    }

    /// The largest value that makes sense, where it is below the field's range (a
    /// percentage, sends a day).
    fn cap(self) -> Option<u64> {
        match self {
            Count::ScenarioShare(_) | Count::ReadRate => Some(100),
            Count::ScenarioPerDay => Some(200),
            _ => None,
        }
    }

    /// Reads typed text as this count's value; money in a currency of `digits` minor digits.
    pub fn parse(self, text: &str, digits: u8) -> Result<u64, CountError> {
        let value = if self.is_money() {
            parse_money(text, MAX_PRICE_CENTS, digits)
        } else {
            parse_count(text, self.field())
        }?;
        match self.cap() {
            Some(cap) if value > cap => Err(CountError::TooLarge(cap)),
            _ => Ok(value),
        }
    }

    /// The value as the field shows it: `12`, or `29.99` for money of 2 minor digits.
    pub fn show(self, value: u64, digits: u8) -> String {
        let unit = 10u64.pow(u32::from(digits));
        if self.is_money() && digits > 0 {
            format!(
                "{}.{:0width$}",
                value / unit,
                value % unit,
                width = usize::from(digits)
            )
        } else {
            value.to_string()
        }
    }
}

/// What a field shows while its value is `value` and `draft` is what was last typed into it.
pub fn field_text(
    count: Count,
    value: Option<u64>,
    draft: Option<&FieldDraft>,
    digits: u8,
) -> FieldText {
    let value_text = value.map(|v| count.show(v, digits)).unwrap_or_default();
    let shown = || FieldText {
        text: value_text.clone(),
        error: None,
        value: value_text.clone(),
    };
    let Some(draft) = draft.filter(|d| d.value == value) else {
        return shown();
    };
    match count.parse(&draft.text, digits) {
        Ok(v) if Some(v) == value => FieldText {
            text: draft.text.clone(),
            error: None,
            value: value_text,
        },
        Ok(_) => shown(),
        Err(e) => FieldText {
            text: draft.text.clone(),
            error: Some(e),
            value: value_text,
        },
    }
}

impl Widget {
    /// The value a count has now; `None` for a rule field while the form cannot read the draft.
    pub fn count_value(&self, count: Count) -> Option<u64> {
        let scenario = &self.scenario;
        Some(match count {
            Count::Addon(size) => self.selection.addon_count(size),
            Count::InMailBlocks => self.selection.inmail_blocks,
            Count::Sent => self.month.usage.sent,
            Count::InMailSent => self.month.usage.inmail_sent,
            Count::NeedMessages => self.need.messages,
            Count::NeedInMails => self.need.inmails,
            Count::ScenarioPerDay => scenario.per_working_day,
            Count::ScenarioShare(i) => *scenario.shares.get(i)?,
            Count::ReadRate => scenario.read_rate,
            Count::Seed => scenario.seed,
            Count::Rule(field) => field.read(self.draft_form()?)?,
        })
    }

    /// The minor digits of the rule form's prices: its draft's currency, or the rules'.
    pub fn money_digits(&self) -> u8 {
        self.draft_form()
            .map_or(self.rules.currency, |f| f.currency)
            .minor_digits
    }

    /// What the field for `count` shows.
    pub fn field_text(&self, count: Count) -> FieldText {
        field_text(
            count,
            self.count_value(count),
            self.draft(count),
            self.money_digits(),
        )
    }

    /// What the visitor last typed into the field for `count`.
    pub fn draft(&self, count: Count) -> Option<&FieldDraft> {
        self.drafts.iter().find(|d| d.count == count)
    }

    /// The drafts of one part's fields, for its props.
    pub fn drafts_of(&self, part: Part) -> Rc<[FieldDraft]> {
        self.drafts
            .iter()
            .filter(|d| d.count.part() == part)
            .cloned()
            .collect()
    }

    /// Sets a count's value.
    pub(super) fn set_count(&mut self, count: Count, n: u64) {
        let n = count.cap().map_or(n, |cap| n.min(cap));
        match count {
            Count::Addon(size) => {
                if self.rules.bundle(size).is_some() {
                    self.selection.set_addon_count(size, n);
                }
            }
            Count::InMailBlocks => self.selection.inmail_blocks = n,
            Count::Sent => Rc::make_mut(&mut self.month).usage.sent = n,
            Count::InMailSent => Rc::make_mut(&mut self.month).usage.inmail_sent = n,
            Count::NeedMessages => self.need.messages = n,
            Count::NeedInMails => self.need.inmails = n,
            Count::ScenarioPerDay => self.scenario.per_working_day = n,
            Count::ScenarioShare(i) => {
                if let Some(share) = self.scenario.shares.get_mut(i) {
                    *share = n;
                }
            }
            Count::ReadRate => self.scenario.read_rate = n,
            Count::Seed => {
                self.scenario.seed = n;
                Rc::make_mut(&mut self.month).rng = crate::engine::rng::Rng::new(n);
            }
            Count::Rule(field) => self.edit_rule(field, n),
        }
    }

    /// Text typed into a field: a valid number is applied; either way the text is kept.
    pub(super) fn type_count(&mut self, count: Count, text: String) {
        if let Ok(v) = count.parse(&text, self.money_digits()) {
            if self.count_value(count) != Some(v) {
                self.set_count(count, v);
            }
        }
        let value = self.count_value(count);
        self.drafts.retain(|d| d.count != count);
        self.drafts.push(FieldDraft { count, text, value });
    }

    /// One up or down, within the field's range; prices are typed, not stepped.
    pub(super) fn step_count(&mut self, count: Count, up: bool) {
        if let (Some(value), false) = (self.count_value(count), count.is_money()) {
            let (min, max) = count.field().range();
            let max = count.cap().map_or(max, |cap| cap.min(max));
            let next = if up {
                value.saturating_add(1).min(max)
            } else {
                value.saturating_sub(1).max(min)
            };
            self.type_count(count, next.to_string());
        }
    }
}
