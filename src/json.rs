//! JSON text into serde types, with an error that says where (`tiers[1].price_cents`) and
//! what, as a fact the widget words itself ([`JsonProblem`]); the reader's own words are kept
//! only for the console, since they quote the text and change from browser to browser.
//!
//! The browser build lets the platform parse (`JSON.parse`) and serde map the values
//! (`serde-wasm-bindgen`): the wasm then carries no JSON parser of its own, which measured
//! 14 KB gzip less than serde_json's. Native builds (tests, benchmarks) read the same types
//! with serde_json. Writing JSON is serde_json's everywhere.

use serde::de::DeserializeOwned;

/// How deeply a text may nest arrays and objects. The widget's own formats nest four levels
/// at most; a text nested far deeper is not one of them, and reading it would cost a
/// recursion per level.
pub const MAX_DEPTH: usize = 32;

/// What is wrong with a text, in terms the widget can word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JsonProblem {
    /// Not JSON; where, when the reader said.
    Syntax {
        line: Option<u32>,
        column: Option<u32>,
    },
    /// Arrays or objects nested more than [`MAX_DEPTH`] deep.
    TooDeep { max: usize },
    /// A field the format needs is not there.
    MissingField(String),
    /// A field the format does not have.
    UnknownField(String),
    /// A value of another kind than the format has there.
    WrongType(Expected),
    /// A value of the right kind that the format does not take (an unknown name, a list of
    /// the wrong length).
    WrongValue,
}

/// The kind of value a format has at a place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Number,
    Text,
    List,
    Object,
    YesNo,
    /// The reader named no kind the widget words.
    Other,
}

/// Why a text could not be read: where, as a path (empty for the whole text), what, and
/// the reader's own words for the console.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    pub path: String,
    pub problem: JsonProblem,
    pub detail: String,
}

impl JsonError {
    fn new(path: String, detail: String) -> JsonError {
        JsonError {
            path,
            problem: classify(&detail),
            detail,
        }
    }
}

/// The problem a reader's message names. serde's messages are fixed phrases (`missing field
/// `id``, `invalid type: string "x", expected u64`), the same from serde_json and
/// serde-wasm-bindgen, but serde has no typed form of them, so they are read back here; a
/// parser's syntax message (`… at line 3 column 5`) likewise. Anything else is a value the
/// format does not take.
fn classify(message: &str) -> JsonProblem {
    // serde-wasm-bindgen's errors are JavaScript errors, written with their name first.
    let message = message.strip_prefix("Error: ").unwrap_or(message);
    // Its deserializer reads an object's fields with `Reflect.get`, which throws on anything
    // else: an object was expected.
    if message.contains("non-object") {
        return JsonProblem::WrongType(Expected::Object);
    }
    let quoted = |rest: &str| {
        rest.strip_prefix('`')
            .and_then(|r| r.split_once('`'))
            .map(|(name, _)| name.to_owned())
    };
    if let Some(name) = message.strip_prefix("missing field ").and_then(quoted) {
        return JsonProblem::MissingField(name);
    }
    if let Some(name) = message.strip_prefix("unknown field ").and_then(quoted) {
        return JsonProblem::UnknownField(name);
    }
    if message.starts_with("invalid type:") {
        let expected = message.rsplit_once("expected ").map_or("", |(_, e)| e);
        return JsonProblem::WrongType(expected_kind(expected));
    }
    if message.starts_with("invalid value")
        || message.starts_with("invalid length")
        || message.starts_with("unknown variant")
        || message.starts_with("duplicate field")
    {
        return JsonProblem::WrongValue;
    }
    if message.contains("recursion limit") {
        return JsonProblem::TooDeep { max: MAX_DEPTH };
    }
    if let Some((line, column)) = line_and_column(message) {
        return JsonProblem::Syntax {
            line: Some(line),
            column: Some(column),
        };
    }
    if message.contains("JSON") || message.contains("EOF") || message.starts_with("expected") {
        return JsonProblem::Syntax {
            line: None,
            column: None,
        };
    }
    JsonProblem::WrongValue
}

