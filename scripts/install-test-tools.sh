#!/usr/bin/env bash
# Installs what the tests need beyond the build tools: Debian's Chromium (Playwright drives it;
# it never downloads a browser of its own). Skipped when already installed.
set -euo pipefail
if ! command -v chromium >/dev/null 2>&1; then
  echo "[install-test-tools] installing Debian's chromium" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi
chromium --version >&2
