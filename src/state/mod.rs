//! The widget's whole state and every change to it, as plain Rust.
//!
//! The UI holds one [`Widget`] in a reducer and sends it [`Action`]s; nothing here imports
//! yew or touches the browser, so every journey can be tested natively. Values the view
//! shows are derived from the state (`engine::summary`, `view`), never stored; what the
//! visitor types is stored, so that a field always shows what the state holds.
//!
//! A widget is made of parts, each held whole, each with its invariants beside it:
//!
//! | part | holds | module |
//! |---|---|---|
//! | `page` | what the host page set (its attributes, checked): replaced whole when they change | `host::attributes` |
//! | `rules` | the rules in use and where they came from | here |
//! | `choices` | tier, add-ons, billing, currency, reset day, need: always valid under `rules` | `host::params` |
//! | `month` | the month as played: its day, counters and log | `engine::player` |
//! | `send` | the send preview and the upgrade pop-up | `send` |
//! | `player` | the auto-play scenario and clock | `player` |
//! | `editor` | the rule editor's draft and what it says of it | `editor` |
//! | `notices` | what the widget tells the visitor, and what they dismissed | `notice` |
//! | `drafts` | the text typed into number fields | `field` |
//! | `display` | the visitor's own language and text size | here |
//!
//! Actions are namespaced by the part they start in: [`PlanAction`], [`SendAction`],
//! [`PlayerAction`], [`EditorAction`], [`NoticeAction`], [`DisplayAction`], [`HostAction`],
//! and `Field` for the number fields of every part.

mod editor;
mod embed_code;
mod field;
mod init;
mod notice;
mod player;
mod rules_form;
mod send;
mod shortcuts;

use std::rc::Rc;

use chrono::NaiveDate;

pub use editor::{Draft, Editor, EditorAction, Said};
pub use field::{field_text, Direction, Drafts, Edit, Field, FieldDraft, FieldText};
pub use init::{followed, initial_widget, Init};
pub use notice::{Notice, NoticeAction, Notices, Origin, StorageRefusal};
pub use player::{Clock, Player, PlayerAction, SPEEDS};
pub use rules_form::{RuleField, RulesForm};
pub use send::{LastSend, SendAction, Sending};
pub use shortcuts::shortcut;

use crate::engine::bill::Billing;
use crate::engine::currency::Currency;
use crate::engine::plan::{parse_addons, Selection, Usage};
use crate::engine::player::{Context, Month, Step};
use crate::engine::presets::{self, Preset};
use crate::engine::recommend::{Plan, Recommender};
use crate::engine::rules::{RuleSet, Tier};
use crate::engine::send::{apply_unblock, Recipient, SendDecision};
use crate::engine::summary::{summarize, Summary};
use crate::engine::tax::TaxMode;
use crate::host::attributes::EmbedConfig;
use crate::host::params::{Choices, Params};
use crate::host::{ignored, saved, Ignored, Reason};

/// Where the rules in use came from, for labels and the URL.
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

/// The rules in use, as given (every price list), and where they came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActiveRules {
    pub set: Rc<RuleSet>,
    pub origin: RulesOrigin,
}

impl ActiveRules {
    pub fn preset(preset: Preset) -> ActiveRules {
        ActiveRules {
            set: Rc::new(preset.rules()),
            origin: RulesOrigin::Preset(preset),
        }
    }

    pub fn custom(rules: Rc<RuleSet>) -> ActiveRules {
        ActiveRules {
            set: rules,
            origin: RulesOrigin::Custom,
        }
    }
}

/// How large the widget's text is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TextSize {
    #[default]
    Normal,
    Large,
}

/// The visitor's own display choices.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Display {
    /// The language the visitor picked from the language menu; it wins over the page's.
    pub chosen_locale: Option<String>,
    pub text_size: TextSize,
}

