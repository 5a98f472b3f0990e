//! The Yew view: one root component holding the state, and the regions it keeps in step.
//! Every region is HTML text from [`crate::view`]; buttons carry `data-action` commands,
//! selects, radios and checkboxes `data-field` names, and number fields `data-count`
//! names, read by one handler per event type at the root (`app.rs`).

mod app;
mod regions;

pub use app::{App, AppProps, ConfigUpdate, HostLink, InitCell};

/// Wraps the first state for the root component's props.
pub fn app_init(init: crate::state::Init) -> InitCell {
    InitCell(std::rc::Rc::new(init))
}
