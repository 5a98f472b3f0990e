//! The widget's regions: notices, calculator, comparison, month player, rules and pop-up.
//!
//! Each region is HTML text from [`crate::view`]. After a render, a region whose text
//! changed is handed to the loader's `patch(element, html)`, which updates the region in
//! place: elements that stay keep their focus, caret, scroll position and open state, and
//! only what changed is written. One `innerHTML` parse per changed region is far cheaper,
//! in wasm size and in time, than building each element through the virtual DOM.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlDialogElement, HtmlElement};
use yew::prelude::*;

use crate::browser;

/// How many regions the widget has, in page order.
pub const REGIONS: usize = 6;

/// The large parts that change less often than the region around them, each patched on
/// its own into its `data-slot` element (see [`crate::view::slot`]).
pub type Slots = [(&'static str, std::rc::Rc<String>); 4];

/// Opens or closes the pop-up to match the state; focus goes back to Send on close.
fn sync_dialog(root: &Element, open: bool) {
    let Some(dialog) = root
        .query_selector("dialog")
        .ok()
        .flatten()
        .and_then(|d| d.dyn_into::<HtmlDialogElement>().ok())
    else {
        return;
    };
    if open && !dialog.open() {
        let _ = dialog.show_modal();
    } else if !open && dialog.open() {
        dialog.close();
        if let Some(send) = root
            .query_selector(r#"[data-testid="send-button"]"#)
            .ok()
            .flatten()
            .and_then(|b| b.dyn_into::<HtmlElement>().ok())
        {
            let _ = send.focus();
        }
    }
}

/// Keeps the root's regions in step with `regions` after every render, and reports the
/// pop-up's native close (Esc) through `on_close`. Returns the root element's ref.
#[hook]
pub fn use_regions(
    regions: [String; REGIONS],
    slots: Slots,
    dialog_open: bool,
    patch: js_sys::Function,
    on_close: Callback<()>,
) -> NodeRef {
    let root = use_node_ref();
    let first = use_mut_ref(|| true);
    {
        let root = root.clone();
        use_effect(move || {
            let Some(root) = root.cast::<Element>() else {
                return;
            };
            let first = std::mem::replace(&mut *first.borrow_mut(), false);
            if first {
                let document = web_sys::window().and_then(|w| w.document());
                for _ in 0..REGIONS {
                    if let Some(part) = document.as_ref().and_then(|d| d.create_element("div").ok())
                    {
                        part.set_class_name("mq-part");
                        let _ = root.append_child(&part);
                    }
                }
            }
            // The loader's patch skips a region whose text it has already applied.
            let patch = |part: &Element, html: &str| {
                let _ = patch.call2(&JsValue::NULL, part, &JsValue::from_str(html));
            };
            let parts = root.children();
            for (i, html) in regions.iter().enumerate() {
                if let Some(part) = parts.item(i as u32) {
                    patch(&part, html);
                }
            }
            for (name, html) in &slots {
                let selector = format!(r#"[data-slot="{name}"]"#);
                if let Ok(Some(slot)) = root.query_selector(&selector) {
                    patch(&slot, html);
                }
            }
            sync_dialog(&root, dialog_open);
            if first {
                browser::mark_first_render();
            }
        });
    }
    {
        let root = root.clone();
        use_effect_with((), move |_| {
            // `close` does not bubble, so the root listens in the capture phase.
            let listener = root.cast::<Element>().map(|root| {
                EventListener::new_with_options(
                    &root,
                    "close",
                    EventListenerOptions::run_in_capture_phase(),
                    move |_| on_close.emit(()),
                )
            });
            move || drop(listener)
        });
    }
    root
}