/// The whole widget.
#[derive(Clone, Debug, PartialEq)]
pub struct Widget {
    pub page: Rc<EmbedConfig>,
    pub rules: ActiveRules,
    pub choices: Choices,
    /// Shared until changed (`Rc::make_mut`), so views of the month can tell when it did.
    pub month: Rc<Month>,
    pub send: Sending,
    pub player: Player,
    pub editor: Editor,
    pub notices: Notices,
    pub drafts: Drafts,
    pub display: Display,
    /// The visitor's real date.
    pub local_today: NaiveDate,
    /// The parameters of the state the page's own settings give, before any link or saved
    /// state: a link holds only what differs from them.
    pub baseline: Rc<Params>,
}

/// What another tab saved under the same `persist` key, read as this page reads a saved
/// state: the rules, choices and month a visit would start from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Followed {
    pub rules: ActiveRules,
    pub choices: Choices,
    pub month: Rc<Month>,
}

/// Whether this widget has a change another tab's save would discard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unsaved {
    /// Nothing waits to be saved here: another tab's save is followed.
    Nothing,
    /// A change waits to be saved: another tab's save is offered, not taken.
    Changes,
}

/// What the visitor changes of the plan (number fields aside: see [`Action::Field`]).
#[derive(Clone, Debug, PartialEq)]
pub enum PlanAction {
    SelectTier(String),
    SetBillingDay(u32),
    /// Monthly, quarterly or yearly billing (only a period the rules sell by).
    SetBilling(Billing),
    /// Amounts with tax in them, or before it.
    SetTax(TaxMode),
    /// Prices in another currency the rules are priced in.
    SetCurrency(Currency),
    /// The lowest tier Compare may recommend (`None`: any).
    SetMinTier(Option<String>),
    ApplyRecommendation,
}

/// The visitor's display choices.
#[derive(Clone, Debug, PartialEq)]
pub enum DisplayAction {
    /// A language from the language menu (a locale tag).
    ChooseLocale(String),
    ToggleLargeText,
}

/// What the page and other tabs do to the widget.
#[derive(Clone, Debug, PartialEq)]
pub enum HostAction {
    /// The host page changed the widget's attributes.
    Configure(Box<EmbedConfig>, Vec<Ignored>),
    /// Another tab saved a plan under this widget's `persist` key: followed, unless the
    /// visitor has something here that following would discard (a change not saved yet, or
    /// a rules draft), in which case it is offered instead.
    FollowSaved(Rc<Followed>, Unsaved),
    /// The visitor asked for the plan another tab saved, over what is here.
    LoadOffered(Rc<Followed>),
    /// Alive over a prerendered drawing: the state the visitor's own inputs give (their
    /// day, link, saved state) replaces the drawing's.
    Resume(Rc<Widget>),
}

/// Everything that changes a widget.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Plan(PlanAction),
    /// A number field of any part.
    Field(Field, Edit),
    Send(SendAction),
    Player(PlayerAction),
    Editor(EditorAction),
    Notices(NoticeAction),
    Display(DisplayAction),
    Host(HostAction),
}

/// The rules and choices a month is played under, borrowed part by part so `month` stays
/// free.
pub(crate) fn context<'a>(priced: &'a RuleSet, choices: &'a Choices) -> Context<'a> {
    Context {
        rules: priced,
        selection: &choices.selection,
        period_rule: choices.period_rule,
        terms: choices.terms(priced),
    }
}

/// What the page names that these rules cannot use: a highlighted or current tier they do not
/// sell, a current plan's add-ons they do not sell. Each is refused with a notice.
fn page_problems(page: &EmbedConfig, rules: &RuleSet) -> Vec<Ignored> {
    let known = || Reason::NoSuchTier {
        known: rules.tiers.iter().map(|t| t.id.clone()).collect(),
    };
    let mut problems = Vec::new();
    for (name, tier) in [
        ("highlight", &page.highlight),
        ("current-tier", &page.current_tier),
    ] {
        if let Some(tier) = tier.as_deref().filter(|t| rules.tier(t).is_none()) {
            problems.push(ignored(name, tier, known()));
        }
    }
    if let Some(tier) = page
        .current_tier
        .as_deref()
        .filter(|t| rules.tier(t).is_some_and(|t| t.is_contact()))
    {
        problems.push(ignored("current-tier", tier, Reason::ContactSalesTier));
    }
    if let Some(addons) = &page.current_addons {
        if let Some(first) = parse_addons(addons, rules).1.into_iter().next() {
            problems.push(ignored(
                "current-addons",
                &first.item,
                Reason::Addon(first.problem),
            ));
        }
    }
    problems
}

