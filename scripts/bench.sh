#!/usr/bin/env bash
# The benchmark: builds the web app and the Leptos baseline (bench/baseline) in release with the
# same profile and wasm-opt -Oz, builds the engine bench for wasm32 with the same profile and
# natively, then measures everything in one run (bench/run.mjs): transfer sizes, cold startup and
# edit latency in headless Chromium, Lighthouse's mobile preset, engine timings, share link
# length. Prints one table with the budgets and writes bench/out/latest.json; before it, what the
# planner's and the embed's wasm are made of (scripts/size.sh, bench/out/size/). Installs what is
# missing first (scripts/setup.sh, and Lighthouse from npm).
# Knobs: BENCH_LOADS, BENCH_EDITS, BENCH_ENGINE_RUNS, BENCH_LIGHTHOUSE_RUNS, BENCH_PHONE_LOADS,
# BENCH_STRICT=1 (exit 1 on a FAIL). A run that could not measure something (an n/a row, a lost edit or load, a page
# error, a Lighthouse run without a score) exits 1 regardless.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash scripts/setup.sh
# shellcheck source=scripts/env.sh
source scripts/env.sh

# A key of a [profile.NAME] table in Cargo.toml, e.g. `profile_key release opt-level`.
profile_key() {
  awk -v table="[profile.$1]" -v key="$2" '
    $0 == table { inside = 1; next }
    /^\[/ { inside = 0 }
    inside && $1 == key { gsub(/"/, "", $3); print $3; exit }' "$3"
}

OUT=bench/out
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
mkdir -p "$OUT"

step "release build of the web app (trunk, wasm-opt -Oz)"
cargo fetch
build_app

step "what the kilobytes are (scripts/size.sh: the shipped code with its names kept)"
bash scripts/size.sh

step "release build of the Leptos baseline (bench/baseline, same profile and wasm-opt)"
(cd bench/baseline && cargo fetch && trunk_build --release true)
# Served like the planner's dist/: with precompressed .br and .gz siblings.
node scripts/compress.mjs bench/baseline/dist

# Lighthouse (npm), for its mobile preset on every page in the same run. Only the benchmark
# needs it, so it lives beside the other tools rather than in package.json. Node 20 runs
# Lighthouse 12 (13 needs node 22.19).
LIGHTHOUSE_VERSION="12.8.2"
LH_DIR="$TOOLS/lighthouse-$LIGHTHOUSE_VERSION"
if [ -x "$LH_DIR/node_modules/.bin/lighthouse" ]; then
  echo "lighthouse $LIGHTHOUSE_VERSION: already installed"
else
  step "installing lighthouse $LIGHTHOUSE_VERSION from npm (about a minute)"
  mkdir -p "$LH_DIR"
  timeout 600 npm install --prefix "$LH_DIR" --no-audit --no-fund --loglevel=error "lighthouse@$LIGHTHOUSE_VERSION"
fi
export BENCH_LIGHTHOUSE="$LH_DIR/node_modules/.bin/lighthouse"

step "engine bench for wasm32 (release profile, then wasm-bindgen and wasm-opt -Oz like trunk)"
# ECS_PLANNER_WASM_SPLIT=1 as build_app builds: the shared library is not compiled again.
ECS_PLANNER_WASM_SPLIT=1 wasm_cargo build --offline --release --target wasm32-unknown-unknown --bin engine-bench-wasm
rm -rf "$OUT/engine-wasm"
wasm-bindgen --target web --no-typescript --out-dir "$OUT/engine-wasm" \
  "$TARGET/wasm32-unknown-unknown/release/engine-bench-wasm.wasm"
wasm-opt -Oz -o "$OUT/engine-wasm/engine-bench-wasm_bg.wasm" "$OUT/engine-wasm/engine-bench-wasm_bg.wasm"

step "engine bench, native (cargo bench --bench engine)"
cargo bench --offline --bench engine | tee "$OUT/engine-native.txt"

step "measuring (bench/run.mjs)"
WASM_OPT_VERSION="$(wasm-opt --version | awk '{print $3}')"
BENCH_BUILD_INFO="$(printf '{"engine_wasm":"%s","engine_native":"%s","app":"%s","baseline":"%s"}' \
  "profile release, opt-level $(profile_key release opt-level Cargo.toml), then wasm-opt -Oz (binaryen $WASM_OPT_VERSION); run in node $(node --version)" \
  "profile bench, opt-level $(profile_key bench opt-level Cargo.toml)" \
  "trunk release, opt-level $(profile_key release opt-level Cargo.toml), wasm-opt -Oz" \
  "trunk release, opt-level $(profile_key release opt-level bench/baseline/Cargo.toml), wasm-opt -Oz")"
export BENCH_BUILD_INFO
node bench/run.mjs
