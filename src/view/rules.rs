//! The rule editor: the rules in use and the presets, a form for the common edits, the JSON
//! itself, what Apply said, and import and export.

use std::rc::Rc;

use crate::engine::presets::{self, Preset};
use crate::engine::rules::RuleSet;
use crate::host::parts::Part;
use crate::state::{Editor, Field, FieldDraft, RuleField, RulesForm, RulesOrigin, Said, Widget};
use crate::text::{key, I18n, Texts};

use super::FieldView;

/// What the rule editor reads of the state.
#[derive(Clone, Debug, PartialEq)]
pub struct RulesInput {
    /// The rules in use, as given (every price list).
    pub rules: Rc<RuleSet>,
    pub origin: RulesOrigin,
    pub editor: Editor,
    /// What was typed into the form's fields.
    pub drafts: Rc<[FieldDraft]>,
}

impl RulesInput {
    pub fn of(w: &Widget) -> RulesInput {
        RulesInput {
            rules: w.rules.set.clone(),
            origin: w.rules.origin,
            editor: w.editor.clone(),
            drafts: w.drafts.of_part(Part::Rules),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PresetButton {
    pub preset: Preset,
    pub label: String,
    /// Where its figures come from.
    pub source: String,
    pub pressed: bool,
}

/// The form's fields, in the draft's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormView {
    pub caption: Rc<str>,
    /// Tier, price, messages, credits.
    pub columns: [Rc<str>; 4],
    /// Each tier's name, and its price, messages and credits.
    pub tiers: Vec<(String, [FieldView; 3])>,
    /// Each bundle's size and price, then InMail pricing.
    pub fields: Vec<FieldView>,
}

/// What the editor says of its draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaidView {
    Nothing,
    /// Apply refused the draft: where, and why.
    Refused {
        path: String,
        message: String,
    },
    Applied(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RulesView {
    pub heading: Rc<str>,
    pub active: String,
    pub source: Option<String>,
    pub presets_label: Rc<str>,
    pub presets: Vec<PresetButton>,
    /// The form, while the draft has a rule set's shape.
    pub form: Option<Rc<FormView>>,
    pub form_unavailable: Rc<str>,
    pub json_label: Rc<str>,
    /// The editor's text: the draft, or the rules in use as JSON.
    pub text: Rc<str>,
    pub said: SaidView,
    /// While a draft waits: that it does, and the keys that apply it.
    pub pending: Option<(Rc<str>, Rc<str>)>,
    pub apply: Rc<str>,
    pub discard: Rc<str>,
    pub export: Rc<str>,
    pub import: Rc<str>,
}

/// The rule editor as it shows.
pub fn rules(input: &RulesInput, t: &I18n) -> RulesView {
    let rules = &input.rules;
    let editor = &input.editor;
    let active = match input.origin {
        RulesOrigin::Preset(p) => t.fill(
            key::RULES_ACTIVE_PRESET,
            &[("name", &t.preset_name(p)), ("id", p.id)],
        ),
        RulesOrigin::Custom => t.fill(key::RULES_ACTIVE_CUSTOM, &[("name", &rules.name)]),
    };
    let presets = presets::all()
        .into_iter()
        .map(|p| PresetButton {
            preset: p,
            label: t.fill(key::RULES_USE_PRESET, &[("name", &t.preset_name(p))]),
            source: t.preset_source(p).to_string(),
            pressed: input.origin == RulesOrigin::Preset(p),
        })
        .collect();
    let said = match &editor.said {
        Said::Nothing => SaidView::Nothing,
        Said::Invalid(error) => SaidView::Refused {
            path: error.path.clone(),
            message: t.fill(key::RULES_NOT_APPLIED, &[("error", &t.rule_error(error))]),
        },
        Said::Applied => SaidView::Applied(t.fill(key::RULES_APPLIED, &[("name", &rules.name)])),
    };
    RulesView {
        heading: t.text(key::RULES_HEADING),
        active,
        // A preset's in the visitor's language; the host's own rules' as they give it.
        source: match input.origin {
            RulesOrigin::Preset(p) => Some(t.preset_source(p).to_string()),
            RulesOrigin::Custom => rules.source.clone(),
        }
        .map(|source| t.fill(key::RULES_SOURCE, &[("source", &source)])),
        presets_label: t.text(key::RULES_PRESETS),
        presets,
        form: editor
            .form(rules)
            .map(|form| Rc::new(form_view(form, &input.drafts, t))),
        form_unavailable: t.text(key::RULES_FORM_UNAVAILABLE),
        json_label: t.text(key::RULES_JSON),
        text: editor.text(rules),
        said,
        pending: editor
            .draft
            .is_some()
            .then(|| (t.text(key::RULES_PENDING), t.text(key::RULES_APPLY_KEYS))),
        apply: t.text(key::RULES_APPLY),
        discard: t.text(key::RULES_DISCARD),
        export: t.text(key::RULES_EXPORT),
        import: t.text(key::RULES_IMPORT),
    }
}

fn form_view(form: &RulesForm, drafts: &[FieldDraft], t: &Texts) -> FormView {
    let digits = form.currency.minor_digits;
    let field = |rule: RuleField, label: String, tier: Option<&str>| {
        FieldView::with(
            t,
            Field::Rule(rule),
            label.into(),
            rule.read(form),
            drafts,
            digits,
            tier,
        )
    };
    let tiers = form
        .tiers
        .iter()
        .enumerate()
        .map(|(i, tier)| {
            let label = |key| t.fill(key, &[("tier", &tier.name)]);
            let of_tier = Some(tier.id.as_str());
            (
                tier.name.clone(),
                [
                    field(
                        RuleField::TierPrice(i),
                        label(key::RULES_TIER_PRICE),
                        of_tier,
                    ),
                    field(
                        RuleField::TierMessages(i),
                        label(key::RULES_TIER_MESSAGES),
                        of_tier,
                    ),
                    field(
                        RuleField::TierCredits(i),
                        label(key::RULES_TIER_CREDITS),
                        of_tier,
                    ),
                ],
            )
        })
        .collect();
    let mut fields = Vec::new();
    for i in 0..form.bundles.len() {
        let n = (i + 1).to_string();
        fields.push(field(
            RuleField::BundleSize(i),
            t.fill(key::RULES_BUNDLE_SIZE, &[("n", &n)]),
            None,
        ));
        fields.push(field(
            RuleField::BundlePrice(i),
            t.fill(key::RULES_BUNDLE_PRICE, &[("n", &n)]),
            None,
        ));
    }
    for (rule, label) in [
        (RuleField::BlockSize, key::RULES_BLOCK_SIZE),
        (RuleField::BlockPrice, key::RULES_BLOCK_PRICE),
        (RuleField::PayPerInMail, key::RULES_PAY_PER_INMAIL),
    ] {
        fields.push(field(rule, t.text(label).to_string(), None));
    }
    FormView {
        caption: t.text(key::RULES_FORM_TIERS),
        columns: [
            t.text(key::RULES_FORM_TIER),
            t.text(key::RULES_FORM_PRICE),
            t.text(key::RULES_FORM_MESSAGES),
            t.text(key::RULES_FORM_CREDITS),
        ],
        tiers,
        fields,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::period::parse_iso_date;
    use crate::state::{initial_widget, Action, Edit, EditorAction, Init};
    use crate::view::words;

    #[test]
    fn a_draft_waits_with_what_apply_would_say() {
        let mut w = initial_widget(Init {
            local_today: parse_iso_date("2026-01-20"),
            ..Init::default()
        });
        let v = rules(&RulesInput::of(&w), &words());
        assert_eq!(v.active, "Active: Article — preset “article”");
        assert_eq!(v.pending, None);
        assert_eq!(v.presets.iter().filter(|p| p.pressed).count(), 1);
        let form = v.form.expect("the form edits the rules in use");
        assert_eq!(
            form.tiers[1].1[0].testid,
            "rules-tier-price-premium-business"
        );
        assert_eq!(form.tiers[1].1[0].text, "29.99");
        w.apply(Action::Field(
            Field::Rule(RuleField::TierPrice(1)),
            Edit::Type("39.99".into()),
        ));
        let v = rules(&RulesInput::of(&w), &words());
        assert_eq!(
            v.pending.as_ref().map(|p| &*p.0),
            Some("Changes not applied yet.")
        );
        assert!(v.text.contains("3999"));
        w.apply(Action::Editor(EditorAction::Edit("{".into())));
        w.apply(Action::Editor(EditorAction::Apply));
        let v = rules(&RulesInput::of(&w), &words());
        assert!(v.form.is_none());
        match v.said {
            SaidView::Refused { message, .. } => {
                assert!(message.starts_with("Not applied — "), "{message}")
            }
            other => panic!("{other:?}"),
        }
    }
}
