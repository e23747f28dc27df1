#!/usr/bin/env bash
# Runs the Playwright tests in Debian's Chromium against the built app (release, or debug with
# E2E_PROFILE=debug), served from a fresh demo database with TILE_URL=none. Screenshots land in
# end2end/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${E2E_PORT:-3100}
workdir=$(mktemp -d)
pid=$(bash scripts/start-server.sh "$port" "$workdir")
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$workdir"' EXIT
cd end2end
E2E_BASE_URL="http://127.0.0.1:$port" E2E_SERVER_LOG="$workdir/server.log" E2E_ARTIFACTS="$PWD/artifacts" PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
  ../node_modules/.bin/playwright test "$@"
