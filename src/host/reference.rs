//! The widget's interface to its host page, as data: every attribute it reads, the events it
//! dispatches and the CSS custom properties it is themed with, each with its type, default
//! and meaning. The README's tables, the Custom Elements Manifest
//! (`dist/custom-elements.json`), the TypeScript declarations (`dist/messaging-quota.d.ts`)
//! and the loader's list of watched attributes are generated from here by `cargo xtask`,
//! so none of them can drift from what the widget reads.

use super::params::PARAMS;

/// One attribute of `<messaging-quota>` (on a mount point: `data-` and the name).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribute {
    pub name: String,
    /// Its value's type for a TypeScript host: `string`, or a union of the words it takes.
    pub ts_type: &'static str,
    /// What it may hold (Markdown).
    pub values: &'static str,
    /// What applies without it (Markdown).
    pub default: &'static str,
}

/// An attribute of the page's own (not a parameter of the state): name, type, values, default.
type PageAttribute = (&'static str, &'static str, &'static str, &'static str);

const fn attribute(
    name: &'static str,
    ts_type: &'static str,
    values: &'static str,
    default: &'static str,
) -> PageAttribute {
    (name, ts_type, values, default)
}

/// A flag: present (or `true`) turns it on; React writes `true` as present.
const FLAG: &str = r#"boolean | "true" | "false" | """#;
/// The attributes that are not parameters of the state, in the reference's order (the
/// parameters come first, from [`PARAMS`]).
const PAGE_ATTRIBUTES: [PageAttribute; 18] = [
    attribute(
        "checkout-url",
        "string",
        "where buying a plan goes: an `https:`, `http:` or relative URL, a template whose \
         `{tier}`, `{period}`, `{currency}`, `{addons}`, `{inmail_blocks}`, `{seats}`, \
         `{promo}` and `{from_tier}` are filled in (see [Checkout](#checkout))",
        "the rules' `checkout_url`s; without any, no link is drawn",
    ),
    attribute(
        "highlight",
        "string",
        "a tier id: the tier marked \"Most popular\" on its card and row",
        "the rules' `highlight`",
    ),
    attribute(
        "highlight-label",
        "string",
        "the mark's words, instead of \"Most popular\"",
        "the rules' `highlight_label`, then the widget's words",
    ),
    attribute(
        "current-tier",
        "string",
        "a tier id: the plan the visitor already pays for, marked \"Your plan\"; every other \
         plan is labelled an upgrade or a downgrade with what it costs against it, the pop-up \
         offers only ways up from it, and checkout is told the change (see \
         [The visitor's plan](#the-visitors-plan))",
        "none: every plan shows as new",
    ),
    attribute(
        "current-addons",
        "string",
        "the current plan's bundles as `SIZExCOUNT` pairs: `100x2,25x1`",
        "none",
    ),
    attribute(
        "current-seats",
        "string",
        "a whole number 1–1000: the current plan's seats, on a tier sold by the seat",
        "the tier's fewest seats",
    ),
    attribute(
        "rules",
        "string",
        "a rule set as inline JSON (see [Changing the rules](rules.md#changing-the-rules))",
        "the preset",
    ),
    attribute(
        "rules-src",
        "string",
        "a URL on the page's own origin serving a rule set",
        "—",
    ),
    attribute(
        "theme",
        r#""light" | "dark" | "auto""#,
        "`light`, `dark`, or `auto` (follows `prefers-color-scheme`)",
        "`light`",
    ),
    attribute(
        "locale",
        "string",
        "any BCP 47 language tag (`de-DE`, `fr`, `es-419`, `ar-EG`): the widget's language \
         (see [Languages](languages.md)) and how `Intl` writes its numbers, money and dates",
        "the page's `<html lang>`, then the browser's language",
    ),
    attribute(
        "messages-src",
        "string",
        "a URL on the page's own origin serving a message catalogue: words over the \
         language's own (see [Changing the words](languages.md#changing-the-words))",
        "—",
    ),
    attribute(
        "language-menu",
        FLAG,
        "`true`/`false`: show a language menu; the widget then follows the browser, not the page",
        "`false` (the standalone page sets `true`)",
    ),
    attribute(
        "heading",
        FLAG,
        "`true`/`false`: the widget's own heading, for a page it is the main content of: its \
         title and what it does, and a way to each of its sections, in its language (the page's \
         title follows)",
        "`false` (the standalone page sets `true`)",
    ),
    attribute(
        "loading",
        r#""lazy" | "eager""#,
        "`lazy` (load when within a viewport of being seen) or `eager`",
        "`lazy` (the standalone page is eager)",
    ),
    attribute(
        "sync-url",
        FLAG,
        "`true`/`false`: keep the page URL's query in step (shareable links)",
        "`false` (the standalone page sets `true`)",
    ),
    attribute(
        "persist",
        "string",
        "`true`, `false`, or a key: remember the state in `localStorage` under \
         `messaging-quota:<key>`",
        "off",
    ),
    attribute(
        "sections",
        "string",
        "any of `calculator,compare,demo,rules`",
        "all four",
    ),
    attribute(
        "share",
        FLAG,
        "`true`/`false`: show the Share panel (the link to this plan, edited rules included, and \
         the embed code for it)",
        "`false` (the standalone page sets `true`)",
    ),
];

