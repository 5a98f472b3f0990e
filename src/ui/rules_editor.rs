//! The rule editor: presets, a form for the common edits, the JSON itself, and import and
//! export. Edits change a draft; only Apply replaces the working rules, and only when valid.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::number_field::NumberField;
use crate::engine::fields::CountField;
use crate::engine::presets;
use crate::engine::rules::{RuleError, RuleSet};
use crate::state::{Action, RuleEdit, RulesOrigin};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub prefix: AttrValue,
    pub rules: Rc<RuleSet>,
    pub origin: RulesOrigin,
    pub draft: AttrValue,
    pub error: Option<RuleError>,
    pub message: Option<String>,
    pub on_action: Callback<Action>,
}

/// Offers the draft as a file download.
fn export(json: &str) {
    let parts = js_sys::Array::of1(&json.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    let anchor = gloo::utils::document().create_element("a").ok().and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    if let Some(anchor) = anchor {
        anchor.set_href(&url);
        anchor.set_download("messaging-quota-rules.json");
        anchor.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// The editor.
#[function_component]
pub fn RulesEditor(props: &Props) -> Html {
    let Props { prefix, rules, draft, on_action, .. } = props;
    let id = |name: &str| AttrValue::from(format!("{prefix}-{name}"));
    let parsed = use_memo(draft.clone(), |d| RuleSet::from_json(d).ok());
    let edit = |make: fn(u64) -> RuleEdit| on_action.reform(move |v| Action::EditRule(make(v)));

    let oninput = on_action.reform(|e: InputEvent| Action::EditRulesDraft(e.target_unchecked_into::<HtmlTextAreaElement>().value()));
    let on_import = {
        let on_action = on_action.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
            input.set_value("");
            let on_action = on_action.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                    Ok(text) => on_action.emit(Action::ImportRules(text.as_string().unwrap_or_default())),
                    Err(_) => on_action.emit(Action::AddNotice("The rule file could not be read.".into())),
                }
            });
        })
    };
    let on_export = {
        let draft = draft.clone();
        Callback::from(move |_| export(&draft))
    };

    let form = match &*parsed {
        None => html! { <p class="muted">{ "The form needs valid JSON: fix the error below, or reset to a preset." }</p> },
        Some(d) => html! {
            <>
                <div class="table-scroll">
                <table class="rules-form">
                    <caption>{ "Tiers" }</caption>
                    <thead><tr><th scope="col">{ "Tier" }</th><th scope="col">{ "Price / month ($)" }</th><th scope="col">{ "Free messages" }</th><th scope="col">{ "InMail credits" }</th></tr></thead>
                    <tbody>
                        { for d.tiers.iter().enumerate().map(|(i, t)| html! {
                            <tr key={t.id.clone()}>
                                <th scope="row">{ &t.name }</th>
                                <td><NumberField id={id(&format!("rf-price-{i}"))} label={format!("{} price", t.name)} testid={format!("rules-tier-price-{}", t.id)}
                                    value={t.price_cents} field={CountField::Sent} money=true
                                    on_change={on_action.reform(move |cents| Action::EditRule(RuleEdit::TierPrice { tier: i, cents }))} /></td>
                                <td><NumberField id={id(&format!("rf-msgs-{i}"))} label={format!("{} messages", t.name)} testid={format!("rules-tier-messages-{}", t.id)}
                                    value={t.free_messages} field={CountField::Sent}
                                    on_change={on_action.reform(move |messages| Action::EditRule(RuleEdit::TierMessages { tier: i, messages }))} /></td>
                                <td><NumberField id={id(&format!("rf-credits-{i}"))} label={format!("{} credits", t.name)} testid={format!("rules-tier-credits-{}", t.id)}
                                    value={t.inmail_credits} field={CountField::Sent}
                                    on_change={on_action.reform(move |credits| Action::EditRule(RuleEdit::TierCredits { tier: i, credits }))} /></td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                </div>
                <div class="field-grid">
                    { for d.bundles.iter().enumerate().map(|(i, b)| html! {
                        <div class="pair" key={format!("b{i}")}>
                            <NumberField id={id(&format!("rf-bsize-{i}"))} label={format!("Bundle {} size", i + 1)} testid={format!("rules-bundle-size-{i}")}
                                value={b.size} field={CountField::AddonCount}
                                on_change={on_action.reform(move |size| Action::EditRule(RuleEdit::BundleSize { bundle: i, size }))} />
                            <NumberField id={id(&format!("rf-bprice-{i}"))} label={format!("Bundle {} price ($)", i + 1)} testid={format!("rules-bundle-price-{i}")}
                                value={b.price_cents} field={CountField::Sent} money=true
                                on_change={on_action.reform(move |cents| Action::EditRule(RuleEdit::BundlePrice { bundle: i, cents }))} />
                        </div>
                    }) }
                    <NumberField id={id("rf-block-size")} label="InMail block size" testid="rules-block-size"
                        value={d.inmail.block_size} field={CountField::AddonCount} on_change={edit(RuleEdit::BlockSize)} />
                    <NumberField id={id("rf-block-price")} label="InMail block price ($)" testid="rules-block-price"
                        value={d.inmail.block_price_cents} field={CountField::Sent} money=true on_change={edit(RuleEdit::BlockPrice)} />
                    <NumberField id={id("rf-ppi")} label="Pay-per-InMail ($)" testid="rules-pay-per-inmail"
                        value={d.inmail.pay_per_inmail_cents} field={CountField::Sent} money=true on_change={edit(RuleEdit::PayPerInMail)} />
                </div>
            </>
        },
    };

    let active = match props.origin {
        RulesOrigin::Preset(p) => format!("Preset “{}”", p.id),
        RulesOrigin::Custom => "Custom rules".to_owned(),
    };
    html! {
        <div class="rules-editor-panel">
            <p class="active-rules">
                <strong>{ format!("Active: {} — {}", rules.name, active) }</strong>
                if !rules.source.is_empty() { <br /><span class="muted">{ format!("Source: {}", rules.source) }</span> }
            </p>
            <div class="presets" role="group" aria-label="Presets">
                { for presets::all().into_iter().map(|p| {
                    let name = p.try_rules().map(|r| r.name).unwrap_or_default();
                    let source = p.try_rules().map(|r| r.source).unwrap_or_default();
                    html! {
                        <button type="button" class="button secondary" data-testid={format!("preset-{}", p.id)} title={source}
                            aria-pressed={(props.origin == RulesOrigin::Preset(p)).to_string()}
                            onclick={on_action.reform(move |_| Action::LoadPreset(p))}>
                            { format!("Use “{name}” rules") }
                        </button>
                    }
                }) }
            </div>
            { form }
            <label for={id("rules-json")} class="block-label">{ "Rule set (JSON; prices in cents)" }</label>
            <textarea id={id("rules-json")} class="rules-json" data-testid="rules-editor" spellcheck="false" rows="14"
                value={draft.clone()} {oninput}
                aria-invalid={props.error.is_some().then_some("true")}
                aria-describedby={props.error.is_some().then(|| id("rules-error"))} />
            if let Some(error) = &props.error {
                <p class="field-error" id={id("rules-error")} role="alert" data-testid="rules-error" data-path={error.path.clone()}>
                    { format!("Not applied — {error}. The rules in use have not changed.") }
                </p>
            } else if let Some(message) = &props.message {
                <p class="muted" role="status" data-testid="rules-status">{ message }</p>
            }
            <div class="controls">
                <button type="button" class="button primary" data-testid="rules-apply" onclick={on_action.reform(|_| Action::ApplyRulesDraft)}>{ "Apply rules" }</button>
                <button type="button" class="button secondary" data-testid="rules-export" onclick={on_export}>{ "Export" }</button>
                <label class="button secondary file-button">
                    { "Import…" }
                    <input type="file" accept=".json,application/json" data-testid="rules-import" onchange={on_import} />
                </label>
            </div>
        </div>
    }
}
