//! The loader (`messaging-quota.js`): its logic is `embed/` (hand-written modules); what it
//! knows of the build is generated here into a module of its own, and esbuild bundles both
//! into one small classic script. The data: the content names of this build's files, the
//! attributes the widget reads, its parts, the words it shows before the wasm is there,
//! which languages run right to left, and the skeleton's sizing rules.

use std::collections::BTreeMap;
use std::path::Path;

use messaging_quota::host::params::PARAMS;
use messaging_quota::host::parts::Part;
use messaging_quota::host::reference::{attributes, CSS_PROPERTIES};
use messaging_quota::text::languages::RIGHT_TO_LEFT;
use serde_json::json;

use crate::assets::Assets;
use crate::catalogues::LoaderWords;
use crate::esbuild;
use crate::sizes::Sizes;
use crate::Result;

/// The build manifest's name, beside the loader. Served `no-cache`, it names the current
/// build's files: a loader whose files are gone after a redeploy learns the new names from it.
pub const MANIFEST: &str = "messaging-quota-build.json";

/// This build's files as the loader names them.
fn asset_names(assets: &Assets) -> serde_json::Value {
    json!({
        "wasm": assets.wasm,
        "script": assets.script,
        "stylesheet": assets.stylesheet,
        "stylesheetIntegrity": assets.stylesheet_integrity,
        "worker": assets.worker,
        "later": assets.later,
        "words": assets.words,
    })
}

/// This build's id: a hash of its files' names, which are hashes of their contents.
pub fn build_id(assets: &Assets) -> String {
    crate::assets::content_hash(asset_names(assets).to_string().as_bytes())
}

/// The build manifest (`messaging-quota-build.json`): the build's id and its files, and the
/// `style-src` hash a Content Security Policy needs for the widgets it drew ahead, if any.
pub fn manifest(assets: &Assets, style_hash: Option<&str>) -> String {
    let mut manifest = json!({ "build": build_id(assets), "assets": asset_names(assets) });
    if let Some(hash) = style_hash {
        manifest["styleHash"] = json!(hash);
    }
    serde_json::to_string_pretty(&manifest).unwrap_or_default() + "\n"
}

/// What a build module is for: the site's loader, whose files sit beside it under their
/// names; or the npm package's module, whose files a bundler must find and copy.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Site,
    Package,
}

/// A file name as the package's module writes it: a literal `new URL("./…", import.meta.url)`,
/// the form bundlers (Vite, webpack, Rollup, Parcel) copy the file for and rewrite.
fn bundled_url(name: &str) -> String {
    format!("new URL({:?}, import.meta.url).href", format!("./{name}"))
}

/// This build's files, as JavaScript: names relative to the loader for the site; for the
/// package, URLs a bundler resolves.
fn assets_js(assets: &Assets, target: Target) -> String {
    match target {
        Target::Site => asset_names(assets).to_string(),
        Target::Package => {
            let words: Vec<String> = assets
                .words
                .iter()
                .map(|(code, file)| format!("{code:?}: {}", bundled_url(file)))
                .collect();
            format!(
                "{{ wasm: {}, script: {}, stylesheet: {}, stylesheetIntegrity: {:?}, worker: {}, later: {}, words: {{ {} }} }}",
                bundled_url(&assets.wasm),
                bundled_url(&assets.script),
                bundled_url(&assets.stylesheet),
                assets.stylesheet_integrity,
                bundled_url(&assets.worker),
                bundled_url(&assets.later),
                words.join(", ")
            )
        }
    }
}

/// The module the loader imports as `@messaging-quota/build`, for `target`.
pub fn build_module(
    assets: &Assets,
    sizes: &Sizes,
    words: &BTreeMap<&str, LoaderWords>,
    target: Target,
) -> Result<String> {
    let attributes: Vec<String> = attributes().into_iter().map(|a| a.name).collect();
    let build = build_id(assets);
    let manifest = match target {
        Target::Site => json!(MANIFEST),
        Target::Package => json!(null),
    };
    let exports = [
        (
            "VERSION",
            "The widget's version: the crate's, the package's and the loader's.",
            json!(messaging_quota::VERSION),
        ),
        (
            "BUILD",
            "This build's id (the build manifest's `build`).",
            json!(build),
        ),
        (
            "MANIFEST",
            "The build manifest's name, beside the loader (none in the package: the app that bundles it owns its deploys).",
            manifest,
        ),
        (
            "ASSETS",
            "This build's files, named by their content, relative to the loader.",
            serde_json::Value::Null,
        ),
        (
            "ATTRIBUTES",
            "The attributes the widget reads (src/host/reference.rs).",
            json!(attributes),
        ),
        (
            "PARTS",
            "The widget's parts, in the order they show, as `sections` names them.",
            json!(Part::names()),
        ),
        (
            "FLAGGED_PARTS",
            "The parts an attribute of the same name turns on, off by default.",
            json!(Part::flagged_names()),
        ),
        (
            "WORDS",
            "The skeleton's label and the load failure's words, by language (i18n/).",
            json!(words),
        ),
        (
            "RIGHT_TO_LEFT",
            "Languages written right to left (src/text/languages.rs).",
            json!(RIGHT_TO_LEFT),
        ),
        (
            "THEME",
            "Each theming property as the widget's stylesheet reads it, with its default (src/host/reference.rs).",
            json!(CSS_PROPERTIES
                .iter()
                .map(|p| (p.name.to_owned(), json!(p.read())))
                .collect::<serde_json::Map<_, _>>()),
        ),
        (
            "BOX_CSS",
            "The widget's box in its shadow root and each part's height by container width and language (embed/sizes.json).",
            json!(sizes.box_css()?),
        ),
        (
            "PARAMS",
            "The widget's URL parameters (src/host/params.rs): a link that carries one applies to a widget that keeps the URL.",
            json!(PARAMS.iter().map(|p| p.name).collect::<Vec<_>>()),
        ),
    ];
    let mut out = String::from("// Generated by `cargo xtask dist` for one build: do not edit.\n");
    for (name, doc, value) in exports {
        let value = match name {
            "ASSETS" => assets_js(assets, target),
            _ => value.to_string(),
        };
        out.push_str(&format!("/** {doc} */\nexport const {name} = {value};\n"));
    }
    Ok(out)
}

/// Writes `dir/messaging-quota.js`: the loader's modules and this build's data, bundled.
pub fn write(
    root: &Path,
    dir: &Path,
    assets: &Assets,
    sizes: &Sizes,
    words: &BTreeMap<&str, LoaderWords>,
) -> Result {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| root.join("target"))
        .join("xtask");
    std::fs::create_dir_all(&target)?;
    let data = target.join("build.js");
    std::fs::write(&data, build_module(assets, sizes, words, Target::Site)?)?;
    let options = [
        "--bundle".to_owned(),
        "--format=iife".to_owned(),
        format!("--alias:@messaging-quota/build={}", data.display()),
    ];
    esbuild::run(
        &root.join("embed/messaging-quota.js"),
        &options,
        &dir.join("messaging-quota.js"),
        "bundle the loader",
    )
}
