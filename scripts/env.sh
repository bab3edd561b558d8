# Sourced by the other scripts after setup.sh: puts the project's tools on PATH.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="${ECS_PLANNER_TOOLS:-$HOME/.cache/ecs-image-planner}"
WBG_VERSION="$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' "$ROOT/Cargo.lock")"
# The wasm splitter (crate wasm_split_cli_support) that scripts/setup.sh installs.
WASM_SPLIT_VERSION="0.2.4"

# npm's binaryen comes first so that trunk never picks up Debian's wasm-opt 108.
export PATH="$ROOT/node_modules/.bin:$TOOLS/trunk-0.21.14/bin:$TOOLS/wasm-bindgen-$WBG_VERSION/bin:$TOOLS/wasm-split-$WASM_SPLIT_VERSION/bin:$HOME/.cargo/bin:$PATH"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

# Announces a step of a long script.
step() { printf '\n== %s\n' "$*"; }

# Runs trunk for a wasm build, through Debian's rustc-web when rustup had no wasm32 target.
trunk_build() {
  if [ -f "$TOOLS/use-debian-wasm" ]; then
    PATH="/usr/bin:$PATH" RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
      TRUNK_OFFLINE=true trunk build "$@"
  else
    TRUNK_OFFLINE=true trunk build "$@"
  fi
}

# Builds the web app in release into dist/: the planner (index.html), its wasm split so that the
# panels the first screen does not show load on demand (scripts/wasm-split.mjs), and the embed
# alone (embed.html, a smaller wasm for documentation pages); stamps the service worker with the
# planner's files (scripts/sw-stamp.mjs) and writes a .br and .gz beside every file
# (scripts/compress.mjs), so that dist/ is ready for any static host; then prints the transfer
# sizes of each page.
build_app() {
  # ECS_PLANNER_WASM_SPLIT=1: build.rs turns on the split points and keeps the relocations.
  ECS_PLANNER_WASM_SPLIT=1 trunk_build --release true
  node "$ROOT/scripts/wasm-split.mjs" "$ROOT/dist" \
    "${CARGO_TARGET_DIR:-$ROOT/target}/wasm32-unknown-unknown/release/ecs-image-planner-web.wasm" ||
    return 1
  rm -rf "$ROOT/target/dist-embed"
  # The same variable, so that the library both binaries share is compiled once.
  ECS_PLANNER_WASM_SPLIT=1 trunk_build embed.html --release true --dist "$ROOT/target/dist-embed"
  # trunk names every target's page index.html in its dist folder.
  mv "$ROOT/target/dist-embed/index.html" "$ROOT/target/dist-embed/embed.html"
  cp -R "$ROOT/target/dist-embed/." "$ROOT/dist/"
  node "$ROOT/scripts/sw-stamp.mjs" "$ROOT/dist"
  node "$ROOT/scripts/compress.mjs" "$ROOT/dist"
  echo "planner page (index.html):"
  print_sizes "$ROOT/dist" index.html
  echo "embed page (embed.html):"
  print_sizes "$ROOT/target/dist-embed" embed.html
}

# Runs cargo for a wasm32 build, through Debian's rustc-web when rustup had no wasm32 target.
wasm_cargo() {
  if [ -f "$TOOLS/use-debian-wasm" ]; then
    PATH="/usr/bin:$PATH" RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort cargo "$@"
  else
    cargo "$@"
  fi
}

# Prints the gzip -9 sizes of what a page of a dist folder sends to a browser on its first load:
# the page, the files it names, and the modules its scripts import (the planner's JS imports the
# wasm split's link module); not the wasm chunks that link module fetches when a panel opens
# (default page: index.html).
print_sizes() {
  local dist="$1" page="${2:-index.html}" total=0 size kind named
  # The page, then the JS files it names: whatever these name is loaded at start.
  named="$(cat "$dist/$page")"
  for f in "$dist"/*.js; do
    if [ -e "$f" ] && grep -qF "$(basename "$f")" "$dist/$page"; then
      named+="$(grep -o 'from "[^"]*"' "$f" || true)"
    fi
  done
  printf '%-6s %10s %10s\n' "file" "raw B" "gzip-9 B"
  for kind in wasm js css html; do
    local raw=0 gz=0 f
    for f in "$dist"/*."$kind"; do
      [ -e "$f" ] || continue
      if [ "$kind" = html ]; then
        [ "$(basename "$f")" = "$page" ] || continue
      elif ! grep -qF "$(basename "$f")" <<<"$named"; then
        continue
      fi
      raw=$((raw + $(wc -c <"$f")))
      size=$(gzip -9 -c "$f" | wc -c)
      gz=$((gz + size))
    done
    total=$((total + gz))
    printf '%-6s %10d %10d\n' "$kind" "$raw" "$gz"
  done
  printf '%-6s %10s %10d\n' "total" "" "$total"
}
