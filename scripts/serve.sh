#!/usr/bin/env bash
# Builds the widget and serves it on http://127.0.0.1:8080/ (rebuilding on change).
# Installs what is missing first. PORT=… picks another port.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

scripts/setup.sh
exec trunk serve --release --port "${PORT:-8080}"
