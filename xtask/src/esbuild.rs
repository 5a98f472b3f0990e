//! esbuild, from PATH (scripts/setup.sh installs it into tools/): it bundles the loader, and
//! bundles and minifies the wasm-bindgen bindings with the later module's fetcher
//! (wasm-bindgen writes them readable, and trunk 0.21's own minifier fails on them).

use std::path::Path;
use std::process::Command;

use crate::Result;

/// The options every output shares: minified for today's browsers, quiet unless it matters.
const COMMON: [&str; 4] = [
    "--target=es2022",
    "--minify",
    "--legal-comments=none",
    "--log-level=warning",
];

/// What a module for a host's bundler keeps readable: the host's build minifies it, and the
/// bundler hints (`/* @vite-ignore */`, `/* webpackIgnore: true */`) must stay.
const READABLE: [&str; 3] = [
    "--target=es2022",
    "--legal-comments=none",
    "--log-level=warning",
];

/// Runs esbuild on `entry` with `options`, writing `outfile` minified; `what` names the job
/// in errors.
pub fn run(entry: &Path, options: &[String], outfile: &Path, what: &str) -> Result {
    run_with(&COMMON, entry, options, outfile, what)
}

/// As [`run`], unminified: for a module that a host's bundler reads (the npm package's).
pub fn run_readable(entry: &Path, options: &[String], outfile: &Path, what: &str) -> Result {
    run_with(&READABLE, entry, options, outfile, what)
}

fn run_with(
    common: &[&str],
    entry: &Path,
    options: &[String],
    outfile: &Path,
    what: &str,
) -> Result {
    let status = Command::new("esbuild")
        .arg(entry)
        .args(common)
        .args(options)
        .arg(format!("--outfile={}", outfile.display()))
        .status()
        .map_err(|e| {
            format!("esbuild could not start ({e}): scripts/setup.sh installs it into tools/")
        })?;
    if !status.success() {
        return Err(format!("esbuild could not {what}").into());
    }
    Ok(())
}

/// Bundles the ES module `entry` and what it imports into `outfile`, minified. Exports keep
/// their names.
pub fn bundle_module(entry: &Path, outfile: &Path) -> Result {
    let options = [
        "--bundle".to_owned(),
        "--format=esm".to_owned(),
        "--allow-overwrite".to_owned(),
    ];
    run(
        entry,
        &options,
        outfile,
        &format!("bundle {}", entry.display()),
    )
}
