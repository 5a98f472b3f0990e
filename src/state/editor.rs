//! The rule editor's part of the state: the draft the visitor is editing, and what the
//! editor says of it. A draft is only ever applied whole, and only when valid.
//!
//! Invariant: `draft` is `None` while the editor shows the rules in use as they are, so a
//! widget that never edits its rules never writes them out.

use std::rc::Rc;

use super::rules_form::{RuleField, RulesForm};
use crate::engine::presets::Preset;
use crate::engine::rules::{RuleError, RuleSet};

/// Rules the visitor is editing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    /// The editor's text.
    pub text: Rc<str>,
    /// The text as the rule form edits it, while its shape allows.
    pub form: Option<Rc<RulesForm>>,
}

impl Draft {
    pub fn new(text: String) -> Draft {
        Draft {
            form: RulesForm::read(&text).map(Rc::new),
            text: text.into(),
        }
    }
}

/// What the editor says of its draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Said {
    /// Nothing to say.
    Nothing,
    /// The draft is not a valid rule set: Apply would refuse it, for this reason.
    Invalid(RuleError),
    /// These rules were just applied.
    Applied,
}

/// The rule editor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Editor {
    pub draft: Option<Draft>,
    pub said: Said,
}

impl Default for Editor {
    fn default() -> Self {
        Editor {
            draft: None,
            said: Said::Nothing,
        }
    }
}

/// What the visitor does in the rule editor.
#[derive(Clone, Debug, PartialEq)]
pub enum EditorAction {
    /// Text typed into the JSON editor.
    Edit(String),
    Apply,
    /// Back to the rules in use: the draft and what was typed into the form go.
    Discard,
    LoadPreset(Preset),
    /// A rule file the visitor imported: applied at once when valid.
    Import(String),
}

impl Editor {
    /// The editor's text: the draft, or the rules in use as JSON.
    pub fn text(&self, rules: &RuleSet) -> Rc<str> {
        match &self.draft {
            Some(draft) => draft.text.clone(),
            None => rules.to_json().into(),
        }
    }

    /// What the rule form edits: the draft while it has the shape, or the rules in use.
    pub fn form<'a>(&'a self, rules: &'a RuleSet) -> Option<&'a RulesForm> {
        match &self.draft {
            Some(draft) => draft.form.as_deref(),
            None => Some(rules),
        }
    }

    /// The JSON editor's text changed.
    pub fn edit(&mut self, text: String, rules: &RuleSet) {
        // Typed back to the rules in use: nothing is waiting to be applied.
        let unchanged = *text == *rules.to_json();
        self.draft = (!unchanged).then(|| Draft::new(text));
        // Why the last Apply refused the draft stays while the visitor mends it.
        self.said = match std::mem::replace(&mut self.said, Said::Nothing) {
            Said::Invalid(e) if !unchanged => Said::Invalid(e),
            _ => Said::Nothing,
        };
    }

    /// A form field changed: the draft follows, and what Apply would say is shown at once.
    pub fn edit_field(&mut self, field: RuleField, value: u64, rules: &RuleSet) {
        let Some(mut form) = self.form(rules).cloned() else {
            return;
        };
        if field.write(&mut form, value).is_none() {
            return;
        }
        if form == *rules {
            // Edited back to the rules in use: nothing is waiting to be applied.
            *self = Editor::default();
            return;
        }
        let text: Rc<str> = form.to_json().into();
        self.said = match RuleSet::from_json(&text) {
            Ok(_) => Said::Nothing,
            Err(e) => Said::Invalid(e),
        };
        self.draft = Some(Draft {
            text,
            form: Some(Rc::new(form)),
        });
    }

    /// The minor digits of the form's prices: its draft's currency, or the rules'.
    pub fn money_digits(&self, rules: &RuleSet) -> u8 {
        self.form(rules)
            .map_or(rules.currency, |f| f.currency)
            .minor_digits
    }
}
