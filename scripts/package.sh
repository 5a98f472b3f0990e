#!/usr/bin/env bash
# Builds the npm package from the release build in dist/ (trunk build --release) into
# target/npm/ and packs it: target/messaging-quota-VERSION.tgz. (`./` before the folder:
# npm reads `target/npm` as a GitHub repository.)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

[ -f dist/messaging-quota-build.json ] || trunk build --release
rm -f target/messaging-quota-*.tgz
cargo run --locked --quiet -p xtask -- package dist target/npm
npm pack ./target/npm --pack-destination target --silent
