//! The npm package (`cargo xtask package [DIST] [OUT]`, run by scripts/package.sh): a
//! release build's files as a bundler finds them, into `target/npm/` (`npm pack` ready).
//!
//! - `index.js`: an ES module that defines `<messaging-quota>` and mounts every
//!   `[data-messaging-quota]` (embed/package.js), its files named from `import.meta.url`;
//! - `react.js`: the React component (embed/react.js);
//! - the content-named files of the build (the two wasm modules, bindings, stylesheet,
//!   worker, language files), beside the module, where `new URL("./…", import.meta.url)` finds them;
//! - the site's loader, reservation stylesheet and rule-set examples, for a page that takes
//!   the widget with a `<script>` from the package's folder;
//! - `index.d.ts`, `react.d.ts`, `messaging-quota.d.ts`, `custom-elements.json`, and
//!   `package.json`, `README.md`, `CHANGELOG.md`.

use std::collections::BTreeMap;
use std::path::Path;

use messaging_quota::host::reference::{attributes, EVENTS};
use serde::Deserialize;
use serde_json::json;

use crate::assets::Assets;
use crate::catalogues::LoaderWords;
use crate::loader::{self, Target};
use crate::sizes::Sizes;
use crate::{esbuild, Result};

/// The package's name on npm and in `import`.
pub const NAME: &str = "messaging-quota";

/// The build manifest as the site's build wrote it (`messaging-quota-build.json`).
#[derive(Deserialize)]
struct Manifest {
    assets: Assets,
}

/// The files of the release build in `dist`, as its manifest names them.
fn read_assets(dist: &Path) -> Result<Assets> {
    let path = dist.join(loader::MANIFEST);
    let text = std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "{}: {e} (build the site first: trunk build --release)",
            path.display()
        )
    })?;
    let Manifest { assets } = serde_json::from_str(&text)?;
    Ok(assets)
}

/// Copies `name` from `from` to `to`, its folders made.
fn copy(from: &Path, to: &Path, name: &str) -> Result {
    let target = to.join(name);
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::copy(from.join(name), &target).map_err(|e| format!("{name}: {e}"))?;
    Ok(())
}

