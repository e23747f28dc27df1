#!/usr/bin/env bash
# Runs the Playwright tests in Debian's Chromium against the built app (release, or debug with
# E2E_PROFILE=debug), served from a fresh demo database with TILE_URL=none. Screenshots land in
# end2end/artifacts/. Mail goes to Debian's aiosmtpd as the SMTP sink, which writes each message
# into a maildir the tests read (E2E_MAILDIR).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${E2E_PORT:-3100}
smtp_port=$((port + 1000))
workdir=$(mktemp -d)
/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$smtp_port" -c aiosmtpd.handlers.Mailbox "$workdir/post" \
  >"$workdir/smtp.log" 2>&1 &
smtp_pid=$!
for _ in $(seq 1 60); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$smtp_port") 2>/dev/null; then break; fi
  sleep 0.5
done
pid=$(SMTP_URL="smtp://127.0.0.1:$smtp_port" bash scripts/start-server.sh "$port" "$workdir")
trap 'kill "$pid" "$smtp_pid" 2>/dev/null || true; rm -rf "$workdir"' EXIT
cd end2end
E2E_BASE_URL="http://127.0.0.1:$port" E2E_SERVER_LOG="$workdir/server.log" E2E_MAILDIR="$workdir/post" \
  E2E_ARTIFACTS="$PWD/artifacts" PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
  ../node_modules/.bin/playwright test "$@"
