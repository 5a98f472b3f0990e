//! View models: for each section, one function from what it reads of the state (its input)
//! and the widget's words to what it shows, every sentence already worded, every amount
//! already written. Pure Rust, no yew and no browser, so each is tested natively, table by
//! table; the components render them and compute nothing. The same view models serve the
//! browser and the server renderer.
//!
//! A section's input holds exactly what its view model reads, so it is also the list of
//! what the section is recomputed for: the component memoises the view model on it.

pub mod calculator;
pub mod change;
pub mod compare;
pub mod demo;
pub mod dialog;
pub mod heading;
pub mod notices;
pub mod price;
pub mod rules;
pub mod share;

use std::rc::Rc;

use crate::engine::rules::RuleSet;
use crate::host::checkout::{fill, template, CheckoutSource, Purchase};
use crate::state::{field_text, Field, FieldDraft};
#[cfg(test)]
use crate::text::I18n;
use crate::text::{key, Texts};

/// A number field as it shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldView {
    pub field: Field,
    /// Its name in element ids: `addon-100`.
    pub name: String,
    pub testid: String,
    pub label: Rc<str>,
    /// What the field shows: the visitor's own text, or the value in use.
    pub text: String,
    /// Why the text is not used, and the value still in use.
    pub error: Option<String>,
    /// Typed as money (a decimal point), rather than a whole number.
    pub money: bool,
}

impl FieldView {
    /// The field for `field`, whose value is `value` and whose last typed text is among
    /// `drafts`; money in a currency of `digits` minor digits.
    pub fn new(
        t: &Texts,
        field: Field,
        label: impl Into<Rc<str>>,
        value: Option<u64>,
        drafts: &[FieldDraft],
    ) -> FieldView {
        FieldView::with(t, field, label.into(), value, drafts, 2, None)
    }

    /// A field of the rule form: money in `digits` minor digits, named by its tier.
    pub fn with(
        t: &Texts,
        field: Field,
        label: Rc<str>,
        value: Option<u64>,
        drafts: &[FieldDraft],
        digits: u8,
        tier_id: Option<&str>,
    ) -> FieldView {
        let draft = drafts.iter().find(|d| d.field == field);
        let shown = field_text(field, value, draft, digits);
        FieldView {
            field,
            name: field.name(),
            testid: field.test_id(tier_id),
            label,
            error: shown.error.as_ref().map(|e| t.field_error(e, &shown.value)),
            text: shown.text,
            money: field.is_money(),
        }
    }
}

/// One option of a select.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// What the select's value becomes when it is picked.
    pub value: Rc<str>,
    /// What the visitor reads.
    pub text: Rc<str>,
}

impl Choice {
    pub fn new(value: impl Into<Rc<str>>, text: impl Into<Rc<str>>) -> Choice {
        Choice {
            value: value.into(),
            text: text.into(),
        }
    }
}

/// A labelled select as it shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SelectView {
    pub label: Rc<str>,
    pub testid: &'static str,
    pub choices: Rc<[Choice]>,
    /// The value of the option in use.
    pub selected: Rc<str>,
}

/// A part of a sentence whose placeholders are elements (`Resets on {date}`, where `{date}`
/// is a `<time>`): the words stay in the catalogue, in the translator's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    /// A placeholder the component draws as an element, with its text.
    Slot(&'static str, String),
}

/// `template` as pieces: each `{name}` that `slot` knows is replaced by what it gives (text
/// joins the text around it, so no two text pieces follow each other); any other stays as
/// written.
pub fn pieces(template: &str, slot: &dyn Fn(&str) -> Option<Piece>) -> Vec<Piece> {
    let mut out = Vec::with_capacity(5);
    let mut text = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        text.push_str(&rest[..open]);
        match slot(&after[..close]) {
            Some(Piece::Text(value)) => text.push_str(&value),
            Some(element) => {
                if !text.is_empty() {
                    out.push(Piece::Text(std::mem::take(&mut text)));
                }
                out.push(element);
            }
            None => text.push_str(&rest[open..open + close + 2]),
        }
        rest = &after[close + 1..];
    }
    text.push_str(rest);
    if !text.is_empty() {
        out.push(Piece::Text(text));
    }
    out
}

/// A link to buy a plan, drawn only where a checkout URL applies (the host's
/// `checkout-url`, the tier's, the rules').
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckoutView {
    /// The template filled in, each value URL-encoded; the browser resolves it against the
    /// page (and draws no link unless it is a web address).
    pub href: String,
    /// "Subscribe", "Start free trial", "Get it free".
    pub text: Rc<str>,
    /// What it does, for screen readers: "Subscribe to Premium Business".
    pub label: String,
    pub testid: String,
    /// What the host hears when it is followed.
    pub purchase: Purchase,
    pub source: CheckoutSource,
}

