//! The JavaScript-facing entry points: mount a widget into an element, update it when the
//! host changes attributes, and take it down. The loader script (`embed/messaging-quota.js`)
//! calls these; each call builds its own widget, and all share one wasm instance.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{AbortController, Element};
use yew::AppHandle;

use crate::browser::page;
use crate::browser::rules_src::{fetch_rules, same_origin_url};
use crate::host::attributes::{parse_attributes, EmbedConfig, ATTRIBUTES};
use crate::host::{ignored, Ignored, Reason};
use crate::state::Init;
use crate::text::{FixedFormat, Texts};
use crate::ui::{App, AppProps, ConfigUpdate, HostLink, InitCell};

thread_local! {
    /// Every mount point, so a panic can put an error card in each.
    static CONTAINERS: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
    static NEXT_INSTANCE: RefCell<u32> = const { RefCell::new(1) };
}

/// Replaces a container's content with the error card, built node by node.
fn error_card(container: &Element) {
    let t = Texts::english(Box::new(FixedFormat));
    let document = gloo::utils::document();
    let build = || -> Result<Element, JsValue> {
        let root = document.create_element("div")?;
        root.set_class_name("mq-root");
        let card = document.create_element("div")?;
        card.set_class_name("mq-error-card");
        card.set_attribute("role", "alert")?;
        let title = document.create_element("strong")?;
        title.set_text_content(Some(&t.text("error.title")));
        let detail = document.create_element("p")?;
        detail.set_text_content(Some(&t.text("error.detail")));
        card.append_with_node_2(&title, &detail)?;
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
    CONTAINERS.with(|c| c.borrow().iter().for_each(error_card));
}

#[wasm_bindgen(start)]
fn start() {
    yew::set_custom_panic_hook(Box::new(show_error_cards));
}

/// The attribute names the widget reads, for the custom element's `observedAttributes`.
#[wasm_bindgen(js_name = attributeNames)]
pub fn attribute_names() -> Vec<String> {
    ATTRIBUTES.iter().map(|a| (*a).to_owned()).collect()
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
    if !problems.is_empty() {
        let english = Texts::english(Box::new(FixedFormat));
        for problem in &problems {
            page::warn(&english.ignored(problem));
        }
    }
    (config, problems)
}

struct Mounted {
    app: Option<AppHandle<App>>,
    props: Option<AppProps>,
    generation: u32,
    /// Aborts a `rules-src` fetch still in flight when the widget goes.
    fetch: Option<AbortController>,
}

/// One mounted widget, held by the loader script.
#[wasm_bindgen]
pub struct WidgetHandle {
    inner: Rc<RefCell<Mounted>>,
    container: Element,
}

fn render(inner: &Rc<RefCell<Mounted>>, container: &Element, props: AppProps) {
    container.set_text_content(None);
    let app = yew::Renderer::<App>::with_root_and_props(container.clone(), props.clone()).render();
    let mut m = inner.borrow_mut();
    m.app = Some(app);
    m.props = Some(props);
}

/// The loading line shown while `rules-src` is fetched.
fn loading(container: &Element) {
    let t = Texts::english(Box::new(FixedFormat));
    if let Ok(p) = gloo::utils::document().create_element("p") {
        p.set_class_name("mq-loading");
        let _ = p.set_attribute("role", "status");
        p.set_text_content(Some(&t.text("loading.rules")));
        container.replace_children_with_node_1(&p);
    }
}

/// Mounts a widget into `container`; events go to `host`, configured by its attributes.
#[wasm_bindgen]
pub fn mount(container: Element, host: Element, attributes: js_sys::Array) -> WidgetHandle {
    CONTAINERS.with(|c| c.borrow_mut().push(container.clone()));
    let instance = NEXT_INSTANCE.with(|n| {
        let mut n = n.borrow_mut();
        *n += 1;
        *n - 1
    });
    let (config, problems) = read_config(&attributes);
    let inner = Rc::new(RefCell::new(Mounted {
        app: None,
        props: None,
        generation: 0,
        fetch: None,
    }));
    let link = HostLink {
        host,
        sync_url: config.sync_url,
        storage_key: config.storage_key.clone(),
    };
    let make_props = move |config: EmbedConfig, problems: Vec<Ignored>| {
        let init = Init {
            stored: link.storage_key.as_deref().and_then(page::load),
            url_params: link.sync_url.then(page::url_params).flatten(),
            local_today: Some(page::local_today()),
            config,
            problems,
        };
        AppProps {
            instance,
            init: InitCell(Rc::new(init)),
            link: link.clone(),
            update: None,
        }
    };
    let src = config.rules_src.clone();
    let url = src.as_deref().map(same_origin_url);
    match (src, url) {
        (Some(src), Some(Ok(url))) => {
            loading(&container);
            let controller = AbortController::new().ok();
            let signal = controller.as_ref().map(|c| c.signal());
            inner.borrow_mut().fetch = controller;
            let (inner, container) = (inner.clone(), container.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let (mut config, mut problems) = (config, problems);
                let result = fetch_rules(&url, signal.as_ref()).await;
                if signal.as_ref().is_some_and(|s| s.aborted()) {
                    return;
                }
                match result {
                    Ok(rules) => config.rules = Some(rules),
                    Err(problem) => {
                        let problem = ignored("rules-src", &src, Reason::Fetch(problem));
                        page::warn(&Texts::english(Box::new(FixedFormat)).ignored(&problem));
                        problems.push(problem);
                    }
                }
                inner.borrow_mut().fetch = None;
                render(&inner, &container, make_props(config, problems));
            });
        }
        (Some(src), Some(Err(reason))) => {
            let problem = ignored("rules-src", &src, reason);
            page::warn(&Texts::english(Box::new(FixedFormat)).ignored(&problem));
            let mut problems = problems;
            problems.push(problem);
            render(&inner, &container, make_props(config, problems));
        }
        _ => render(&inner, &container, make_props(config, problems)),
    }
    WidgetHandle { inner, container }
}

#[wasm_bindgen]
impl WidgetHandle {
    /// The host changed attributes: re-read them all and apply what changed.
    pub fn update(&self, attributes: js_sys::Array) {
        let (config, problems) = read_config(&attributes);
        let mut m = self.inner.borrow_mut();
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
    }

    /// Takes the widget down (the element left the page): the app, its effects and
    /// timers, and any fetch in flight.
    pub fn destroy(self) {
        let mut m = self.inner.borrow_mut();
        if let Some(fetch) = m.fetch.take() {
            fetch.abort();
        }
        if let Some(app) = m.app.take() {
            app.destroy();
        }
        drop(m);
        let container = self.container;
        CONTAINERS.with(|c| c.borrow_mut().retain(|e| e != &container));
    }
}

/// Panics on purpose, so tests can check the error card. Not for production use.
#[wasm_bindgen(js_name = __simulateCrash)]
pub fn simulate_crash() {
    panic!("simulated crash (test aid)");
}
