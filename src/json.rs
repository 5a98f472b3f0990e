//! JSON text into serde types, with an error that says where (`tiers[1].price_cents`) and
//! what.
//!
//! The browser build lets the platform parse (`JSON.parse`) and serde map the values
//! (`serde-wasm-bindgen`): the wasm then carries no JSON parser of its own, which measured
//! 14 KB gzip less than serde_json's. Native builds (tests, benchmarks) read the same types
//! with serde_json. Writing JSON is serde_json's everywhere.

use serde::de::DeserializeOwned;

/// Why a text could not be read: where, as a path (empty for the whole text), and the
/// reader's own words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    pub path: String,
    pub message: String,
}

fn path_of(path: &serde_path_to_error::Path) -> String {
    let path = path.to_string();
    if path == "." {
        String::new()
    } else {
        path
    }
}

/// Reads `T` from JSON text; the error's path is empty (see [`from_str_strict`]).
#[cfg(not(target_arch = "wasm32"))]
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, JsonError> {
    serde_json::from_str(text).map_err(|e| JsonError {
        path: String::new(),
        message: e.to_string(),
    })
}

/// Reads `T` from JSON text, the error naming where.
#[cfg(not(target_arch = "wasm32"))]
fn from_str_with_path<T: DeserializeOwned>(text: &str) -> Result<T, JsonError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        // A syntax error is placed by its line and column; a shape error by its field.
        let path = match e.inner().classify() {
            serde_json::error::Category::Data => path_of(e.path()),
            _ => String::new(),
        };
        JsonError {
            path,
            message: e.into_inner().to_string(),
        }
    })?;
    deserializer.end().map_err(|e| JsonError {
        path: String::new(),
        message: e.to_string(),
    })?;
    Ok(value)
}

/// Reads `T` from JSON text, the error naming where (`serde_path_to_error`); fields `T` does
/// not know are errors, as serde's `deny_unknown_fields` makes them (natively serde_json
/// does it; `written` is the value as it writes itself back, for the browser's check).
#[cfg(not(target_arch = "wasm32"))]
pub fn from_str_strict<T: DeserializeOwned>(
    text: &str,
    _written: impl FnOnce(&T) -> Option<String>,
) -> Result<T, JsonError> {
    from_str_with_path(text)
}

/// The browser's parse of a text.
#[cfg(target_arch = "wasm32")]
fn parse(text: &str) -> Result<wasm_bindgen::JsValue, JsonError> {
    use wasm_bindgen::JsCast;
    js_sys::JSON::parse(text).map_err(|e| JsonError {
        path: String::new(),
        message: e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_default(),
    })
}

#[cfg(target_arch = "wasm32")]
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, JsonError> {
    serde_wasm_bindgen::from_value(parse(text)?).map_err(|e| JsonError {
        path: String::new(),
        message: e.to_string(),
    })
}

#[cfg(target_arch = "wasm32")]
pub fn from_str_strict<T: DeserializeOwned>(
    text: &str,
    written: impl FnOnce(&T) -> Option<String>,
) -> Result<T, JsonError> {
    let parsed = parse(text)?;
    let value: T =
        serde_path_to_error::deserialize(serde_wasm_bindgen::Deserializer::from(parsed.clone()))
            .map_err(|e| JsonError {
                path: path_of(e.path()),
                message: e.into_inner().to_string(),
            })?;
    if let Some(known) = written(&value).and_then(|json| js_sys::JSON::parse(&json).ok()) {
        compare(&parsed, &known, &mut String::new())?;
    }
    Ok(value)
}

/// serde-wasm-bindgen reads only the fields a struct declares, so fields it does not know
/// would pass silently. What was read is written back and compared: a key of the text that
/// did not come back is a field `T` does not know. (A value that cannot be written back,
/// such as a rule's number that is not whole, is left for validation to name first.)
#[cfg(target_arch = "wasm32")]
fn compare(
    input: &wasm_bindgen::JsValue,
    known: &wasm_bindgen::JsValue,
    path: &mut String,
) -> Result<(), JsonError> {
    use js_sys::{Array, Object, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    if Array::is_array(input) && Array::is_array(known) {
        let (input, known): (&Array, &Array) = (input.unchecked_ref(), known.unchecked_ref());
        for i in 0..input.length().min(known.length()) {
            let len = path.len();
            path.push_str(&format!("[{i}]"));
            compare(&input.get(i), &known.get(i), path)?;
            path.truncate(len);
        }
        return Ok(());
    }
    if !(input.is_object() && known.is_object()) || Array::is_array(input) {
        return Ok(());
    }
    let known_keys: Vec<String> = Object::keys::<JsValue>(known.unchecked_ref())
        .iter()
        .filter_map(|k| k.as_string())
        .collect();
    for key in Object::keys::<JsValue>(input.unchecked_ref()).iter() {
        let Some(name) = key.as_string() else {
            continue;
        };
        let value = Reflect::get(input, &key).unwrap_or_default();
        let len = path.len();
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(&name);
        if known_keys.contains(&name) {
            compare(&value, &Reflect::get(known, &key).unwrap_or_default(), path)?;
        } else if !value.is_null() {
            let expected: Vec<String> = known_keys.iter().map(|k| format!("`{k}`")).collect();
            return Err(JsonError {
                path: path.clone(),
                message: format!(
                    "unknown field `{name}`, expected one of {}",
                    expected.join(", ")
                ),
            });
        }
        path.truncate(len);
    }
    Ok(())
}
