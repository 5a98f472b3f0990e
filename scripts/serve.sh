#!/usr/bin/env bash
# Builds the widget and serves dist/ on http://127.0.0.1:8080/ as the README's "Hosting it"
# asks a CDN to (content-named files cached for a year, the loader revalidated, brotli or
# gzip, CORS), rebuilding on every change (trunk watch). Installs what is missing first.
# PORT=… picks another port; Ctrl-C stops both.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

scripts/setup.sh
PORT="${PORT:-8080}"
# The first build before serving, so the address is given once there is something there.
# (trunk's own minifier leaves the wasm-bindgen bindings to `cargo xtask dist`, which
# minifies them with esbuild: its "Failed to minify JS" note for them is expected.)
echo "==> building the widget (the first build takes a few minutes)"
trunk build --release 2>&1 | { grep -v "Failed to minify JS" || true; }
node tests/browser/server.mjs dist "$PORT" &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null' EXIT INT TERM
sleep 1
echo "==> examples at http://127.0.0.1:$PORT/examples/; rebuilding on every change, Ctrl-C stops"
trunk watch --release 2>&1 | grep --line-buffered -v "Failed to minify JS"
