//! The widget's build tool.
//!
//! - `cargo xtask dist [DIR]`: run by trunk after every build (the `post_build` hook in
//!   Trunk.toml; DIR defaults to `$TRUNK_STAGING_DIR`). Splits the wasm into the first
//!   view's module and the later sections' (src/ui/later.rs), writes their bindings
//!   minified, names every file the loader loads by a hash of its content, then writes the loader (`messaging-quota.js`, the one stable name) with
//!   exactly those names and its generated data, the TypeScript declarations, the Custom
//!   Elements Manifest and the host's reservation stylesheet; builds the server renderer
//!   and draws the standalone page and the examples ahead with it (xtask/src/server.rs).
//! - `cargo xtask package [DIST] [OUT]`: the npm package from a release build (DIST,
//!   default `dist`) into OUT (default `target/npm`); scripts/package.sh packs it.
//! - `cargo xtask docs`: writes the generated tables of docs/ (a test checks that they are
//!   current).
//! - `cargo xtask links`: lists the relative links of the project's Markdown that do not
//!   resolve (a test fails on any).

mod assets;
mod catalogues;
mod docs;
mod esbuild;
mod imports;
mod links;
mod loader;
mod manifest;
mod package;
mod server;
mod sizes;
mod split;
mod types;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The workspace root: the widget's sources are read from here.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits in the workspace")
        .to_path_buf()
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("dist") => {
            let dir = args
                .get(1)
                .map(PathBuf::from)
                .or_else(|| std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from));
            match dir {
                Some(dir) => dist(&dir),
                None => Err("dist: name the directory, or run it from trunk's hook".into()),
            }
        }
        Some("package") => {
            let root = root();
            let dist = args.get(1).map_or_else(|| root.join("dist"), PathBuf::from);
            let out = args.get(2).map_or_else(|| root.join("target/npm"), PathBuf::from);
            package(&root, &dist, &out)
        }
        Some("docs") => docs::write(&root()),
        Some("links") => match links::broken(&root()) {
            problems if problems.is_empty() => Ok(()),
            problems => Err(format!("broken links:\n{}", problems.join("\n")).into()),
        },
        _ => Err("usage: cargo xtask dist [DIR] | cargo xtask package [DIST] [OUT] | cargo xtask docs | cargo xtask links".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

/// Finishes a build in `dir` (trunk's staging directory).
fn dist(dir: &Path) -> Result {
    let root = root();
    let later = split::split(&root, dir)?;
    let assets = assets::name_by_content(dir, later)?;
    let sizes = sizes::Sizes::read(&root.join("embed/sizes.json"))?;
    let words = catalogues::loader_words(&root)?;
    loader::write(&root, dir, &assets, &sizes, &words)?;
    let style_hash = if server::wanted() {
        server::build(&root, dir, &assets, &sizes, &loader::build_id(&assets))?;
        server::prerender_pages(&root, dir)?;
        server::style_hash(&root)
    } else {
        None
    };
    std::fs::write(
        dir.join(loader::MANIFEST),
        loader::manifest(&assets, style_hash.as_deref()),
    )?;
    std::fs::write(
        dir.join("messaging-quota-reserve.css"),
        sizes.reservation_css(),
    )?;
    std::fs::write(dir.join("messaging-quota.d.ts"), types::declarations())?;
    std::fs::write(
        dir.join("messaging-quota-react.d.ts"),
        types::react_declarations(),
    )?;
    std::fs::write(dir.join("custom-elements.json"), manifest::manifest())?;
    Ok(())
}

/// The npm package, from the release build in `dist`, into `out`.
fn package(root: &Path, dist: &Path, out: &Path) -> Result {
    let sizes = sizes::Sizes::read(&root.join("embed/sizes.json"))?;
    let words = catalogues::loader_words(root)?;
    package::build(root, dist, out, &sizes, &words)
}