/// The link to buy `purchase` under `rules` (in the widget's currency), when any checkout
/// URL applies; `host` is the page's `checkout-url`.
pub fn checkout(
    t: &Texts,
    host: Option<&str>,
    rules: &RuleSet,
    purchase: Purchase,
    source: CheckoutSource,
    testid: String,
) -> Option<CheckoutView> {
    let tier_id = &purchase.selection.tier_id;
    let href = fill(template(host, rules, tier_id)?, &purchase);
    let tier = rules.tier(tier_id);
    let action = match tier {
        Some(tier) if tier.trial_days.is_some() => key::CHECKOUT_TRIAL,
        _ if purchase.year_cents == 0 => key::CHECKOUT_FREE,
        _ => key::CHECKOUT_SUBSCRIBE,
    };
    let tier_name = tier.map_or(tier_id.as_str(), |t| t.name.as_str());
    let text = t.text(action);
    let label = t.fill(
        key::CHECKOUT_LABEL,
        &[("action", &text), ("tier", tier_name)],
    );
    Some(CheckoutView {
        href,
        text,
        label,
        testid,
        purchase,
        source,
    })
}

/// The tier marked for the visitor, and the mark's words when they are not the widget's.
pub type Highlight = Option<(String, Option<String>)>;

/// The highlighted plan's mark ("Most popular", or the rules' or page's own words) when
/// `tier` is the highlighted one; the same wherever a tier is listed.
pub fn mark(highlight: &Highlight, tier: &str, t: &Texts) -> Option<String> {
    highlight
        .as_ref()
        .filter(|(h, _)| h == tier)
        .map(|(_, label)| {
            label
                .clone()
                .unwrap_or_else(|| t.text(key::BADGE_HIGHLIGHT).to_string())
        })
}

/// In a later section's place when its code could not be fetched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnavailableView {
    pub text: Rc<str>,
    pub retry: Rc<str>,
}

pub fn unavailable(t: &Texts) -> UnavailableView {
    UnavailableView {
        text: t.text(key::SECTION_UNAVAILABLE),
        retry: t.text(key::SECTION_RETRY),
    }
}

/// The words and formats every view model in a test is worded with: English, `en-US`.
#[cfg(test)]
pub(crate) fn words() -> I18n {
    I18n::new(Rc::new(crate::text::english_for_tests()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::bill::Billing;
    use crate::engine::currency::Currency;
    use crate::engine::plan::Selection;
    use crate::engine::presets::ARTICLE;

    #[test]
    fn placeholders_become_slots_and_the_words_stay_in_order() {
        let slot = |name: &str| match name {
            "date" => Some(Piece::Slot("date", "Mar 1".to_owned())),
            "n" => Some(Piece::Text("3".to_owned())),
            _ => None,
        };
        assert_eq!(
            pieces("Resets on {date} ({days} days, {n} left)", &slot),
            [
                Piece::Text("Resets on ".into()),
                Piece::Slot("date", "Mar 1".into()),
                Piece::Text(" ({days} days, 3 left)".into()),
            ]
        );
        assert_eq!(
            pieces("{n} and {n}", &slot),
            [Piece::Text("3 and 3".into())]
        );
        assert_eq!(
            pieces("{date}", &slot),
            [Piece::Slot("date", "Mar 1".into())]
        );
        assert_eq!(
            pieces("no {close", &slot),
            [Piece::Text("no {close".into())]
        );
    }

    #[test]
    fn a_checkout_link_only_where_a_url_applies() {
        let t = words();
        let mut rules = ARTICLE.rules();
        let purchase = Purchase {
            selection: Selection::starter(&rules),
            billing: Billing::Monthly,
            currency: Currency::USD,
            month_cents: 0,
            year_cents: 0,
            charge: crate::engine::tax::Split::default(),
            promotion: None,
            from_tier: None,
        };
        let link = |rules: &RuleSet, host| {
            checkout(
                &t,
                host,
                rules,
                purchase.clone(),
                CheckoutSource::Calculator,
                "x".into(),
            )
        };
        assert_eq!(link(&rules, None), None);
        rules.checkout_url = Some("/buy?plan={tier}".into());
        let view = link(&rules, None).unwrap();
        assert_eq!(view.href, "/buy?plan=basic");
        assert_eq!(&*view.text, "Get started");
        assert_eq!(view.label, "Get started: Basic");
        assert_eq!(
            link(&rules, Some("https://shop.example/{tier}"))
                .unwrap()
                .href,
            "https://shop.example/basic"
        );
    }

    #[test]
    fn the_mark_is_the_page_s_words_or_the_widget_s() {
        let t = words();
        assert_eq!(
            mark(&Some(("pro".into(), None)), "pro", &t).as_deref(),
            Some("Most popular")
        );
        assert_eq!(
            mark(&Some(("pro".into(), Some("Best".into()))), "pro", &t).as_deref(),
            Some("Best")
        );
        assert_eq!(mark(&Some(("pro".into(), None)), "basic", &t), None);
    }
}
