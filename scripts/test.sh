#!/usr/bin/env bash
# Runs every test on a fresh machine: installs what is missing, runs the native engine
# tests, builds the release site, drives it in headless Chromium, and builds, packs and
# drives the npm package in a Vite + React host and a Next.js host.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

scripts/setup.sh --test

echo "==> lints (rustfmt; clippy, native and wasm32, warnings are errors)"
cargo fmt --all --check
cargo clippy --locked --workspace --all-targets -- -D warnings
cargo clippy --locked --all-targets --target wasm32-unknown-unknown -- -D warnings
cargo clippy --locked --lib --target wasm32-unknown-unknown --features ssr -- -D warnings

echo "==> native tests (engine, state, words, components rendered to text; the build tool)"
cargo test --locked --workspace

echo "==> release build (the widget, its server renderer, and its pages drawn ahead)"
trunk build --release

echo "==> the same build with the test hooks (a simulated crash), for the browser tests only (its pages not drawn ahead)"
MESSAGING_QUOTA_PRERENDER=off trunk build --release --features test-hooks --dist target/test-hooks-dist

echo "==> TypeScript hosts against the generated declarations (strict TS without React; React 19 TSX)"
tests/browser/node_modules/.bin/tsc -p tests/browser/types/tsconfig.host.json
tests/browser/node_modules/.bin/tsc -p tests/browser/types/tsconfig.react.json

echo "==> browser tests (headless Chromium, against dist/)"
node --test --test-concurrency=1 tests/browser/

echo "==> the npm package in a Vite + React 19 host: packed, installed, type-checked, rendered on the server, built, driven"
scripts/package.sh
(
  cd tests/vite-host
  npm install --no-save --no-audit --no-fund --silent "$ROOT"/target/messaging-quota-*.tgz
  node_modules/.bin/tsc -p .
  npm run --silent build
)
node --test --test-concurrency=1 tests/vite-host/

echo "==> the npm package in a Next.js App Router host: drawn ahead by a server component, exported, driven"
(
  cd tests/next-host
  npm install --no-save --no-audit --no-fund --silent "$ROOT"/target/messaging-quota-*.tgz
  NEXT_TELEMETRY_DISABLED=1 npm run --silent build
)
node --test --test-concurrency=1 tests/next-host/

echo "==> size of the release build"
node bench/size.mjs
