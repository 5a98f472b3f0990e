//! The widget's whole state and every change to it, as plain Rust.
//!
//! The UI holds one [`Widget`] in a reducer and sends it [`Action`]s; nothing here imports
//! yew or touches the browser, so every journey can be tested natively. Values the view
//! shows are derived from the state (`engine::summary`), never stored; what the visitor
//! types is stored, so that a field always shows what the state holds.

mod count;
mod embed_code;
mod init;
mod notice;
mod rules_form;
mod shortcuts;

use std::rc::Rc;

use chrono::NaiveDate;

pub use count::{field_text, Count, FieldDraft, FieldText, Part};
pub use init::{default_target, followed, initial_widget, Init};
pub use notice::{Notice, Origin};
pub use rules_form::{RuleField, RulesForm};
pub use shortcuts::shortcut;

use crate::engine::bill::Billing;
use crate::engine::currency::Currency;
use crate::engine::period::PeriodRule;
use crate::engine::player::{Context, Month, Scenario, Step};
use crate::engine::presets::Preset;
use crate::engine::recommend::{Need, Plan, Recommender};
use crate::engine::rules::{RuleError, RuleSet};
use crate::engine::send::{apply_unblock, Blocked, Recipient, Refusal, SendDecision, Unblock};
use crate::engine::summary::{summarize, Summary};
use crate::host::attributes::{EmbedConfig, Sections, Theme};
use crate::host::params::{ParamTarget, Params};
use crate::host::{saved, Ignored};

/// The context a month is played under, borrowed field by field so `month` stays free:
/// the widget's fields and its rules priced in its currency.
macro_rules! context {
    ($w:expr, $priced:expr) => {
        Context {
            rules: $priced,
            selection: &$w.selection,
            period_rule: $w.period_rule,
            billing: $w.billing,
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
        reason: Refusal,
    },
    /// Over the limit: not delivered. `applied` is the way to unblock chosen since.
    Blocked {
        allowance: u64,
        applied: Option<Unblock>,
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

/// Auto-play speeds, in milliseconds per simulated day, slowest first.
pub const SPEEDS: [u32; 4] = [1500, 800, 350, 120];

/// Which rule set is active, for labels and the URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RulesOrigin {
    Preset(Preset),
    /// Set by the host page, loaded from a file, or edited here.
    Custom,
}

impl RulesOrigin {
    pub fn preset(self) -> Option<Preset> {
        match self {
            RulesOrigin::Preset(p) => Some(p),
            RulesOrigin::Custom => None,
        }
    }
}

/// What the rule editor says of its draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RulesStatus {
    /// These rules were just applied.
    Applied,
}

/// Rules the visitor is editing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    /// The editor's text.
    pub text: Rc<str>,
    /// The text as the rule form edits it, while its shape allows.
    pub form: Option<Rc<RulesForm>>,
}

impl Draft {
    pub fn new(text: String) -> Draft {
        Draft {
            form: RulesForm::read(&text).map(Rc::new),
            text: text.into(),
        }
    }
}

/// The whole widget.
#[derive(Clone, Debug, PartialEq)]
pub struct Widget {
    /// The rules as given (every price list), as links, files and the saved state write them.
    pub rules: Rc<RuleSet>,
    pub rules_origin: RulesOrigin,
    /// The currency prices are shown in: the rules' own, or one of their price lists.
    pub currency: Currency,
    pub billing: Billing,
    pub selection: crate::engine::plan::Selection,
    /// Shared until changed (`Rc::make_mut`), so views of the month can tell when it did.
    pub month: Rc<Month>,
    pub period_rule: PeriodRule,
    /// The visitor's real date.
    pub local_today: NaiveDate,
    /// The language tag the page asked for; `None`: the page's language, then the visitor's.
    pub locale: Option<String>,
    /// The language the visitor picked from the language menu; it wins over `locale`.
    pub chosen_locale: Option<String>,
    /// The host's own message catalogue, as written.
    pub messages_src: Option<String>,
    pub language_menu: bool,
    /// Whether the widget shows its own heading and section navigation.
    pub heading: bool,
    /// The page's own rules (`rules`, `rules-src`), when it gives any.
    pub page_rules: Option<Rc<RuleSet>>,
    /// The page's checkout URL template and highlighted tier (`checkout-url`, `highlight`,
    /// `highlight-label`), over the rules'.
    pub checkout_url: Option<String>,
    pub highlight: Option<String>,
    pub highlight_label: Option<String>,
    pub theme: Theme,
    pub sections: Sections,
    /// Whether the Share panel shows.
    pub share: bool,
    pub recipient: Recipient,
    pub last_send: Option<LastSend>,
    /// The open upgrade pop-up.
    pub dialog: Option<Rc<Blocked>>,
    pub need: Need,
    /// Values from the URL, storage or attributes that were ignored, and other notices.
    pub notices: Vec<Notice>,
    /// Notices the visitor dismissed: the same one is not shown again.
    pub dismissed: Vec<Notice>,
    pub scenario: Scenario,
    pub playing: bool,
    pub speed_ms: u32,
    pub large_text: bool,
    /// The rule editor's draft, applied only when valid; `None` while it is the active rules
    /// as they are (so a widget that never edits its rules never writes them out).
    pub rules_draft: Option<Draft>,
    pub rules_error: Option<RuleError>,
    pub rules_status: Option<RulesStatus>,
    /// What the visitor last typed into each number field (see [`Count`]).
    pub drafts: Vec<FieldDraft>,
    /// The state the page's own settings give, before any link or saved state: a link
    /// holds only what differs from it.
    pub baseline: ParamTarget,
    pub baseline_preset: Option<Preset>,
}

