//! The numbers a visitor types, and what each field shows.
//!
//! A field shows the visitor's own text while it stands for the value in use (so `29.9`
//! is not rewritten to `29.90` mid-typing), or, when it is not a valid number, the text
//! with a message and the value still in use. A value changed from elsewhere (a link, the
//! pop-up, the player) replaces the text.

use super::{Action, RuleField, Widget};
use crate::engine::fields::{parse_count, parse_money, CountError, CountField};
use crate::engine::rules::{RuleSet, MAX_PRICE_CENTS};

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
    ScenarioShare(usize),
    ReadRate,
    Seed,
    Rule(RuleField),
}

/// The counts whose field name carries no argument.
const FIXED_KEYS: [(&str, Count); 8] = [
    ("inmail-blocks", Count::InMailBlocks),
    ("sent", Count::Sent),
    ("inmail-sent", Count::InMailSent),
    ("need-messages", Count::NeedMessages),
    ("need-inmails", Count::NeedInMails),
    ("per-day", Count::ScenarioPerDay),
    ("read-rate", Count::ReadRate),
    ("seed", Count::Seed),
];

/// The text last typed into one field, and the field's value at that moment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldDraft {
    pub count: Count,
    pub text: String,
    pub value: Option<u64>,
}

/// What a field shows: its text, and a message when the text is not used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldText {
    pub text: String,
    pub error: Option<String>,
}

impl Count {
    /// The range the typed value must fall in.
    pub fn field(self) -> CountField {
        match self {
            Count::Addon(_) | Count::ScenarioPerDay | Count::ScenarioShare(_) | Count::ReadRate => {
                CountField::AddonCount
            }
            Count::InMailBlocks => CountField::InMailBlocks,
            Count::Sent | Count::Seed => CountField::Sent,
            Count::InMailSent => CountField::InMailSent,
            Count::NeedMessages => CountField::NeedMessages,
            Count::NeedInMails => CountField::NeedInMails,
            Count::Rule(f) => f.count_field(),
        }
    }

    /// Whether the value is money, typed in dollars.
    pub fn is_money(self) -> bool {
        matches!(self, Count::Rule(f) if f.is_money())
    }

    /// The field's `data-count` name: `sent`, `addon:100`, `rule:tier-price:0`.
    pub fn key(self) -> String {
        match self {
            Count::Addon(size) => format!("addon:{size}"),
            Count::ScenarioShare(i) => format!("share:{i}"),
            Count::Rule(f) => format!("rule:{}", f.key()),
            fixed => FIXED_KEYS
                .iter()
                .find(|(_, c)| *c == fixed)
                .map(|(k, _)| (*k).to_owned())
                .unwrap_or_default(),
        }
    }

    /// The count a `data-count` name stands for.
    pub fn from_key(key: &str) -> Option<Count> {
        if let Some((_, count)) = FIXED_KEYS.iter().find(|(k, _)| *k == key) {
            return Some(*count);
        }
        let (head, tail) = key.split_once(':')?;
        Some(match head {
            "addon" => Count::Addon(tail.parse().ok()?),
            "share" => Count::ScenarioShare(tail.parse().ok().filter(|i| *i < 5)?),
            "rule" => Count::Rule(RuleField::from_key(tail)?),
            _ => return None,
        })
    }

    /// Reads typed text as this count's value.
    pub fn parse(self, text: &str) -> Result<u64, CountError> {
        if self.is_money() {
            parse_money(text, MAX_PRICE_CENTS)
        } else {
            parse_count(text, self.field())
        }
    }

    /// The value as the field shows it: `12`, or `29.99` for money.
    pub fn show(self, value: u64) -> String {
        if self.is_money() {
            format!("{}.{:02}", value / 100, value % 100)
        } else {
            value.to_string()
        }
    }
}

impl Widget {
    /// The value a count has now; `None` for a rule field while the draft does not parse.
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
            Count::Rule(field) => field.read(&RuleSet::from_json(&self.rules_draft).ok()?)?,
        })
    }

    /// What the field for `count` shows while its value is `value`.
    pub fn field_text(&self, count: Count, value: u64) -> FieldText {
        let shown = || FieldText {
            text: count.show(value),
            error: None,
        };
        let Some(draft) = self.drafts.iter().find(|d| d.count == count) else {
            return shown();
        };
        if draft.value != Some(value) {
            return shown();
        }
        match count.parse(&draft.text) {
            Ok(v) if v == value => FieldText {
                text: draft.text.clone(),
                error: None,
            },
            Ok(_) => shown(),
            Err(e) => FieldText {
                text: draft.text.clone(),
                error: Some(format!(
                    "{} — still using {}",
                    e.sentence(),
                    count.show(value)
                )),
            },
        }
    }

    /// Text typed into a field: a valid number is applied; either way the text is kept.
    pub(super) fn type_count(&mut self, count: Count, text: String) {
        if let Ok(v) = count.parse(&text) {
            if self.count_value(count) != Some(v) {
                self.apply(Action::SetCount(count, v));
            }
        }
        let value = self.count_value(count);
        self.drafts.retain(|d| d.count != count);
        self.drafts.push(FieldDraft { count, text, value });
    }
}
