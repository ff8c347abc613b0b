#!/usr/bin/env bash
# Set up everything and start Inspector on the embedded SQLite database in the user data folder.
# With no database yet, the demo city is loaded first so there is something to look at.
# Arguments are passed to `inspector` (e.g. `scripts/run-app.sh stats`).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-env.sh runtime
if [ "$#" -eq 0 ]; then
  data_dir="$(.venv/bin/python -c 'from inspector.paths import data_dir; print(data_dir())')"
  if [ ! -e "$data_dir/inspector.db" ]; then
    .venv/bin/inspector demo
  fi
  if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    echo "No display found: start Inspector from a desktop session, or run 'scripts/run-app.sh stats'." >&2
    exit 1
  fi
fi
exec .venv/bin/inspector "$@"
