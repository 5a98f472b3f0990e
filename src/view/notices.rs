//! The notices: input the widget could not use and what it could not do, each in words,
//! with a way on where there is one (load another tab's plan, fetch a language again).

use std::rc::Rc;

use crate::state::{Followed, Notice};
use crate::text::{key, I18n};

/// What a notice's button does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WayOn {
    /// Loads the plan another tab saved.
    LoadOtherTab(Rc<Followed>),
    /// Fetches the language's words again.
    RetryWords,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WayOnView {
    pub way: WayOn,
    pub label: Rc<str>,
    pub testid: &'static str,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoticeView {
    pub text: String,
    pub way_on: Option<WayOnView>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoticesView {
    pub notices: Vec<NoticeView>,
    pub dismiss: Rc<str>,
}

/// The notices on show, in words.
pub fn notices(shown: &Rc<[Notice]>, t: &I18n) -> NoticesView {
    let way_on = |notice: &Notice| {
        let (way, label, testid) = match notice {
            Notice::OtherTabSaved(followed) => (
                WayOn::LoadOtherTab(followed.clone()),
                key::NOTICE_OTHER_TAB_LOAD,
                "load-other-tab",
            ),
            Notice::LanguageUnavailable { .. } => (
                WayOn::RetryWords,
                key::NOTICE_LANGUAGE_RETRY,
                "language-retry",
            ),
            _ => return None,
        };
        Some(WayOnView {
            way,
            label: t.text(label),
            testid,
        })
    };
    NoticesView {
        notices: shown
            .iter()
            .map(|n| NoticeView {
                text: t.notice(n),
                way_on: way_on(n),
            })
            .collect(),
        dismiss: t.text(key::NOTICES_DISMISS),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::StorageRefusal;
    use crate::view::words;

    #[test]
    fn a_notice_with_a_way_on_has_its_button() {
        let t = words();
        let shown: Rc<[Notice]> = Rc::new([
            Notice::StorageRefused(StorageRefusal::Full),
            Notice::StorageRefused(StorageRefusal::Forbidden),
            Notice::LanguageUnavailable {
                language: "Deutsch".into(),
            },
        ]);
        let view = notices(&shown, &t);
        assert!(view.notices[0]
            .text
            .starts_with("This browser's storage is full"));
        assert_eq!(view.notices[0].way_on, None);
        assert!(view.notices[1]
            .text
            .starts_with("This browser does not let this page keep anything"));
        let retry = view.notices[2].way_on.as_ref().unwrap();
        assert_eq!(
            (retry.testid, &*retry.label),
            ("language-retry", "Try again")
        );
        assert_eq!(retry.way, WayOn::RetryWords);
        assert_eq!(&*view.dismiss, "Dismiss");
    }
}
