#!/usr/bin/env bash
# Installs what scripts/bench.sh needs beyond the build tools: Debian's wrk (the load tool that
# drives the app and the axum baseline alike) and Debian's Chromium (Playwright measures the
# first view in it; it never downloads a browser of its own). Skipped when already installed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/debian-package.sh wrk wrk
wrk --version 2>&1 | head -n 1 >&2 || true
bash scripts/debian-package.sh chromium chromium
chromium --version >&2
