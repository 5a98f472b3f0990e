//! When parts of the widget render: after the page has painted what is there, or once a
//! part comes near the viewport. Each step is its own task, so no single task builds the
//! whole widget (README: "A good citizen on the host page").

use std::cell::Cell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};
use yew::prelude::*;

/// Runs `then` once the next frame has been painted (a timeout after the frame), or after
/// 100 ms where no frames are painted (a background tab). Dropping the handle cancels it.
pub struct AfterPaint {
    _frame: gloo::render::AnimationFrame,
    _fallback: Timeout,
    _after: Rc<Cell<Option<Timeout>>>,
}

pub fn after_paint(then: impl FnOnce() + 'static) -> AfterPaint {
    let then = Rc::new(Cell::new(Some(Box::new(then) as Box<dyn FnOnce()>)));
    let after = Rc::new(Cell::new(None));
    let run = {
        let then = then.clone();
        move || {
            if let Some(f) = then.take() {
                f();
            }
        }
    };
    let frame = {
        let (run, after) = (run.clone(), after.clone());
        gloo::render::request_animation_frame(move |_| after.set(Some(Timeout::new(0, run))))
    };
    AfterPaint {
        _frame: frame,
        _fallback: Timeout::new(100, run),
        _after: after,
    }
}

/// How the widget's parts come: in steps, one per paint (a first render in the browser), or
/// whole at once (rendered ahead of the page, and in tests). `App` provides it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rendering {
    Steps,
    Whole,
}

#[hook]
fn use_rendering() -> Rendering {
    use_context::<Rendering>().expect("use_rendering: rendered outside App, which provides it")
}

/// How many of `stages` steps to show: 1 on the first render, then one more after each
/// paint, until all are shown. A component that builds in steps (the App its sections, the
/// calculator its parts) renders `if step >= n`, so no single task builds all of it, and the
/// browser paints between the steps. When `stages` grows, the new steps follow the same way.
/// Rendered whole, all at once.
#[hook]
pub fn use_staged(stages: usize) -> usize {
    let rendering = use_rendering();
    use_steps(stages, rendering)
}

/// [`use_staged`], for the component that provides the rendering: `App`.
#[hook]
pub fn use_steps(stages: usize, rendering: Rendering) -> usize {
    let whole = rendering == Rendering::Whole;
    let shown = use_state_eq(move || if whole { usize::MAX } else { 1 });
    {
        let shown = shown.clone();
        use_effect_with((*shown, stages), move |&(done, stages)| {
            let next = (done < stages).then(|| after_paint(move || shown.set(done + 1)));
            move || drop(next)
        });
    }
    *shown
}

/// Whether the element has come within a viewport of being seen (once true, it stays);
/// rendered whole, it is.
#[hook]
pub fn use_seen(node: NodeRef) -> bool {
    let whole = use_rendering() == Rendering::Whole;
    let seen = use_state_eq(move || whole);
    {
        let seen = seen.clone();
        use_effect_with(*seen, move |already| {
            let watch = (!already)
                .then(|| node.cast::<Element>())
                .flatten()
                .and_then(|element| {
                    let callback =
                        Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                            let near = entries.iter().any(|e| {
                                e.unchecked_into::<IntersectionObserverEntry>()
                                    .is_intersecting()
                            });
                            if near {
                                seen.set(true);
                            }
                        });
                    let init = IntersectionObserverInit::new();
                    init.set_root_margin("100% 0px 100% 0px");
                    let observer = IntersectionObserver::new_with_options(
                        callback.as_ref().unchecked_ref(),
                        &init,
                    )
                    .ok()?;
                    observer.observe(&element);
                    Some((observer, callback))
                });
            move || {
                if let Some((observer, _callback)) = watch {
                    observer.disconnect();
                }
            }
        });
    }
    *seen
}
