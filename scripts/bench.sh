#!/usr/bin/env bash
# Prints the figures the README quotes: payload sizes, time to first render against a
# hello-world Yew app, input-to-update time at 4x CPU slowdown, and the recommender's
# speed. Nothing here passes or fails; it measures.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

scripts/setup.sh --test
trunk build --release
(cd bench/hello && trunk build --release)
node tests/browser/size.mjs
node tests/browser/bench.mjs
cargo bench --bench recommend
