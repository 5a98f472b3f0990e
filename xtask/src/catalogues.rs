//! The words the loader shows before the wasm is there (the skeleton's busy label, and what
//! it says when loading fails), in every language the widget speaks, read from the message
//! catalogues: the loader carries them so a visitor reads them in the widget's language.

use std::collections::BTreeMap;
use std::path::Path;

use messaging_quota::text::languages::LANGUAGES;
use serde::Serialize;

use crate::Result;

/// The catalogue keys the loader needs.
pub const KEYS: [&str; 4] = [
    "skeleton.label",
    "load.failed",
    "load.retry",
    "load.updated",
];

/// One language's loader words.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct LoaderWords {
    /// The skeleton's `aria-label` while it loads.
    pub busy: String,
    /// The message when loading failed.
    pub failed: String,
    /// The Retry button.
    pub retry: String,
    /// While a widget whose files were replaced by a new build loads the new ones.
    pub updated: String,
}

/// Loader words by language code, for every built-in language.
pub fn loader_words(root: &Path) -> Result<BTreeMap<&'static str, LoaderWords>> {
    let mut out = BTreeMap::new();
    for language in LANGUAGES.iter() {
        let path = root.join(format!("i18n/{}.json", language.code));
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let catalogue: BTreeMap<String, serde_json::Value> = serde_json::from_str(&text)?;
        let word = |key: &str| -> Result<String> {
            catalogue
                .get(key)
                .and_then(|v| v.as_str())
                .map(str::to_owned)
                .ok_or_else(|| format!("{}: {key} is missing or not text", path.display()).into())
        };
        out.insert(
            language.code,
            LoaderWords {
                busy: word(KEYS[0])?,
                failed: word(KEYS[1])?,
                retry: word(KEYS[2])?,
                updated: word(KEYS[3])?,
            },
        );
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_its_loader_words() {
        let words = loader_words(&crate::root()).unwrap();
        assert_eq!(words.len(), LANGUAGES.len());
        assert_eq!(words["en"].busy, "Loading the messaging quota calculator");
        assert_ne!(words["de"].retry, words["en"].retry, "German has its own");
    }
}
