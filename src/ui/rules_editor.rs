//! The rule editor: presets, a form for the common edits, the JSON itself, and import and
//! export. Edits change a draft; only Apply replaces the working rules, and only when valid.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::number_field::NumberField;
use crate::engine::presets;
use crate::engine::rules::{RuleError, RuleSet};
use crate::state::{Action, Count, RuleField, RulesOrigin};

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

/// The editor.
#[function_component]
pub fn RulesEditor(props: &Props) -> Html {
    let Props {
        prefix,
        rules,
        draft,
        on_action,
        ..
    } = props;
    let id = |name: &str| AttrValue::from(format!("{prefix}-{name}"));
    let parsed = use_memo(draft.clone(), |d| RuleSet::from_json(d).ok());
    let field = |key: String, label: String, testid: String, value: u64, rule: RuleField| {
        html! { <NumberField id={id(&key)} {label} {testid} {value} target={Count::Rule(rule)} on_action={on_action.clone()} /> }
    };

    let oninput = on_action.reform(|e: InputEvent| {
        Action::EditRulesDraft(e.target_unchecked_into::<HtmlTextAreaElement>().value())
    });
    let on_import =
        {
            let on_action = on_action.clone();
            Callback::from(move |e: Event| {
                let input = e.target_unchecked_into::<HtmlInputElement>();
                let Some(file) = input.files().and_then(|files| files.get(0)) else {
                    return;
                };
                input.set_value("");
                let on_action = on_action.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                        Ok(text) => on_action
                            .emit(Action::ImportRules(text.as_string().unwrap_or_default())),
                        Err(_) => on_action
                            .emit(Action::AddNotice("The rule file could not be read.".into())),
                    }
                });
            })
        };

    let form = match &*parsed {
        None => {
            html! { <p class="muted">{ "The form needs valid JSON: fix the error below, or reset to a preset." }</p> }
        }
        Some(d) => html! {
            <>
                <div class="table-scroll">
                <table class="rules-form">
                    <caption>{ "Tiers" }</caption>
                    <thead><tr>
                        <th scope="col">{ "Tier" }</th><th scope="col">{ "Price / month ($)" }</th>
                        <th scope="col">{ "Free messages" }</th><th scope="col">{ "InMail credits" }</th>
                    </tr></thead>
                    <tbody>
                        { for d.tiers.iter().enumerate().map(|(i, t)| html! {
                            <tr>
                                <th scope="row">{ &t.name }</th>
                                <td>{ field(format!("rf-price-{i}"), format!("{} price", t.name), format!("rules-tier-price-{}", t.id), t.price_cents, RuleField::TierPrice(i)) }</td>
                                <td>{ field(format!("rf-msgs-{i}"), format!("{} messages", t.name), format!("rules-tier-messages-{}", t.id), t.free_messages, RuleField::TierMessages(i)) }</td>
                                <td>{ field(format!("rf-credits-{i}"), format!("{} credits", t.name), format!("rules-tier-credits-{}", t.id), t.inmail_credits, RuleField::TierCredits(i)) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                </div>
                <div class="field-grid">
                    { for d.bundles.iter().enumerate().map(|(i, b)| html! {
                        <>
                            { field(format!("rf-bsize-{i}"), format!("Bundle {} size", i + 1), format!("rules-bundle-size-{i}"), b.size, RuleField::BundleSize(i)) }
                            { field(format!("rf-bprice-{i}"), format!("Bundle {} price ($)", i + 1), format!("rules-bundle-price-{i}"), b.price_cents, RuleField::BundlePrice(i)) }
                        </>
                    }) }
                    { field("rf-block-size".into(), "InMail block size".into(), "rules-block-size".into(), d.inmail.block_size, RuleField::BlockSize) }
                    { field("rf-block-price".into(), "InMail block price ($)".into(), "rules-block-price".into(), d.inmail.block_price_cents, RuleField::BlockPrice) }
                    { field("rf-ppi".into(), "Pay-per-InMail ($)".into(), "rules-pay-per-inmail".into(), d.inmail.pay_per_inmail_cents, RuleField::PayPerInMail) }
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
                    let (name, source) = p.try_rules().map(|r| (r.name, r.source)).unwrap_or_default();
                    html! {
                        <button type="button" class="button secondary" data-testid={format!("preset-{}", p.id)} title={source}
                            aria-pressed={(props.origin == RulesOrigin::Preset(p)).to_string()}
                            data-action={format!("preset:{}", p.id)}>
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
                <button type="button" class="button primary" data-testid="rules-apply" data-action="rules-apply">{ "Apply rules" }</button>
                <button type="button" class="button secondary" data-testid="rules-export" data-action="rules-export">{ "Export" }</button>
                <label class="button secondary file-button">
                    { "Import…" }
                    <input type="file" accept=".json,application/json" data-testid="rules-import" onchange={on_import} />
                </label>
            </div>
        </div>
    }
}
