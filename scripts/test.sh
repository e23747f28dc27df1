#!/usr/bin/env bash
# The whole test suite: installs what is missing, then formatting, lints (server and browser
# builds), unit and storage tests on SQLite and PostgreSQL, HTTP tests against the real server,
# the app build, browser tests in Chromium, Schemathesis against the open API and a bounded
# fuzzing round. The budget figures: scripts/budgets.sh.
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
cargo clippy -p app -p server -p bench-baseline --all-targets --features app/ssr -- -D warnings
step "clippy (browser build)"
cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings

step "unit, storage (SQLite + PostgreSQL) and HTTP tests"
# Each HTTP test runs the server binary in its own process (servers sharing the test process
# stalled a request now and then).
cargo test -p app -p server --features app/ssr -- --test-threads=4

# The browser tests use the debug build: it shares every dependency `cargo test` just built,
# which keeps a cold run well inside CI's time. Release sizes: scripts/budgets.sh.
step "debug build (server + Wasm)"
cargo leptos build --split

step "browser tests (Chromium, 390x844)"
E2E_PROFILE=debug bash scripts/e2e.sh

step "schemathesis against /api/v1 (short form)"
E2E_PROFILE=debug bash scripts/schemathesis.sh 60

step "fuzzing (short form: 20 s per target)"
bash scripts/fuzz.sh 20

step "all tests passed"
