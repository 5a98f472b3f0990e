//! The widget's words in the browser: which language a widget speaks (its `locale`, else
//! the page's `<html lang>`, else the browser's language), and the catalogues that hold
//! its words: the language's own (`i18n/{code}-{hash}.json` beside the loader, fetched only
//! when a widget speaks it) and the host's (`messages-src`, same origin), each fetched once
//! per page and shared by every widget on it.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use wasm_bindgen::JsValue;

use super::console;
use super::fetch::{body, request};
use super::intl::{canonical, IntlFormat};
use super::rules_src::same_origin_url;
use crate::host::{FetchProblem, Fetched, Reason};
use crate::state::{Notice, Origin};
use crate::text::languages::{direction_of, language_for, language_subtag, Language};
use crate::text::{Catalogue, Texts};

/// A host catalogue larger than this is refused: the built-in ones are a few KB.
const MAX_CATALOGUE_BYTES: usize = 256 * 1024;

type Loaded = Result<Rc<Catalogue>, FetchProblem>;

thread_local! {
    /// Answers by URL, as promises: the loader's (it starts the language's fetch while the
    /// wasm loads) and the widget's own.
    static ANSWERS: RefCell<js_sys::Map> = RefCell::new(js_sys::Map::new());
    /// Catalogues read, by URL.
    static LOADED: RefCell<HashMap<String, Loaded>> = RefCell::new(HashMap::new());
    /// Host catalogues given ahead (`messages-src` as written → its URL), when a widget is
    /// drawn ahead of the page, where nothing is fetched.
    static PROVIDED: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
/// Gives the catalogue at `url` ahead, as read from `text`; `messages_src` names it when it
/// is a host's. For a widget drawn ahead of the page (`server`), where nothing is fetched.
pub fn provide(url: &str, text: &str, messages_src: Option<&str>) {
    let read = Catalogue::from_json(text)
        .map(Rc::new)
        .map_err(|e| FetchProblem::NotACatalogue(e.problem));
    LOADED.with(|l| l.borrow_mut().insert(url.to_owned(), read));
    if let Some(src) = messages_src {
        PROVIDED.with(|p| p.borrow_mut().insert(src.to_owned(), url.to_owned()));
    }
}

/// Shares the loader's answers (URL → a promise of the response), so a catalogue the
/// loader started fetching is not fetched again.
pub fn share_answers(answers: js_sys::Map) {
    ANSWERS.with(|a| *a.borrow_mut() = answers);
}

/// What one widget's words are made of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wanted {
    /// The canonical tag numbers and dates are written for.
    pub locale: String,
    /// The language the words are in, when its catalogue loads.
    pub language: &'static Language,
    /// Where its catalogue is (`None` for English, which is built in).
    pub builtin: Option<Result<String, ()>>,
    /// The host's catalogue: `messages-src` as written, and its URL or why it was refused.
    pub host: Option<(String, Result<String, Reason>)>,
}

/// The page's own language: `<html lang>`.
fn page_language() -> Option<String> {
    let lang = web_sys::window()?
        .document()?
        .document_element()?
        .get_attribute("lang")?;
    Some(lang)
}

/// The browser's language.
fn browser_language() -> Option<String> {
    web_sys::window()?.navigator().language()
}

/// The locale a widget speaks: what it was asked for, else (in an embed) the page's
/// language, else the browser's; the first that `Intl` accepts.
pub fn locale(requested: Option<&str>, follow_page: bool) -> String {
    requested
        .and_then(canonical)
        .or_else(|| {
            follow_page
                .then(page_language)
                .flatten()
                .as_deref()
                .and_then(canonical)
        })
        .or_else(|| browser_language().as_deref().and_then(canonical))
        .unwrap_or_else(|| "en-US".to_owned())
}

/// This build's language files by language code, as absolute URLs: the loader's `Map` of
/// them (their names carry a hash of their content), one per widget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordsFiles(pub js_sys::Map);

impl WordsFiles {
    fn get(&self, code: &str) -> Option<String> {
        self.0.get(&JsValue::from_str(code)).as_string()
    }
}

/// What a widget needs for its words, from this build's language `files`.
pub fn wanted(locale: String, messages_src: Option<&str>, files: &WordsFiles) -> Wanted {
    let language = language_for(&locale);
    let builtin = (language.code != "en").then(|| files.get(language.code).ok_or(()));
    let host = messages_src.map(|src| {
        let given = PROVIDED.with(|p| p.borrow().get(src).cloned());
        let url = given.map_or_else(|| same_origin_url(src, Fetched::Messages), Ok);
        (src.to_owned(), url)
    });
    Wanted {
        locale,
        language,
        builtin,
        host,
    }
}

