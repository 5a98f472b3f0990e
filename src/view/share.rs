//! "Share this plan": the link to what the widget shows and the embed code that shows the
//! same plan on any page, each with a copy button, and what the last copy did. The link
//! and the code themselves are written by the browser (they hold the page's address).

use std::rc::Rc;

use crate::text::{key, I18n};

/// What the last copy did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Copied {
    Link,
    Snippet,
    /// The browser refused the clipboard: the text is selected instead.
    Refused,
}

/// What the Share panel reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShareInput {
    pub link: Rc<str>,
    pub snippet: Rc<str>,
    /// Whether the rules are edited (the link and the code carry them).
    pub edited: bool,
    pub copied: Option<Copied>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShareView {
    pub heading: Rc<str>,
    pub link_label: Rc<str>,
    pub link: Rc<str>,
    pub copy_link: Rc<str>,
    /// Said under the link when the rules are edited.
    pub edited: Option<Rc<str>>,
    pub snippet_label: Rc<str>,
    pub snippet: Rc<str>,
    pub snippet_note: Rc<str>,
    pub copy_snippet: Rc<str>,
    /// What the last copy did, in words.
    pub status: Option<Rc<str>>,
}

/// The Share panel as it shows.
pub fn share(input: &ShareInput, t: &I18n) -> ShareView {
    ShareView {
        heading: t.text(key::SHARE_HEADING),
        link_label: t.text(key::SHARE_LINK_LABEL),
        link: input.link.clone(),
        copy_link: t.text(key::SHARE_COPY_LINK),
        edited: input.edited.then(|| t.text(key::SHARE_LINK_EDITED)),
        snippet_label: t.text(key::SHARE_SNIPPET_LABEL),
        snippet: input.snippet.clone(),
        snippet_note: t.text(key::SHARE_SNIPPET_NOTE),
        copy_snippet: t.text(key::SHARE_COPY_SNIPPET),
        status: input.copied.map(|c| {
            t.text(match c {
                Copied::Link => key::SHARE_COPIED_LINK,
                Copied::Snippet => key::SHARE_COPIED_SNIPPET,
                Copied::Refused => key::SHARE_COPY_REFUSED,
            })
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::words;

    #[test]
    fn the_copy_says_what_it_did() {
        let t = words();
        let input = ShareInput {
            link: "https://x.example/?tier=basic".into(),
            snippet: "<messaging-quota></messaging-quota>".into(),
            edited: true,
            copied: Some(Copied::Refused),
        };
        let view = share(&input, &t);
        assert_eq!(&*view.link, "https://x.example/?tier=basic");
        assert!(view.edited.is_some());
        assert!(
            view.status.unwrap().contains("select"),
            "the text is selected to copy by hand"
        );
        let plain = share(
            &ShareInput {
                edited: false,
                copied: None,
                ..input
            },
            &t,
        );
        assert_eq!((plain.edited, plain.status), (None, None));
    }
}
