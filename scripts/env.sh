# Sourced by the other scripts: puts the project's tools on PATH.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
export PATH="$ROOT/tools/node_modules/.bin:$ROOT/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
