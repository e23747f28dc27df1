#!/usr/bin/env bash
# Installs what building Chancenkarte needs and is missing: the wasm32 target, cargo-leptos
# (pinned, built without downloads), the wasm-bindgen CLI matching Cargo.lock, and the npm
# packages (Leaflet, binaryen's wasm-opt). Every step is skipped when already in place, so
# running it again costs seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_LEPTOS_VERSION=0.3.11
WASM_BINDGEN_VERSION=0.2.130
export PATH="$HOME/.cargo/bin:$PATH"

log() { printf '\033[1m[install-build-tools]\033[0m %s\n' "$*" >&2; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# Finds the unpacked source of a crate in cargo's registry cache (left there by a failed
# `cargo install`), so it can be re-locked and installed from source.
crate_source() {
  ls -d "$HOME"/.cargo/registry/src/*/"$1-$2" 2>/dev/null | head -n 1
}

# `cargo install --locked` of the published lockfile fails on this toolchain for both tools
# (one dependency needs a newer rustc, one is no longer available), so each is installed from
# its source with exactly that one dependency re-locked.
install_from_source() {
  local crate=$1 version=$2 pin_crate=$3 pin_version=$4 features=$5
  if ! cargo install "$crate" --version "$version" --locked $features 2>/dev/null; then
    local src
    src=$(crate_source "$crate" "$version")
    if [ -z "$src" ]; then
      log "fetching the source of $crate $version"
      local tmp
      tmp=$(mktemp -d)
      (cd "$tmp" && cargo init --quiet --name fetch_src && cargo add --quiet "$crate@=$version" && cargo fetch --quiet) || true
      rm -rf "$tmp"
      src=$(crate_source "$crate" "$version")
    fi
    [ -n "$src" ] || { log "no source for $crate $version"; exit 1; }
    local work
    work=$(mktemp -d)
    cp -r "$src/." "$work/"
    (cd "$work" && cargo update --quiet -p "$pin_crate" --precise "$pin_version" \
      && cargo install --path . --locked $features)
    rm -rf "$work"
  fi
}

if [ "$(cargo-leptos --version 2>/dev/null | awk '{print $2}')" != "$CARGO_LEPTOS_VERSION" ]; then
  log "installing cargo-leptos $CARGO_LEPTOS_VERSION (about 30 minutes on 2 cores)"
  install_from_source cargo-leptos "$CARGO_LEPTOS_VERSION" cargo-util-schemas 0.14.1 "--features no_downloads"
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  install_from_source wasm-bindgen-cli "$WASM_BINDGEN_VERSION" webpki-roots 1.0.10 ""
fi

if [ ! -d node_modules/leaflet ] || [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm packages"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi
log "build tools ready"