impl Widget {
    /// The language tag the widget should speak, when the page or the visitor chose one.
    pub fn requested_locale(&self) -> Option<&str> {
        self.display
            .chosen_locale
            .as_deref()
            .or(self.page.locale.as_deref())
    }

    /// The tier marked for the visitor (the page's, when the rules sell it, else the
    /// rules'), and the mark's words when they are not the widget's.
    pub fn highlighted(&self) -> Option<(String, Option<String>)> {
        let rules = &self.rules.set;
        let page = &self.page;
        match page.highlight.as_ref().filter(|t| rules.tier(t).is_some()) {
            Some(tier) => Some((tier.clone(), page.highlight_label.clone())),
            None => rules.highlight.clone().map(|tier| {
                let label = page
                    .highlight_label
                    .clone()
                    .or(rules.highlight_label.clone());
                (tier, label)
            }),
        }
    }

    /// The plan the visitor already pays for, as the page names it, where these rules sell
    /// its tier: its add-ons (those the rules sell) and its seats.
    pub fn current_plan(&self) -> Option<Selection> {
        let page = &self.page;
        let rules = &self.rules.set;
        let tier = rules
            .tier(page.current_tier.as_deref()?)
            .filter(|t| !t.is_contact())?;
        let addons = page
            .current_addons
            .as_deref()
            .map(|a| parse_addons(a, rules).0)
            .unwrap_or_default();
        Some(Selection {
            tier_id: tier.id.clone(),
            addons,
            inmail_blocks: 0,
            seats: tier.seats_for(page.current_seats.unwrap_or(1)),
        })
    }

    /// The rules priced in the widget's currency: what every figure is computed from.
    pub fn priced(&self) -> RuleSet {
        priced(&self.rules.set, self.choices.currency)
    }

    /// The tier chosen.
    pub fn tier(&self) -> Option<&Tier> {
        self.rules.set.tier(&self.choices.selection.tier_id)
    }

    /// The summary the results panel shows.
    pub fn summary(&self) -> Summary {
        let month = &self.month;
        summary(&self.priced(), &self.choices, month.today, &month.usage)
    }

    /// The cheapest plan for the stated need.
    pub fn recommendation(&self) -> Option<Plan> {
        let priced = self.priced();
        Recommender::new(&priced, self.choices.terms(&priced))
            .recommend(&priced, &self.choices.need)
    }

    /// The state as parameters: every one, as the saved state holds them.
    pub fn params(&self) -> Params {
        Params::of(&self.choices, &self.month, self.rules.origin.preset())
    }

    /// The state as URL parameters: only what differs from the page's own settings.
    pub fn url_params(&self) -> Vec<(&'static str, String)> {
        self.params().changes(&self.baseline).to_pairs()
    }

    /// The state as the saved-state text; `link` is the page URL's `link_key` now.
    pub fn saved_state(&self, link: Option<String>) -> String {
        // The page's own rules are the page's to give: only rules the visitor changed are kept.
        let changed = self.page.rules.as_deref() != Some(&*self.rules.set);
        let custom =
            (self.rules.origin == RulesOrigin::Custom && changed).then_some(&*self.rules.set);
        saved::write(&self.params(), custom, self.local_today, link)
    }

    /// Whether the widget shows what `followed` holds already.
    fn follows(&self, followed: &Followed) -> bool {
        self.rules == followed.rules
            && self.choices == followed.choices
            && (self.month.today, self.month.usage) == (followed.month.today, followed.month.usage)
    }