/// What another tab saved under the same `persist` key, read as this page reads a saved
/// state: what the saved state sets of the widget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Followed {
    pub rules: Rc<RuleSet>,
    pub rules_origin: RulesOrigin,
    pub target: ParamTarget,
}

/// Everything a visitor can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SelectTier(String),
    /// A number, routed by what it counts.
    SetCount(Count, u64),
    /// Text typed into a number field: applied when valid, kept with a message when not.
    TypeCount(Count, String),
    /// The arrow keys in a number field: one up or down, within the field's range.
    StepCount(Count, bool),
    SetBillingDay(u32),
    /// Monthly or yearly billing (yearly only where the rules sell by the year).
    SetBilling(Billing),
    /// Prices in another currency the rules are priced in.
    SetCurrency(Currency),
    SetRecipient(Recipient),
    Send,
    SendInMail,
    CloseDialog,
    ApplyUnblock(Unblock),
    SetMinTier(Option<String>),
    ApplyRecommendation,
    DismissNotices,
    AddNotice(Notice),
    NextDay,
    JumpToReset,
    /// One auto-play step (the timer's tick, or the Step button).
    Step,
    Play,
    Pause,
    SetScenarioInMail(bool),
    SetSpeed(u32),
    MarkRepliesSeen,
    ToggleLargeText,
    /// A language from the language menu (a locale tag).
    ChooseLocale(String),
    EditRulesDraft(String),
    ApplyRulesDraft,
    /// Back to the rules in use: the draft and what was typed into the form go.
    DiscardRulesDraft,
    LoadPreset(Preset),
    /// A rule file the visitor imported.
    ImportRules(String),
    ResetMonth,
    /// The host page changed the widget's attributes.
    Configure(Box<EmbedConfig>, Vec<Ignored>),
    /// Another tab saved a plan under this widget's `persist` key. Followed, unless the
    /// visitor has something here that following would discard (`keep_local`: a change not
    /// saved yet; or a rules draft), in which case the widget offers it instead.
    FollowSaved {
        followed: Rc<Followed>,
        keep_local: bool,
    },
    /// The visitor asked for the plan another tab saved, over what is here.
    LoadOffered(Rc<Followed>),
    /// A notice no longer true (storage took the state after all, a language loaded).
    WithdrawNotice(Notice),
}

impl Widget {
    /// The language tag the widget should speak, when the page or the visitor chose one.
    pub fn requested_locale(&self) -> Option<&str> {
        self.chosen_locale.as_deref().or(self.locale.as_deref())
    }

    /// The tier marked for the visitor, and the mark's words when they are not the widget's.
    pub fn highlighted(&self) -> Option<(String, Option<String>)> {
        match &self.highlight {
            Some(tier) => Some((tier.clone(), self.highlight_label.clone())),
            None => self.rules.highlight.clone().map(|tier| {
                let label = self
                    .highlight_label
                    .clone()
                    .or(self.rules.highlight_label.clone());
                (tier, label)
            }),
        }
    }

