//! The wasm in two parts: the first view's code, and the later sections' (their split point
//! is `later_views` in src/ui/later.rs). trunk 0.21 runs cargo, wasm-bindgen and wasm-opt
//! in one step with nothing between them, so its rust step only compiles here (its
//! wasm-opt is off in index.html) and this replaces what it wrote:
//!
//! 1. `wasm_split_cli_support` splits cargo's wasm at its split points (it reads the
//!    relocations the linker keeps: `--emit-relocs`, set by build.rs), writing the main
//!    module, the later module and the JS that fetches the later one;
//! 2. wasm-bindgen writes the bindings of the main module, as trunk would;
//! 3. wasm-opt optimizes each module;
//! 4. esbuild bundles the bindings with the later module's fetcher (they import each other)
//!    into the one bindings module the loader imports.
//!
//! The later module is named by its content before the bindings are, and its name is written
//! into them: the loader names its URL (`locateLater`), or it is looked for beside them.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::assets::content_name;
use crate::{esbuild, Result};

/// The bindings trunk writes (`data-target-path="wasm"`), which this replaces.
const BINDINGS: &str = "messaging-quota.js";
const MAIN: &str = "messaging-quota_bg.wasm";
/// The later module's fetcher, as the main module imports it.
const FETCHER: &str = "./messaging-quota-split.js";
/// The later module, before it is named by its content.
const LATER: &str = "wasm/messaging-quota-later.wasm";

/// Where the loader says the later module is (`locateLater(url)`, before the first use).
const LOCATE: &str = "let laterUrl;\nexport function locateLater(url) { laterUrl = url; }";

/// The bindings module the loader imports: wasm-bindgen's, and the fetcher's `locateLater`.
const ENTRY: &str = "export * from './messaging-quota.js';\nexport { default } from './messaging-quota.js';\nexport { locateLater } from './messaging-quota-split.js';\n";

/// wasm-opt's settings for every module: smallest code; `--low-memory-unused` lets it fold
/// constant addresses (nothing lives in the first 1 KiB); `--converge` repeats until nothing
/// shrinks; one-caller inlining only of small functions (inlining every one-caller function
/// grows the gzip size by 25 KB: duplicated bodies compress worse).
pub const WASM_OPT: [&str; 4] = [
    "-Oz",
    "--low-memory-unused",
    "--converge",
    "--one-caller-inline-max-function-size=20",
];

/// The wasm features today's Rust emits for wasm32-unknown-unknown, which wasm-opt may keep.
pub const FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-mutable-globals",
    "--enable-multivalue",
    "--enable-nontrapping-float-to-int",
    "--enable-reference-types",
    "--enable-sign-ext",
];

/// cargo's wasm of the widget for trunk's profile (`TRUNK_PROFILE`).
fn cargo_wasm(root: &Path) -> PathBuf {
    let profile = std::env::var("TRUNK_PROFILE").unwrap_or_else(|_| "release".to_owned());
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from);
    target
        .join("wasm32-unknown-unknown")
        .join(profile)
        .join("messaging_quota.wasm")
}

/// Runs a build tool, its failure said with what installs it.
pub fn run(command: &mut Command, what: &str) -> Result {
    let status = command
        .status()
        .map_err(|e| format!("{what} could not start ({e}): scripts/setup.sh installs it"))?;
    if !status.success() {
        return Err(format!("{what} failed").into());
    }
    Ok(())
}

/// Splits the build in `dir` (trunk's staging directory) into the main module and the later
/// one; returns the later module's content name.
pub fn split(root: &Path, dir: &Path) -> Result<String> {
    let input = cargo_wasm(root);
    let bytes = std::fs::read(&input).map_err(|e| format!("{}: {e}", input.display()))?;
    let work = dir.join(".split");
    let _ = std::fs::remove_dir_all(&work);
    let main = work.join("main.wasm");
    let mut options = wasm_split_cli_support::Options::new(&bytes);
    options.output_dir = &work;
    options.main_out_path = &main;
    options.link_name = FETCHER;
    // As the fetcher imports the bindings.
    options.main_module = "./messaging-quota.js";
    let split = wasm_split_cli_support::transform(options)
        .map_err(|e| format!("splitting {}: {e:#}", input.display()))?;
    let [later] = split.split_modules.as_slice() else {
        return Err(format!(
            "expected one later module, the split gave {:?}",
            split.split_modules
        )
        .into());
    };

    let out = dir.join("wasm");
    let bindgen = work.join("bindgen");
    run(
        Command::new("wasm-bindgen")
            .arg(&main)
            .arg(format!("--out-dir={}", bindgen.display()))
            .args(["--target=web", "--no-typescript", "--keep-lld-exports"])
            .arg("--out-name=messaging-quota"),
        "wasm-bindgen",
    )?;
    // The bindings' imports under short names (imports.rs).
    let wasm = std::fs::read(bindgen.join(MAIN))?;
    let js = std::fs::read_to_string(bindgen.join(BINDINGS))?;
    let (wasm, js, renamed) = crate::imports::shorten(&wasm, &js, "./messaging-quota_bg.js")?;
    if renamed == 0 {
        return Err(
            "no import of the bindings could be renamed: has wasm-bindgen's output changed?".into(),
        );
    }
    std::fs::write(bindgen.join(MAIN), wasm)?;
    std::fs::write(bindgen.join(BINDINGS), js)?;
    // `MESSAGING_QUOTA_WASM_NAMES=1` keeps the functions' names, for a size profile (twiggy):
    // the code and data are the same, with a names section beside them.
    let names = std::env::var_os("MESSAGING_QUOTA_WASM_NAMES").is_some();
    let strip: &[&str] = if names {
        &["-g"]
    } else {
        &["--strip-debug", "--strip-producers"]
    };
    for (from, to) in [
        (bindgen.join(MAIN), out.join(MAIN)),
        (later.clone(), dir.join(LATER)),
    ] {
        run(
            Command::new("wasm-opt")
                .args(WASM_OPT)
                .args(FEATURES)
                .args(strip)
                .arg(&from)
                .arg("-o")
                .arg(&to),
            "wasm-opt",
        )?;
    }

    // The later module under its content name. Its fetcher (generated JS, patched at the one
    // URL it fetches, checked to be there) asks the loader where it is (a host's bundler may
    // have moved and renamed it), else looks beside the bindings.
    let later_bytes = std::fs::read(dir.join(LATER))?;
    let later_name = content_name(LATER, &later_bytes);
    std::fs::rename(dir.join(LATER), dir.join(&later_name))?;
    let written = later
        .file_name()
        .map(|n| format!("new URL(\"./{}\", import.meta.url)", n.to_string_lossy()))
        .ok_or("the later module has no file name")?;
    let fetcher = std::fs::read_to_string(work.join(FETCHER))?;
    if !fetcher.contains(&written) {
        return Err(format!("the fetcher does not fetch {written}").into());
    }
    let beside = later_name.rsplit('/').next().unwrap_or(&later_name);
    let fetcher = format!(
        "{}\n{LOCATE}\nconst beside = () => new URL({:?}, import.meta.url);\n",
        fetcher.replace(&written, "(laterUrl ?? beside())"),
        format!("./{beside}"),
    );
    std::fs::write(bindgen.join(FETCHER), fetcher)?;
    std::fs::write(bindgen.join("entry.js"), ENTRY)?;

    // One bindings module: esbuild follows their imports of each other.
    esbuild::bundle_module(&bindgen.join("entry.js"), &out.join(BINDINGS))?;
    std::fs::remove_dir_all(&work)?;
    Ok(later_name)
}
