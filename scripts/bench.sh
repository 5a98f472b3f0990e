#!/usr/bin/env bash
# Prints the figures the README quotes: payload sizes, time to first render against a
# hello-world Yew app (and on a mobile profile, with the bytes fetched before it and the
# longest task through the first input), input-to-update time at 4x CPU slowdown, what the
# widget costs a host page (layout shift, long tasks, bytes, Lighthouse), and the
# recommender's speed. Nothing
# here passes or fails; it measures.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

LIGHTHOUSE_VERSION=12.2.3

scripts/setup.sh --test
if [ "$(lighthouse --version 2>/dev/null)" != "$LIGHTHOUSE_VERSION" ]; then
  echo "==> installing lighthouse $LIGHTHOUSE_VERSION into .tools (runs Debian's Chromium)"
  npm install --prefix .tools --no-audit --no-fund --silent "lighthouse@$LIGHTHOUSE_VERSION"
fi
trunk build --release
(cd bench/hello && trunk build --release)
node bench/size.mjs
node bench/bench.mjs
node bench/mobile.mjs
node bench/host.mjs
node bench/lighthouse.mjs
cargo bench --bench recommend