/// Every attribute the widget reads: the state's parameters (each spelled with `-`), then
/// the page's own.
pub fn attributes() -> Vec<Attribute> {
    let params = PARAMS.iter().map(|p| Attribute {
        name: p.attribute(),
        ts_type: p.doc.ts_type,
        values: p.doc.values,
        default: p.doc.default,
    });
    let page = PAGE_ATTRIBUTES
        .iter()
        .map(|&(name, ts_type, values, default)| Attribute {
            name: name.to_owned(),
            ts_type,
            values,
            default,
        });
    params.chain(page).collect()
}

/// One event the widget dispatches on its element (a bubbling, composed `CustomEvent`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Event {
    pub name: &'static str,
    /// The TypeScript type of its `detail` (declared in `messaging-quota.d.ts`).
    pub detail: &'static str,
    /// When it fires and what it is for (Markdown).
    pub description: &'static str,
}

/// Every event, in the order a visit meets them.
pub const EVENTS: [Event; 6] = [
    Event {
        name: "messaging-quota:ready",
        detail: "ChangeDetail",
        description: "Once per widget, after its first render: the plan the visitor starts from.",
    },
    Event {
        name: "messaging-quota:change",
        detail: "ChangeDetail",
        description: "After every later change of the selection, usage or results (a typed \
                      count fires it per valid keystroke).",
    },
    Event {
        name: "messaging-quota:upgrade-click",
        detail: "UpgradeDetail",
        description: "When the visitor picks a way to unblock a message in the upgrade pop-up.",
    },
    Event {
        name: "messaging-quota:checkout",
        detail: "CheckoutDetail",
        description:
            "When the visitor follows a link to buy a plan (cancelable: `preventDefault()` \
                      keeps the visitor on the page, for the host's own flow).",
    },
    Event {
        name: "messaging-quota:contact-sales",
        detail: "ContactDetail",
        description: "When the visitor follows the \"Contact sales\" link of a tier sold through \
                      sales (cancelable, as the checkout event is).",
    },
    Event {
        name: "messaging-quota:error",
        detail: "LoadErrorDetail",
        description: "When something the widget needs could not be loaded; it shows a Retry \
                      button and tries again when the browser comes back online.",
    },
];

/// One CSS custom property the widget reads (set it on the element or an ancestor).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CssProperty {
    pub name: &'static str,
    /// The light theme's value.
    pub default: &'static str,
    /// The dark theme's value, where it has its own.
    pub dark: Option<&'static str>,
    pub description: &'static str,
}

const fn css(
    name: &'static str,
    default: &'static str,
    dark: Option<&'static str>,
    description: &'static str,
) -> CssProperty {
    CssProperty {
        name,
        default,
        dark,
        description,
    }
}

