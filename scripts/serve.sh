#!/usr/bin/env bash
# Builds the web app in release (wasm-opt -Oz, then the service worker's stamp and the .br/.gz
# siblings), prints the transfer sizes, and serves dist/ on http://127.0.0.1:8080 with the headers
# the README's "Host it on any static server" documents. Installs what is missing first
# (scripts/setup.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash scripts/setup.sh
# shellcheck source=scripts/env.sh
source scripts/env.sh

cargo fetch
build_app
exec node scripts/static-server.mjs dist "${PORT:-8080}"
