//! Message catalogues: every word the widget shows, by key, as JSON (serde). A message is
//! text with named placeholders (`{count}`), or one text per plural form (`one`, `few`,
//! `other`…), the form chosen by `Intl.PluralRules` for the count.

use std::rc::Rc;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};

use super::format::PluralCategory;

/// The English catalogue as written (`i18n/en.json`), for tests that compare it.
#[cfg(test)]
pub const ENGLISH_JSON: &str = include_str!("../../i18n/en.json");

/// An English message as compiled in by `build.rs`.
enum EnglishMessage {
    Text(&'static str),
    Plural(&'static [(&'static str, &'static str)]),
}

/// The English catalogue, built in (the fallback for every key), sorted by key.
/// A message key of the catalogue: one of the [`key`] constants, which the build writes
/// from `i18n/en.json`, so every key the widget asks for is one English has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key(&'static str);

impl Key {
    /// The key as catalogues write it: `plan.heading`.
    pub fn id(self) -> &'static str {
        self.0
    }
}

/// Every message key, as a constant.
pub mod key {
    use super::Key;
    include!(concat!(env!("OUT_DIR"), "/keys.rs"));
}

static ENGLISH: &[(&str, EnglishMessage)] = include!(concat!(env!("OUT_DIR"), "/english.rs"));

/// One message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Message {
    Text(Rc<str>),
    /// One text per plural form; `other` is always there.
    Plural(Vec<(PluralCategory, Rc<str>)>),
}

impl Message {
    /// The text for a count's plural form (`other` when the form is missing).
    pub fn form(&self, category: PluralCategory) -> &Rc<str> {
        match self {
            Message::Text(text) => text,
            Message::Plural(forms) => forms
                .iter()
                .find(|(c, _)| *c == category)
                .or_else(|| forms.iter().find(|(c, _)| *c == PluralCategory::Other))
                .map(|(_, text)| text)
                .unwrap_or(&forms[0].1),
        }
    }

    /// Every text of the message.
    pub fn texts(&self) -> Vec<&str> {
        match self {
            Message::Text(text) => vec![text],
            Message::Plural(forms) => forms.iter().map(|(_, t)| &**t).collect(),
        }
    }
}

impl<'de> Deserialize<'de> for Message {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Message, D::Error> {
        struct MessageVisitor;
        impl<'de> Visitor<'de> for MessageVisitor {
            type Value = Message;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a text, or an object of plural forms")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Message, E> {
                Ok(Message::Text(v.into()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Message, A::Error> {
                let mut forms = Vec::new();
                while let Some((form, text)) = map.next_entry::<String, String>()? {
                    let category = PluralCategory::from_id(&form).ok_or_else(|| {
                        serde::de::Error::custom(format!("unknown plural form `{form}`"))
                    })?;
                    forms.push((category, Rc::from(text)));
                }
                if !forms.iter().any(|(c, _)| *c == PluralCategory::Other) {
                    return Err(serde::de::Error::custom("plural forms need `other`"));
                }
                Ok(Message::Plural(forms))
            }
        }
        deserializer.deserialize_any(MessageVisitor)
    }
}

/// Every message of one language, sorted by key (a sorted list costs the wasm a fraction
/// of a map).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Catalogue {
    messages: Vec<(String, Message)>,
}

/// A JSON object of keys and messages, read in order.
struct Entries(Vec<(String, Message)>);

impl<'de> Deserialize<'de> for Entries {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Entries, D::Error> {
        struct EntriesVisitor;
        impl<'de> Visitor<'de> for EntriesVisitor {
            type Value = Entries;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of messages")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry::<String, Message>()? {
                    entries.push(entry);
                }
                Ok(Entries(entries))
            }
        }
        deserializer.deserialize_map(EntriesVisitor)
    }
}

impl Catalogue {
    /// Reads a catalogue: a JSON object of keys and messages.
    pub fn from_json(text: &str) -> Result<Catalogue, crate::json::JsonError> {
        let Entries(entries) = crate::json::from_str(text)?;
        let mut messages: Vec<(String, Message)> = Vec::with_capacity(entries.len());
        for (key, message) in entries {
            match messages.binary_search_by(|(k, _)| k.cmp(&key)) {
                // A key written twice: the last one counts, as in a JSON object.
                Ok(at) => messages[at].1 = message,
                Err(at) => messages.insert(at, (key, message)),
            }
        }
        Ok(Catalogue { messages })
    }

    /// The built-in English catalogue.
    pub fn english() -> Catalogue {
        let messages = ENGLISH
            .iter()
            .map(|(key, message)| {
                let message = match message {
                    EnglishMessage::Text(text) => Message::Text(Rc::from(*text)),
                    EnglishMessage::Plural(forms) => Message::Plural(
                        forms
                            .iter()
                            .filter_map(|(form, text)| {
                                Some((PluralCategory::from_id(form)?, Rc::from(*text)))
                            })
                            .collect(),
                    ),
                };
                ((*key).to_owned(), message)
            })
            .collect();
        Catalogue { messages }
    }

    /// The built-in English catalogue, read once per thread and shared.
    pub fn english_shared() -> Rc<Catalogue> {
        thread_local! {
            static ENGLISH: Rc<Catalogue> = Rc::new(Catalogue::english());
        }
        ENGLISH.with(Rc::clone)
    }

    pub fn get(&self, key: &str) -> Option<&Message> {
        let at = self
            .messages
            .binary_search_by(|(k, _)| k.as_str().cmp(key))
            .ok()?;
        Some(&self.messages[at].1)
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.messages.iter().map(|(k, _)| k.as_str())
    }

    /// Feeds every key and its words to `hasher`, in key order.
    pub fn fingerprint(&self, hasher: &mut impl std::hash::Hasher) {
        use std::hash::Hash;
        for (key, message) in &self.messages {
            key.hash(hasher);
            message.texts().hash(hasher);
        }
    }
}

/// Fills `{name}` placeholders from `args`; an unknown name is left as it is. (Written here:
/// browsers have no message formatter yet, and the ICU crates are many times this widget.)
pub fn fill<V: AsRef<str>>(template: &str, args: &[(&str, V)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(value.as_ref()),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}` placeholders of a text, in order.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        names.push(&after[..close]);
        rest = &after[close + 1..];
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_english_is_the_file() {
        let en = Catalogue::english();
        assert_eq!(en, Catalogue::from_json(ENGLISH_JSON).unwrap());
        assert!(en.keys().count() > 100);
        let keys: Vec<&str> = en.keys().collect();
        assert!(keys.windows(2).all(|w| w[0] < w[1]), "sorted, for lookups");
    }

    #[test]
    fn fills_placeholders() {
        assert_eq!(
            fill("{a} and {b}", &[("a", "1"), ("b", "<2>")]),
            "1 and <2>"
        );
        assert_eq!(fill::<&str>("{missing} {", &[]), "{missing} {");
        assert_eq!(placeholders("{a} of {b}"), ["a", "b"]);
    }

    #[test]
    fn plural_forms() {
        let c = Catalogue::from_json(r#"{"n": {"one": "{n} day", "other": "{n} days"}}"#).unwrap();
        let m = c.get("n").unwrap();
        assert_eq!(&**m.form(PluralCategory::One), "{n} day");
        assert_eq!(
            &**m.form(PluralCategory::Few),
            "{n} days",
            "other stands in"
        );
        assert!(Catalogue::from_json(r#"{"n": {"one": "x"}}"#).is_err());
        assert!(Catalogue::from_json(r#"{"n": {"lots": "x", "other": "y"}}"#).is_err());
    }
}
