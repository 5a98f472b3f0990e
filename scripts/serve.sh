#!/usr/bin/env bash
# Builds the widget and serves dist/ on http://127.0.0.1:8080/ as the README's "Hosting it"
# asks a CDN to (content-named files cached for a year, the loader revalidated, brotli or
# gzip, CORS), rebuilding on every change (trunk watch). Installs what is missing first.
# PORT=… picks another port; Ctrl-C stops both.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

scripts/setup.sh
node tests/browser/server.mjs dist "${PORT:-8080}" &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null' EXIT INT TERM
trunk watch --release
