//! Notices: what the widget tells the visitor about input it could not use, as facts the
//! view words (`text::notices`).

use chrono::NaiveDate;

use crate::engine::plan::FitChange;
use crate::engine::rules::RuleProblem;
use crate::host::link_rules::LinkRulesProblem;
use crate::host::saved::SavedProblem;
use crate::host::{FetchProblem, Ignored, Reason};

/// Where an ignored value came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The host page's attributes.
    Page,
    /// The page URL (a shared link).
    Link,
    /// The saved state.
    Saved,
}

/// One notice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    Ignored(Origin, Ignored),
    /// The saved state was not used at all.
    SavedUnreadable(SavedProblem),
    /// A new period began since the state was saved, so usage starts from zero.
    NewPeriod {
        start: NaiveDate,
    },
    /// New rules changed the selection.
    RulesChanged(FitChange),
    /// A link named a preset, or carried edited rules, on a page that sets its own rules.
    LinkPresetIgnored,
    /// The edited rules a link carries could not be used: the page's rules apply.
    LinkRulesUnusable(LinkRulesProblem),
    /// An imported rule file could not be read.
    FileUnreadable,
    /// Another widget of the page remembers its state under this `persist` key; this one
    /// does not write it.
    PersistKeyShared {
        key: String,
    },
    /// New rules have no prices in the currency shown: their own currency shows instead.
    CurrencyNotPriced {
        currency: String,
    },
    /// New rules do not define the promotion taken: list prices show.
    PromotionNotOffered {
        id: String,
    },
    /// The words of this language (its name in itself) could not be loaded: English shows.
    LanguageUnavailable {
        language: String,
    },
    /// Another tab saved a plan under this widget's `persist` key while the visitor had
    /// changes here that following it would discard: offered, not taken.
    OtherTabSaved(std::rc::Rc<super::Followed>),
    /// The browser's storage refused the saved state, and why: the state is kept here and
    /// saved when it can be.
    StorageRefused(StorageRefusal),
}

/// Why the browser's storage would not take a write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageRefusal {
    /// It is full (`QuotaExceededError`).
    Full,
    /// The page may not use it: a sandboxed frame, or the visitor's settings.
    Forbidden,
}

impl Notice {
    /// The JSON reader's own words behind this notice, when a text could not be read: for
    /// the console, since they quote the text and differ between browsers; the notice
    /// itself says it in the widget's words.
    pub fn parser_detail(&self) -> Option<&str> {
        let rules_error = match self {
            Notice::Ignored(_, ignored) => match &ignored.reason {
                Reason::Rules(e) | Reason::Fetch(FetchProblem::Invalid(e)) => Some(e),
                _ => None,
            },
            Notice::LinkRulesUnusable(LinkRulesProblem::Rules(e)) => Some(e),
            Notice::SavedUnreadable(SavedProblem::Rules(e)) => Some(e),
            _ => None,
        }?;
        match &rules_error.problem {
            RuleProblem::Format { detail, .. } => Some(detail),
            _ => None,
        }
    }
}

/// What the widget tells the visitor, and what they dismissed.
///
/// Invariant: a notice shows once, and one the visitor dismissed is not shown again (an
/// attribute changed again does not repeat what was said of it).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Notices {
    shown: Vec<Notice>,
    dismissed: Vec<Notice>,
}

impl Notices {
    /// The notices on show, oldest first.
    pub fn shown(&self) -> &[Notice] {
        &self.shown
    }

    /// Shows a notice, unless it is showing already or was dismissed.
    pub fn notify(&mut self, notice: Notice) {
        if !self.shown.contains(&notice) && !self.dismissed.contains(&notice) {
            self.shown.push(notice);
        }
    }

    pub fn dismiss_all(&mut self) {
        let shown = std::mem::take(&mut self.shown);
        self.dismissed.extend(shown);
    }

    /// Takes back a notice no longer true.
    pub fn withdraw(&mut self, notice: &Notice) {
        self.shown.retain(|n| n != notice);
    }

    /// Takes back the offer of another tab's plan.
    pub fn withdraw_offer(&mut self) {
        self.shown
            .retain(|n| !matches!(n, Notice::OtherTabSaved(_)));
    }

    /// Offers another tab's plan, in place of an earlier offer (always shown: it is new).
    pub fn offer(&mut self, followed: std::rc::Rc<super::Followed>) {
        self.withdraw_offer();
        self.shown.push(Notice::OtherTabSaved(followed));
    }
}

/// What the visitor (or the widget, of itself) does with the notices.
#[derive(Clone, Debug, PartialEq)]
pub enum NoticeAction {
    DismissAll,
    Add(Notice),
    /// A notice no longer true (storage took the state after all, a language loaded).
    Withdraw(Notice),
}
