#!/usr/bin/env bash
# Installs what the tests need beyond the build tools: Debian's Chromium (Playwright drives it;
# it never downloads a browser of its own), Debian's aiosmtpd (the local SMTP sink the mail
# tests deliver to), Schemathesis from PyPI in target/py, and cargo-fuzz. Skipped when already
# installed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/debian-package.sh chromium chromium
chromium --version >&2
# The SMTP sink for the members' news digests (server/tests/digest.rs runs it with Debian's
# Python, /usr/bin/python3, whatever other Python comes first on PATH).
if ! /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1; then
  echo "[install-test-tools] installing Debian's python3-aiosmtpd" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq python3-aiosmtpd >/dev/null
fi
/usr/bin/python3 -c 'import aiosmtpd; print("aiosmtpd", aiosmtpd.__version__)' >&2
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
