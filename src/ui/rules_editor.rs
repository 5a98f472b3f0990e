//! The rule editor: the active rules and the presets, a form for the common edits, the JSON
//! itself, and import and export. Edits change a draft; only Apply replaces the working
//! rules, and only when they are valid. While a draft waits, the editor says so, and Apply
//! (or Ctrl/⌘+Enter anywhere in the editor) and Discard stay in view.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlTextAreaElement, KeyboardEvent};
use yew::prelude::*;

use super::context::use_ids;
use super::number_field::fields;
use super::use_view::use_view;
use crate::browser::download::download;
use crate::state::{Edit, EditorAction, Field, Notice};
use crate::text::I18n;
use crate::view::rules::{rules, FormView, RulesInput, SaidView};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub input: RulesInput,
    pub words: I18n,
    pub on_editor: Callback<EditorAction>,
    pub on_field: Callback<(Field, Edit)>,
    /// An imported file could not be read.
    pub on_notice: Callback<Notice>,
}

/// Reads an imported rule file, then hands its text to the editor.
fn import(input: HtmlInputElement, on_editor: Callback<EditorAction>, on_notice: Callback<Notice>) {
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return;
    };
    input.set_value("");
    wasm_bindgen_futures::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(file.text()).await {
            Ok(text) => on_editor.emit(EditorAction::Import(text.as_string().unwrap_or_default())),
            Err(_) => on_notice.emit(Notice::FileUnreadable),
        }
    });
}

