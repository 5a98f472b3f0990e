//! Content-named assets: every file the loader loads is renamed to carry a hash of its
//! bytes (`messaging-quota.css` → `messaging-quota-3f2a9c0d1e7b4a56.css`), so a cache can
//! keep it for a year and a returning visitor can never pair two builds' files. The
//! standalone page (`index.html`) is pointed at the new names.

use std::collections::BTreeMap;
use std::path::Path;

use base64::Engine;
use sha2::{Digest, Sha256, Sha384};

use crate::Result;

/// The wasm-bindgen bindings and binary, as trunk writes them (`data-target-path="wasm"`).
const SCRIPT: &str = "wasm/messaging-quota.js";
const WASM: &str = "wasm/messaging-quota_bg.wasm";
const STYLESHEET: &str = "messaging-quota.css";
const WORKER: &str = "messaging-quota-intl.js";
const CATALOGUES: &str = "i18n";

/// Where each file the loader loads went, relative to the loader; read back from the build
/// manifest (its `assets`, in the loader's camelCase) by `cargo xtask package`.
#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Assets {
    pub wasm: String,
    pub script: String,
    pub stylesheet: String,
    /// Subresource Integrity of the stylesheet (`sha384-…`), which the loader checks.
    pub stylesheet_integrity: String,
    pub worker: String,
    /// The later sections' wasm module (xtask/src/split.rs), which the bindings fetch.
    pub later: String,
    /// The language files by language code. English is built in; `i18n/en.json` stays
    /// under its own name as a starting point for a host's catalogue.
    pub words: BTreeMap<String, String>,
}

/// The first 16 hex digits of the SHA-256 of `bytes`: 64 bits, plenty to tell builds apart.
pub fn content_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `dir/stem.ext` → `dir/stem-HASH.ext`.
pub fn content_name(path: &str, bytes: &[u8]) -> String {
    let (dir, file) = path.rsplit_once('/').map_or(("", path), |(d, f)| (d, f));
    let (stem, ext) = file.split_once('.').unwrap_or((file, ""));
    let hashed = format!("{stem}-{}.{ext}", content_hash(bytes));
    if dir.is_empty() {
        hashed
    } else {
        format!("{dir}/{hashed}")
    }
}

/// `sha384-…`, as an `integrity` attribute or fetch option takes it.
pub fn integrity(bytes: &[u8]) -> String {
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes))
    )
}

/// Renames `dir/path` to its content name; returns the new path and the bytes.
fn rename(dir: &Path, path: &str) -> Result<(String, Vec<u8>)> {
    let bytes = std::fs::read(dir.join(path)).map_err(|e| format!("{path}: {e}"))?;
    let named = content_name(path, &bytes);
    std::fs::rename(dir.join(path), dir.join(&named))?;
    Ok((named, bytes))
}

/// Names every asset in `dir` by its content and points `index.html` at the new names;
/// `later` is the later module, already named by its content (its name is in the bindings).
pub fn name_by_content(dir: &Path, later: String) -> Result<Assets> {
    let (wasm, _) = rename(dir, WASM)?;
    let (script, _) = rename(dir, SCRIPT)?;
    let (stylesheet, css) = rename(dir, STYLESHEET)?;
    let (worker, _) = rename(dir, WORKER)?;
    let mut words = BTreeMap::new();
    for entry in std::fs::read_dir(dir.join(CATALOGUES))? {
        let file = entry?.file_name().to_string_lossy().into_owned();
        let Some(code) = file.strip_suffix(".json") else {
            continue;
        };
        if code != "en" {
            let (named, _) = rename(dir, &format!("{CATALOGUES}/{file}"))?;
            words.insert(code.to_owned(), named);
        }
    }
    let assets = Assets {
        wasm,
        script,
        stylesheet_integrity: integrity(&css),
        stylesheet,
        worker,
        later,
        words,
    };
    point_page_at(&dir.join("index.html"), &assets)?;
    Ok(assets)
}

/// The standalone page preloads the bindings, the binary and the stylesheet: under their
/// new names, and the stylesheet as the fetch the loader makes (with its integrity), so the
/// loader's request is the preloaded one.
fn point_page_at(page: &Path, assets: &Assets) -> Result {
    let mut html = std::fs::read_to_string(page)?;
    for (old, new) in [(SCRIPT, &assets.script), (WASM, &assets.wasm)] {
        if !html.contains(old) {
            return Err(format!("index.html does not name {old}").into());
        }
        html = html.replace(old, new);
    }
    let at = html
        .find(STYLESHEET)
        .ok_or("index.html does not link the stylesheet")?;
    let start = html[..at]
        .rfind("<link")
        .ok_or("the stylesheet is not in a <link>")?;
    let end = at + html[at..].find('>').ok_or("unclosed <link>")? + 1;
    let href_start = html[start..at]
        .rfind("href=")
        .map(|i| start + i + "href=".len())
        .ok_or("the stylesheet link has no href")?;
    let prefix = html[href_start..at].trim_start_matches(['"', '\'']);
    let preload = format!(
        r#"<link rel="preload" as="fetch" crossorigin href="{prefix}{}" integrity="{}">"#,
        assets.stylesheet, assets.stylesheet_integrity
    );
    html.replace_range(start..end, &preload);
    std::fs::write(page, html)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_follows_the_content() {
        let a = content_name("wasm/messaging-quota_bg.wasm", b"\0asm one build");
        let b = content_name("wasm/messaging-quota_bg.wasm", b"\0asm another build");
        assert_ne!(
            a, b,
            "two builds that differ in the wasm differ in its name"
        );
        assert_eq!(
            a,
            content_name("wasm/messaging-quota_bg.wasm", b"\0asm one build"),
            "the same bytes keep their name"
        );
        assert!(
            a.starts_with("wasm/messaging-quota_bg-") && a.ends_with(".wasm"),
            "{a}"
        );
        assert_eq!(
            content_name("i18n/de.json", b"{}").len(),
            "i18n/de-".len() + 16 + 5
        );
    }

    #[test]
    fn integrity_is_sri() {
        // `printf 'body{}' | openssl dgst -sha384 -binary | base64`
        assert_eq!(
            integrity(b"body{}"),
            "sha384-myyg/hQ74aSgjBBvVME/QXAXEkT4Y9dHbVQ5C0lIyGpldvNLJV2IWc5ElXbqLi06"
        );
    }
}
