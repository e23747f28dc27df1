#!/usr/bin/env bash
# Makes sure the local PostgreSQL (127.0.0.1:5432, trust auth) answers; the storage story must
# run there too, so the test run fails when it cannot be reached.
set -euo pipefail
url=${CHANCENKARTE_TEST_POSTGRES:-postgres://postgres@127.0.0.1:5432/postgres}
answers() { psql "$url" -qtAc 'SELECT 1' >/dev/null 2>&1; }
if ! answers && [ -d /etc/postgresql ]; then
  echo "[ensure-postgres] starting the local PostgreSQL cluster" >&2
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
  for _ in $(seq 1 30); do answers && break; sleep 1; done
fi
if ! answers; then
  echo "[ensure-postgres] PostgreSQL is not reachable at $url; the storage tests need it." >&2
  exit 1
fi
echo "[ensure-postgres] PostgreSQL answers at $url" >&2
