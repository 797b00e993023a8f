#!/usr/bin/env bash
# Installs what building Edges needs, only when missing: the wasm32 target, cargo-leptos 0.3.10,
# wasm-bindgen-cli at the version Cargo.lock pins, and wasm-opt from npm's binaryen (Debian's
# binaryen 108 produces WASM that fails at hydration). Source it: it also puts the tools on PATH.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools_dir="$repo_root/.tools"
export PATH="$tools_dir/binaryen/node_modules/.bin:$HOME/.cargo/bin:$PATH"

CARGO_LEPTOS_VERSION="0.3.10"
BINARYEN_VERSION="132"
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$repo_root/Cargo.lock")"

# Each step says how long the script has run, so a log shows where the time goes.
say() { printf '\033[1m==> [%dm%02ds] %s\033[0m\n' $((SECONDS / 60)) $((SECONDS % 60)) "$*"; }

# The tools only drive builds, so they are compiled for a quick build rather than their own
# speed: cargo-leptos's release profile (fat LTO, one codegen unit) alone would take 20 minutes.
# OPT_LEVEL: 0 for a tool that mostly starts other programs, 1 for one that does real work.
quick_install() {
  local opt_level="$1"
  shift
  CARGO_PROFILE_RELEASE_OPT_LEVEL="$opt_level" CARGO_PROFILE_RELEASE_LTO=false \
    CARGO_PROFILE_RELEASE_CODEGEN_UNITS=256 CARGO_PROFILE_RELEASE_DEBUG=false \
    CARGO_PROFILE_RELEASE_INCREMENTAL=false cargo install "$@"
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then
  say "installing cargo-leptos $CARGO_LEPTOS_VERSION (once)"
  quick_install 0 cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked --features no_downloads
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  quick_install 1 wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if ! wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
  say "installing wasm-opt (binaryen $BINARYEN_VERSION from npm)"
  npm install --silent --no-audit --no-fund --prefix "$tools_dir/binaryen" "binaryen@$BINARYEN_VERSION"
fi
