//! The widget's whole state and every change to it, as plain Rust.
//!
//! The UI holds one [`Widget`] in a reducer and sends it [`Action`]s; nothing here imports
//! yew or touches the browser, so every journey can be tested natively. Display values are
//! derived from the state on each render ([`Widget::summary`]), never stored.

mod count;
mod init;
mod rules_form;

use std::rc::Rc;

use chrono::NaiveDate;

pub use count::{Count, FieldDraft, FieldText};
pub use init::{initial_widget, storage_value, Init};
pub use rules_form::RuleField;

use crate::engine::embed_config::{attribute_warning, EmbedConfig, Sections, Theme};
use crate::engine::locale::Locale;
use crate::engine::params::{to_params, ParamTarget};
use crate::engine::period::PeriodRule;
use crate::engine::player::{Context, Month, Scenario, Step};
use crate::engine::presets::Preset;
use crate::engine::recommend::{Need, Plan, Recommender};
use crate::engine::rules::{RuleError, RuleSet};
use crate::engine::send::{apply_unblock, Blocked, Recipient, SendDecision, Unblock};
use crate::engine::summary::{summarize, Summary};

/// The context a month is played under, borrowed field by field so `month` stays free.
macro_rules! context {
    ($w:expr) => {
        Context {
            rules: &$w.rules,
            selection: &$w.selection,
            period_rule: $w.period_rule,
            locale: &$w.locale,
        }
    };
}

/// What the last press of Send did, as the send preview shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LastSend {
    Delivered {
        remaining: u64,
    },
    /// A non-connection: offered "Send as InMail".
    InMailOffered {
        credits_left: u64,
        charge_cents: u64,
    },
    InMailSent {
        charge_cents: u64,
        credits_left: u64,
    },
    Refused {
        reason: &'static str,
    },
    /// Over the limit: not delivered. `applied` names the option chosen since.
    Blocked {
        allowance: u64,
        applied: Option<String>,
    },
}

impl LastSend {
    /// The `data-outcome` value.
    pub fn outcome_id(&self) -> &'static str {
        match self {
            LastSend::Delivered { .. } => "delivered",
            LastSend::InMailOffered { .. } | LastSend::InMailSent { .. } => "inmail",
            LastSend::Refused { .. } => "refused",
            LastSend::Blocked { .. } => "blocked",
        }
    }
}

/// Auto-play speed, in milliseconds per simulated day.
pub const SPEEDS: [(u32, &str); 4] = [
    (1500, "Slow"),
    (800, "Normal"),
    (350, "Fast"),
    (120, "Very fast"),
];

/// Which rule set is active, for labels and the URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RulesOrigin {
    Preset(Preset),
    /// Set by the host page, loaded from a file, or edited here.
    Custom,
}

/// The whole widget.
#[derive(Clone, Debug)]
pub struct Widget {
    pub rules: Rc<RuleSet>,
    pub recommender: Rc<Recommender>,
    pub rules_origin: RulesOrigin,
    pub selection: crate::engine::plan::Selection,
    pub month: Month,
    pub period_rule: PeriodRule,
    pub local_today: NaiveDate,
    pub locale: Locale,
    pub theme: Theme,
    pub sections: Sections,
    pub recipient: Recipient,
    pub last_send: Option<LastSend>,
    /// The open upgrade pop-up.
    pub dialog: Option<Blocked>,
    pub need: Need,
    /// Values from the URL, storage or attributes that were ignored, and other notices.
    pub notices: Vec<String>,
    pub scenario: Scenario,
    pub playing: bool,
    pub speed_ms: u32,
    pub large_text: bool,
    /// The rule editor's text; applied only when valid.
    pub rules_draft: String,
    pub rules_error: Option<RuleError>,
    pub rules_message: Option<String>,
    /// What the visitor last typed into each number field (see [`Count`]).
    pub drafts: Vec<FieldDraft>,
}

