//! The number fields a visitor types into, and what each shows.
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
use crate::host::parts::Part;

/// A number field: what a visitor types a number into, named by what it sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Addon(u64),
    InMailBlocks,
    Sent,
    InMailSent,
    NeedMessages,
    NeedInMails,
    /// The share of InMails the visitor expects answered.
    ReplyRate,
    /// The seats bought, on a tier sold by the seat.
    Seats,
    /// The people a need is for.
    NeedTeam,
    ScenarioPerDay,
    /// A share of the scenario's sends, by recipient (`Recipient::ALL` order).
    ScenarioShare(usize),
    ReadRate,
    Seed,
    Rule(RuleField),
}

/// The text last typed into one field, and the field's value at that moment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldDraft {
    pub field: Field,
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

impl Field {
    /// The range the typed value must fall in.
    pub fn kind(self) -> CountField {
        match self {
            Field::Addon(_) => CountField::AddonCount,
            Field::ScenarioPerDay | Field::ScenarioShare(_) | Field::ReadRate => CountField::Small,
            Field::InMailBlocks => CountField::InMailBlocks,
            Field::Sent | Field::Seed => CountField::Sent,
            Field::InMailSent => CountField::InMailSent,
            Field::NeedMessages => CountField::NeedMessages,
            Field::NeedInMails => CountField::NeedInMails,
            Field::ReplyRate => CountField::Percent,
            Field::Seats | Field::NeedTeam => CountField::Seats,
            Field::Rule(f) => f.count_field(),
        }
    }

    /// The part of the widget this field sits in.
    pub fn part(self) -> Part {
        match self {
            Field::Addon(_)
            | Field::InMailBlocks
            | Field::Sent
            | Field::InMailSent
            | Field::Seats => Part::Calculator,
            Field::NeedMessages | Field::NeedInMails | Field::ReplyRate | Field::NeedTeam => {
                Part::Compare
            }
            Field::ScenarioPerDay | Field::ScenarioShare(_) | Field::ReadRate | Field::Seed => {
                Part::Demo
            }
            Field::Rule(_) => Part::Rules,
        }
    }

