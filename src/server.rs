//! The widget drawn ahead of the page: the same `App` rendered by Yew's server renderer into
//! the declarative shadow root its element gets (`<template shadowrootmode="open">`, the
//! styles inside, then the widget). Built as wasm (feature `ssr`) and run where `Intl` is
//! (Node.js, an edge runtime), so money, numbers and dates are written as the browser writes
//! them. The npm package's `messaging-quota/server` and its `prerender` command call it.

use std::rc::Rc;

use serde::Serialize;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::browser::catalogue_files::{self, WordsFiles};
use crate::browser::{clock, console, intl};
use crate::engine::rules::RuleSet;
use crate::host::{ignored, FetchProblem, Reason};
use crate::prerender::{day, fingerprint, knows_the_day, Inputs};
use crate::state::Init;
use crate::ui::{fetch_later, Ahead, App, AppProps, ErrorWords, HostLink, InitCell, Rendering};

/// The catalogues of every language, built in: nothing is fetched here.
const CATALOGUES: [(&str, &str); 8] = [
    ("ar", include_str!("../i18n/ar.json")),
    ("de", include_str!("../i18n/de.json")),
    ("es", include_str!("../i18n/es.json")),
    ("fr", include_str!("../i18n/fr.json")),
    ("it", include_str!("../i18n/it.json")),
    ("ja", include_str!("../i18n/ja.json")),
    ("nl", include_str!("../i18n/nl.json")),
    ("pt", include_str!("../i18n/pt.json")),
];

/// What the caller gives besides the attributes (`messaging-quota/server`'s options).
#[derive(serde::Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct Options {
    /// The page's language (`<html lang>`), for a widget without a `locale`.
    lang: Option<String>,
    /// The day to draw for, when the widget has no `today` (`YYYY-MM-DD`; else this day).
    today: Option<String>,
    /// The text `rules-src` points to, read ahead.
    rules: Option<String>,
    /// The text `messages-src` points to, read ahead.
    messages: Option<String>,
    /// This build's stylesheet for inside the shadow root, and its id.
    css: String,
    build: String,
}

/// What a render gives: the shadow root's markup, and the attributes (or the files they
/// name) it could not use, in words, as the widget's notices say them.
#[derive(Serialize)]
struct Rendered {
    html: String,
    problems: Vec<String>,
}

#[derive(Properties, PartialEq)]
struct RootProps {
    css: AttrValue,
    build: AttrValue,
    inputs: AttrValue,
    /// The widget's markup, as Yew's server renderer wrote it (escaped by its structure).
    widget: AttrValue,
}

/// The declarative shadow root: the styles, and the widget in its mount point with the
/// inputs it was drawn from.
#[function_component]
fn ShadowRoot(props: &RootProps) -> Html {
    html! {
        <template shadowrootmode="open">
            <style>{ props.css.clone() }</style>
            <div class="mq-mount" data-mq-build={props.build.clone()} data-mq-render={props.inputs.clone()}>
                // The server renderer's own output: its text and attributes are escaped.
                { Html::from_html_unchecked(props.widget.clone()) }
            </div>
        </template>
    }
}

/// The elements in a render's markup: what the browser will count when it comes alive (a
/// page that edited the drawing since has another count). The server renderer writes `<`
/// only to open or close a tag or a comment.
fn elements_in(html: &str) -> u32 {
    html.as_bytes()
        .windows(2)
        .filter(|w| w[0] == b'<' && w[1].is_ascii_alphabetic())
        .count() as u32
}

/// Renders a widget with these attributes (`[[name, value], …]`, as the element has them)
/// ahead of the page. Resolves to `{ html, problems }`.
#[wasm_bindgen(js_name = render)]
pub async fn render(attributes: js_sys::Array, options: JsValue) -> Result<JsValue, JsValue> {
    let options: Options = serde_wasm_bindgen::from_value(options)?;
    let pairs = crate::browser::attribute_pairs(&attributes);
    let (mut config, mut problems) = crate::host::attributes::parse_attributes(
        pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())),
        false,
    );
    if let Some(src) = config.rules_src.clone() {
        match options.rules.as_deref().map(RuleSet::from_json) {
            Some(Ok(rules)) => config.rules = Some(Rc::new(rules)),
            Some(Err(e)) => problems.push(ignored(
                "rules-src",
                &src,
                Reason::Fetch(FetchProblem::Invalid(e)),
            )),
            None => problems.push(ignored(
                "rules-src",
                &src,
                Reason::Fetch(FetchProblem::Unreachable),
            )),
        }
    }
    // The locale: the widget's own, else the page's, as Intl writes it; English otherwise.
    let asked = config.locale.clone().or(options.lang.clone());
    let locale = asked
        .as_deref()
        .and_then(intl::canonical)
        .unwrap_or_else(|| "en-US".to_owned());
    config.locale = Some(locale.clone());
    // The words: the language's catalogue and the host's, given ahead.
    let files = js_sys::Map::new();
    for (code, text) in CATALOGUES {
        let url = format!("built-in:{code}");
        catalogue_files::provide(&url, text, None);
        files.set(&JsValue::from_str(code), &JsValue::from_str(&url));
    }
    if let Some(src) = config.messages_src.clone() {
        match &options.messages {
            Some(text) => catalogue_files::provide("host:messages", text, Some(&src)),
            None => problems.push(ignored(
                "messages-src",
                &src,
                Reason::Messages(FetchProblem::Unreachable),
            )),
        }
    }
    let today = config
        .params
        .today()
        .or_else(|| {
            options
                .today
                .as_deref()
                .and_then(crate::engine::period::parse_iso_date)
        })
        .unwrap_or_else(clock::local_today);
    let day_known = knows_the_day(&config);
    let words_files = WordsFiles(files);
    let wanted =
        catalogue_files::wanted(locale.clone(), config.messages_src.as_deref(), &words_files);
    let words = catalogue_files::ready(&wanted).map(|w| w.texts);
    let said: Vec<String> = problems
        .iter()
        .map(|p| console::console_words().ignored(p))
        .collect();
    let print = words
        .as_deref()
        .map(|t| fingerprint(config.rules.as_deref(), t))
        .unwrap_or_default();
    // The later sections are drawn too: their code is right here.
    fetch_later().await;
    let init = InitCell::new(Init {
        config,
        problems,
        local_today: Some(today),
        ..Init::default()
    });
    let props = AppProps {
        instance: 1,
        init,
        link: HostLink {
            host: JsValue::NULL.unchecked_into(),
            sync_url: false,
            storage_key: None,
            base: AttrValue::default(),
            words_files,
            error_words: ErrorWords::default(),
        },
        update: None,
        rendering: Rendering::Whole,
        ahead: Some(Ahead {
            day_known,
            resume: None,
        }),
        on_first_render: Callback::noop(),
    };
    let widget = yew::LocalServerRenderer::<App>::with_props(props)
        .render()
        .await;
    let inputs = Inputs {
        attributes: pairs,
        day: day(today),
        locale,
        fingerprint: print,
        elements: elements_in(&widget),
    };
    let html = yew::LocalServerRenderer::<ShadowRoot>::with_props(RootProps {
        css: options.css.into(),
        build: options.build.into(),
        inputs: inputs.to_json().into(),
        widget: widget.into(),
    })
    .hydratable(false)
    .render()
    .await;
    Ok(serde_wasm_bindgen::to_value(&Rendered {
        html,
        problems: said,
    })?)
}