/// Everything a visitor can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SelectTier(String),
    /// A typed number, routed by what it counts.
    SetCount(Count, u64),
    /// Text typed into a number field: applied when valid, kept with a message when not.
    TypeCount(Count, String),
    /// The arrow keys in a number field: one up or down, within the field's range.
    StepCount(Count, bool),
    SetAddonCount {
        size: u64,
        count: u64,
    },
    SetInMailBlocks(u64),
    SetSent(u64),
    SetInMailSent(u64),
    SetBillingDay(Option<u32>),
    SetRecipient(Recipient),
    Send,
    SendInMail,
    CloseDialog,
    ApplyUnblock(Unblock),
    SetNeedMessages(u64),
    SetNeedInMails(u64),
    SetMinTier(Option<String>),
    ApplyRecommendation,
    DismissNotices,
    AddNotice(String),
    NextDay,
    JumpToReset,
    /// One auto-play step (the timer's tick, or the Step button).
    Step,
    Play,
    Pause,
    SetScenario(Scenario),
    SetScenarioInMail(bool),
    SetSpeed(u32),
    MarkRepliesSeen,
    ToggleLargeText,
    EditRulesDraft(String),
    EditRule(RuleField, u64),
    ApplyRulesDraft,
    LoadPreset(Preset),
    /// A rule file the visitor imported.
    ImportRules(String),
    ResetMonth,
    /// The host page changed the widget's attributes.
    Configure(Box<EmbedConfig>, Vec<String>),
}

impl Action {
    /// The action a button's `data-action` command names, e.g. `next-day`,
    /// `preset:linkedin-help`, `unblock-addon:25`.
    pub fn from_command(command: &str) -> Option<Action> {
        let (verb, arg) = command.split_once(':').unwrap_or((command, ""));
        Some(match verb {
            "send" => Action::Send,
            "send-inmail" => Action::SendInMail,
            "close-dialog" => Action::CloseDialog,
            "apply-recommendation" => Action::ApplyRecommendation,
            "dismiss-notices" => Action::DismissNotices,
            "next-day" => Action::NextDay,
            "jump-to-reset" => Action::JumpToReset,
            "play" => Action::Play,
            "pause" => Action::Pause,
            "step" => Action::Step,
            "reset-month" => Action::ResetMonth,
            "large-text" => Action::ToggleLargeText,
            "mark-replies-seen" => Action::MarkRepliesSeen,
            "rules-apply" => Action::ApplyRulesDraft,
            "preset" => Action::LoadPreset(crate::engine::presets::Preset::find(arg)?),
            "unblock-tier" => Action::ApplyUnblock(Unblock::Tier(arg.to_owned())),
            "unblock-addon" => Action::ApplyUnblock(Unblock::Bundle(arg.parse().ok()?)),
            _ => return None,
        })
    }

    /// The action a changed `<select>`, radio or checkbox names through `data-field`.
    pub fn from_field(field: &str, value: &str, checked: bool) -> Option<Action> {
        Some(match field {
            "tier" => Action::SelectTier(value.to_owned()),
            "recipient" => Action::SetRecipient(Recipient::from_id(value)?),
            "billing-day" => Action::SetBillingDay(value.parse().ok()),
            "min-tier" => Action::SetMinTier((!value.is_empty()).then(|| value.to_owned())),
            "speed" => Action::SetSpeed(value.parse().ok()?),
            "scenario-inmail" => Action::SetScenarioInMail(checked),
            _ => return None,
        })
    }
}

impl Widget {
    /// The summary the results panel shows.
    pub fn summary(&self) -> Summary {
        summarize(
            &self.rules,
            &self.selection,
            &self.month.usage,
            self.month.today,
            self.period_rule,
            &self.locale,
        )
    }

    /// The cheapest plan for the stated need.
    pub fn recommendation(&self) -> Option<Plan> {
        self.recommender.recommend(&self.rules, &self.need)
    }

