#!/usr/bin/env bash
# Schemathesis against the running app's /api/v1/openapi.json: every check (no server error,
# status codes, content types, headers and bodies as described, invalid input refused, valid
# input taken, undeclared methods answered 405). Fails on any failure or error.
# Usage: schemathesis.sh [EXAMPLES]   (default 60: the test command's short form; the long form
# is e.g. `E2E_PROFILE=debug bash scripts/schemathesis.sh 1000`). E2E_PROFILE=debug uses the
# debug build.
set -euo pipefail
cd "$(dirname "$0")/.."
examples=${1:-60}
port=${ST_PORT:-3200}
workdir=$(mktemp -d)
pid=$(bash scripts/start-server.sh "$port" "$workdir")
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$workdir"' EXIT
target/py/bin/st run "http://127.0.0.1:$port/api/v1/openapi.json" \
  --checks all --max-examples "$examples" --workers 2 --no-color
if grep -E " (ERROR|panicked)" "$workdir/server.log"; then
  echo "[schemathesis] the server logged errors (above)" >&2
  exit 1
fi
