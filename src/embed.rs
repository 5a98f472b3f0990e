//! The JavaScript-facing entry points: mount a widget into an element, update it when the
//! host changes attributes, and take it down. The loader script (`embed/messaging-quota.js`)
//! calls these; each call builds its own widget, and all share one wasm instance.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::future::TimeoutFuture;
use wasm_bindgen::prelude::*;
use web_sys::{AbortController, Element};
use yew::AppHandle;

use crate::browser::catalogue_files::WordsFiles;
use crate::browser::rules_src::{fetch_rules, same_origin_url};
use crate::browser::{catalogue_files, clock, console, link, storage, url};
use crate::engine::rules::RuleSet;
use crate::host::attributes::{parse_attributes, EmbedConfig};
use crate::host::{ignored, FetchProblem, Fetched, Ignored, Reason};
use crate::state::Init;
use crate::text::key;
use crate::ui::{App, AppProps, ConfigUpdate, ErrorWords, HostLink, InitCell, Rendering};

thread_local! {
    /// Every mount point and its error card's words, so a panic can put a card in each.
    static CONTAINERS: RefCell<Vec<(Element, ErrorWords)>> = const { RefCell::new(Vec::new()) };
    static NEXT_INSTANCE: RefCell<u32> = const { RefCell::new(1) };
}

/// Replaces a container's content with the error card, built node by node, in the
/// widget's language.
fn error_card(container: &Element, words: &ErrorWords) {
    let t = words
        .0
        .borrow()
        .clone()
        .unwrap_or_else(|| Rc::new(console::console_words()));
    let (heading, detail) = (t.text(key::ERROR_TITLE), t.text(key::ERROR_DETAIL));
    let (lang, dir) = (t.lang(), t.dir().id());
    let document = gloo::utils::document();
    let build = || -> Result<Element, JsValue> {
        let root = document.create_element("div")?;
        root.set_class_name("mq-root");
        root.set_attribute("lang", lang)?;
        root.set_attribute("dir", dir)?;
        let card = document.create_element("div")?;
        card.set_class_name("mq-error-card");
        card.set_attribute("role", "alert")?;
        let title = document.create_element("strong")?;
        title.set_text_content(Some(&heading));
        let text = document.create_element("p")?;
        text.set_text_content(Some(&detail));
        card.append_with_node_2(&title, &text)?;
        root.append_with_node_1(&card)?;
        Ok(root)
    };
    if let Ok(card) = build() {
        container.replace_children_with_node_1(&card);
    }
}

/// Replaces every widget with an error card: after a panic the wasm instance cannot be
/// trusted, and a clear message beats a frozen or blank widget.
fn show_error_cards(info: &std::panic::PanicHookInfo<'_>) {
    web_sys::console::error_1(&JsValue::from_str(&format!("messaging-quota: {info}")));
    CONTAINERS.with(|c| c.borrow().iter().for_each(|(e, w)| error_card(e, w)));
}

#[wasm_bindgen(start)]
fn start() {
    yew::set_custom_panic_hook(Box::new(show_error_cards));
}

/// Reads `[[name, value], …]` pairs from JavaScript.
fn pairs(attributes: &js_sys::Array) -> Vec<(String, String)> {
    attributes
        .iter()
        .filter_map(|pair| {
            let pair: js_sys::Array = pair.dyn_into().ok()?;
            Some((
                pair.get(0).as_string()?,
                pair.get(1).as_string().unwrap_or_default(),
            ))
        })
        .collect()
}

/// The attributes as configuration, each problem logged for the host's developers.
fn read_config(attributes: &js_sys::Array) -> (EmbedConfig, Vec<Ignored>) {
    let pairs = pairs(attributes);
    let (config, problems) =
        parse_attributes(pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())), false);
    problems.iter().for_each(warn);
    (config, problems)
}

struct Mounted {
    app: Option<AppHandle<App>>,
    props: Option<AppProps>,
    generation: u32,
    /// Aborts a `rules-src` fetch still in flight when the widget goes (or asks again).
    fetch: Option<AbortController>,
    /// The `rules-src` last fetched and what it gave, so only a change of it is fetched.
    fetched: Option<(String, Result<RuleSet, FetchProblem>)>,
    /// Taken down: nothing may render or apply any more.
    gone: bool,
}

type Shared = Rc<RefCell<Mounted>>;

/// One mounted widget, held by the loader script.
#[wasm_bindgen]
pub struct WidgetHandle {
    inner: Shared,
    container: Element,
}

fn render(inner: &Shared, container: &Element, props: AppProps) {
    container.set_text_content(None);
    let app = yew::Renderer::<App>::with_root_and_props(container.clone(), props.clone()).render();
    let mut m = inner.borrow_mut();
    m.app = Some(app);
    m.props = Some(props);
}

/// Applies `config`'s `rules-src`, then hands the configuration on: at once when there is
/// none or it has not changed since the last fetch; after fetching it otherwise. A URL off
/// the page's origin is refused; a fetch still in flight for an earlier URL is aborted.
fn with_rules_src(
    inner: &Shared,
    mut config: EmbedConfig,
    mut problems: Vec<Ignored>,
    then: impl FnOnce(EmbedConfig, Vec<Ignored>) + 'static,
) {
    let Some(src) = config.rules_src.clone() else {
        return then(config, problems);
    };
    let cached = inner
        .borrow()
        .fetched
        .as_ref()
        .filter(|(last, _)| *last == src)
        .map(|(_, result)| result.clone());
    if let Some(result) = cached {
        apply_fetched(&src, &result, &mut config, &mut problems);
        return then(config, problems);
    }
    let url = match same_origin_url(&src, Fetched::Rules) {
        Ok(url) => url,
        Err(reason) => {
            let problem = ignored("rules-src", &src, reason);
            warn(&problem);
            problems.push(problem);
            return then(config, problems);
        }
    };
    let controller = AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    if let Some(previous) = std::mem::replace(&mut inner.borrow_mut().fetch, controller) {
        previous.abort();
    }
    let inner = inner.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let result = fetch_rules(&url, signal.as_ref()).await;
        if signal.as_ref().is_some_and(|s| s.aborted()) || inner.borrow().gone {
            return;
        }
        apply_fetched(&src, &result, &mut config, &mut problems);
        {
            let mut m = inner.borrow_mut();
            m.fetch = None;
            m.fetched = Some((src.clone(), result));
        }
        then(config, problems);
    });
}