impl CssProperty {
    /// The property with its default, as every stylesheet of the widget reads it:
    /// `var(--mq-bg, light-dark(#ffffff, #1b1f23))`. The widget's stylesheet is tested
    /// against it; the skeleton's is generated from it.
    pub fn read(&self) -> String {
        match self.dark {
            Some(dark) => format!("var({}, light-dark({}, {dark}))", self.name, self.default),
            None => format!("var({}, {})", self.name, self.default),
        }
    }
}

/// Every theming property, as the stylesheet reads them.
pub const CSS_PROPERTIES: [CssProperty; 16] = [
    css(
        "--mq-accent",
        "#0a66c2",
        Some("#71b7fb"),
        "Buttons, selection and links.",
    ),
    css(
        "--mq-accent-text",
        "#ffffff",
        Some("#0b1a2a"),
        "Text on the accent.",
    ),
    css(
        "--mq-bg",
        "#ffffff",
        Some("#1b1f23"),
        "The widget's background.",
    ),
    css("--mq-surface", "#f4f2ee", Some("#262b31"), "Panels."),
    css(
        "--mq-border",
        "#d0d5da",
        Some("#434a52"),
        "Lines and borders.",
    ),
    css("--mq-text", "#1d2226", Some("#e9e9e9"), "Text."),
    css("--mq-muted", "#56687a", Some("#b0b7bf"), "Secondary text."),
    css(
        "--mq-success",
        "#057642",
        Some("#6fcf97"),
        "Cheapest marks.",
    ),
    css(
        "--mq-warning",
        "#8a5300",
        Some("#f3c16b"),
        "The 80% warning's text.",
    ),
    css(
        "--mq-warning-bg",
        "#fdf1dc",
        Some("#3a2f1c"),
        "The 80% warning's background.",
    ),
    css(
        "--mq-danger",
        "#b3261e",
        Some("#ff9a8f"),
        "The limit's text.",
    ),
    css(
        "--mq-danger-bg",
        "#fbe9e7",
        Some("#3d2220"),
        "The limit's background.",
    ),
    css("--mq-focus", "#0a66c2", Some("#9ccfff"), "Focus rings."),
    css("--mq-radius", "10px", None, "Corner radius."),
    css(
        "--mq-font",
        r#"system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif"#,
        None,
        "The typeface (inherits nothing from the page unless set).",
    ),
    css("--mq-font-size", "15px", None, "The base text size."),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique() {
        let all = attributes();
        let mut names: Vec<&str> = all.iter().map(|a| a.name.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), all.len());
        assert_eq!(all.len(), PARAMS.len() + PAGE_ATTRIBUTES.len());
    }

    #[test]
    fn every_attribute_is_read() {
        use crate::host::attributes::parse_attributes;
        // A value no attribute takes: each attribute the widget reads says it refused it,
        // or takes it; an attribute it did not read would say nothing and change nothing.
        for a in attributes() {
            let bare = parse_attributes([], false);
            let given = parse_attributes([(a.name.as_str(), "\u{1}not a value")], false);
            assert_ne!(given, bare, "{} is documented but not read", a.name);
        }
    }

    #[test]
    fn the_stylesheet_reads_every_property_with_its_documented_default() {
        let css = include_str!("../../styles/messaging-quota.css");
        for p in CSS_PROPERTIES {
            assert!(css.contains(&p.read()), "{} reads {}", p.name, p.read());
            let other_default = css.matches(&format!("var({},", p.name)).count();
            assert_eq!(
                other_default,
                css.matches(&p.read()).count(),
                "{} is read with one default only",
                p.name
            );
        }
    }

    #[test]
    fn the_stylesheet_reads_every_documented_property_and_no_other() {
        let css = include_str!("../../styles/messaging-quota.css");
        let mut read: Vec<&str> = css
            .match_indices("var(--mq-")
            .map(|(at, _)| {
                let name = &css[at + 4..];
                &name[..name.find([',', ')']).unwrap_or(name.len())]
            })
            .collect();
        read.sort_unstable();
        read.dedup();
        let mut documented: Vec<&str> = CSS_PROPERTIES.iter().map(|p| p.name).collect();
        documented.sort_unstable();
        assert_eq!(read, documented);
    }
}