    /// Takes on what another tab saved: its rules, choices and month; what is on show (the
    /// pop-up, typed text, the rules draft) goes with the plan it was about.
    fn follow(&mut self, followed: &Followed) {
        self.rules = followed.rules.clone();
        self.choices = followed.choices.clone();
        if (self.month.today, self.month.usage) != (followed.month.today, followed.month.usage) {
            self.month = followed.month.clone();
        }
        self.send.forget();
        self.player.pause();
        self.drafts.clear();
        self.editor = Editor::default();
    }

    /// Replaces the rules, fitting the choices to them.
    fn replace_rules(&mut self, rules: ActiveRules) {
        let set = &rules.set;
        let (selection, changes) = self.choices.selection.fit_to(set);
        for change in changes {
            self.notices.notify(Notice::RulesChanged(change));
        }
        self.choices.selection = selection;
        let need = &mut self.choices.need;
        if need
            .min_tier
            .as_ref()
            .is_some_and(|min| set.tier(min).is_none())
        {
            need.min_tier = None;
        }
        if !set.currencies().contains(&self.choices.currency) {
            self.notices.notify(Notice::CurrencyNotPriced {
                currency: self.choices.currency.code().to_owned(),
            });
            self.choices.currency = set.currency;
        }
        if !set.sells(self.choices.billing) {
            self.choices.billing = Billing::Monthly;
        }
        if let Some(id) = &self.choices.promotion {
            if set.promotion(id).is_none() {
                self.notices
                    .notify(Notice::PromotionNotOffered { id: id.clone() });
                self.choices.promotion = None;
            }
        }
        self.editor = Editor {
            draft: None,
            said: Said::Applied,
        };
        self.rules = rules;
        self.send.forget();
        self.drafts.clear();
    }

    /// Applies changed host attributes: the page part is replaced, then the rules it gives,
    /// then the choices it sets.
    fn configure(&mut self, page: EmbedConfig, problems: Vec<Ignored>) {
        for problem in problems {
            self.notices.notify(Notice::Ignored(Origin::Page, problem));
        }
        if self.page.locale != page.locale {
            // The page asked for another language: it wins over an earlier pick.
            self.display.chosen_locale = None;
        }
        self.page = Rc::new(page);
        let page = self.page.clone();
        if let Some(rules) = &page.rules {
            if *self.rules.set != **rules {
                self.replace_rules(ActiveRules::custom(rules.clone()));
            }
        } else if let Some(preset) = page.params.preset() {
            if self.rules.origin != RulesOrigin::Preset(preset) {
                self.replace_rules(ActiveRules::preset(preset));
            }
        }
        for problem in page_problems(&page, &self.rules.set) {
            self.notices.notify(Notice::Ignored(Origin::Page, problem));
        }
        let month = Rc::make_mut(&mut self.month);
        for problem in page.params.apply(&self.rules.set, &mut self.choices, month) {
            self.notices.notify(Notice::Ignored(
                Origin::Page,
                crate::host::attributes::attribute_spelling(problem),
            ));
        }
        self.drafts.clear();
    }

    /// Applies one action.
    pub fn apply(&mut self, action: Action) {
        // A month played under one plan is a plan again under another (docs/rules.md).
        let played_under = self
            .month
            .usage
            .played
            .is_some()
            .then(|| self.plan_played());
        self.act(action);
        if played_under.is_some_and(|before| before != self.plan_played()) {
            Rc::make_mut(&mut self.month).forget_played();
        }
    }

    /// What a played month is played under: the selection, the rules, the period, the
    /// currency.
    fn plan_played(
        &self,
    ) -> (
        crate::engine::plan::Selection,
        *const RuleSet,
        crate::engine::period::PeriodRule,
        Currency,
    ) {
        (
            self.choices.selection.clone(),
            Rc::as_ptr(&self.rules.set),
            self.choices.period_rule,
            self.choices.currency,
        )
    }

