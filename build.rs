//! Compiles the English message catalogue (`i18n/en.json`) into the widget as a sorted
//! table, so the built-in language costs no parsing when a widget starts. Other languages
//! are data files read at run time.

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
    let path = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("english.rs");
    std::fs::write(path, out).expect("OUT_DIR is writable");
}
