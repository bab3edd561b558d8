#!/usr/bin/env bash
# Runs every test: formatting, lints (native and wasm32), native tests of the engine and the CLI,
# the release build of the web app, and the browser tests in headless Chromium.
# Installs what is missing first (scripts/setup.sh); a second run installs nothing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash scripts/setup.sh
# shellcheck source=scripts/env.sh
source scripts/env.sh

step "cargo fmt --check"
cargo fmt --check

step "cargo clippy (native, all targets)"
cargo clippy --all-targets -- -D warnings

step "cargo clippy (wasm32 web app)"
if [ -f "$TOOLS/use-debian-wasm" ]; then
  echo "skipped: wasm32 builds go through Debian's rustc-web here, which ships no clippy"
else
  # As build_app builds (the planner's split points on), then as a bare trunk build does.
  ECS_PLANNER_WASM_SPLIT=1 cargo clippy --target wasm32-unknown-unknown --lib --bin ecs-image-planner-web --bin ecs-image-planner-embed --bin engine-bench-wasm -- -D warnings
  cargo clippy --target wasm32-unknown-unknown --bin ecs-image-planner-web -- -D warnings
fi

step "cargo test (engine, catalog, codec, CLI)"
cargo test

step "release build of the web app (trunk, wasm-opt -Oz)"
cargo fetch
build_app

step "browser tests (headless Chromium)"
node --test --test-concurrency=1 tests/browser/
