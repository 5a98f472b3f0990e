//! The embed code for what a widget shows: the attributes a `<messaging-quota>` element needs
//! to show the same plan on any page (tier, add-ons, usage, period and need, the rules when
//! they are edited), each only where it differs from what a bare element shows. The browser
//! writes them as markup (src/browser/embed_markup.rs); here they are facts, tested natively.

use super::{RulesOrigin, Widget};
use crate::engine::player::Month;
use crate::engine::presets::ARTICLE;
use crate::host::attributes::Theme;
use crate::host::params::{Choices, Params};

impl Widget {
    /// `(attribute, value)` pairs, in a stable order.
    pub fn snippet_attributes(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let rules = &self.rules.set;
        if self.rules.origin == RulesOrigin::Custom {
            out.push(("rules".to_owned(), rules.to_compact_json()));
        }
        // What a bare element shows under these rules, today.
        let bare = Month::new(self.local_today, Default::default(), 0);
        let bare = Params::of(&Choices::starter(rules), &bare, Some(ARTICLE));
        for (name, value) in self.params().changes(&bare).to_pairs() {
            out.push((name.replace('_', "-"), value));
        }
        let page = &self.page;
        let highlight = page.highlight.clone().filter(|t| rules.tier(t).is_some());
        let current_tier = page
            .current_tier
            .clone()
            .filter(|t| rules.tier(t).is_some());
        let current_seats = page.current_seats.map(|s| s.to_string());
        let settings = [
            ("checkout-url", &page.checkout_url),
            ("highlight", &highlight),
            ("highlight-label", &page.highlight_label),
            ("current-tier", &current_tier),
            ("current-addons", &page.current_addons),
            ("current-seats", &current_seats),
        ];
        for (name, value) in settings {
            if let Some(value) = value {
                out.push((name.to_owned(), value.clone()));
            }
        }
        if page.theme != Theme::default() {
            out.push(("theme".to_owned(), page.theme.id().to_owned()));
        }
        if let Some(locale) = &page.locale {
            out.push(("locale".to_owned(), locale.clone()));
        }
        if let Some(sections) = page.parts.sections_attribute() {
            out.push(("sections".to_owned(), sections));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::{
        initial_widget, Action, Edit, EditorAction, Field, Init, PlanAction, RuleField,
    };
    use crate::engine::period::parse_iso_date;
    use crate::host::attributes::parse_attributes;

    fn on_a_page(attributes: &[(String, String)]) -> super::Widget {
        let (config, problems) = parse_attributes(
            attributes.iter().map(|(n, v)| (n.as_str(), v.as_str())),
            false,
        );
        assert!(problems.is_empty(), "{problems:?}");
        initial_widget(Init {
            config,
            local_today: parse_iso_date("2026-01-20"),
            ..Init::default()
        })
    }

    #[test]
    fn the_embed_code_shows_the_same_plan() {
        let mut w = on_a_page(&[]);
        assert_eq!(
            w.snippet_attributes(),
            [("tier".to_owned(), "basic".to_owned())]
        );
        w.apply(Action::Plan(PlanAction::SelectTier(
            "sales-navigator".into(),
        )));
        w.apply(Action::Field(Field::Addon(100), Edit::Set(2)));
        w.apply(Action::Field(Field::Sent, Edit::Set(40)));
        w.apply(Action::Field(
            Field::Rule(RuleField::TierPrice(3)),
            Edit::Set(5_000),
        ));
        w.apply(Action::Editor(EditorAction::Apply));
        let attributes = w.snippet_attributes();
        let names: Vec<&str> = attributes.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["rules", "tier", "addons", "sent"]);
        let pasted = on_a_page(&attributes);
        assert_eq!(pasted.rules, w.rules, "edited rules travel");
        assert_eq!(pasted.choices.selection, w.choices.selection);
        assert_eq!(pasted.month.usage, w.month.usage);
        assert_eq!(pasted.summary().total_cents, w.summary().total_cents);
    }
}
