//! The rule editor: the active rules and the presets, a form for the common edits, the JSON
//! itself, and import and export. Edits change a draft; only Apply replaces the working
//! rules, and only when they are valid. While a draft waits, the editor says so, and Apply
//! (or Ctrl/⌘+Enter anywhere in the editor) and Discard stay in view.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlTextAreaElement, KeyboardEvent};
use yew::prelude::*;

use super::context::{use_dispatch, use_ids, use_texts};
use super::number_field::Field;
use crate::browser::download::download;
use crate::engine::presets;
use crate::engine::rules::{RuleError, RuleSet};
use crate::state::{
    Action, Count, Draft, FieldDraft, Notice, RuleField, RulesForm, RulesOrigin, RulesStatus,
};
use crate::text::key;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub rules: Rc<RuleSet>,
    pub origin: RulesOrigin,
    pub draft: Option<Draft>,
    pub error: Option<RuleError>,
    pub status: Option<RulesStatus>,
    /// What was typed into the form's fields.
    pub drafts: Rc<[FieldDraft]>,
}

/// Reads an imported rule file, then hands its text to the widget.
fn import(input: HtmlInputElement, dispatch: Callback<Action>) {
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return;
    };
    input.set_value("");
    wasm_bindgen_futures::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(file.text()).await {
            Ok(text) => dispatch.emit(Action::ImportRules(text.as_string().unwrap_or_default())),
            Err(_) => dispatch.emit(Action::AddNotice(Notice::FileUnreadable)),
        }
    });
}

