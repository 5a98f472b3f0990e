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
    /// The words of this language (its name in itself) could not be loaded: English shows.
    LanguageUnavailable {
        language: String,
    },
    /// Another tab saved a plan under this widget's `persist` key while the visitor had
    /// changes here that following it would discard: offered, not taken.
    OtherTabSaved(std::rc::Rc<super::Followed>),
    /// The browser's storage refused the saved state (full, or forbidden): the state is kept
    /// here and saved when it can be.
    StorageFull,
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