#[function_component]
pub fn RulesEditor(props: &Props) -> Html {
    let view = use_view(&props.input, &props.words, rules);
    let ids = use_ids();
    let on_editor = &props.on_editor;
    let presets = view.presets.iter().map(|p| {
        let preset = p.preset;
        html! {
            <button type="button" class="button secondary" key={preset.id} data-testid={format!("preset-{}", preset.id)}
                title={p.source.clone()} aria-pressed={p.pressed.to_string()}
                onclick={on_editor.reform(move |_: MouseEvent| EditorAction::LoadPreset(preset))}>
                { p.label.clone() }
            </button>
        }
    });
    let json_id = ids.id("rules-json");
    let error_id = ids.id("rules-error");
    let oninput = on_editor.reform(|e: InputEvent| {
        let area: HtmlTextAreaElement = e.target_unchecked_into();
        EditorAction::Edit(area.value())
    });
    let on_apply = on_editor.reform(|_: MouseEvent| EditorAction::Apply);
    let on_discard = on_editor.reform(|_: MouseEvent| EditorAction::Discard);
    let pending = view.pending.is_some();
    let on_keydown = {
        let on_editor = on_editor.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) && pending {
                e.prevent_default();
                on_editor.emit(EditorAction::Apply);
            }
        })
    };
    let on_export = {
        let text = view.text.clone();
        Callback::from(move |_: MouseEvent| download("messaging-quota-rules.json", &text))
    };
    let on_import = {
        let (on_editor, on_notice) = (on_editor.clone(), props.on_notice.clone());
        Callback::from(move |e: Event| {
            import(
                e.target_unchecked_into(),
                on_editor.clone(),
                on_notice.clone(),
            )
        })
    };
    let refused = matches!(view.said, SaidView::Refused { .. });
    let message = match &view.said {
        SaidView::Refused { path, message } => html! {
            <p class="field-error" id={error_id.clone()} role="alert" data-testid="rules-error" data-path={path.clone()}>
                { message.clone() }
            </p>
        },
        SaidView::Applied(words) => html! {
            <p class="muted" role="status" data-testid="rules-status">{ words.clone() }</p>
        },
        SaidView::Nothing => Html::default(),
    };
    html! {
        <section class="rules" aria-label={view.heading.clone()}>
            <h2>{ view.heading.clone() }</h2>
            <div class="rules-editor-panel" onkeydown={on_keydown}>
                <p class="active-rules">
                    <strong>{ view.active.clone() }</strong>
                    if let Some(source) = &view.source {
                        <br /><span class="muted">{ source.clone() }</span>
                    }
                </p>
                <div class="presets" role="group" aria-label={view.presets_label.clone()}>{ for presets }</div>
                if let Some(form) = &view.form {
                    <RulesFormFields view={form.clone()} on_field={props.on_field.clone()} />
                } else {
                    <p class="muted">{ view.form_unavailable.clone() }</p>
                }
                <label for={json_id.clone()} class="block-label">{ view.json_label.clone() }</label>
                <textarea id={json_id} class="rules-json" data-testid="rules-editor" spellcheck="false" rows="14"
                    value={view.text.clone()} aria-invalid={refused.then_some("true")}
                    aria-describedby={refused.then_some(error_id)} {oninput} />
                { message }
                // While a draft waits, this row sticks to the bottom of the view, so Apply is
                // near whichever field was changed.
                <div class={classes!("controls", "rules-actions", pending.then_some("pending"))}>
                    if let Some((note, keys)) = &view.pending {
                        <p class="pending-note" data-testid="rules-pending" role="status">
                            { note.clone() }<kbd>{ keys.clone() }</kbd>
                        </p>
                    }
                    <button type="button" class="button primary" data-testid="rules-apply" onclick={on_apply}>
                        { view.apply.clone() }
                    </button>
                    if pending {
                        <button type="button" class="button secondary" data-testid="rules-discard" onclick={on_discard}>
                            { view.discard.clone() }
                        </button>
                    }
                    <button type="button" class="button secondary" data-testid="rules-export" onclick={on_export}>
                        { view.export.clone() }
                    </button>
                    <label class="button secondary file-button">
                        { view.import.clone() }
                        <input type="file" accept=".json,application/json" data-testid="rules-import" onchange={on_import} />
                    </label>
                </div>
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct FormProps {
    view: Rc<FormView>,
    on_field: Callback<(Field, Edit)>,
}

/// The form's fields, in the draft's order: each tier's price, messages and credits, each
/// bundle's size and price, and InMail pricing.
#[function_component]
fn RulesFormFields(props: &FormProps) -> Html {
    let v = &*props.view;
    let on_field = &props.on_field;
    let tiers = v.tiers.iter().enumerate().map(|(i, (name, cells))| html! {
        <tr key={i}>
            <th scope="row"><bdi>{ name.clone() }</bdi></th>
            { for cells.iter().map(|cell| html! { <td key={cell.name.clone()}>{ fields(std::slice::from_ref(cell), on_field) }</td> }) }
        </tr>
    });
    html! {
        <>
            <div class="table-scroll">
                <table class="rules-form">
                    <caption>{ v.caption.clone() }</caption>
                    <thead>
                        <tr>
                            { for v.columns.iter().map(|c| html! { <th scope="col">{ c.clone() }</th> }) }
                        </tr>
                    </thead>
                    <tbody>{ for tiers }</tbody>
                </table>
            </div>
            <div class="field-grid">{ fields(&v.fields, on_field) }</div>
        </>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::state::{Action, RuleField};
    use crate::ui::testing::{render, widget, words_of};

    fn editor(w: &crate::state::Widget) -> Html {
        html! {
            <RulesEditor input={RulesInput::of(w)} words={words_of(w)} on_editor={Callback::noop()}
                on_field={Callback::noop()} on_notice={Callback::noop()} />
        }
    }

    #[test]
    fn the_rules_in_use_the_presets_the_form_and_the_json() {
        let page = render(editor(&widget()));
        assert_eq!(
            page.count("[data-testid=preset-article][aria-pressed=true]"),
            1
        );
        assert_eq!(
            page.attr("rules-tier-price-premium-business", "value")
                .as_deref(),
            Some("29.99")
        );
        assert_eq!(
            page.attr("rules-tier-price-premium-business", "inputmode")
                .as_deref(),
            Some("decimal")
        );
        assert!(page.text("rules-editor").contains("\"premium-business\""));
        assert_eq!(page.count("[data-testid=rules-pending]"), 0);
        assert_eq!(page.count("[data-testid=rules-discard]"), 0);
    }

    #[test]
    fn a_draft_waits_and_a_refused_one_says_where() {
        let mut w = widget();
        w.apply(Action::Field(
            Field::Rule(RuleField::TierPrice(1)),
            Edit::Type("39".into()),
        ));
        let page = render(editor(&w));
        assert_eq!(page.count("[data-testid=rules-pending][role=status]"), 1);
        assert_eq!(
            page.count(".rules-actions.pending [data-testid=rules-discard]"),
            1
        );
        w.apply(Action::Editor(EditorAction::Edit("{\"tiers\": 3}".into())));
        w.apply(Action::Editor(EditorAction::Apply));
        let page = render(editor(&w));
        assert_eq!(page.count("[data-testid=rules-error][role=alert]"), 1);
        assert_eq!(
            page.attr("rules-editor", "aria-invalid").as_deref(),
            Some("true")
        );
        assert_eq!(
            page.count("table.rules-form"),
            0,
            "no form for a draft of another shape"
        );
    }
}
