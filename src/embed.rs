//! The JavaScript-facing entry points: mount a widget into an element, update it when the
//! host changes attributes, and take it down. The loader script (`embed/messaging-quota.js`)
//! calls these; each call builds its own widget, and all share one wasm instance.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::future::TimeoutFuture;
use wasm_bindgen::prelude::*;
use web_sys::{AbortController, Element};
use yew::AppHandle;

use crate::browser::catalogue_files::{self as words, WordsFiles};
use crate::browser::held_input::HeldInput;
use crate::browser::rules_src::{fetch_rules, same_origin_url};
use crate::browser::{catalogue_files, clock, console, link, storage, url};
use crate::engine::rules::RuleSet;
use crate::host::attributes::{parse_attributes, EmbedConfig};
use crate::host::{ignored, FetchProblem, Fetched, Ignored, Reason};
use crate::prerender::{fingerprint, knows_the_day, Inputs};
use crate::state::{initial_widget, Init};
use crate::text::key;
use crate::ui::{
    fetch_later, Ahead, App, AppProps, ConfigUpdate, ErrorWords, HostLink, InitCell, Rendering,
    Resume,
};

thread_local! {
    /// Every mount point and its error card's words, so a panic can put a card in each.
    static CONTAINERS: RefCell<Vec<MountPoint>> = const { RefCell::new(Vec::new()) };
    static NEXT_INSTANCE: RefCell<u32> = const { RefCell::new(1) };
}

/// A mount point, for the panic hook's error card.
struct MountPoint {
    container: Element,
    words: ErrorWords,
    /// While the widget renders off the page: the copy of its skeleton standing in for it.
    stand_in: Option<Element>,
}

/// Sets (or clears) what stands in for `container` while it is off the page.
fn set_stand_in(container: &Element, stand_in: Option<Element>) {
    CONTAINERS.with(|c| {
        if let Some(m) = c
            .borrow_mut()
            .iter_mut()
            .find(|m| &m.container == container)
        {
            m.stand_in = stand_in;
        }
    });
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
    CONTAINERS.with(|c| {
        for m in c.borrow().iter() {
            // A widget that failed while rendering off the page shows its card in place.
            if let Some(stand_in) = &m.stand_in {
                let _ = stand_in.replace_with_with_node_1(&m.container);
            }
            error_card(&m.container, &m.words);
        }
    });
}

#[wasm_bindgen(start)]
fn start() {
    yew::set_custom_panic_hook(Box::new(show_error_cards));
}

