#!/usr/bin/env bash
# The whole test suite: installs what is missing, then formatting, lints (server and browser
# builds), unit and storage tests on SQLite and PostgreSQL, HTTP tests against the real server,
# the release build, browser tests in Chromium, and the budget figures.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
step() { printf '\n\033[1m== %s (%ss)\033[0m\n' "$*" "$(($(date +%s) - started))"; }

step "installing missing tools"
bash scripts/install-build-tools.sh
bash scripts/install-test-tools.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
bash scripts/ensure-postgres.sh

step "cargo fmt"
cargo fmt --all --check

step "clippy (server build)"
cargo clippy -p app -p server --all-targets --features app/ssr -- -D warnings
step "clippy (browser build)"
cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings

step "unit, storage (SQLite + PostgreSQL) and HTTP tests"
cargo test -p app -p server --features app/ssr

step "release build"
cargo leptos build --release

step "browser tests (Chromium, 390x844)"
bash scripts/e2e.sh

step "budget figures"
bash scripts/budgets.sh

step "all tests passed"
