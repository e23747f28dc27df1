#!/usr/bin/env bash
# Starts the release server in the background for browser tests and measurements: a fresh
# SQLite file with demo data, no map tiles. Prints the server's PID; waits until it answers.
# Usage: start-server.sh PORT WORKDIR   (E2E_PROFILE=debug uses target/debug/server)
set -euo pipefail
cd "$(dirname "$0")/.."
port=$1
workdir=$2
# The browser tests search a lot from one address: the planners' count of searches without
# results must not run out of its per-address allowance halfway through. An SMTP server is
# named (a closed local port unless SMTP_URL names one, as scripts/e2e.sh does with its sink)
# so that the members' news page shows its form; in a fresh
# database no digest falls due while the tests run, so nothing is ever sent. The server trusts
# X-Forwarded-For as it does behind the deployment's proxy: a test that stands for another
# household names its own address there, so the public forms' allowance per address (five posts
# an hour) is not used up by the whole suite posting from 127.0.0.1.
bin=${E2E_SERVER_BIN:-target/${E2E_PROFILE:-release}/server}
# The brotli and gzip copies of the built files (written once per build; a no-op when they are
# up to date), so the tests and measurements get what a deployment sends.
LEPTOS_SITE_ROOT=target/site "$bin" precompress >"$workdir/precompress.log" 2>&1 \
  || { cat "$workdir/precompress.log" >&2; exit 1; }
DATABASE_URL="sqlite:$workdir/chancenkarte.db" DEMO_DATA=true TILE_URL=none COOKIE_SECURE=false \
  TRUST_FORWARDED_FOR=true \
  ZERO_RESULT_REPORTS_PER_HOUR=${ZERO_RESULT_REPORTS_PER_HOUR:-1000} \
  SMTP_URL=${SMTP_URL:-smtp://127.0.0.1:9} \
  LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_SITE_ROOT=target/site \
  "$bin" >"$workdir/server.log" 2>&1 &
pid=$!
# START_WAIT_SECS: how long to wait (60 s; generating many demo offers takes longer).
for _ in $(seq 1 $((${START_WAIT_SECS:-60} * 2))); do
  if curl -fs "http://127.0.0.1:$port/api/region" >/dev/null 2>&1; then
    echo "$pid"
    exit 0
  fi
  if ! kill -0 "$pid" 2>/dev/null; then break; fi
  sleep 0.5
done
echo "[start-server] the server did not come up; its log:" >&2
cat "$workdir/server.log" >&2
kill "$pid" 2>/dev/null || true
exit 1
