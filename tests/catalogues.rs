//! The message catalogues (`i18n/*.json`) against the English one: every language has
//! every key, with the same placeholders and the plural forms its language needs; every
//! key is used somewhere in the widget (or by the build, for the loader's words).
// Native only: proptest and the catalogue files are not in the browser.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::Path;

use messaging_quota::text::catalogue::placeholders;
use messaging_quota::text::languages::LANGUAGES;
use messaging_quota::text::{Catalogue, Message, PluralCategory};

fn read(code: &str) -> Catalogue {
    let path = format!("i18n/{code}.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    Catalogue::from_json(&text).unwrap_or_else(|e| panic!("{path}: {e:?}"))
}

fn names(message: &Message) -> BTreeSet<String> {
    message
        .texts()
        .iter()
        .flat_map(|t| placeholders(t))
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_language_has_every_key_its_placeholders_and_its_plural_forms() {
    let english = Catalogue::english();
    for language in LANGUAGES.iter().skip(1) {
        let code = language.code;
        let catalogue = read(code);
        let extra: Vec<&str> = catalogue
            .keys()
            .filter(|k| english.get(k).is_none())
            .collect();
        assert!(extra.is_empty(), "{code}: keys English lacks: {extra:?}");
        for key in english.keys() {
            let theirs = catalogue
                .get(key)
                .unwrap_or_else(|| panic!("{code}: no `{key}`"));
            let ours = english.get(key).unwrap();
            match (ours, theirs) {
                (Message::Text(_), Message::Text(text)) => {
                    assert_eq!(names(theirs), names(ours), "{code}: `{key}`: {text}");
                }
                (Message::Plural(_), Message::Plural(forms)) => {
                    let written: BTreeSet<&str> = forms.iter().map(|(c, _)| c.id()).collect();
                    let needed: BTreeSet<&str> = language.plurals.iter().map(|c| c.id()).collect();
                    assert_eq!(written, needed, "{code}: `{key}`: plural forms");
                    // A form may leave the count out ("one message"), not add a name.
                    for (category, text) in forms {
                        let extra: Vec<&str> = placeholders(text)
                            .into_iter()
                            .filter(|n| !names(ours).contains(*n))
                            .collect();
                        assert!(extra.is_empty(), "{code}: `{key}` {category:?}: {extra:?}");
                    }
                    let other = theirs.form(PluralCategory::Other);
                    let mut expected = names(ours);
                    let mut got: BTreeSet<String> =
                        placeholders(other).into_iter().map(str::to_owned).collect();
                    // `count` may be implied by a form, but `other` names every value.
                    expected.remove("count");
                    got.remove("count");
                    assert_eq!(got, expected, "{code}: `{key}` other: {other}");
                }
                _ => panic!("{code}: `{key}`: a text in English is a text here, plural forms are plural forms"),
            }
        }
    }
}

/// Every `.rs` file under `dir`, read.
fn sources(dir: &Path, out: &mut String) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push_str(&std::fs::read_to_string(&path).unwrap());
        }
    }
}

#[test]
fn every_key_is_used() {
    let mut code = String::new();
    sources(Path::new("src"), &mut code);
    // The build gives the loader the words it shows before the wasm is there.
    sources(Path::new("xtask/src"), &mut code);
    let english = Catalogue::english();
    // The widget names a key by its constant (`key::PLAN_HEADING`); the build by its text.
    let unused: Vec<&str> = english
        .keys()
        .filter(|key| {
            let constant = key.replace(['.', '-'], "_").to_uppercase();
            !code.contains(&format!("key::{constant}")) && !code.contains(&format!("\"{key}\""))
        })
        .collect();
    assert!(unused.is_empty(), "keys no code names: {unused:?}");
}
