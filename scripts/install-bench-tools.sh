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
# Lighthouse (npm registry, pinned in its own lock file, apart from the project's packages: only
# the benchmark needs it). It drives the same Debian Chromium.
if [ ! -x bench/lighthouse/node_modules/.bin/lighthouse ]; then
  # `npm ci` refuses this lock file (npm counts one of its nested packages twice); `install`
  # follows it all the same.
  npm install --prefix bench/lighthouse --no-audit --no-fund >&2
fi