    fn act(&mut self, action: Action) {
        match action {
            Action::Plan(action) => self.plan(action),
            Action::Field(field, edit) => self.edit_field(field, edit),
            Action::Send(action) => self.sending(action),
            Action::Player(action) => self.play(action),
            Action::Editor(action) => self.edit_rules(action),
            Action::Notices(action) => match action {
                NoticeAction::DismissAll => self.notices.dismiss_all(),
                NoticeAction::Add(notice) => self.notices.notify(notice),
                NoticeAction::Withdraw(notice) => self.notices.withdraw(&notice),
            },
            Action::Display(action) => match action {
                DisplayAction::ChooseLocale(tag) => self.display.chosen_locale = Some(tag),
                DisplayAction::ToggleLargeText => {
                    self.display.text_size = match self.display.text_size {
                        TextSize::Normal => TextSize::Large,
                        TextSize::Large => TextSize::Normal,
                    }
                }
            },
            Action::Host(action) => self.host(action),
        }
    }

    fn plan(&mut self, action: PlanAction) {
        let rules = &self.rules.set;
        let choices = &mut self.choices;
        match action {
            PlanAction::SelectTier(id) => {
                if rules.tier(&id).is_some_and(|t| !t.is_contact()) {
                    choices.selection.tier_id = id;
                }
            }
            PlanAction::SetBillingDay(day) => {
                choices.period_rule = crate::engine::period::PeriodRule::from_day(day)
            }
            PlanAction::SetBilling(billing) => {
                if rules.sells(billing) {
                    choices.billing = billing;
                }
            }
            PlanAction::SetTax(mode) => choices.tax = Some(mode),
            PlanAction::SetCurrency(currency) => {
                if rules.currencies().contains(&currency) {
                    choices.currency = currency;
                }
            }
            PlanAction::SetMinTier(tier) => {
                choices.need.min_tier = tier.filter(|id| rules.tier(id).is_some());
            }
            PlanAction::ApplyRecommendation => {
                if let Some(plan) = self.recommendation() {
                    self.choices.selection = plan.selection();
                }
            }
        }
    }

    fn sending(&mut self, action: SendAction) {
        match action {
            SendAction::SetRecipient(recipient) => {
                self.send.recipient = recipient;
                self.send.last = None;
            }
            SendAction::Send => {
                let recipient = self.send.recipient;
                let decision = self.on_month(|month, ctx| month.send(ctx, recipient, false));
                self.record(decision);
            }
            SendAction::SendInMail => {
                let decision =
                    self.on_month(|month, ctx| month.send(ctx, Recipient::NotConnected, true));
                if let SendDecision::NeedsInMail { charge_cents, .. } = decision {
                    let credits_left = self.summary().inmail.credits_left;
                    self.send.last = Some(LastSend::InMailSent {
                        charge_cents,
                        credits_left,
                    });
                }
            }
            SendAction::CloseDialog => self.send.dialog = None,
            SendAction::ApplyUnblock(unblock) => {
                let offered = self
                    .send
                    .dialog
                    .as_ref()
                    .is_some_and(|d| d.options.iter().any(|o| o.unblock == unblock));
                if offered {
                    apply_unblock(&mut self.choices.selection, &unblock);
                    if let Some(LastSend::Blocked { applied, .. }) = &mut self.send.last {
                        *applied = Some(unblock);
                    }
                }
                self.send.dialog = None;
            }
        }
    }