/// The kind serde's `expected …` names: `u64`, `a string`, `a sequence`, `struct Tier`.
fn expected_kind(expected: &str) -> Expected {
    // serde_json places every error: `… expected u64 at line 1 column 24`.
    let e = expected
        .split(" at line ")
        .next()
        .unwrap_or_default()
        .trim();
    let numeric = |t: &str| {
        let digits = t.trim_start_matches(['u', 'i', 'f']);
        t.len() > digits.len() && (digits == "size" || digits.chars().all(|c| c.is_ascii_digit()))
    };
    if numeric(e) || e.contains("integer") || e.contains("number") {
        Expected::Number
    } else if e.contains("string") || e.contains("char") {
        Expected::Text
    } else if e.contains("sequence") || e.contains("tuple") || e.contains("array") {
        Expected::List
    } else if e.starts_with("struct") || e.contains("map") {
        Expected::Object
    } else if e.contains("bool") {
        Expected::YesNo
    } else {
        Expected::Other
    }
}

/// `line 3 column 5`, as serde_json and the browsers' `JSON.parse` place a syntax error.
fn line_and_column(message: &str) -> Option<(u32, u32)> {
    let (_, after) = message.split_once("line ")?;
    let mut words = after.split(|c: char| !c.is_ascii_alphanumeric());
    let line = words.next()?.parse().ok()?;
    let (_, after) = after.split_once("column ")?;
    let column = after
        .split(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()?;
    Some((line, column))
}

/// How deeply `text` nests arrays and objects, brackets inside strings not counted; checked
/// before a text is parsed, so a hostile one costs one pass over its bytes.
fn nesting_depth(text: &str) -> usize {
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for byte in text.bytes() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// A text nested deeper than [`MAX_DEPTH`] is refused before it is read.
fn check_depth(text: &str) -> Result<(), JsonError> {
    if nesting_depth(text) > MAX_DEPTH {
        return Err(JsonError {
            path: String::new(),
            problem: JsonProblem::TooDeep { max: MAX_DEPTH },
            detail: format!("nested more than {MAX_DEPTH} levels deep"),
        });
    }
    Ok(())
}

#[cfg(not(target_arch = "wasm32"))]
fn path_of(path: &serde_path_to_error::Path) -> String {
    let path = path.to_string();
    if path == "." {
        String::new()
    } else {
        path
    }
}

/// Reads `T` from JSON text, the error naming where.
#[cfg(not(target_arch = "wasm32"))]
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, JsonError> {
    from_str_with_path(text)
}

/// Reads `T` from JSON text, the error naming where.
#[cfg(not(target_arch = "wasm32"))]
fn from_str_with_path<T: DeserializeOwned>(text: &str) -> Result<T, JsonError> {
    check_depth(text)?;
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        // A syntax error is placed by its line and column; a shape error by its field.
        let path = match e.inner().classify() {
            serde_json::error::Category::Data => path_of(e.path()),
            _ => String::new(),
        };
        JsonError::new(path, e.into_inner().to_string())
    })?;
    deserializer
        .end()
        .map_err(|e| JsonError::new(String::new(), e.to_string()))?;
    Ok(value)
}

/// Reads `T` from JSON text, the error naming where (`serde_path_to_error` natively); fields `T` does
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
    check_depth(text)?;
    js_sys::JSON::parse(text).map_err(|e| {
        let detail = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_default();
        // Whatever the browser said, it is a syntax error.
        let at = line_and_column(&detail);
        JsonError {
            path: String::new(),
            problem: JsonProblem::Syntax {
                line: at.map(|(l, _)| l),
                column: at.map(|(_, c)| c),
            },
            detail,
        }
    })
}

