//! Notices: what the widget tells the visitor about input it could not use, as facts the
//! view words (`text::notices`).

use chrono::NaiveDate;

use crate::engine::plan::FitChange;
use crate::host::link_rules::LinkRulesProblem;
use crate::host::saved::SavedProblem;
use crate::host::Ignored;

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
}
