#!/usr/bin/env bash
# Runs Chancenkarte on http://127.0.0.1:3000 with an embedded SQLite file (data/) and demo data,
# installing whatever build tools are missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-build-tools.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cargo leptos build --release --split
export DEMO_DATA=${DEMO_DATA:-true}
# The app runs on plain http://127.0.0.1:3000 here, so the session cookie cannot require HTTPS;
# deployments behind HTTPS keep the default (Secure).
export COOKIE_SECURE=${COOKIE_SECURE:-false}
export LEPTOS_SITE_ROOT=target/site
# Brotli and gzip copies of the built files, sent to browsers that accept them.
target/release/server precompress
exec target/release/server "$@"
