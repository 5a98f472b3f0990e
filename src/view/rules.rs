//! The rule editor: presets, a form for the common edits, the JSON itself, and import and
//! export. Edits change a draft; only Apply replaces the working rules, and only when valid.

use std::fmt::Write;

use super::controls::number_field;
use super::{esc, Parts};
use crate::engine::presets;
use crate::engine::rules::RuleSet;
use crate::state::{Count, RuleField, RulesOrigin, Widget};

/// The form's fields, from the draft when it parses.
fn form(out: &mut String, w: &Widget, prefix: &str, draft: &RuleSet) {
    let field = |out: &mut String,
                 key: String,
                 label: String,
                 testid: String,
                 value: u64,
                 rule: RuleField| {
        number_field(
            out,
            w,
            &format!("{prefix}-{key}"),
            &label,
            &testid,
            Count::Rule(rule),
            value,
        );
    };
    out.push_str(concat!(
        r#"<div class="table-scroll"><table class="rules-form"><caption>Tiers</caption><thead><tr>"#,
        r#"<th scope="col">Tier</th><th scope="col">Price / month ($)</th><th scope="col">Free messages</th><th scope="col">InMail credits</th></tr></thead><tbody>"#
    ));
    for (i, t) in draft.tiers.iter().enumerate() {
        let _ = write!(out, r#"<tr><th scope="row">{}</th>"#, esc(&t.name));
        let cells = [
            ("price", t.price_cents, RuleField::TierPrice(i)),
            ("messages", t.free_messages, RuleField::TierMessages(i)),
            ("credits", t.inmail_credits, RuleField::TierCredits(i)),
        ];
        for (name, value, rule) in cells {
            out.push_str("<td>");
            field(
                out,
                format!("rf-{name}-{i}"),
                format!("{} {name}", t.name),
                format!("rules-tier-{name}-{}", t.id),
                value,
                rule,
            );
            out.push_str("</td>");
        }
        out.push_str("</tr>");
    }
    out.push_str(r#"</tbody></table></div><div class="field-grid">"#);
    for (i, b) in draft.bundles.iter().enumerate() {
        field(
            out,
            format!("rf-bsize-{i}"),
            format!("Bundle {} size", i + 1),
            format!("rules-bundle-size-{i}"),
            b.size,
            RuleField::BundleSize(i),
        );
        field(
            out,
            format!("rf-bprice-{i}"),
            format!("Bundle {} price ($)", i + 1),
            format!("rules-bundle-price-{i}"),
            b.price_cents,
            RuleField::BundlePrice(i),
        );
    }
    let inmail = draft.inmail;
    field(
        out,
        "rf-block-size".into(),
        "InMail block size".into(),
        "rules-block-size".into(),
        inmail.block_size,
        RuleField::BlockSize,
    );
    field(
        out,
        "rf-block-price".into(),
        "InMail block price ($)".into(),
        "rules-block-price".into(),
        inmail.block_price_cents,
        RuleField::BlockPrice,
    );
    field(
        out,
        "rf-ppi".into(),
        "Pay-per-InMail ($)".into(),
        "rules-pay-per-inmail".into(),
        inmail.pay_per_inmail_cents,
        RuleField::PayPerInMail,
    );
    out.push_str("</div>");
}

/// The rule editor's frame; its parts fill the slots.
const RULES: &str = concat!(
    r#"<section class="rules" aria-label="Rules"><h2>Rules</h2><div class="rules-editor-panel">"#,
    r#"<div class="mq-slot" data-slot="rules-active"></div><div class="mq-slot" data-slot="rules-form"></div><div class="mq-slot" data-slot="rules-json"></div>"#,
    r#"<div class="controls"><button type="button" class="button primary" data-testid="rules-apply" data-action="rules-apply">Apply rules</button>"#,
    r#"<button type="button" class="button secondary" data-testid="rules-export" data-action="rules-export">Export</button>"#,
    r#"<label class="button secondary file-button">Import…<input type="file" accept=".json,application/json" data-testid="rules-import" data-field="rules-import"></label></div></div></section>"#
);

/// The rules section: the active rules and presets, the form, the JSON and its message.
pub fn rules_parts(out: &mut Parts, w: &Widget, prefix: &str) {
    let rules = &w.rules;
    out.push(("rules", RULES.to_owned()));
    let active = match w.rules_origin {
        RulesOrigin::Preset(p) => format!("Preset “{}”", p.id),
        RulesOrigin::Custom => "Custom rules".to_owned(),
    };
    let mut head = format!(
        r#"<p class="active-rules"><strong>{}</strong>"#,
        esc(&format!("Active: {} — {}", rules.name, active))
    );
    if !rules.source.is_empty() {
        let _ = write!(
            head,
            r#"<br><span class="muted">Source: {}</span>"#,
            esc(&rules.source)
        );
    }
    head.push_str(r#"</p><div class="presets" role="group" aria-label="Presets">"#);
    for p in presets::all() {
        let (name, source) = p
            .try_rules()
            .map(|r| (r.name, r.source))
            .unwrap_or_default();
        let _ = write!(
            head,
            r#"<button type="button" class="button secondary" data-testid="preset-{id}" title="{source}" aria-pressed="{pressed}" data-action="preset:{id}">Use “{name}” rules</button>"#,
            id = esc(p.id),
            source = esc(&source),
            pressed = w.rules_origin == RulesOrigin::Preset(p),
            name = esc(&name),
        );
    }
    head.push_str("</div>");
    out.push(("rules-active", head));

    let mut fields = String::new();
    match RuleSet::from_json(&w.rules_draft) {
        Ok(draft) => form(&mut fields, w, prefix, &draft),
        Err(_) => fields.push_str(r#"<p class="muted">The form needs valid JSON: fix the error below, or reset to a preset.</p>"#),
    }
    out.push(("rules-form", fields));

    let invalid = match &w.rules_error {
        Some(_) => format!(r#" aria-invalid="true" aria-describedby="{prefix}-rules-error""#),
        None => String::new(),
    };
    let mut json = format!(
        concat!(
            r#"<label for="{p}-rules-json" class="block-label">Rule set (JSON; prices in cents)</label>"#,
            r#"<textarea id="{p}-rules-json" class="rules-json" data-testid="rules-editor" data-field="rules-json" spellcheck="false" rows="14"{invalid}>{draft}</textarea>"#
        ),
        p = prefix,
        invalid = invalid,
        draft = esc(&w.rules_draft),
    );
    if let Some(error) = &w.rules_error {
        let _ = write!(
            json,
            r#"<p class="field-error" id="{prefix}-rules-error" role="alert" data-testid="rules-error" data-path="{}">{}</p>"#,
            esc(&error.path),
            esc(&format!(
                "Not applied — {error}. The rules in use have not changed."
            ))
        );
    } else if let Some(message) = &w.rules_message {
        let _ = write!(
            json,
            r#"<p class="muted" role="status" data-testid="rules-status">{}</p>"#,
            esc(message)
        );
    }
    out.push(("rules-json", json));
}