    /// The state as URL parameters.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        let target = ParamTarget {
            selection: self.selection.clone(),
            usage: self.month.usage,
            today: self.month.today,
            period_rule: self.period_rule,
            need: self.need.clone(),
        };
        let preset = match self.rules_origin {
            RulesOrigin::Preset(p) => Some(p),
            RulesOrigin::Custom => None,
        };
        to_params(&target, preset, self.local_today)
    }

    /// Replaces the rules, fitting the selection and need to them.
    fn replace_rules(&mut self, rules: RuleSet, origin: RulesOrigin) {
        let (selection, changes) = self.selection.fit_to(&rules);
        self.notices.extend(
            changes
                .into_iter()
                .map(|c| format!("Rules changed: {c}, so it was reset.")),
        );
        if let Some(min) = &self.need.min_tier {
            if rules.tier(min).is_none() {
                self.need.min_tier = None;
            }
        }
        self.selection = selection;
        self.recommender = Rc::new(Recommender::new(&rules));
        self.rules_draft = rules.to_json();
        self.rules_message = Some(format!("Active: {}", rules.name));
        self.rules = Rc::new(rules);
        self.rules_origin = origin;
        self.rules_error = None;
        self.dialog = None;
        self.last_send = None;
    }

    /// Applies changed host attributes: rules first, then the state they set.
    fn configure(&mut self, config: EmbedConfig, warnings: Vec<String>) {
        self.notices.extend(warnings);
        if let Some(rules) = config.rules {
            if *self.rules != rules {
                self.replace_rules(rules, RulesOrigin::Custom);
            }
        } else if let Some(preset) = config.params.preset {
            if self.rules_origin != RulesOrigin::Preset(preset) {
                self.apply(Action::LoadPreset(preset));
            }
        }
        self.theme = config.theme;
        self.locale = config.locale;
        self.sections = config.sections;
        let mut target = ParamTarget {
            selection: self.selection.clone(),
            usage: self.month.usage,
            today: self.month.today,
            period_rule: self.period_rule,
            need: self.need.clone(),
        };
        for problem in config.params.apply(&self.rules, &mut target) {
            self.notices.push(attribute_warning(&problem));
        }
        self.selection = target.selection;
        self.month.usage = target.usage;
        self.month.today = target.today;
        self.period_rule = target.period_rule;
        self.need = target.need;
    }

    fn record(&mut self, decision: SendDecision) {
        self.last_send = Some(match decision {
            SendDecision::Delivered { remaining_after } => LastSend::Delivered {
                remaining: remaining_after,
            },
            SendDecision::NeedsInMail {
                credits_left,
                charge_cents,
            } => LastSend::InMailOffered {
                credits_left,
                charge_cents,
            },
            SendDecision::Refused { reason } => LastSend::Refused { reason },
            SendDecision::Blocked(blocked) => {
                let allowance = blocked.allowance;
                self.dialog = Some(blocked);
                self.playing = false;
                LastSend::Blocked {
                    allowance,
                    applied: None,
                }
            }
        });
    }

    /// Applies one action.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::SetCount(count, n) => {
                let action = match count {
                    Count::Addon(size) => Action::SetAddonCount { size, count: n },
                    Count::InMailBlocks => Action::SetInMailBlocks(n),
                    Count::Sent => Action::SetSent(n),
                    Count::InMailSent => Action::SetInMailSent(n),
                    Count::NeedMessages => Action::SetNeedMessages(n),
                    Count::NeedInMails => Action::SetNeedInMails(n),
                    Count::ScenarioPerDay => Action::SetScenario(Scenario {
                        per_working_day: n.min(200),
                        ..self.scenario
                    }),
                    Count::ScenarioShare(i) => {
                        let mut s = self.scenario;
                        if let Some(share) = s.shares.get_mut(i) {
                            *share = n.min(100);
                        }
                        Action::SetScenario(s)
                    }
                    Count::ReadRate => Action::SetScenario(Scenario {
                        read_rate: n.min(100),
                        ..self.scenario
                    }),
                    Count::Seed => Action::SetScenario(Scenario {
                        seed: n,
                        ..self.scenario
                    }),
                    Count::Rule(field) => Action::EditRule(field, n),
                };
                self.apply(action);
            }
            Action::TypeCount(count, text) => self.type_count(count, text),
            Action::StepCount(count, up) => {
                if let (Some(value), false) = (self.count_value(count), count.is_money()) {
                    let (min, max) = count.field().range();
                    let next = if up {
                        value.saturating_add(1).min(max)
                    } else {
                        value.saturating_sub(1).max(min)
                    };
                    self.type_count(count, next.to_string());
                }
            }
            Action::SelectTier(id) => {
                if self.rules.tier(&id).is_some() {
                    self.selection.tier_id = id;
                }
            }
            Action::SetAddonCount { size, count } => {
                if self.rules.bundle(size).is_some() {
                    self.selection.set_addon_count(size, count);
                }
            }
            Action::SetInMailBlocks(n) => self.selection.inmail_blocks = n,
            Action::SetSent(n) => self.month.usage.sent = n,
            Action::SetInMailSent(n) => self.month.usage.inmail_sent = n,
            Action::SetBillingDay(day) => {
                self.period_rule = match day {
                    None | Some(1) => PeriodRule::CalendarMonth,
                    Some(d) => PeriodRule::BillingDay(d.clamp(2, 31)),
                }
            }
            Action::SetRecipient(r) => {
                self.recipient = r;
                self.last_send = None;
            }
            Action::Send => {
                let recipient = self.recipient;
                let decision = self.month.send(context!(self), recipient, false);
                self.record(decision);
            }
            Action::SendInMail => {
                let decision = self
                    .month
                    .send(context!(self), Recipient::NotConnected, true);
                if let SendDecision::NeedsInMail { charge_cents, .. } = decision {
                    let credits_left = self.summary().inmail.credits_left;
                    self.last_send = Some(LastSend::InMailSent {
                        charge_cents,
                        credits_left,
                    });
                }
            }
            Action::CloseDialog => self.dialog = None,
            Action::ApplyUnblock(unblock) => {
                let label = self
                    .dialog
                    .as_ref()
                    .and_then(|d| d.options.iter().find(|o| o.unblock == unblock))
                    .map(|o| o.label.clone());
                apply_unblock(&mut self.selection, &unblock);
                self.dialog = None;
                if let Some(LastSend::Blocked { applied, .. }) = &mut self.last_send {
                    *applied = label;
                }
            }
            Action::SetNeedMessages(n) => self.need.messages = n,
            Action::SetNeedInMails(n) => self.need.inmails = n,
            Action::SetMinTier(tier) => {
                self.need.min_tier = tier.filter(|id| self.rules.tier(id).is_some());
            }
            Action::ApplyRecommendation => {
                if let Some(plan) = self.recommendation() {
                    self.selection = plan.selection();
                }
            }
            Action::DismissNotices => self.notices.clear(),
            Action::AddNotice(text) => {
                if !self.notices.contains(&text) {
                    self.notices.push(text);
                }
            }
            Action::NextDay => self.month.next_day(context!(self), self.scenario.read_rate),
            Action::JumpToReset => self
                .month
                .jump_to_reset(context!(self), self.scenario.read_rate),
            Action::Step => {
                if let Step::Blocked(blocked) = self.month.step(context!(self), &self.scenario) {
                    self.record(SendDecision::Blocked(blocked));
                }
            }
            Action::Play => {
                self.playing = true;
                self.dialog = None;
            }
            Action::Pause => self.playing = false,
            Action::SetScenario(s) => {
                if s.seed != self.scenario.seed {
                    self.month.rng = crate::engine::rng::Rng::new(s.seed);
                }
                self.scenario = s;
            }
            Action::SetScenarioInMail(on) => self.scenario.use_inmail = on,
            Action::SetSpeed(ms) => self.speed_ms = ms,
            Action::MarkRepliesSeen => self.month.mark_replies_seen(),
            Action::ToggleLargeText => self.large_text = !self.large_text,
            Action::EditRulesDraft(text) => {
                self.rules_draft = text;
                self.rules_message = None;
            }
            Action::EditRule(field, value) => match field.apply_to(value, &self.rules_draft) {
                Ok(text) => {
                    self.rules_draft = text;
                    self.rules_error = None;
                    self.rules_message = Some("Edited: press Apply rules to use them".into());
                }
                Err(e) => self.rules_error = Some(e),
            },
            Action::ApplyRulesDraft => match RuleSet::from_json(&self.rules_draft) {
                Ok(rules) => {
                    let origin = crate::engine::presets::all()
                        .into_iter()
                        .find(|p| p.try_rules().is_ok_and(|r| r == rules))
                        .map_or(RulesOrigin::Custom, RulesOrigin::Preset);
                    self.replace_rules(rules, origin);
                }
                Err(e) => {
                    self.rules_error = Some(e);
                    self.rules_message = None;
                }
            },
            Action::LoadPreset(preset) => match preset.try_rules() {
                Ok(rules) => self.replace_rules(rules, RulesOrigin::Preset(preset)),
                Err(e) => self.rules_error = Some(e),
            },
            Action::ImportRules(text) => {
                self.rules_draft = text;
                self.apply(Action::ApplyRulesDraft);
            }
            Action::Configure(config, warnings) => self.configure(*config, warnings),
            Action::ResetMonth => {
                let seed = self.scenario.seed;
                self.month = Month::new(self.local_today, Default::default(), seed);
                self.playing = false;
                self.dialog = None;
                self.last_send = None;
            }
        }
    }
}

#[cfg(test)]
mod tests;
