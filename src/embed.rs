//! The JavaScript-facing entry points: mount a widget into an element, update it when the
//! host changes attributes, and take it down. The loader script (`embed/messaging-quota.js`)
//! calls these; each call builds its own widget, and all share one wasm instance.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::AppHandle;

use crate::browser;
use crate::engine::embed_config::{parse_attributes, EmbedConfig, ATTRIBUTES};
use crate::engine::rules::RuleSet;
use crate::state::Init;
use crate::ui::{App, AppProps, HostLink};

thread_local! {
    /// Every mount point, so a panic can put an error card in each.
    static CONTAINERS: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
    static NEXT_INSTANCE: RefCell<u32> = const { RefCell::new(1) };
}

const ERROR_CARD: &str = r#"<div class="mq-root"><div class="mq-error-card" role="alert"><strong>The messaging calculator stopped working.</strong><p>Nothing you entered was sent anywhere. Reload the page to start again.</p></div></div>"#;

/// Replaces every widget with an error card: after a panic the wasm instance cannot be
/// trusted, and a clear message beats a frozen or blank widget.
fn show_error_cards(info: &std::panic::PanicHookInfo<'_>) {
    web_sys::console::error_1(&JsValue::from_str(&format!("messaging-quota: {info}")));
    CONTAINERS.with(|c| {
        for container in c.borrow().iter() {
            container.set_inner_html(ERROR_CARD);
        }
    });
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

fn read_config(attributes: &js_sys::Array) -> (EmbedConfig, Vec<String>) {
    let pairs = pairs(attributes);
    let (config, warnings) = parse_attributes(
        pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())),
        false,
        &browser::origin(),
    );
    for w in &warnings {
        browser::warn(&format!("messaging-quota: {w}"));
    }
    (config, warnings)
}

/// Fetches a rule set from the page's own origin.
async fn fetch_rules(url: &str) -> Result<RuleSet, String> {
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| "it could not be fetched".to_owned())?
        .dyn_into()
        .map_err(|_| "no response".to_owned())?;
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|_| "no body")?)
        .await
        .map_err(|_| "its body could not be read".to_owned())?;
    RuleSet::from_json(&text.as_string().unwrap_or_default()).map_err(|e| e.to_string())
}

struct Mounted {
    app: Option<AppHandle<App>>,
    props: Option<AppProps>,
    generation: u32,
}

/// One mounted widget, held by the loader script.
#[wasm_bindgen]
pub struct WidgetHandle {
    inner: Rc<RefCell<Mounted>>,
    container: Element,
}

fn render(inner: &Rc<RefCell<Mounted>>, container: &Element, props: AppProps) {
    container.set_inner_html("");
    let app = yew::Renderer::<App>::with_root_and_props(container.clone(), props.clone()).render();
    let mut m = inner.borrow_mut();
    m.app = Some(app);
    m.props = Some(props);
}

/// Mounts a widget into `container`; events go to `host`, configured by its attributes.
/// `patch(root, parts)` is the loader's in-place DOM update (see `ui::regions`).
#[wasm_bindgen]
pub fn mount(
    container: Element,
    host: Element,
    attributes: js_sys::Array,
    patch: js_sys::Function,
) -> WidgetHandle {
    CONTAINERS.with(|c| c.borrow_mut().push(container.clone()));
    let instance = NEXT_INSTANCE.with(|n| {
        let mut n = n.borrow_mut();
        *n += 1;
        *n - 1
    });
    let (config, warnings) = read_config(&attributes);
    let inner = Rc::new(RefCell::new(Mounted {
        app: None,
        props: None,
        generation: 0,
    }));
    let link = HostLink {
        host,
        sync_url: config.sync_url,
        storage_key: config.storage_key.clone(),
        patch,
    };
    let make_props = move |config: EmbedConfig, warnings: Vec<String>| {
        let init = Init {
            stored: link.storage_key.as_deref().and_then(browser::load),
            url_query: link.sync_url.then(browser::url_query).flatten(),
            local_today: Some(browser::local_today()),
            config,
            warnings,
        };
        AppProps {
            instance,
            init: crate::ui::app_init(init),
            link: link.clone(),
            update: None,
        }
    };
    match config.rules_src.clone() {
        None => render(&inner, &container, make_props(config, warnings)),
        Some(url) => {
            container
                .set_inner_html(r#"<p class="mq-loading" role="status">Loading the rules…</p>"#);
            let (inner, container) = (inner.clone(), container.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let (mut config, mut warnings) = (config, warnings);
                match fetch_rules(&url).await {
                    Ok(rules) => config.rules = Some(rules),
                    Err(reason) => {
                        let message = format!(
                            "rules-src=\"{url}\" was ignored: {reason}; the default rules apply"
                        );
                        browser::warn(&format!("messaging-quota: {message}"));
                        warnings.push(message);
                    }
                }
                render(&inner, &container, make_props(config, warnings));
            });
        }
    }
    WidgetHandle { inner, container }
}

#[wasm_bindgen]
impl WidgetHandle {
    /// The host changed attributes: re-read them all and apply what changed.
    pub fn update(&self, attributes: js_sys::Array) {
        let (config, warnings) = read_config(&attributes);
        let mut m = self.inner.borrow_mut();
        m.generation += 1;
        let generation = m.generation;
        let Some(props) = m.props.as_mut() else {
            return;
        };
        props.update = Some(crate::ui::ConfigUpdate {
            generation,
            config,
            warnings,
        });
        let next = props.clone();
        if let Some(app) = m.app.as_mut() {
            app.update(next);
        }
    }

    /// Takes the widget down (the element left the page).
    pub fn destroy(self) {
        if let Some(app) = self.inner.borrow_mut().app.take() {
            app.destroy();
        }
        let container = self.container;
        CONTAINERS.with(|c| c.borrow_mut().retain(|e| e != &container));
    }
}

/// Panics on purpose, so tests can check the error card. Not for production use.
#[wasm_bindgen(js_name = __simulateCrash)]
pub fn simulate_crash() {
    panic!("simulated crash (test aid)");
}
