#!/usr/bin/env bash
# Installs what the tests need beyond the build tools: Debian's Chromium (Playwright drives it;
# it never downloads a browser of its own), Schemathesis from PyPI in target/py, and cargo-fuzz.
# Skipped when already installed.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  echo "[install-test-tools] installing Debian's chromium" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi
chromium --version >&2
# Schemathesis (PyPI) in the project's own virtual environment.
if ! target/py/bin/st --version 2>/dev/null | grep -q "$(sed -n 's/^schemathesis==//p' scripts/requirements-test.txt)"; then
  echo "[install-test-tools] installing schemathesis into target/py" >&2
  mkdir -p target
  python3 -m venv target/py
  target/py/bin/pip install -q -r scripts/requirements-test.txt
fi
target/py/bin/st --version >&2
# cargo-fuzz for the fuzz targets in fuzz/ (builds libFuzzer with the system's C++ compiler).
if ! command -v cargo-fuzz >/dev/null 2>&1; then
  echo "[install-test-tools] installing cargo-fuzz" >&2
  cargo install cargo-fuzz --version 0.13.2 --locked
fi
