#!/usr/bin/env bash
# Prepare a machine for Inspector: system libraries Qt needs (Debian/Ubuntu, when run as root
# or with sudo), then a virtual environment in .venv with the project installed.
# Usage: scripts/setup-env.sh [runtime|test]
set -euo pipefail
cd "$(dirname "$0")/.."
kind="${1:-runtime}"

# Qt's offscreen and xcb platforms need these on a bare machine (docs: platform notes).
qt_libs="libgl1 libegl1 libxkbcommon0 libglib2.0-0 libfontconfig1 libdbus-1-3"
# A real window (xcb) needs these as well.
xcb_libs="libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0"
# pdftoppm renders report pages, zbarimg reads plaque QR codes, PostgreSQL serves the sync tests,
# LibreOffice (soffice) opens the exported ledgers as Excel and WPS would, Chromium runs the
# plaque verification page.
test_tools="poppler-utils zbar-tools postgresql libreoffice-calc-nogui chromium"
wanted="$qt_libs python3-venv"
[ "$kind" = runtime ] && wanted="$wanted $xcb_libs"
[ "$kind" = test ] && wanted="$wanted $test_tools"
missing=""
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in $wanted; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
  done
fi
if [ -n "$missing" ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing system packages:$missing" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

python="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
if [ "$kind" = test ]; then
  .venv/bin/python -m pip install -q -e '.[test]'
else
  .venv/bin/python -m pip install -q -e .
fi
