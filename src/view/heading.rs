//! The widget's own heading (`heading`), for a page it is the main content of: its title,
//! what it does, and a way to each section, Compare first ("what do I need?" is a
//! visitor's first question). Also the language menu, which sits in the heading when there
//! is one.

use std::rc::Rc;

use crate::host::parts::{Part, Parts};
use crate::text::languages::{language_for, Language, LANGUAGES};
use crate::text::{key, I18n, Key, Texts};

/// A way to one section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NavItem {
    pub part: Part,
    /// The section's heading, which also names it here.
    pub label: Rc<str>,
    /// The way the visitor is most likely to want: to Compare.
    pub primary: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeadingView {
    pub title: Rc<str>,
    pub intro: Rc<str>,
    /// The page's title, in the widget's language.
    pub document_title: Rc<str>,
    pub nav_label: Rc<str>,
    /// A way to each section, when there is more than one.
    pub nav: Vec<NavItem>,
    pub language_menu: Option<LanguageMenuView>,
}

/// The language menu: each language under its own name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LanguageMenuView {
    pub label: Rc<str>,
    pub languages: &'static [Language],
    /// The locale of the language shown.
    pub current: &'static str,
}

/// The heading a part opens with, which also names it in the navigation.
pub fn heading_key(part: Part) -> Key {
    match part {
        Part::Heading => key::PAGE_TITLE,
        Part::Calculator => key::PLAN_HEADING,
        Part::Share => key::SHARE_HEADING,
        Part::Compare => key::COMPARE_HEADING,
        Part::Demo => key::DEMO_HEADING,
        Part::Rules => key::RULES_HEADING,
    }
}

/// The language menu, in the words' language.
pub fn language_menu(t: &Texts) -> LanguageMenuView {
    LanguageMenuView {
        label: t.text(key::LANGUAGE_LABEL),
        languages: &LANGUAGES,
        current: language_for(t.lang()).locale,
    }
}

/// What the heading reads: the parts that show, and whether the language menu does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeadingInput {
    pub parts: Parts,
    pub language_menu: bool,
}

/// The heading as it shows.
pub fn heading(input: &HeadingInput, t: &I18n) -> HeadingView {
    let (parts, menu) = (input.parts, input.language_menu);
    let sections: Vec<Part> = parts.iter().filter(|p| *p != Part::Heading).collect();
    // Compare first, then the rest as they show.
    let order = sections
        .iter()
        .filter(|p| **p == Part::Compare)
        .chain(sections.iter().filter(|p| **p != Part::Compare))
        .copied();
    let nav = if sections.len() > 1 {
        order
            .map(|part| NavItem {
                part,
                label: t.text(heading_key(part)),
                primary: part == Part::Compare,
            })
            .collect()
    } else {
        Vec::new()
    };
    HeadingView {
        title: t.text(key::PAGE_TITLE),
        intro: t.text(key::PAGE_INTRO),
        document_title: t.text(key::PAGE_DOCUMENT_TITLE),
        nav_label: t.text(key::NAV_LABEL),
        nav,
        language_menu: menu.then(|| language_menu(t)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::words;

    #[test]
    fn compare_comes_first_and_a_lone_section_needs_no_way_to_it() {
        let t = words();
        let all = Parts::default().with(Part::Heading, true);
        let view = heading(
            &HeadingInput {
                parts: all,
                language_menu: true,
            },
            &t,
        );
        let nav: Vec<(Part, &str, bool)> = view
            .nav
            .iter()
            .map(|n| (n.part, &*n.label, n.primary))
            .collect();
        assert_eq!(
            nav,
            [
                (Part::Compare, "Find the cheapest plan", true),
                (Part::Calculator, "Your plan", false),
                (Part::Demo, "Play a month", false),
                (Part::Rules, "Rules", false),
            ]
        );
        assert_eq!(view.language_menu.map(|m| m.current), Some("en-US"));
        let parts = Parts::of([Part::Heading, Part::Calculator]);
        let alone = heading(
            &HeadingInput {
                parts,
                language_menu: false,
            },
            &t,
        );
        assert!(alone.nav.is_empty());
        assert!(alone.language_menu.is_none());
    }
}