#[function_component]
pub fn RulesEditor(props: &Props) -> Html {
    let t = use_texts();
    let ids = use_ids();
    let dispatch = use_dispatch();
    let rules = &props.rules;
    // The active rules as JSON, written once per change of rules (not per render).
    let written = use_memo(rules.clone(), |rules| AttrValue::from(rules.to_json()));
    let (text, form): (AttrValue, Option<Rc<RulesForm>>) = match &props.draft {
        Some(draft) => (AttrValue::from(draft.text.clone()), draft.form.clone()),
        None => ((*written).clone(), Some(rules.clone())),
    };
    let active = match props.origin {
        RulesOrigin::Preset(p) => t.fill(
            key::RULES_ACTIVE_PRESET,
            &[("name", &rules.name), ("id", p.id)],
        ),
        RulesOrigin::Custom => t.fill(key::RULES_ACTIVE_CUSTOM, &[("name", &rules.name)]),
    };
    let preset_buttons = presets::all().into_iter().map(|p| {
        let rules = p.rules();
        let (name, source) = (rules.name, rules.source.unwrap_or_default());
        html! {
            <button type="button" class="button secondary" key={p.id} data-testid={format!("preset-{}", p.id)}
                title={source} aria-pressed={(props.origin == RulesOrigin::Preset(p)).to_string()}
                onclick={dispatch.reform(move |_: MouseEvent| Action::LoadPreset(p))}>
                { t.fill(key::RULES_USE_PRESET, &[("name", &name)]) }
            </button>
        }
    });
    let json_id = ids.id("rules-json");
    let error_id = ids.id("rules-error");
    let oninput = dispatch.reform(|e: InputEvent| {
        let area: HtmlTextAreaElement = e.target_unchecked_into();
        Action::EditRulesDraft(area.value())
    });
    let on_apply = dispatch.reform(|_: MouseEvent| Action::ApplyRulesDraft);
    let on_discard = dispatch.reform(|_: MouseEvent| Action::DiscardRulesDraft);
    let pending = props.draft.is_some();
    let on_keydown = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) && pending {
                e.prevent_default();
                dispatch.emit(Action::ApplyRulesDraft);
            }
        })
    };
    let on_export = {
        let text = text.clone();
        Callback::from(move |_: MouseEvent| download("messaging-quota-rules.json", &text))
    };
    let on_import = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| import(e.target_unchecked_into(), dispatch.clone()))
    };
    let message = match (&props.error, &props.status) {
        (Some(error), _) => html! {
            <p class="field-error" id={error_id.clone()} role="alert" data-testid="rules-error" data-path={error.path.clone()}>
                { t.fill(key::RULES_NOT_APPLIED, &[("error", &t.rule_error(error))]) }
            </p>
        },
        (None, Some(RulesStatus::Applied)) => html! {
            <p class="muted" role="status" data-testid="rules-status">
                { t.fill(key::RULES_APPLIED, &[("name", &rules.name)]) }
            </p>
        },
        (None, None) => html! {},
    };
    html! {
        <section class="rules" aria-label={t.text(key::RULES_HEADING).to_string()}>
            <h2>{ t.text(key::RULES_HEADING) }</h2>
            <div class="rules-editor-panel" onkeydown={on_keydown}>
                <p class="active-rules">
                    <strong>{ active }</strong>
                    if let Some(source) = &rules.source {
                        <br /><span class="muted">{ t.fill(key::RULES_SOURCE, &[("source", source)]) }</span>
                    }
                </p>
                <div class="presets" role="group" aria-label={t.text(key::RULES_PRESETS).to_string()}>{ for preset_buttons }</div>
                if let Some(form) = form {
                    <RulesFormFields {form} drafts={props.drafts.clone()} />
                } else {
                    <p class="muted">{ t.text(key::RULES_FORM_UNAVAILABLE) }</p>
                }
                <label for={json_id.clone()} class="block-label">{ t.text(key::RULES_JSON) }</label>
                <textarea id={json_id} class="rules-json" data-testid="rules-editor" spellcheck="false" rows="14"
                    value={text} aria-invalid={props.error.is_some().then_some("true")}
                    aria-describedby={props.error.is_some().then_some(error_id)} {oninput} />
                { message }
                // While a draft waits, this row sticks to the bottom of the view, so Apply is
                // near whichever field was changed.
                <div class={classes!("controls", "rules-actions", pending.then_some("pending"))}>
                    if pending {
                        <p class="pending-note" data-testid="rules-pending" role="status">
                            { t.text(key::RULES_PENDING) }<kbd>{ t.text(key::RULES_APPLY_KEYS) }</kbd>
                        </p>
                    }
                    <button type="button" class="button primary" data-testid="rules-apply" onclick={on_apply}>
                        { t.text(key::RULES_APPLY) }
                    </button>
                    if pending {
                        <button type="button" class="button secondary" data-testid="rules-discard" onclick={on_discard}>
                            { t.text(key::RULES_DISCARD) }
                        </button>
                    }
                    <button type="button" class="button secondary" data-testid="rules-export" onclick={on_export}>
                        { t.text(key::RULES_EXPORT) }
                    </button>
                    <label class="button secondary file-button">
                        { t.text(key::RULES_IMPORT) }
                        <input type="file" accept=".json,application/json" data-testid="rules-import" onchange={on_import} />
                    </label>
                </div>
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct FormProps {
    /// The rules the form edits: the draft's, or the active ones.
    form: Rc<RulesForm>,
    drafts: Rc<[FieldDraft]>,
}

/// The form's fields, in the draft's order: each tier's price, messages and credits, each
/// bundle's size and price, and InMail pricing.
#[function_component]
fn RulesFormFields(props: &FormProps) -> Html {
    let t = use_texts();
    let form = &*props.form;
    let digits = form.currency.minor_digits;
    let field = |rule: RuleField, label: String| {
        Field::new(Count::Rule(rule), label, rule.read(form)).in_digits(digits)
    };
    let drafts = &props.drafts;
    let tiers = form.tiers.iter().enumerate().map(|(i, tier)| {
        let cells = [
            ("price", key::RULES_TIER_PRICE, RuleField::TierPrice(i)),
            ("messages", key::RULES_TIER_MESSAGES, RuleField::TierMessages(i)),
            ("credits", key::RULES_TIER_CREDITS, RuleField::TierCredits(i)),
        ];
        html! {
            <tr key={i}>
                <th scope="row"><bdi>{ tier.name.clone() }</bdi></th>
                { for cells.into_iter().map(|(cell, label, rule)| html! {
                    <td key={cell}>{ field(rule, t.fill(label, &[("tier", &tier.name)])).of_tier(&tier.id).view(drafts) }</td>
                }) }
            </tr>
        }
    });
    let bundles = (0..form.bundles.len()).map(|i| {
        let n = (i + 1).to_string();
        html! {
            <>
                { field(RuleField::BundleSize(i), t.fill(key::RULES_BUNDLE_SIZE, &[("n", &n)])).view(drafts) }
                { field(RuleField::BundlePrice(i), t.fill(key::RULES_BUNDLE_PRICE, &[("n", &n)])).view(drafts) }
            </>
        }
    });
    html! {
        <>
            <div class="table-scroll">
                <table class="rules-form">
                    <caption>{ t.text(key::RULES_FORM_TIERS) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ t.text(key::RULES_FORM_TIER) }</th>
                            <th scope="col">{ t.text(key::RULES_FORM_PRICE) }</th>
                            <th scope="col">{ t.text(key::RULES_FORM_MESSAGES) }</th>
                            <th scope="col">{ t.text(key::RULES_FORM_CREDITS) }</th>
                        </tr>
                    </thead>
                    <tbody>{ for tiers }</tbody>
                </table>
            </div>
            <div class="field-grid">
                { for bundles }
                { field(RuleField::BlockSize, t.text(key::RULES_BLOCK_SIZE).to_string()).view(drafts) }
                { field(RuleField::BlockPrice, t.text(key::RULES_BLOCK_PRICE).to_string()).view(drafts) }
                { field(RuleField::PayPerInMail, t.text(key::RULES_PAY_PER_INMAIL).to_string()).view(drafts) }
            </div>
        </>
    }
}
