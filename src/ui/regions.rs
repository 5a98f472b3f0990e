//! Puts each render on the page. A render is HTML text in parts ([`Parts`]): frames with
//! empty slots, and the parts that fill them. After every render the parts go to the
//! loader's `patch(root, list)`, which updates each slot whose text changed, in place:
//! elements that stay keep their focus, caret, scroll position and open state, and only
//! what changed is written. One `innerHTML` parse per changed part is far cheaper, in wasm
//! size and in time, than building each element through the virtual DOM.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlDialogElement, HtmlElement};
use yew::prelude::*;

use crate::browser;
use crate::view::Parts;

/// The parts to send to the loader's `patch`, as `[slot, html, slot, html, …]`: those whose
/// text changed since `before`. Once a frame (a part with slots) changes, every part after
/// it goes too, since its slots may be new and empty; the loader remembers what each slot
/// element holds, so a resent part whose slot was kept is not parsed again.
fn changed_parts(before: &[(&'static str, String)], parts: &Parts) -> js_sys::Array {
    let list = js_sys::Array::new();
    let mut resend = false;
    for (slot, html) in parts {
        let changed = !before.iter().any(|(s, h)| s == slot && h == html);
        if changed || resend {
            list.push(&JsValue::from_str(slot));
            list.push(&JsValue::from_str(html));
            // (A plain window search: `str::contains` brings in a 2 KB string searcher.)
            resend |= changed && html.as_bytes().windows(10).any(|w| w == b"data-slot=");
        }
    }
    list
}

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

/// Puts each render's `parts` on the page after the render, and reports the
/// pop-up's native close (Esc) through `on_close`. Returns the root element's ref.
#[hook]
pub fn use_regions(
    parts: Parts,
    dialog_open: bool,
    patch: js_sys::Function,
    on_close: Callback<()>,
) -> NodeRef {
    let root = use_node_ref();
    // What was last sent for each part; `None` before the first render.
    let sent = use_mut_ref(|| None::<Parts>);
    {
        let root = root.clone();
        use_effect(move || {
            let Some(root) = root.cast::<Element>() else {
                return;
            };
            let mut sent = sent.borrow_mut();
            let first = sent.is_none();
            let list = changed_parts(sent.as_deref().unwrap_or_default(), &parts);
            let _ = patch.call2(&JsValue::NULL, &root, &list);
            *sent = Some(parts);
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
                    move |event| {
                        // The event is queued: if the pop-up opened again since (a quick
                        // Send after Esc), this close is old news.
                        let reopened = event
                            .target()
                            .and_then(|t| t.dyn_into::<HtmlDialogElement>().ok())
                            .is_some_and(|d| d.open());
                        if !reopened {
                            on_close.emit(());
                        }
                    },
                )
            });
            move || drop(listener)
        });
    }
    root
}