/// `camelCase` for an attribute's name: `inmail-blocks` → `inmailBlocks`.
pub fn prop_name(attribute: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in attribute.chars() {
        if c == '-' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The React prop for an event: `messaging-quota:upgrade-click` → `onUpgradeClick`.
pub fn handler_name(event: &str) -> String {
    let name = event.strip_prefix("messaging-quota:").unwrap_or(event);
    let camel = prop_name(name);
    let mut chars = camel.chars();
    match chars.next() {
        Some(first) => format!("on{}{}", first.to_uppercase(), chars.as_str()),
        None => "on".to_owned(),
    }
}

/// A JSDoc comment, indented.
fn doc(text: &str, indent: &str) -> String {
    format!("{indent}/** {} */\n", text.replace("*/", "*\\/"))
}

/// `index.d.ts`: the element's declarations, and what the module exports.
fn index_declarations() -> String {
    "// Messaging Quota's module: importing it defines <messaging-quota>. Generated: do not edit.\n\
export * from \"./messaging-quota\";\n\n\
/** The widget's version: the crate's, the package's and the loader's. */\n\
export declare const version: string;\n\n\
/** The attributes <messaging-quota> reads. */\n\
export declare const attributes: readonly (keyof import(\"./messaging-quota\").MessagingQuotaAttributes)[];\n"
        .to_owned()
}

/// `server.d.ts`: `messaging-quota/server`'s functions (embed/server.js).
const SERVER_DECLARATIONS: &str = "// Messaging Quota drawn ahead of the page: the shadow root a <messaging-quota> holds in the HTML.\n\
import type { MessagingQuotaAttributes } from \"./messaging-quota\";\n\n\
/** The element's attributes: an object of them (as on the element), or [name, value] pairs. */\n\
export type Attributes = Partial<Record<keyof MessagingQuotaAttributes, string | number | boolean>> | [string, string][];\n\n\
export interface RenderOptions {\n\
  /** The page's language (`<html lang>`), for a widget without a `locale`. */\n\
  lang?: string;\n\
  /** `YYYY-MM-DD`: the day to draw a widget without a `today` for (default: this day). */\n\
  today?: string;\n\
  /** The text of the file its `rules-src` names, read ahead. */\n\
  rules?: string;\n\
  /** The text of the file its `messages-src` names, read ahead. */\n\
  messages?: string;\n\
}\n\n\
export interface Rendered {\n\
  /** `<template shadowrootmode=\"open\">…</template>`: the element's first child. */\n\
  html: string;\n\
  /** What it could not use (a bad attribute, a file it was not given), in words. */\n\
  problems: string[];\n\
}\n\n\
/** Renders a widget with these attributes ahead of the page. */\n\
export declare function render(attributes: Attributes, options?: RenderOptions): Promise<Rendered>;\n\
/** The shadow root's markup for a widget with these attributes (`render(…).html`). */\n\
export declare function renderToString(attributes: Attributes, options?: RenderOptions): Promise<string>;\n\
/** The `style-src` source a Content Security Policy needs for the drawing's styles. */\n\
export declare const styleHash: string;\n\
/** The build the markup is of. */\n\
export declare const build: string;\n";

/// `react.d.ts`: the component's props, one per attribute and one per event.
fn react_declarations() -> String {
    let mut out = String::from(
        "// Messaging Quota for React: <MessagingQuota tier=\"premium\" onChange={…} />.\n\
// Generated from the widget's attributes and events: do not edit.\n\
import type { CSSProperties, ForwardRefExoticComponent, RefAttributes } from \"react\";\n\
import type { MessagingQuotaElement, MessagingQuotaEventMap } from \"./messaging-quota\";\n\n\
/** A callback for one of the widget's events: its detail, and the event itself. */\n\
export type MessagingQuotaHandler<K extends keyof MessagingQuotaEventMap> =\n\
  (detail: MessagingQuotaEventMap[K][\"detail\"], event: MessagingQuotaEventMap[K]) => void;\n\n\
/** The props of <MessagingQuota>: each attribute of <messaging-quota>, camelCased. */\n\
export interface MessagingQuotaProps {\n",
    );
    for a in attributes() {
        out.push_str(&doc(
            &format!("`{}`: {} Default: {}.", a.name, a.values, a.default),
            "  ",
        ));
        out.push_str(&format!("  {}?: {};\n", prop_name(&a.name), a.ts_type));
    }
    for e in EVENTS {
        out.push_str(&doc(&format!("`{}`: {}", e.name, e.description), "  "));
        out.push_str(&format!(
            "  {}?: MessagingQuotaHandler<{:?}>;\n",
            handler_name(e.name),
            e.name
        ));
    }
    out.push_str(
        "  /** The shadow root drawn ahead of the page (`renderToString` of `messaging-quota/server`, with the same attributes): rendered into the element on the server, so its figures show before any script runs. */\n\
  shadow?: string;\n\
  id?: string;\n  className?: string;\n  style?: CSSProperties;\n}\n\n\
/** <messaging-quota> as a React component; its ref is the element. */\n\
export declare const MessagingQuota: ForwardRefExoticComponent<MessagingQuotaProps & RefAttributes<MessagingQuotaElement>>;\n\
export default MessagingQuota;\n",
    );
    out
}

/// The React component's table of props: attribute and event names by prop.
fn react_names() -> String {
    let props: BTreeMap<String, String> = attributes()
        .into_iter()
        .map(|a| (prop_name(&a.name), a.name))
        .collect();
    let handlers: BTreeMap<String, &str> = EVENTS
        .iter()
        .map(|e| (handler_name(e.name), e.name))
        .collect();
    format!(
        "// Generated by `cargo xtask package`: do not edit.\nexport const PROPS = {};\nexport const HANDLERS = {};\n",
        json!(props),
        json!(handlers)
    )
}

/// `package.json`.
fn package_json() -> String {
    let manifest = json!({
        "name": NAME,
        "version": messaging_quota::VERSION,
        "description": "LinkedIn-style messaging quotas and pricing as an embeddable widget: <messaging-quota>, a React component, a script tag.",
        "keywords": ["web-component", "custom-element", "pricing-table", "react", "webassembly", "linkedin"],
        "license": "UNLICENSED",
        "type": "module",
        "main": "./index.js",
        "module": "./index.js",
        "types": "./index.d.ts",
        "exports": {
            ".": { "types": "./index.d.ts", "default": "./index.js" },
            "./react": { "types": "./react.d.ts", "default": "./react.js" },
            "./server": { "types": "./server.d.ts", "default": "./server.js" },
            "./messaging-quota.js": "./messaging-quota.js",
            "./custom-elements.json": "./custom-elements.json",
            "./package.json": "./package.json"
        },
        "bin": { "messaging-quota": "./cli.js" },
        "customElements": "custom-elements.json",
        "sideEffects": ["./index.js", "./react.js", "./messaging-quota.js"],
        "peerDependencies": { "react": ">=18" },
        "peerDependenciesMeta": { "react": { "optional": true } }
    });
    serde_json::to_string_pretty(&manifest).unwrap_or_default() + "\n"
}

/// Builds the package from the release build in `dist` into `out`.
pub fn build(
    root: &Path,
    dist: &Path,
    out: &Path,
    sizes: &Sizes,
    words: &BTreeMap<&str, LoaderWords>,
) -> Result {
    let assets = read_assets(dist)?;
    if out.exists() {
        std::fs::remove_dir_all(out)?;
    }
    std::fs::create_dir_all(out)?;
    let mut files = vec![
        assets.wasm.clone(),
        assets.script.clone(),
        assets.stylesheet.clone(),
        assets.worker.clone(),
        assets.later.clone(),
        "i18n/en.json".to_owned(),
        "messaging-quota.js".to_owned(),
        loader::MANIFEST.to_owned(),
        "messaging-quota-reserve.css".to_owned(),
        "messaging-quota.d.ts".to_owned(),
        "custom-elements.json".to_owned(),
    ];
    files.extend(assets.words.values().cloned());
    for entry in std::fs::read_dir(dist.join("rules"))? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if name.ends_with(".json") {
            files.push(format!("rules/{name}"));
        }
    }
    for file in &files {
        copy(dist, out, file)?;
    }

    let work = root.join("target/xtask");
    std::fs::create_dir_all(&work)?;
    let data = work.join("package-build.js");
    std::fs::write(
        &data,
        loader::build_module(&assets, sizes, words, Target::Package)?,
    )?;
    let names = work.join("react-names.js");
    std::fs::write(&names, react_names())?;
    let module = [
        "--bundle".to_owned(),
        "--format=esm".to_owned(),
        format!("--alias:@messaging-quota/build={}", data.display()),
    ];
    esbuild::run_readable(
        &root.join("embed/package.js"),
        &module,
        &out.join("index.js"),
        "bundle the package's module",
    )?;
    // The component imports React and the package's own module, as a host's bundler
    // resolves them: both stay imports.
    let react = [
        "--bundle".to_owned(),
        "--format=esm".to_owned(),
        "--external:react".to_owned(),
        "--external:./index.js".to_owned(),
        format!("--alias:@messaging-quota/react-names={}", names.display()),
    ];
    esbuild::run_readable(
        &root.join("embed/react.js"),
        &react,
        &out.join("react.js"),
        "bundle the React component",
    )?;

    // The server renderer and the prerender command (xtask/src/server.rs), as the build made them.
    let server = crate::server::out_dir(root);
    for file in [crate::server::SERVER, crate::server::CLI] {
        std::fs::copy(server.join(file), out.join(file)).map_err(|e| {
            format!("{file}: {e} (the server renderer is built with the release build)")
        })?;
    }
    std::fs::write(out.join("server.d.ts"), SERVER_DECLARATIONS)?;
    std::fs::write(out.join("index.d.ts"), index_declarations())?;
    std::fs::write(out.join("react.d.ts"), react_declarations())?;
    std::fs::write(out.join("package.json"), package_json())?;
    std::fs::copy(root.join("embed/PACKAGE.md"), out.join("README.md"))?;
    std::fs::copy(root.join("CHANGELOG.md"), out.join("CHANGELOG.md"))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn props_are_the_attributes_camel_cased() {
        assert_eq!(prop_name("inmail-blocks"), "inmailBlocks");
        assert_eq!(prop_name("tier"), "tier");
        assert_eq!(
            handler_name("messaging-quota:upgrade-click"),
            "onUpgradeClick"
        );
        assert_eq!(handler_name("messaging-quota:ready"), "onReady");
    }

    #[test]
    fn the_component_types_every_attribute_and_event() {
        let d = react_declarations();
        assert!(d.contains("  inmailBlocks?: "), "{d}");
        assert!(
            d.contains("  onChange?: MessagingQuotaHandler<\"messaging-quota:change\">;"),
            "{d}"
        );
        assert!(d.contains("  onCheckout?: "), "{d}");
        for a in attributes() {
            assert!(
                d.contains(&format!("  {}?: ", prop_name(&a.name))),
                "{}",
                a.name
            );
        }
    }

    #[test]
    fn the_manifest_names_the_entries() {
        let p: serde_json::Value = serde_json::from_str(&package_json()).unwrap();
        assert_eq!(p["version"], messaging_quota::VERSION);
        assert_eq!(p["exports"]["./react"]["default"], "./react.js");
        assert_eq!(p["customElements"], "custom-elements.json");
        assert_eq!(p["exports"]["./server"]["default"], "./server.js");
        assert_eq!(p["bin"]["messaging-quota"], "./cli.js");
    }
}