    /// What a press of Send did, for the send preview; a blocked send opens the pop-up.
    fn record(&mut self, decision: SendDecision) {
        self.send.last = Some(match decision {
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
                let current = self.current_plan();
                self.send.dialog =
                    Some(Rc::new(blocked.up_from(&self.rules.set, current.as_ref())));
                self.player.pause();
                LastSend::Blocked {
                    allowance,
                    applied: None,
                }
            }
        });
    }

    /// Runs `f` on the month, under the rules priced in the widget's currency.
    fn on_month<T>(&mut self, f: impl FnOnce(&mut Month, Context) -> T) -> T {
        let priced = self.priced();
        f(
            Rc::make_mut(&mut self.month),
            context(&priced, &self.choices),
        )
    }

    fn play(&mut self, action: PlayerAction) {
        let scenario = self.player.scenario;
        match action {
            PlayerAction::NextDay => {
                self.on_month(|month, ctx| month.next_day(ctx, scenario.read_rate))
            }
            PlayerAction::JumpToReset => {
                self.on_month(|month, ctx| month.jump_to_reset(ctx, scenario.read_rate))
            }
            PlayerAction::Step => match self.on_month(|month, ctx| month.step(ctx, &scenario)) {
                // A send auto-play makes is the player's, not the visitor's: the pop-up
                // opens and the log shows it, while the send preview keeps the visitor's
                // own last send (and the calculator its height).
                Step::Blocked(blocked) => {
                    let current = self.current_plan();
                    self.send.dialog =
                        Some(Rc::new(blocked.up_from(&self.rules.set, current.as_ref())));
                    self.player.pause();
                }
                Step::EndOfCalendar => self.player.pause(),
                Step::NextDay => {}
            },
            PlayerAction::Play => {
                self.player.clock = Clock::Playing;
                self.send.dialog = None;
            }
            PlayerAction::Pause => self.player.pause(),
            PlayerAction::UseInMail(on) => self.player.scenario.use_inmail = on,
            PlayerAction::SetSpeed(ms) => {
                if SPEEDS.contains(&ms) {
                    self.player.speed_ms = ms;
                }
            }
            PlayerAction::MarkRepliesSeen => Rc::make_mut(&mut self.month).mark_replies_seen(),
            PlayerAction::StartOver => {
                // Back to the day the page started on (its demo date, or today).
                let today = self.baseline.today().unwrap_or(self.local_today);
                self.month = Rc::new(Month::new(today, Default::default(), scenario.seed));
                self.player.pause();
                self.send.forget();
            }
        }
    }

    fn edit_rules(&mut self, action: EditorAction) {
        match action {
            EditorAction::Edit(text) => self.editor.edit(text, &self.rules.set),
            EditorAction::Discard => {
                self.editor = Editor::default();
                self.drafts.clear_part(crate::host::parts::Part::Rules);
            }
            EditorAction::Apply => match RuleSet::from_json(&self.editor.text(&self.rules.set)) {
                Ok(rules) => {
                    let rules = presets::all()
                        .into_iter()
                        .find(|p| p.rules() == rules)
                        .map_or_else(|| ActiveRules::custom(Rc::new(rules)), ActiveRules::preset);
                    self.replace_rules(rules);
                }
                Err(e) => self.editor.said = Said::Invalid(e),
            },
            EditorAction::LoadPreset(preset) => self.replace_rules(ActiveRules::preset(preset)),
            EditorAction::Import(text) => {
                self.editor.draft = Some(Draft::new(text));
                self.edit_rules(EditorAction::Apply);
            }
        }
    }

    fn host(&mut self, action: HostAction) {
        match action {
            HostAction::Configure(page, problems) => self.configure(*page, problems),
            HostAction::FollowSaved(followed, unsaved) => {
                if self.follows(&followed) {
                    return;
                }
                if unsaved == Unsaved::Changes || self.editor.draft.is_some() {
                    self.notices.offer(followed);
                } else {
                    self.notices.withdraw_offer();
                    self.follow(&followed);
                }
            }
            HostAction::LoadOffered(followed) => {
                self.notices.withdraw_offer();
                self.follow(&followed);
            }
            HostAction::Resume(start) => *self = (*start).clone(),
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

/// The summary under `priced` rules on `today` with `usage`: what the calculator, the
/// events and the player's line show.
pub fn summary(priced: &RuleSet, choices: &Choices, today: NaiveDate, usage: &Usage) -> Summary {
    summarize(
        priced,
        &choices.selection,
        usage,
        today,
        choices.period_rule,
        choices.terms(priced),
    )
}

#[cfg(test)]
mod tests;
