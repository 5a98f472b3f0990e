//! What every section of the view reads: the state, derived results, and the helpers that
//! build the widget's labelled selects and number fields.

use std::rc::Rc;

use yew::prelude::*;

use super::number_field::NumberField;
use crate::engine::locale::Locale;
use crate::engine::recommend::Plan;
use crate::engine::summary::Summary;
use crate::state::{Action, Count, Widget};

/// One render's inputs, shared by the sections.
#[derive(Clone, Copy)]
pub struct Scope<'a> {
    pub w: &'a Widget,
    pub summary: &'a Summary,
    /// Makes element ids unique per widget on the page.
    pub prefix: &'a str,
    pub locale: Locale,
    pub on_action: &'a Callback<Action>,
    pub send_ref: &'a NodeRef,
    pub recommendation: Option<&'a Plan>,
    pub compare_html: &'a Rc<String>,
    pub chart_html: &'a Rc<String>,
    /// The month player's timeline and log, redrawn only when the month changes.
    pub timeline_html: &'a Rc<String>,
    pub log_html: &'a Rc<String>,
}

impl Scope<'_> {
    /// An element id unique to this widget.
    pub fn id(&self, name: &str) -> String {
        format!("{}-{name}", self.prefix)
    }

    /// A labelled select whose changes reach the root's handler through `data-field`.
    pub fn select(
        &self,
        field: &'static str,
        label: &str,
        testid: &'static str,
        options: Vec<(String, String)>,
        selected: String,
    ) -> Html {
        html! {
            <label class="select-field">
                <span>{ label }</span>
                <select data-field={field} data-testid={testid}>
                    { for options.into_iter().map(|(value, text)| {
                        let chosen = value == selected;
                        html! { <option selected={chosen} {value}>{ text }</option> }
                    }) }
                </select>
            </label>
        }
    }

    /// A number field for one of the counts a visitor types.
    pub fn count(&self, key: &str, label: String, testid: &str, value: u64, target: Count) -> Html {
        html! {
            <NumberField id={self.id(key)} {label} testid={testid.to_owned()} {value} {target} on_action={self.on_action.clone()} />
        }
    }
}
