//! Compiles the English message catalogue (`i18n/en.json`) into the widget as a sorted
//! table, so the built-in language costs no parsing when a widget starts, and writes a
//! constant per message key (`key::PLAN_HEADING`), so a misspelt key does not compile.
//! Other languages are data files read at run time.

use std::fmt::Write;

fn main() {
    println!("cargo:rerun-if-changed=i18n/en.json");
    let text = std::fs::read_to_string("i18n/en.json").expect("i18n/en.json is readable");
    let messages: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&text).expect("i18n/en.json is a JSON object");
    let mut keys: Vec<&String> = messages.keys().collect();
    keys.sort();
    let mut out = String::from("&[\n");
    for key in keys {
        match &messages[key] {
            serde_json::Value::String(s) => {
                writeln!(out, "    ({key:?}, EnglishMessage::Text({s:?})),").unwrap();
            }
            serde_json::Value::Object(forms) => {
                assert!(
                    forms.contains_key("other"),
                    "{key}: plural forms need `other`"
                );
                let forms: Vec<String> = forms
                    .iter()
                    .map(|(form, text)| {
                        format!(
                            "({form:?}, {:?})",
                            text.as_str().expect("a plural form is text")
                        )
                    })
                    .collect();
                writeln!(
                    out,
                    "    ({key:?}, EnglishMessage::Plural(&[{}])),",
                    forms.join(", ")
                )
                .unwrap();
            }
            other => panic!("{key}: a message is text or plural forms, not {other}"),
        }
    }
    out.push(']');
    let dir = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap());
    std::fs::write(dir.join("english.rs"), out).expect("OUT_DIR is writable");
    std::fs::write(dir.join("keys.rs"), key_constants(&messages)).expect("OUT_DIR is writable");
}

/// `pub const PLAN_HEADING: Key = Key("plan.heading");`, a line per key.
fn key_constants(messages: &serde_json::Map<String, serde_json::Value>) -> String {
    let mut out = String::new();
    let mut names: Vec<String> = Vec::new();
    for key in messages.keys() {
        let name = key.replace(['.', '-'], "_").to_uppercase();
        assert!(
            !names.contains(&name),
            "{key}: its constant {name} is another key's"
        );
        let plural = messages[key].is_object();
        writeln!(
            out,
            "/// `{key}`{}\npub const {name}: Key = Key({key:?});",
            if plural { " (plural forms)" } else { "" }
        )
        .unwrap();
        names.push(name);
    }
    out
}
