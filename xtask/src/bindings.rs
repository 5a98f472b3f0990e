//! The wasm-bindgen bindings, minified: wasm-bindgen writes them readable and trunk 0.21's
//! minifier fails on them (it warns "Failed to minify JS" and keeps them as they are), so
//! esbuild, already the loader's bundler, minifies them in place before the file is named by
//! its content. Exports keep their names.

use std::path::Path;
use std::process::Command;

use crate::Result;

/// Minifies the ES module at `dir/path` in place.
pub fn minify(dir: &Path, path: &str) -> Result {
    let file = dir.join(path);
    let status = Command::new("esbuild")
        .arg(&file)
        .args([
            "--format=esm",
            "--target=es2022",
            "--minify",
            "--legal-comments=none",
            "--log-level=warning",
            "--allow-overwrite",
        ])
        .arg(format!("--outfile={}", file.display()))
        .status()
        .map_err(|e| {
            format!("esbuild could not start ({e}): scripts/setup.sh installs it into tools/")
        })?;
    if !status.success() {
        return Err(format!("esbuild could not minify {path}").into());
    }
    Ok(())
}
