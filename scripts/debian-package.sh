#!/usr/bin/env bash
# Installs Debian's PACKAGE when COMMAND is missing (as root, for apt-get); nothing otherwise.
# Usage: debian-package.sh COMMAND PACKAGE
set -euo pipefail
if ! command -v "$1" >/dev/null 2>&1; then
  echo "[install] installing Debian's $2" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "$2" >/dev/null
fi
