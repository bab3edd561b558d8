#!/usr/bin/env bash
# Installs everything the build and the tests need, idempotently: the wasm32 target, trunk, the
# wasm-bindgen CLI that matches Cargo.lock, the wasm splitter (wasm-split-cli), wasm-opt (npm
# binaryen) and playwright-core, Debian's Chromium with its driver, and Debian's jq (the exported
# aliyun script pipes through it, and tests/export.rs runs that script). A second run prints one
# line per tool and installs nothing.
#
# Tools live in $ECS_PLANNER_TOOLS (default ~/.cache/ecs-image-planner), outside the checkout, so
# every clone on the machine shares them. Source scripts/env.sh afterwards to put them on PATH.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="${ECS_PLANNER_TOOLS:-$HOME/.cache/ecs-image-planner}"
TRUNK_VERSION="0.21.14"
mkdir -p "$TOOLS"

say() { printf '[setup] %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif have sudo; then sudo "$@"; else
    say "need root to run: $*"; return 1
  fi
}

apt_install() {
  if ! have apt-get; then
    say "no apt-get here: install $* with your package manager, then run this again"
    return 1
  fi
  if [ ! -f "$TOOLS/.apt-updated" ]; then
    say "apt-get update (once per machine)"
    as_root apt-get update -qq
    touch "$TOOLS/.apt-updated"
  fi
  say "installing Debian packages: $* (about a minute)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# 1. Rust and the wasm32 target.
if ! have cargo; then
  if [ -x "$HOME/.cargo/bin/cargo" ]; then export PATH="$HOME/.cargo/bin:$PATH"; else
    say "no Rust toolchain: install rustup from https://rustup.rs, then run this again"
    exit 1
  fi
fi
say "rust: $(rustc --version)"
if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "wasm32 target: already installed"
  rm -f "$TOOLS/use-debian-wasm"
else
  say "wasm32 target: installing with rustup (timeout 120 s)"
  if timeout 120 rustup target add wasm32-unknown-unknown; then
    rm -f "$TOOLS/use-debian-wasm"
  else
    # Fallback verified on this project's machines: Debian's rustc-web builds std for wasm32.
    say "rustup could not add the target; falling back to Debian rustc-web + build-std"
    if [ -x /usr/bin/rustc ] && [ -x /usr/bin/rust-lld ] && [ -d /usr/lib/rustlib/src/rust ]; then
      say "Debian rustc-web: already installed"
    else
      apt_install rustc-web cargo-web rust-web-src lld-22
    fi
    touch "$TOOLS/use-debian-wasm"
  fi
fi

# 2. trunk.
TRUNK="$TOOLS/trunk-$TRUNK_VERSION/bin/trunk"
if [ -x "$TRUNK" ] && "$TRUNK" --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  say "trunk $TRUNK_VERSION: already installed"
else
  say "trunk $TRUNK_VERSION: building from crates.io (about 5-10 minutes on 2 cores)"
  cargo install trunk --version "=$TRUNK_VERSION" --locked --root "$TOOLS/trunk-$TRUNK_VERSION"
fi

# 3. wasm-bindgen CLI, exactly the version Cargo.lock resolved.
WBG_VERSION="$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' "$ROOT/Cargo.lock")"
if [ -z "$WBG_VERSION" ]; then
  say "Cargo.lock names no wasm-bindgen version"
  exit 1
fi
WBG="$TOOLS/wasm-bindgen-$WBG_VERSION/bin/wasm-bindgen"
if [ -x "$WBG" ] && "$WBG" --version 2>/dev/null | grep -q "$WBG_VERSION"; then
  say "wasm-bindgen-cli $WBG_VERSION: already installed"
else
  # Without --locked: its lock file names a crate version the registry mirror may not carry.
  say "wasm-bindgen-cli $WBG_VERSION: building from crates.io (about 2-3 minutes)"
  cargo install wasm-bindgen-cli --version "=$WBG_VERSION" --root "$TOOLS/wasm-bindgen-$WBG_VERSION"
fi

# 3b. The wasm splitter cargo-leptos uses for Leptos #[lazy] (scripts/wasm-split.mjs runs it).
WASM_SPLIT_VERSION="0.2.4"
WASM_SPLIT="$TOOLS/wasm-split-$WASM_SPLIT_VERSION/bin/wasm-split-cli"
if [ -x "$WASM_SPLIT" ]; then
  say "wasm-split-cli $WASM_SPLIT_VERSION: already installed"
else
  say "wasm-split-cli $WASM_SPLIT_VERSION: building from crates.io (about 2 minutes)"
  cargo install wasm_split_cli_support --version "=$WASM_SPLIT_VERSION" --locked \
    --features build-binary --root "$TOOLS/wasm-split-$WASM_SPLIT_VERSION"
fi

# 4. Node packages: wasm-opt (binaryen 132; Debian's 108 silently breaks the page) and playwright-core.
if ! have node || ! have npm; then
  apt_install nodejs npm
fi
STAMP="$ROOT/node_modules/.installed-lock"
if [ -f "$STAMP" ] && cmp -s "$STAMP" "$ROOT/package-lock.json"; then
  say "node packages: already installed ($(node --version))"
else
  say "node packages: npm ci (binaryen, playwright-core; no browser download)"
  (cd "$ROOT" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  cp "$ROOT/package-lock.json" "$STAMP"
fi

# 5. Chromium and chromedriver from Debian (browser tests never download a browser).
if [ -n "${CHROMIUM:-}" ] && [ -x "$CHROMIUM" ]; then
  say "chromium: using \$CHROMIUM=$CHROMIUM"
elif [ -x /usr/bin/chromium ]; then
  say "chromium: already installed ($(/usr/bin/chromium --version 2>/dev/null | head -n1))"
else
  apt_install chromium chromium-driver
fi

# 5b. A font with Chinese glyphs, so that the zh-CN browser test's screenshot shows text (a
# headless Chromium without one draws empty boxes).
if [ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]; then
  say "Chinese font: already installed (WenQuanYi Micro Hei)"
else
  apt_install fonts-wqy-microhei
fi

# 6. bash, jq and python3 from Debian: the exported aliyun script reads IDs with jq, and the
# export tests run it against tests/fake-aliyun (python3).
missing=()
for tool in bash jq python3; do have "$tool" || missing+=("$tool"); done
if [ "${#missing[@]}" -gt 0 ]; then
  apt_install "${missing[@]}"
else
  say "bash, jq, python3: already installed ($(jq --version))"
fi

say "ready"