    /// The rules priced in the widget's currency: what every figure is computed from.
    pub fn priced(&self) -> RuleSet {
        priced(&self.rules, self.currency)
    }

    /// The summary the results panel shows.
    pub fn summary(&self) -> Summary {
        summarize(
            &self.priced(),
            &self.selection,
            &self.month.usage,
            self.month.today,
            self.period_rule,
            self.billing,
        )
    }

    /// The cheapest plan for the stated need.
    pub fn recommendation(&self) -> Option<Plan> {
        let priced = self.priced();
        Recommender::new(&priced, self.billing).recommend(&priced, &self.need)
    }

    /// The parts of the state that links and saved states carry.
    pub fn param_target(&self) -> ParamTarget {
        ParamTarget {
            selection: self.selection.clone(),
            usage: self.month.usage,
            today: self.month.today,
            period_rule: self.period_rule,
            need: self.need.clone(),
            currency: self.currency,
            billing: self.billing,
        }
    }

    /// The state as URL parameters: only what differs from the page's own settings.
    pub fn url_params(&self) -> Vec<(&'static str, String)> {
        Params::changes(
            &self.param_target(),
            self.rules_origin.preset(),
            &self.baseline,
            self.baseline_preset,
        )
        .to_pairs()
    }

    /// The state as the saved-state text; `link` is the page URL's `link_key` now.
    pub fn saved_state(&self, link: Option<String>) -> String {
        // The page's own rules are the page's to give: only rules the visitor changed are kept.
        let changed = self.page_rules.as_deref() != Some(&*self.rules);
        let custom = (self.rules_origin == RulesOrigin::Custom && changed).then_some(&*self.rules);
        saved::write(
            &Params::of(&self.param_target(), self.rules_origin.preset()),
            custom,
            self.local_today,
            link,
        )
    }

    /// The rule editor's text: the draft, or the active rules as JSON.
    pub fn draft_text(&self) -> Rc<str> {
        match &self.rules_draft {
            Some(draft) => draft.text.clone(),
            None => self.rules.to_json().into(),
        }
    }

    /// What the rule form edits: the draft while it has the shape, or the active rules.
    pub fn draft_form(&self) -> Option<&RulesForm> {
        match &self.rules_draft {
            Some(draft) => draft.form.as_deref(),
            None => Some(&self.rules),
        }
    }

    /// Whether the widget shows what `followed` holds already.
    fn follows(&self, followed: &Followed) -> bool {
        *self.rules == *followed.rules
            && self.rules_origin == followed.rules_origin
            && self.param_target() == followed.target
    }

    /// Takes on what another tab saved: its rules and what it set of them; what is on show
    /// (the pop-up, typed text, the rules draft) goes with the plan it was about.
    fn follow(&mut self, followed: &Followed) {
        let target = &followed.target;
        self.rules = followed.rules.clone();
        self.rules_origin = followed.rules_origin;
        self.selection = target.selection.clone();
        if (self.month.today, self.month.usage) != (target.today, target.usage) {
            self.month = Rc::new(Month::new(target.today, target.usage, self.scenario.seed));
        }
        self.period_rule = target.period_rule;
        self.need = target.need.clone();
        self.currency = target.currency;
        self.billing = target.billing;
        self.dialog = None;
        self.last_send = None;
        self.playing = false;
        self.drafts.clear();
        self.rules_draft = None;
        self.rules_error = None;
        self.rules_status = None;
    }

    /// Shows a notice, unless it is showing already or the visitor dismissed it: an
    /// attribute changed again does not repeat what was said of it.
    fn notify(&mut self, notice: Notice) {
        if !self.notices.contains(&notice) && !self.dismissed.contains(&notice) {
            self.notices.push(notice);
        }
    }

    /// Replaces the rules, fitting the selection and need to them.
    fn replace_rules(&mut self, rules: RuleSet, origin: RulesOrigin) {
        let (selection, changes) = self.selection.fit_to(&rules);
        for change in changes {
            self.notify(Notice::RulesChanged(change));
        }
        if let Some(min) = &self.need.min_tier {
            if rules.tier(min).is_none() {
                self.need.min_tier = None;
            }
        }
        self.selection = selection;
        if !rules.currencies().contains(&self.currency) {
            self.notify(Notice::CurrencyNotPriced {
                currency: self.currency.code().to_owned(),
            });
            self.currency = rules.currency;
        }
        if !rules.has_yearly_prices() {
            self.billing = Billing::Monthly;
        }
        self.rules_draft = None;
        self.rules_status = Some(RulesStatus::Applied);
        self.rules = Rc::new(rules);
        self.rules_origin = origin;
        self.rules_error = None;
        self.dialog = None;
        self.last_send = None;
        self.drafts.clear();
    }