/// Maps a parsed value onto `T`, the error naming where: the project's serde-wasm-bindgen
/// puts each field and index in front of an error's path on its way out (docs/decisions.md),
/// so a read that succeeds tracks nothing.
#[cfg(target_arch = "wasm32")]
fn from_value<T: DeserializeOwned>(value: wasm_bindgen::JsValue) -> Result<T, JsonError> {
    T::deserialize(serde_wasm_bindgen::Deserializer::from(value))
        .map_err(|e| JsonError::new(e.path().to_owned(), e.to_string()))
}

#[cfg(target_arch = "wasm32")]
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, JsonError> {
    from_value(parse(text)?)
}

#[cfg(target_arch = "wasm32")]
pub fn from_str_strict<T: DeserializeOwned>(
    text: &str,
    written: impl FnOnce(&T) -> Option<String>,
) -> Result<T, JsonError> {
    let parsed = parse(text)?;
    let value: T = from_value(parsed.clone())?;
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
                problem: JsonProblem::UnknownField(name.clone()),
                detail: format!(
                    "unknown field `{name}`, expected one of {}",
                    expected.join(", ")
                ),
            });
        }
        path.truncate(len);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Shape {
        id: String,
        count: u64,
        #[serde(default)]
        list: Vec<u32>,
    }

    fn problem(text: &str) -> JsonProblem {
        from_str::<Shape>(text).unwrap_err().problem
    }

    #[test]
    fn the_readers_words_become_facts() {
        assert_eq!(
            problem(r#"{"count": 1}"#),
            JsonProblem::MissingField("id".into())
        );
        assert_eq!(
            problem(r#"{"id": "a", "count": 1, "x": 2}"#),
            JsonProblem::UnknownField("x".into())
        );
        assert_eq!(
            problem(r#"{"id": "a", "count": "many"}"#),
            JsonProblem::WrongType(Expected::Number)
        );
        assert_eq!(
            problem(r#"{"id": 3, "count": 1}"#),
            JsonProblem::WrongType(Expected::Text)
        );
        assert_eq!(
            problem(r#"{"id": "a", "count": 1, "list": {}}"#),
            JsonProblem::WrongType(Expected::List)
        );
        assert_eq!(problem(r#"["a"]"#), JsonProblem::WrongValue);
        assert_eq!(
            problem("{\n  \"id\": \"a\",\n  oops\n}"),
            JsonProblem::Syntax {
                line: Some(3),
                column: Some(3)
            }
        );
        assert!(matches!(problem(""), JsonProblem::Syntax { .. }));
    }

    #[test]
    fn deep_nesting_is_refused_before_reading() {
        let deep = format!("{}{}", "[".repeat(30_000), "]".repeat(30_000));
        assert_eq!(problem(&deep), JsonProblem::TooDeep { max: MAX_DEPTH });
        // Brackets in strings do not count.
        let quoted = format!(r#"{{"id": "{}", "count": 1}}"#, "[".repeat(100));
        assert!(from_str::<Shape>(&quoted).is_ok());
        assert_eq!(nesting_depth(r#"{"a": "\"[[[", "b": [[1]]}"#), 3);
    }

    #[test]
    fn browser_syntax_messages_are_placed() {
        let chrome =
            "Expected ',' or '}' after property value in JSON at position 20 (line 3 column 5)";
        assert_eq!(line_and_column(chrome), Some((3, 5)));
        let firefox = "JSON.parse: expected ',' or '}' after property value in object at line 2 column 9 of the JSON data";
        assert_eq!(line_and_column(firefox), Some((2, 9)));
        assert_eq!(
            line_and_column("Unexpected token 'o', \"oops\" is not valid JSON"),
            None
        );
        // serde-wasm-bindgen's errors are JavaScript errors.
        assert_eq!(
            classify("Error: invalid type: unit value, expected a string"),
            JsonProblem::WrongType(Expected::Text)
        );
        assert_eq!(
            classify("TypeError: Reflect.get called on non-object"),
            JsonProblem::WrongType(Expected::Object)
        );
    }
}
