#!/usr/bin/env bash
# What the kilobytes of the planner's and the embed's wasm are: prints one table per page
# (scripts/wasm-size.mjs) and writes the same as JSON to bench/out/size/<bin>.json.
#
# It measures the shipped code with its names kept. The release build (profile release, strip
# left at cargo's default) keeps the functions' `name` section in the cargo output, and
# wasm-bindgen keeps it; only trunk's `wasm-opt -Oz` drops it. So this runs on the very cargo
# output trunk shipped: wasm-bindgen with trunk's flags (--target web --weak-refs, as the pages'
# data-weak-refs ask) plus --keep-debug, then the same `wasm-opt -Oz` trunk runs, plus -g. The
# script then checks that the code section equals the shipped one's (within 5%, it has been
# byte for byte equal) and fails if not.
#
# Needs the release build of `build_app` (scripts/env.sh) made just before: scripts/bench.sh runs
# this right after it. Standalone: bash scripts/setup.sh && source scripts/env.sh && build_app,
# then bash scripts/size.sh.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/env.sh
source scripts/env.sh

TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
OUT=bench/out/size
mkdir -p "$OUT"

fail() {
  echo "size.sh: $*" >&2
  exit 1
}

# Files the code embeds with include_str!, split out of the read-only data by exact bytes.
EMBEDDED=(
  --embedded "the catalog (src/core/catalog.json)=src/core/catalog.json"
  --embedded "the first visit's example plan (examples/first-visit.json)=examples/first-visit.json"
)

measure() {
  local bin="$1" title="$2" artifact shipped names
  artifact="$TARGET/wasm32-unknown-unknown/release/$bin.wasm"
  [ -f "$artifact" ] || fail "no $artifact: run build_app first (source scripts/env.sh && build_app)"
  shipped="$(find dist -maxdepth 1 -name "$bin-*_bg.wasm" -print)"
  [ -n "$shipped" ] && [ "$(printf '%s\n' "$shipped" | wc -l)" = 1 ] ||
    fail "expected one dist/$bin-*_bg.wasm, found: ${shipped:-none}; run build_app first"
  [ "$artifact" -nt "$shipped" ] &&
    fail "$artifact is newer than $shipped: cargo rebuilt it after the shipped build; run build_app again"
  rm -rf "${OUT:?}/$bin"
  local input="$artifact" split=()
  if [ "$bin" = ecs-image-planner-web ]; then
    # The planner ships the main module of the wasm split (scripts/wasm-split.mjs): measure that
    # one, split the same way; its chunks are listed after the table.
    wasm-split-cli "$artifact" "$OUT/$bin-split" --target web --out-name "$bin"
    input="$OUT/$bin-split/$bin.wasm"
    split=(--keep-lld-exports)
  fi
  wasm-bindgen --target web --weak-refs --keep-debug --no-typescript "${split[@]}" --out-dir "$OUT/$bin" "$input"
  names="$OUT/$bin/${bin}_bg.names.wasm"
  wasm-opt -Oz -g --output="$names" "$OUT/$bin/${bin}_bg.wasm"
  echo
  node scripts/wasm-size.mjs "$names" --shipped "$shipped" "${EMBEDDED[@]}" --min-share 0.5 --top 10 --title "$title"
  node scripts/wasm-size.mjs "$names" --shipped "$shipped" "${EMBEDDED[@]}" --top 40 --title "$title" --json \
    >"$OUT/$bin.json"
  if [ "${#split[@]}" -gt 0 ]; then
    rm -rf "${OUT:?}/$bin-split"
    echo
    echo "Loaded when a panel first opens (wasm chunks, raw and gzip -9 bytes):"
    for f in dist/split_*.wasm dist/chunk-*.wasm; do
      [ -e "$f" ] && printf '  %-40s %8d %8d\n' "$(basename "$f")" "$(wc -c <"$f")" "$(gzip -9 -c "$f" | wc -c)"
    done
  fi
}

measure ecs-image-planner-web "### The planner's wasm ($(git rev-parse --short HEAD 2>/dev/null || echo '?'))"
measure ecs-image-planner-embed "### The embed's wasm ($(git rev-parse --short HEAD 2>/dev/null || echo '?'))"
echo
echo "JSON: $OUT/ecs-image-planner-web.json, $OUT/ecs-image-planner-embed.json"
