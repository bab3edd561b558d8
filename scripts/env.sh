# Sourced by the other scripts after setup.sh: puts the project's tools on PATH.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="${ECS_PLANNER_TOOLS:-$HOME/.cache/ecs-image-planner}"
WBG_VERSION="$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' "$ROOT/Cargo.lock")"

# npm's binaryen comes first so that trunk never picks up Debian's wasm-opt 108.
export PATH="$ROOT/node_modules/.bin:$TOOLS/trunk-0.21.14/bin:$TOOLS/wasm-bindgen-$WBG_VERSION/bin:$HOME/.cargo/bin:$PATH"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

# Runs trunk for a wasm build, through Debian's rustc-web when rustup had no wasm32 target.
trunk_build() {
  if [ -f "$TOOLS/use-debian-wasm" ]; then
    PATH="/usr/bin:$PATH" RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
      TRUNK_OFFLINE=true trunk build "$@"
  else
    TRUNK_OFFLINE=true trunk build "$@"
  fi
}

# Runs cargo for a wasm32 build, through Debian's rustc-web when rustup had no wasm32 target.
wasm_cargo() {
  if [ -f "$TOOLS/use-debian-wasm" ]; then
    PATH="/usr/bin:$PATH" RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort cargo "$@"
  else
    cargo "$@"
  fi
}

# Prints the gzip -9 sizes of what a dist folder sends to a browser.
print_sizes() {
  local dist="$1" total=0 size kind
  printf '%-6s %10s %10s\n' "file" "raw B" "gzip-9 B"
  for kind in wasm js css html; do
    local raw=0 gz=0 f
    for f in "$dist"/*."$kind"; do
      [ -e "$f" ] || continue
      raw=$((raw + $(wc -c <"$f")))
      size=$(gzip -9 -c "$f" | wc -c)
      gz=$((gz + size))
    done
    total=$((total + gz))
    printf '%-6s %10d %10d\n' "$kind" "$raw" "$gz"
  done
  printf '%-6s %10s %10d\n' "total" "" "$total"
}