    /// Applies changed host attributes: rules first, then the state they set.
    fn configure(&mut self, config: EmbedConfig, problems: Vec<Ignored>) {
        for problem in problems {
            self.notify(Notice::Ignored(Origin::Page, problem));
        }
        self.page_rules = config.rules.clone().map(Rc::new);
        if let Some(rules) = config.rules {
            if *self.rules != rules {
                self.replace_rules(rules, RulesOrigin::Custom);
            }
        } else if let Some(preset) = config.params.preset() {
            if self.rules_origin != RulesOrigin::Preset(preset) {
                self.apply(Action::LoadPreset(preset));
            }
        }
        self.theme = config.theme;
        if self.locale != config.locale {
            // The page asked for another language: it wins over an earlier pick.
            self.chosen_locale = None;
        }
        self.locale = config.locale;
        self.messages_src = config.messages_src;
        self.language_menu = config.language_menu;
        self.heading = config.heading;
        self.checkout_url = config.checkout_url;
        self.highlight_label = config.highlight_label;
        self.highlight = config.highlight.filter(|tier| {
            let known = self.rules.tier(tier).is_some();
            if !known {
                let problem = crate::host::ignored(
                    "highlight",
                    tier,
                    crate::host::Reason::NoSuchTier {
                        known: self.rules.tiers.iter().map(|t| t.id.clone()).collect(),
                    },
                );
                self.notices.push(Notice::Ignored(Origin::Page, problem));
            }
            known
        });
        self.sections = config.sections;
        self.share = config.share;
        let mut target = self.param_target();
        for problem in config.params.apply(&self.rules, &mut target) {
            self.notify(Notice::Ignored(
                Origin::Page,
                crate::host::attributes::attribute_spelling(problem),
            ));
        }
        self.selection = target.selection;
        let month = Rc::make_mut(&mut self.month);
        month.usage = target.usage;
        month.today = target.today;
        self.period_rule = target.period_rule;
        self.need = target.need;
        self.currency = target.currency;
        self.billing = target.billing;
        self.drafts.clear();
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
                self.dialog = Some(Rc::new(blocked));
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
            Action::SetCount(count, n) => self.set_count(count, n),
            Action::TypeCount(count, text) => self.type_count(count, text),
            Action::StepCount(count, up) => self.step_count(count, up),
            Action::SelectTier(id) => {
                if self.rules.tier(&id).is_some() {
                    self.selection.tier_id = id;
                }
            }
            Action::SetBillingDay(day) => self.period_rule = PeriodRule::from_day(day),
            Action::SetBilling(billing) => {
                if billing == Billing::Monthly || self.rules.has_yearly_prices() {
                    self.billing = billing;
                }
            }
            Action::SetCurrency(currency) => {
                if self.rules.currencies().contains(&currency) {
                    self.currency = currency;
                }
            }
            Action::SetRecipient(r) => {
                self.recipient = r;
                self.last_send = None;
            }
            Action::Send => {
                let recipient = self.recipient;
                let priced = self.priced();
                let decision =
                    Rc::make_mut(&mut self.month).send(context!(self, &priced), recipient, false);
                self.record(decision);
            }
            Action::SendInMail => {
                let priced = self.priced();
                let decision = Rc::make_mut(&mut self.month).send(
                    context!(self, &priced),
                    Recipient::NotConnected,
                    true,
                );
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
                let offered = self
                    .dialog
                    .as_ref()
                    .is_some_and(|d| d.options.iter().any(|o| o.unblock == unblock));
                if offered {
                    apply_unblock(&mut self.selection, &unblock);
                    if let Some(LastSend::Blocked { applied, .. }) = &mut self.last_send {
                        *applied = Some(unblock);
                    }
                }
                self.dialog = None;
            }
            Action::SetMinTier(tier) => {
                self.need.min_tier = tier.filter(|id| self.rules.tier(id).is_some());
            }
            Action::ApplyRecommendation => {
                if let Some(plan) = self.recommendation() {
                    self.selection = plan.selection();
                }
            }
            Action::DismissNotices => {
                let shown = std::mem::take(&mut self.notices);
                self.dismissed.extend(shown);
            }
            Action::AddNotice(notice) => self.notify(notice),
            Action::NextDay => {
                let priced = self.priced();
                Rc::make_mut(&mut self.month)
                    .next_day(context!(self, &priced), self.scenario.read_rate)
            }
            Action::JumpToReset => {
                let priced = self.priced();
                Rc::make_mut(&mut self.month)
                    .jump_to_reset(context!(self, &priced), self.scenario.read_rate)
            }
            Action::Step => {
                let priced = self.priced();
                match Rc::make_mut(&mut self.month).step(context!(self, &priced), &self.scenario) {
                    // A send auto-play makes is the player's, not the visitor's: the
                    // pop-up opens and the log shows it, while the send preview keeps the
                    // visitor's own last send (and the calculator its height).
                    Step::Blocked(blocked) => {
                        self.dialog = Some(Rc::new(blocked));
                        self.playing = false;
                    }
                    Step::EndOfCalendar => self.playing = false,
                    Step::NextDay => {}
                }
            }
            Action::Play => {
                self.playing = true;
                self.dialog = None;
            }
            Action::Pause => self.playing = false,
            Action::SetScenarioInMail(on) => self.scenario.use_inmail = on,
            Action::SetSpeed(ms) => {
                if SPEEDS.contains(&ms) {
                    self.speed_ms = ms;
                }
            }
            Action::MarkRepliesSeen => Rc::make_mut(&mut self.month).mark_replies_seen(),
            Action::ToggleLargeText => self.large_text = !self.large_text,
            Action::ChooseLocale(tag) => self.chosen_locale = Some(tag),
            Action::EditRulesDraft(text) => {
                // Typed back to the rules in use: nothing is waiting to be applied.
                let unchanged = *text == *self.rules.to_json();
                self.rules_draft = (!unchanged).then(|| Draft::new(text));
                self.rules_status = None;
                if unchanged {
                    self.rules_error = None;
                }
            }
            Action::DiscardRulesDraft => {
                self.rules_draft = None;
                self.rules_error = None;
                self.rules_status = None;
                self.drafts.retain(|d| d.count.part() != Part::Rules);
            }
            Action::ApplyRulesDraft => match RuleSet::from_json(&self.draft_text()) {
                Ok(rules) => {
                    let origin = crate::engine::presets::all()
                        .into_iter()
                        .find(|p| p.rules() == rules)
                        .map_or(RulesOrigin::Custom, RulesOrigin::Preset);
                    self.replace_rules(rules, origin);
                }
                Err(e) => {
                    self.rules_error = Some(e);
                    self.rules_status = None;
                }
            },
            Action::LoadPreset(preset) => {
                self.replace_rules(preset.rules(), RulesOrigin::Preset(preset))
            }
            Action::ImportRules(text) => {
                self.rules_draft = Some(Draft::new(text));
                self.apply(Action::ApplyRulesDraft);
            }
            Action::Configure(config, problems) => self.configure(*config, problems),
            Action::FollowSaved {
                followed,
                keep_local,
            } => {
                if self.follows(&followed) {
                    return;
                }
                self.notices
                    .retain(|n| !matches!(n, Notice::OtherTabSaved(_)));
                if keep_local || self.rules_draft.is_some() {
                    self.notices.push(Notice::OtherTabSaved(followed));
                } else {
                    self.follow(&followed);
                }
            }
            Action::LoadOffered(followed) => {
                self.notices
                    .retain(|n| !matches!(n, Notice::OtherTabSaved(_)));
                self.follow(&followed);
            }
            Action::WithdrawNotice(notice) => self.notices.retain(|n| *n != notice),
            Action::ResetMonth => {
                let seed = self.scenario.seed;
                // Back to the day the page started on (its demo date, or today).
                self.month = Rc::new(Month::new(self.baseline.today, Default::default(), seed));
                self.playing = false;
                self.dialog = None;
                self.last_send = None;
            }
        }
    }
}

/// `rules` priced in `currency` (their own prices when they have none in it).
pub fn priced(rules: &RuleSet, currency: Currency) -> RuleSet {
    rules.in_currency(currency).unwrap_or_else(|| RuleSet {
        price_lists: Vec::new(),
        ..rules.clone()
    })
}

#[cfg(test)]
mod tests;
