//! The embed code for what a widget shows: the attributes a `<messaging-quota>` element needs
//! to show the same plan on any page (tier, add-ons, usage, period and need, the rules when
//! they are edited), each only where it differs from what a bare element shows. The browser
//! writes them as markup (src/browser/embed_markup.rs); here they are facts, tested natively.

use super::init::default_target;
use super::{RulesOrigin, Widget};
use crate::engine::presets::ARTICLE;
use crate::host::attributes::{Sections, Theme};
use crate::host::params::Params;

impl Widget {
    /// `(attribute, value)` pairs, in a stable order.
    pub fn snippet_attributes(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let preset = self.rules_origin.preset();
        if self.rules_origin == RulesOrigin::Custom {
            out.push(("rules".to_owned(), self.rules.to_compact_json()));
        }
        let bare = default_target(&self.rules, self.local_today);
        let params = Params::changes(&self.param_target(), preset, &bare, Some(ARTICLE));
        for (name, value) in params.to_pairs() {
            out.push((name.replace('_', "-"), value));
        }
        let page = [
            ("checkout-url", &self.checkout_url),
            ("highlight", &self.highlight),
            ("highlight-label", &self.highlight_label),
        ];
        for (name, value) in page {
            if let Some(value) = value {
                out.push((name.to_owned(), value.clone()));
            }
        }
        if self.theme != Theme::default() {
            out.push(("theme".to_owned(), self.theme.id().to_owned()));
        }
        if let Some(locale) = &self.locale {
            out.push(("locale".to_owned(), locale.clone()));
        }
        if self.sections != Sections::ALL {
            let names = [
                (self.sections.calculator, "calculator"),
                (self.sections.compare, "compare"),
                (self.sections.demo, "demo"),
                (self.sections.rules, "rules"),
            ];
            let on: Vec<&str> = names
                .iter()
                .filter(|(on, _)| *on)
                .map(|(_, n)| *n)
                .collect();
            out.push(("sections".to_owned(), on.join(",")));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::{initial_widget, Action, Count, Init, RuleField};
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
        w.apply(Action::SelectTier("sales-navigator".into()));
        w.apply(Action::SetCount(Count::Addon(100), 2));
        w.apply(Action::SetCount(Count::Sent, 40));
        w.apply(Action::SetCount(
            Count::Rule(RuleField::TierPrice(3)),
            5_000,
        ));
        w.apply(Action::ApplyRulesDraft);
        let attributes = w.snippet_attributes();
        let names: Vec<&str> = attributes.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["rules", "tier", "addons", "sent"]);
        let pasted = on_a_page(&attributes);
        assert_eq!(pasted.rules, w.rules, "edited rules travel");
        assert_eq!(pasted.selection, w.selection);
        assert_eq!(pasted.month.usage, w.month.usage);
        assert_eq!(pasted.summary().total_cents, w.summary().total_cents);
    }
}
