//! `localStorage`, and which widget of the page writes which key: two widgets writing one
//! key would each undo the other's changes, so the first in document order (whenever each
//! loads) writes it, and holds a [`KeyClaim`] for as long as it lives.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

use super::console::warn;
use crate::state::StorageRefusal;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads a saved state.
pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Saves state. A storage that refuses is said in the console here; the widget says it on
/// the page and tries again later.
pub fn store(key: &str, value: &str) -> Result<(), StorageRefusal> {
    // No storage at all: the page may not use it (a sandboxed frame, the visitor's settings).
    let storage = storage().ok_or(StorageRefusal::Forbidden)?;
    storage.set_item(key, value).map_err(|error| {
        let name = error
            .dyn_ref::<web_sys::DomException>()
            .map(|e| e.name())
            .unwrap_or_default();
        warn(&format!(
            "could not save state under \"{key}\" ({name}); kept on the page and tried again"
        ));
        // Only a quota error means full; a security error (or anything else) is a refusal.
        if name == "QuotaExceededError" {
            StorageRefusal::Full
        } else {
            StorageRefusal::Forbidden
        }
    })
}

/// The new text of `key` when `event` says another tab wrote it to localStorage.
pub fn written_elsewhere(event: &web_sys::StorageEvent, key: &str) -> Option<String> {
    let ours = storage()?;
    let area = event.storage_area()?;
    let same_area = js_sys::Object::is(&area, &ours);
    (same_area && event.key().as_deref() == Some(key))
        .then(|| event.new_value())
        .flatten()
}

/// A widget of the page that writes a key.
struct Owner {
    key: String,
    instance: u32,
    host: Element,
    /// Shared with the owner's [`KeyClaim`]: whether it still writes the key.
    writes: Rc<Cell<bool>>,
    /// Told when an earlier widget of the page takes the key over.
    displaced: Rc<dyn Fn()>,
}

thread_local! {
    static OWNERS: RefCell<Vec<Owner>> = const { RefCell::new(Vec::new()) };
}

/// A widget's claim on a storage key; the key is free for others once it is dropped.
pub struct KeyClaim {
    key: String,
    instance: u32,
    writes: Rc<Cell<bool>>,
}

impl KeyClaim {
    /// Whether this widget writes the key (no earlier widget of the page took it over).
    pub fn writes(&self) -> bool {
        self.writes.get()
    }
}

impl Drop for KeyClaim {
    fn drop(&mut self) {
        let (key, instance) = (&self.key, self.instance);
        OWNERS.with(|owners| {
            owners
                .borrow_mut()
                .retain(|o| !(o.key == *key && o.instance == instance))
        });
    }
}

/// Claims `key` for the widget `instance` on `host`. A widget later in document order than
/// the key's writer gets `None`; an earlier one takes the key over, and its writer is told
/// by its `displaced`.
pub fn claim(
    key: &str,
    instance: u32,
    host: &Element,
    displaced: Rc<dyn Fn()>,
) -> Option<KeyClaim> {
    let writes = Rc::new(Cell::new(true));
    let claimant = Owner {
        key: key.to_owned(),
        instance,
        host: host.clone(),
        writes: writes.clone(),
        displaced,
    };
    let previous = OWNERS.with(|owners| {
        let mut owners = owners.borrow_mut();
        let Some(at) = owners.iter().position(|o| o.key == key) else {
            owners.push(claimant);
            return Ok(None);
        };
        let owner = &owners[at];
        let earlier =
            owner.host.compare_document_position(host) & Node::DOCUMENT_POSITION_PRECEDING != 0;
        if owner.instance == instance {
            owners[at] = claimant;
            Ok(None)
        } else if earlier {
            Ok(Some(std::mem::replace(&mut owners[at], claimant)))
        } else {
            Err(())
        }
    });
    match previous {
        Err(()) => None,
        Ok(displaced) => {
            if let Some(previous) = displaced {
                previous.writes.set(false);
                (previous.displaced)();
            }
            Some(KeyClaim {
                key: key.to_owned(),
                instance,
                writes,
            })
        }
    }
}