/// What a `rules-src` fetch gave: the rules, or a problem that names it.
fn apply_fetched(
    src: &str,
    result: &Result<RuleSet, FetchProblem>,
    config: &mut EmbedConfig,
    problems: &mut Vec<Ignored>,
) {
    match result {
        Ok(rules) => config.rules = Some(std::rc::Rc::new(rules.clone())),
        Err(problem) => {
            let problem = ignored("rules-src", src, Reason::Fetch(problem.clone()));
            warn(&problem);
            problems.push(problem);
        }
    }
}

/// A problem, in the console for the host's developers.
fn warn(problem: &Ignored) {
    console::warn(&console::console_words().ignored(problem));
}

/// Mounts a widget into `container`; events go to `host`, configured by its attributes.
/// `base` is the loader's folder, `words_files` this build's language files by code (URLs)
/// and `answers` the catalogue fetches it started. The container keeps what it shows (the
/// loader's skeleton) until the widget's rules and words are there, then renders.
#[wasm_bindgen]
pub fn mount(
    container: Element,
    host: Element,
    attributes: js_sys::Array,
    base: String,
    words_files: js_sys::Map,
    answers: Option<js_sys::Map>,
) -> WidgetHandle {
    if let Some(answers) = answers {
        catalogue_files::share_answers(answers);
    }
    let error_words = ErrorWords::default();
    CONTAINERS.with(|c| {
        c.borrow_mut()
            .push((container.clone(), error_words.clone()))
    });
    let instance = NEXT_INSTANCE.with(|n| {
        let mut n = n.borrow_mut();
        *n += 1;
        *n - 1
    });
    let (config, problems) = read_config(&attributes);
    let inner: Shared = Rc::new(RefCell::new(Mounted {
        app: None,
        props: None,
        generation: 0,
        fetch: None,
        fetched: None,
        gone: false,
    }));
    let link = HostLink {
        host,
        sync_url: config.sync_url,
        storage_key: config.storage_key.clone(),
        base: base.into(),
        words_files: WordsFiles(words_files),
        error_words,
    };
    let (shared, target) = (inner.clone(), container.clone());
    with_rules_src(&inner, config, problems, move |config, problems| {
        // The words come before the first render, so it is in the widget's language; so do
        // the edited rules a link carries, unpacked by the browser.
        let wanted = catalogue_files::wanted(
            catalogue_files::locale(config.locale.as_deref(), !config.language_menu),
            config.messages_src.as_deref(),
            &link.words_files,
        );
        wasm_bindgen_futures::spawn_local(async move {
            let link_rules = if link.sync_url {
                link::rules_in_page_url().await
            } else {
                None
            };
            catalogue_files::load(&wanted).await;
            // The first state and the first render each in a task of their own: at 4x CPU
            // slowdown, together they are one long task that blocks the host page.
            TimeoutFuture::new(0).await;
            if shared.borrow().gone {
                return;
            }
            let init = Init {
                stored: link.storage_key.as_deref().and_then(storage::load),
                url_params: link.sync_url.then(url::query).flatten(),
                link_rules,
                link_key: link.sync_url.then(url::link_key).flatten(),
                local_today: Some(clock::local_today()),
                config,
                problems,
            };
            let init = InitCell::new(init);
            TimeoutFuture::new(0).await;
            if shared.borrow().gone {
                return;
            }
            let props = AppProps {
                instance,
                init,
                link,
                update: None,
                rendering: Rendering::Steps,
            };
            render(&shared, &target, props);
        });
    });
    WidgetHandle { inner, container }
}

#[wasm_bindgen]
impl WidgetHandle {
    /// The host changed attributes: re-read them all and apply what changed (a new
    /// `rules-src` is fetched first).
    pub fn update(&self, attributes: js_sys::Array) {
        let (config, problems) = read_config(&attributes);
        let inner = self.inner.clone();
        with_rules_src(&self.inner, config, problems, move |config, problems| {
            let mut m = inner.borrow_mut();
            m.generation += 1;
            let generation = m.generation;
            let Some(props) = m.props.as_mut() else {
                return;
            };
            props.update = Some(ConfigUpdate {
                generation,
                config,
                problems,
            });
            let next = props.clone();
            if let Some(app) = m.app.as_mut() {
                app.update(next);
            }
        });
    }

    /// Takes the widget down (the element left the page): the app, its effects and
    /// timers, and any fetch in flight.
    pub fn destroy(self) {
        let mut m = self.inner.borrow_mut();
        m.gone = true;
        if let Some(fetch) = m.fetch.take() {
            fetch.abort();
        }
        if let Some(app) = m.app.take() {
            app.destroy();
        }
        m.props = None;
        drop(m);
        let container = self.container;
        CONTAINERS.with(|c| c.borrow_mut().retain(|(e, _)| e != &container));
    }
}

/// Panics on purpose, so tests can check the error card: only in the test build.
#[cfg(feature = "test-hooks")]
#[wasm_bindgen(js_name = __simulateCrash)]
pub fn simulate_crash() {
    panic!("simulated crash (test aid)");
}
