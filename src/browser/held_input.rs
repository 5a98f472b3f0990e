//! What the visitor does to a drawing before the widget is alive, given back once it is.
//!
//! A drawing is a working form before the widget is: a visitor can type a count or pick a
//! tier in it. Coming alive, the widget hydrates it in steps (yew yields to the browser
//! between components), during which only part of it has listeners, and hydration writes
//! the drawn values back into the controls. So from just before hydrating until the widget
//! carries on from the visitor's own state, nothing they do reaches the half-hydrated widget:
//! what they changed until then is read from the controls, and each input, choice, button
//! click and key pressed after that is held; once alive, all of it is given back, in order,
//! as the events they were.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{
    Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement,
    HtmlTextAreaElement, KeyboardEvent, KeyboardEventInit,
};

/// One thing the visitor did, to be given back.
enum Held {
    /// A control set to a value: `input` for text, `change` for a choice.
    Control {
        control: Element,
        event: String,
        value: Option<String>,
        checked: Option<bool>,
    },
    /// A button pressed.
    Click(HtmlElement),
    /// A key pressed (a shortcut, or a step in a number field).
    Key {
        target: Element,
        init: KeyboardEventInit,
    },
}

/// Holds what the visitor does to one drawing, from [`HeldInput::start`] until it is given
/// back ([`HeldInput::give_back`]) or dropped (the widget went before coming alive).
pub struct HeldInput {
    held: Rc<RefCell<Vec<Held>>>,
    _listeners: Vec<EventListener>,
}

impl HeldInput {
    /// Reads what the visitor has changed in `container`'s drawing so far and holds what
    /// they do from now on.
    pub fn start(container: &Element) -> Self {
        let held = Rc::new(RefCell::new(changed_controls(container)));
        let listeners = ["input", "change", "click", "keydown"]
            .into_iter()
            .map(|kind| {
                let held = Rc::clone(&held);
                // In the capture phase, on the widget's root: before any of the widget's
                // own listeners, which are on the same root.
                EventListener::new_with_options(
                    container,
                    kind,
                    EventListenerOptions::run_in_capture_phase(),
                    move |event| {
                        if let Some(h) = hold(event) {
                            event.stop_immediate_propagation();
                            held.borrow_mut().push(h);
                        }
                    },
                )
            })
            .collect();
        Self {
            held,
            _listeners: listeners,
        }
    }

    /// Stops holding and gives back everything held, in order: the widget hears each as the
    /// event it was.
    pub fn give_back(self) {
        let Self { held, _listeners } = self;
        drop(_listeners);
        for h in held.take() {
            give_back(h);
        }
    }
}

/// What `event` did that the widget must hear once alive, if anything.
fn hold(event: &Event) -> Option<Held> {
    let target: Element = event.target()?.dyn_into().ok()?;
    match event.type_().as_str() {
        "click" => {
            // Choices (radios, check boxes, labels) are held by the change they make; a
            // link goes where it goes.
            let button = target.closest("button").ok().flatten()?;
            Some(Held::Click(button.dyn_into().ok()?))
        }
        "keydown" => {
            let key: &KeyboardEvent = event.dyn_ref()?;
            let init = KeyboardEventInit::new();
            init.set_key(&key.key());
            init.set_code(&key.code());
            init.set_ctrl_key(key.ctrl_key());
            init.set_shift_key(key.shift_key());
            init.set_alt_key(key.alt_key());
            init.set_meta_key(key.meta_key());
            init.set_bubbles(true);
            init.set_cancelable(true);
            Some(Held::Key { target, init })
        }
        kind => {
            let (value, checked) = value_of(&target)?;
            Some(Held::Control {
                control: target,
                event: kind.to_owned(),
                value,
                checked,
            })
        }
    }
}

/// A form control's value, or whether it is checked (a radio or a check box).
fn value_of(control: &Element) -> Option<(Option<String>, Option<bool>)> {
    if let Some(input) = control.dyn_ref::<HtmlInputElement>() {
        return Some(if matches!(input.type_().as_str(), "radio" | "checkbox") {
            (None, Some(input.checked()))
        } else {
            (Some(input.value()), None)
        });
    }
    if let Some(select) = control.dyn_ref::<HtmlSelectElement>() {
        return Some((Some(select.value()), None));
    }
    control
        .dyn_ref::<HtmlTextAreaElement>()
        .map(|area| (Some(area.value()), None))
}

/// What the visitor changed in the drawing: each control whose value is not the one drawn.
/// Choices first (a tier, a select), then what was typed, each in the order they show.
fn changed_controls(container: &Element) -> Vec<Held> {
    let Ok(found) = container.query_selector_all("input, select, textarea") else {
        return Vec::new();
    };
    let mut choices = Vec::new();
    let mut typed = Vec::new();
    for i in 0..found.length() {
        let Some(control) = found.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let changed = |event: &str, (value, checked)| Held::Control {
            control: control.clone(),
            event: event.to_owned(),
            value,
            checked,
        };
        if let Some(input) = control.dyn_ref::<HtmlInputElement>() {
            if matches!(input.type_().as_str(), "radio" | "checkbox") {
                if input.checked() != input.default_checked() {
                    choices.push(changed("change", (None, Some(input.checked()))));
                }
            } else if input.value() != input.default_value() {
                typed.push(changed("input", (Some(input.value()), None)));
            }
        } else if let Some(select) = control.dyn_ref::<HtmlSelectElement>() {
            let drawn = select
                .query_selector("option[selected]")
                .ok()
                .flatten()
                .and_then(|o| o.get_attribute("value"));
            if drawn.is_some_and(|d| d != select.value()) {
                choices.push(changed("change", (Some(select.value()), None)));
            }
        } else if let Some(area) = control.dyn_ref::<HtmlTextAreaElement>() {
            if area
                .default_value()
                .is_ok_and(|drawn| drawn != area.value())
            {
                typed.push(changed("input", (Some(area.value()), None)));
            }
        }
    }
    choices.extend(typed);
    choices
}

/// Does it again, for the widget to hear.
fn give_back(held: Held) {
    match held {
        Held::Control {
            control,
            event,
            value,
            checked,
        } => {
            if let Some(input) = control.dyn_ref::<HtmlInputElement>() {
                match (&value, checked) {
                    (_, Some(checked)) => input.set_checked(checked),
                    // A file input keeps its files; its value cannot be set.
                    (Some(value), _) if input.type_() != "file" => input.set_value(value),
                    _ => {}
                }
            } else if let Some(select) = control.dyn_ref::<HtmlSelectElement>() {
                select.set_value(value.as_deref().unwrap_or_default());
            } else if let Some(area) = control.dyn_ref::<HtmlTextAreaElement>() {
                area.set_value(value.as_deref().unwrap_or_default());
            }
            let init = EventInit::new();
            init.set_bubbles(true);
            if let Ok(event) = Event::new_with_event_init_dict(&event, &init) {
                let _ = control.dispatch_event(&event);
            }
        }
        Held::Click(button) => button.click(),
        Held::Key { target, init } => {
            if let Ok(event) = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init) {
                let _ = target.dispatch_event(&event);
            }
        }
    }
}