    /// A name no other field of the widget has, for the field's element id: `addon-100`,
    /// `rf-price-0`. Rule fields are named by position, since the draft's tier ids are not
    /// checked yet (two tiers may share one while the visitor types).
    pub fn name(self) -> String {
        match self {
            Field::Addon(size) => format!("addon-{size}"),
            Field::Rule(field) => match field {
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
            Field::Addon(size) => format!("addon-count-{size}"),
            Field::InMailBlocks => "inmail-blocks".to_owned(),
            Field::Sent => "sent-count".to_owned(),
            Field::InMailSent => "inmail-sent-count".to_owned(),
            Field::NeedMessages => "need-messages".to_owned(),
            Field::NeedInMails => "need-inmails".to_owned(),
            Field::ReplyRate => "reply-rate".to_owned(),
            Field::Seats => "seats".to_owned(),
            Field::NeedTeam => "need-team".to_owned(),
            Field::ScenarioPerDay => "scenario-per-day".to_owned(),
            Field::ScenarioShare(i) => format!(
                "scenario-share-{}",
                Recipient::ALL.get(i).map_or("other", |r| r.id())
            ),
            Field::ReadRate => "scenario-read-rate".to_owned(),
            Field::Seed => "scenario-seed".to_owned(),
            Field::Rule(field) => match field {
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
        matches!(self, Field::Rule(f) if f.is_money())
    }

    /// The largest value that makes sense, where it is below the field's range (a
    /// percentage, sends a day).
    fn cap(self) -> Option<u64> {
        match self {
            Field::ScenarioShare(_) | Field::ReadRate => Some(100),
            Field::ScenarioPerDay => Some(200),
            _ => None,
        }
    }

    /// Reads typed text as this count's value; money in a currency of `digits` minor digits.
    pub fn parse(self, text: &str, digits: u8) -> Result<u64, CountError> {
        let value = if self.is_money() {
            parse_money(text, MAX_PRICE_CENTS, digits)
        } else {
            parse_count(text, self.kind())
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
    field: Field,
    value: Option<u64>,
    draft: Option<&FieldDraft>,
    digits: u8,
) -> FieldText {
    let value_text = value.map(|v| field.show(v, digits)).unwrap_or_default();
    let shown = || FieldText {
        text: value_text.clone(),
        error: None,
        value: value_text.clone(),
    };
    let Some(draft) = draft.filter(|d| d.value == value) else {
        return shown();
    };
    match field.parse(&draft.text, digits) {
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

/// The text typed into number fields, one draft per field.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Drafts(Vec<FieldDraft>);

impl Drafts {
    /// What the visitor last typed into `field`.
    pub fn of(&self, field: Field) -> Option<&FieldDraft> {
        self.0.iter().find(|d| d.field == field)
    }

    /// The drafts of one part's fields, for its view.
    pub fn of_part(&self, part: Part) -> Rc<[FieldDraft]> {
        self.0
            .iter()
            .filter(|d| d.field.part() == part)
            .cloned()
            .collect()
    }

    fn set(&mut self, draft: FieldDraft) {
        self.0.retain(|d| d.field != draft.field);
        self.0.push(draft);
    }

    /// Forgets every draft: the values they were typed for changed from elsewhere.
    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// Forgets the drafts of one part.
    pub fn clear_part(&mut self, part: Part) {
        self.0.retain(|d| d.field.part() != part);
    }
}

/// Which way an arrow key steps a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// What the visitor does to a number field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    /// A value set from elsewhere (a test, a shortcut): no text is kept.
    Set(u64),
    /// Text typed: applied when valid, kept with a message when not.
    Type(String),
    /// The arrow keys: one up or down, within the field's range.
    Step(Direction),
}

impl Widget {
    /// The value a field has now; `None` for a rule field while the form cannot read the draft.
    pub fn field_value(&self, field: Field) -> Option<u64> {
        let (choices, scenario) = (&self.choices, &self.player.scenario);
        Some(match field {
            Field::Addon(size) => choices.selection.addon_count(size),
            Field::InMailBlocks => choices.selection.inmail_blocks,
            Field::Sent => self.month.usage.sent,
            Field::InMailSent => self.month.usage.inmail_sent,
            Field::NeedMessages => choices.need.messages,
            Field::NeedInMails => choices.need.inmails,
            Field::ReplyRate => choices.reply_percent,
            Field::Seats => choices.selection.seats_on(&self.rules.set),
            Field::NeedTeam => choices.need.team_size(),
            Field::ScenarioPerDay => scenario.per_working_day,
            Field::ScenarioShare(i) => *scenario.shares.get(i)?,
            Field::ReadRate => scenario.read_rate,
            Field::Seed => scenario.seed,
            Field::Rule(rule) => rule.read(self.editor.form(&self.rules.set)?)?,
        })
    }

    /// The minor digits of a field's money: the rule form's currency.
    pub fn money_digits(&self) -> u8 {
        self.editor.money_digits(&self.rules.set)
    }

    /// What the field shows.
    pub fn field_text(&self, field: Field) -> FieldText {
        field_text(
            field,
            self.field_value(field),
            self.drafts.of(field),
            self.money_digits(),
        )
    }

    /// Applies an edit of a number field.
    pub(super) fn edit_field(&mut self, field: Field, edit: Edit) {
        match edit {
            Edit::Set(n) => self.set_field(field, n),
            Edit::Type(text) => self.type_field(field, text),
            Edit::Step(direction) => self.step_field(field, direction),
        }
    }

    /// Sets a field's value, in the part that holds it.
    fn set_field(&mut self, field: Field, n: u64) {
        let n = field.cap().map_or(n, |cap| n.min(cap));
        let (selection, scenario) = (&mut self.choices.selection, &mut self.player.scenario);
        match field {
            Field::Addon(size) => {
                if self.rules.set.bundle(size).is_some() {
                    selection.set_addon_count(size, n);
                }
            }
            Field::InMailBlocks => selection.inmail_blocks = n,
            Field::Sent => Rc::make_mut(&mut self.month).usage.sent = n,
            Field::InMailSent => {
                // Typed, the InMails are a plan: their credits come back at the reply rate.
                let month = Rc::make_mut(&mut self.month);
                month.usage.inmail_sent = n;
                month.forget_played();
            }
            Field::NeedMessages => self.choices.need.messages = n,
            Field::NeedInMails => self.choices.need.inmails = n,
            Field::ReplyRate => self.choices.reply_percent = n,
            // Within what the chosen tier sells; kept as typed on a tier sold to one account.
            Field::Seats => {
                selection.seats = match self.rules.set.tier(&selection.tier_id) {
                    Some(tier) if tier.seats.is_some() => tier.seats_for(n),
                    _ => n,
                }
            }
            Field::NeedTeam => self.choices.need.team = n,
            Field::ScenarioPerDay => scenario.per_working_day = n,
            Field::ScenarioShare(i) => {
                if let Some(share) = scenario.shares.get_mut(i) {
                    *share = n;
                }
            }
            Field::ReadRate => scenario.read_rate = n,
            Field::Seed => {
                scenario.seed = n;
                Rc::make_mut(&mut self.month).rng = crate::engine::rng::Rng::new(n);
            }
            Field::Rule(rule) => self.editor.edit_field(rule, n, &self.rules.set),
        }
    }

    /// Text typed into a field: a valid number is applied; either way the text is kept.
    fn type_field(&mut self, field: Field, text: String) {
        if let Ok(v) = field.parse(&text, self.money_digits()) {
            if self.field_value(field) != Some(v) {
                self.set_field(field, v);
            }
        }
        let value = self.field_value(field);
        self.drafts.set(FieldDraft { field, text, value });
    }

    /// One up or down, within the field's range; prices are typed, not stepped.
    fn step_field(&mut self, field: Field, direction: Direction) {
        if let (Some(value), false) = (self.field_value(field), field.is_money()) {
            let (min, max) = field.kind().range();
            let max = field.cap().map_or(max, |cap| cap.min(max));
            let next = match direction {
                Direction::Up => value.saturating_add(1).min(max),
                Direction::Down => value.saturating_sub(1).max(min),
            };
            self.type_field(field, next.to_string());
        }
    }
}