/// The attributes as configuration, each problem logged for the host's developers.
fn read_config(attributes: &js_sys::Array) -> (EmbedConfig, Vec<Ignored>) {
    let pairs = crate::browser::attribute_pairs(attributes);
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

/// Renders the widget into `container` off the page and puts it in place once the first
/// render is complete: off the page, yew renders in steps (the browser runs between them),
/// and the skeleton, a copy standing in for the container, stays on screen until then.
fn render(inner: &Shared, container: &Element, props: AppProps) {
    let stand_in = container
        .clone_node_with_deep(true)
        .ok()
        .and_then(|n| n.dyn_into::<Element>().ok())
        .filter(|stand_in| container.replace_with_with_node_1(stand_in).is_ok());
    if let Some(stand_in) = &stand_in {
        let _ = stand_in.set_attribute("data-mq-rendering", "");
        set_stand_in(container, Some(stand_in.clone()));
    }
    container.set_text_content(None);
    clock::mark("messaging-quota:render");
    let placed = container.clone();
    let props = AppProps {
        on_first_render: yew::Callback::from(move |()| {
            if let Some(stand_in) = &stand_in {
                let _ = stand_in.replace_with_with_node_1(&placed);
                set_stand_in(&placed, None);
            }
        }),
        ..props
    };
    let app = yew::Renderer::<App>::with_root_and_props(container.clone(), props.clone()).render();
    let mut m = inner.borrow_mut();
    m.app = Some(app);
    m.props = Some(props);
}

/// The props to hydrate `container`'s drawing with, when the widget can be sure its first
/// render is the drawing's: the drawing's rules (`rules`, as fetched for the page now) and
/// words are the same, the page did not edit it, and the later sections' code is here when
/// it draws any. `start` is the state the visitor's own inputs give, carried on from once
/// hydrated; `held` what they do to the drawing until then, given back then. `None`: render
/// afresh in its place.
async fn hydration(
    container: &Element,
    drawing: Inputs,
    rules: Option<(Option<String>, Option<Rc<RuleSet>>)>,
    props: &AppProps,
    held: Rc<RefCell<Option<HeldInput>>>,
) -> Option<AppProps> {
    let (mut config, problems) = drawing.config();
    if let Some(src) = config.rules_src.clone() {
        // The rules `rules-src` gave this page now, when it names the same file.
        let (fetched_src, fetched) = rules?;
        if fetched_src.as_deref() != Some(src.as_str()) {
            return None;
        }
        config.rules = Some(fetched?);
    }
    let files = &props.link.words_files;
    let wanted = words::wanted(
        words::locale(config.locale.as_deref(), !config.language_menu),
        config.messages_src.as_deref(),
        files,
    );
    words::load(&wanted).await;
    let drawn_words = words::ready(&wanted).filter(|w| w.notices.is_empty())?;
    if fingerprint(config.rules.as_deref(), &drawn_words.texts) != drawing.fingerprint {
        return None;
    }
    let elements = container.query_selector_all("*").ok()?.length();
    if elements != drawing.elements {
        return None;
    }
    let later = config.parts.iter().any(crate::ui::is_later);
    if later && fetch_later().await.is_none() {
        return None;
    }
    // The drawing's state in a task of its own, apart from the checks.
    TimeoutFuture::new(0).await;
    let day_known = knows_the_day(&config);
    let start = initial_widget(Init {
        config,
        problems,
        local_today: drawing.today(),
        ..Init::default()
    });
    let resume = Resume(props.init.start.clone());
    // What the visitor did to the drawing (hydration draws it back as it was), given back
    // once the widget carries on from their own state.
    let given_back = yew::Callback::from(move |()| {
        if let Some(held) = held.take() {
            held.give_back();
        }
    });
    Some(AppProps {
        init: InitCell {
            init: props.init.init.clone(),
            start: Rc::new(start),
        },
        rendering: Rendering::Whole,
        ahead: Some(Ahead {
            day_known,
            resume: Some(resume),
        }),
        on_first_render: given_back,
        ..props.clone()
    })
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
/// loader's skeleton, or the widget drawn ahead of the page) until the widget's rules and
/// words are there. `drawn` says what it shows: `None` the skeleton; `Some(true)` a drawing
/// of this build, which the widget comes alive over when it can be sure to match it (see
/// `prerender`); `Some(false)` another build's, replaced. Over a drawing, the widget renders
/// whole, so its space never shrinks.
#[wasm_bindgen]
pub fn mount(
    container: Element,
    host: Element,
    attributes: js_sys::Array,
    base: String,
    words_files: js_sys::Map,
    answers: Option<js_sys::Map>,
    drawn: Option<bool>,
) -> WidgetHandle {
    if let Some(answers) = answers {
        catalogue_files::share_answers(answers);
    }
    let error_words = ErrorWords::default();
    CONTAINERS.with(|c| {
        c.borrow_mut().push(MountPoint {
            container: container.clone(),
            words: error_words.clone(),
            stand_in: None,
        })
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
    let drawing = (drawn == Some(true))
        .then(|| container.get_attribute("data-mq-render"))
        .flatten()
        .and_then(|text| Inputs::from_json(&text));
    let rendering = if drawn.is_some() {
        Rendering::Whole
    } else {
        Rendering::Steps
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
            let rules = (init.config.rules_src.clone(), init.config.rules.clone());
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
                rendering,
                ahead: None,
                on_first_render: yew::Callback::noop(),
            };
            if let Some(drawing) = drawing {
                let held = Rc::default();
                let alive =
                    hydration(&target, drawing, Some(rules), &props, Rc::clone(&held)).await;
                // Hydrating starts in a task of its own, apart from the checks above.
                TimeoutFuture::new(0).await;
                if shared.borrow().gone {
                    return;
                }
                if let Some(alive) = alive {
                    // From now on, in steps; what the visitor does to the drawing is held
                    // from just before, and given back once alive (`on_first_render`).
                    *held.borrow_mut() = Some(HeldInput::start(&target));
                    clock::mark("messaging-quota:hydrate");
                    let app =
                        yew::Renderer::<App>::with_root_and_props(target.clone(), alive.clone())
                            .hydrate();
                    {
                        let mut m = shared.borrow_mut();
                        m.app = Some(app);
                        m.props = Some(alive);
                    }
                    return;
                }
            }
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
        CONTAINERS.with(|c| c.borrow_mut().retain(|m| m.container != container));
    }
}

/// Panics on purpose, so tests can check the error card: only in the test build.
#[cfg(feature = "test-hooks")]
#[wasm_bindgen(js_name = __simulateCrash)]
pub fn simulate_crash() {
    panic!("simulated crash (test aid)");
}