impl Wanted {
    /// The URLs to fetch, and whether each must be on the page's origin.
    fn urls(&self) -> Vec<(&str, bool)> {
        let mut urls = Vec::new();
        if let Some(Ok(url)) = &self.builtin {
            urls.push((url.as_str(), false));
        }
        if let Some((_, Ok(url))) = &self.host {
            urls.push((url.as_str(), true));
        }
        urls
    }
}

/// Drops what is known of `url`: its answer and what was read of it.
fn forget(url: &str) {
    LOADED.with(|l| l.borrow_mut().remove(url));
    ANSWERS.with(|a| a.borrow().delete(&JsValue::from_str(url)));
}

fn loaded(url: &str) -> Option<Loaded> {
    LOADED.with(|l| l.borrow().get(url).cloned())
}

/// Fetches and reads one catalogue, unless it is read already. One that failed is fetched
/// again: a dropped connection, or a page that was offline, is not the file's last word.
async fn load_one(url: &str, same_origin: bool) {
    match loaded(url) {
        Some(Ok(_)) => return,
        Some(Err(_)) => forget(url),
        None => {}
    }
    let answer = ANSWERS.with(|a| {
        let answers = a.borrow();
        let key = JsValue::from_str(url);
        let known = answers.get(&key);
        if known.is_undefined() {
            let started = request(url, same_origin, None);
            answers.set(&key, &started);
            started
        } else {
            known.into()
        }
    });
    let result = body(answer).await.and_then(|text| {
        if text.len() > MAX_CATALOGUE_BYTES {
            return Err(FetchProblem::TooLarge(MAX_CATALOGUE_BYTES / 1024));
        }
        Catalogue::from_json(&text)
            .map(Rc::new)
            .map_err(|e| FetchProblem::NotACatalogue(e.problem))
    });
    LOADED.with(|l| {
        // Two widgets may have asked at once: a catalogue read wins over a failure.
        let mut l = l.borrow_mut();
        match l.get(url) {
            Some(Ok(_)) => {}
            Some(Err(_)) if result.is_err() => {}
            _ => {
                l.insert(url.to_owned(), result);
            }
        }
    });
}

/// Fetches and reads every catalogue `wanted` names (each once per page, until one fails).
pub async fn load(wanted: &Wanted) {
    for (url, same_origin) in wanted.urls() {
        load_one(url, same_origin).await;
    }
}

/// A widget's words, the notices about catalogues that could not be used, and what to tell
/// the host's developers in the console (said by [`warn_once`], after the render).
pub struct Words {
    pub texts: Rc<Texts>,
    pub notices: Vec<Notice>,
    pub warnings: Vec<String>,
}

/// The words, when every catalogue `wanted` names is read (`None` while one is loading).
/// Pure: it runs while the widget renders.
pub fn ready(wanted: &Wanted) -> Option<Words> {
    let mut layers = Vec::new();
    let mut notices = Vec::new();
    let mut warnings = Vec::new();
    if let Some((src, url)) = &wanted.host {
        match url {
            Ok(url) => match loaded(url)? {
                Ok(catalogue) => layers.push(catalogue),
                Err(problem) => notices.push(ignored(src, Reason::Messages(problem))),
            },
            Err(reason) => notices.push(ignored(src, reason.clone())),
        }
    }
    let mut language_failed = false;
    if let Some(url) = &wanted.builtin {
        match url.as_ref().ok().map(|url| loaded(url)) {
            Some(None) => return None,
            Some(Some(Ok(catalogue))) => layers.push(catalogue),
            Some(Some(Err(problem))) => {
                let why = console::console_words().reason(&Reason::Messages(problem));
                warnings.push(format!(
                    "the {} words could not be loaded: {why}",
                    wanted.language.code
                ));
                language_failed = true;
            }
            None => language_failed = true,
        }
    }
    if language_failed {
        notices.push(Notice::LanguageUnavailable {
            language: wanted.language.name.to_owned(),
        });
    }
    // The words are in the locale's language when a catalogue for it loaded (or it is
    // English); otherwise they are English.
    let in_locale_language = !layers.is_empty() || language_subtag(&wanted.locale) == "en";
    let lang = if in_locale_language {
        wanted.locale.clone()
    } else {
        "en".to_owned()
    };
    let dir = direction_of(&lang);
    let texts = Texts::new(layers, Box::new(IntlFormat::new(&wanted.locale)), lang, dir);
    let missing = texts.missing_keys();
    if !missing.is_empty() {
        warnings.push(format!(
            "the \"{}\" words lack {} message(s), shown in English: {}",
            texts.lang(),
            missing.len(),
            missing.join(", ")
        ));
    }
    for notice in &notices {
        if let Notice::Ignored(_, problem) = notice {
            warnings.push(console::console_words().ignored(problem));
        }
    }
    Some(Words {
        texts: Rc::new(texts),
        notices,
        warnings,
    })
}

fn ignored(src: &str, reason: Reason) -> Notice {
    Notice::Ignored(
        Origin::Page,
        crate::host::ignored("messages-src", src, reason),
    )
}
