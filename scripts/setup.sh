#!/usr/bin/env bash
# Installs what building the widget needs, skipping whatever is already present:
# the wasm target, trunk, wasm-bindgen-cli at Cargo.lock's version, and the npm build tools
# (tools/package.json: wasm-opt and esbuild).
# With --test it also installs what the tests need: Chromium, ChromeDriver, playwright-core.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

TRUNK_VERSION=0.21.14

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 13 minutes on 2 cores, once)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

[ -f Cargo.lock ] || cargo generate-lockfile
BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $BINDGEN_VERSION (must equal Cargo.lock's wasm-bindgen)"
  # Not --locked: the registry copy lacks a version its own lock file names.
  cargo install wasm-bindgen-cli --version "$BINDGEN_VERSION" --force
fi

# wasm-opt (Debian's binaryen is too old for today's Rust wasm; npm's is current) and
# esbuild (bundles the loader), at the versions tools/package-lock.json pins.
# (npm writes node_modules/.package-lock.json after each install: newer than the lock file
# means installed.)
if [ ! tools/node_modules/.package-lock.json -nt tools/package-lock.json ]; then
  say "installing the build tools (wasm-opt, esbuild) into tools/"
  (cd tools && npm ci --no-audit --no-fund --silent)
fi

if [ "${1:-}" = "--test" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Chromium and ChromeDriver (Debian packages)"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  if [ ! tests/browser/node_modules/.package-lock.json -nt tests/browser/package-lock.json ]; then
    say "installing playwright-core (drives Debian's Chromium; never downloads a browser), axe-core, TypeScript and React's types"
    (cd tests/browser && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --silent)
  fi
  if [ ! tests/vite-host/node_modules/.package-lock.json -nt tests/vite-host/package-lock.json ]; then
    say "installing the Vite + React host's packages (Vite, React 19, TypeScript)"
    (cd tests/vite-host && npm ci --no-audit --no-fund --silent)
  fi
  if [ ! tests/next-host/node_modules/.package-lock.json -nt tests/next-host/package-lock.json ]; then
    say "installing the Next.js host's packages (Next.js, React 19)"
    (cd tests/next-host && npm ci --no-audit --no-fund --silent)
  fi
fi
