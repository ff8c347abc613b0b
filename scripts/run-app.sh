#!/usr/bin/env bash
# Set up everything and start Inspector on the embedded SQLite database in the user data folder.
# With no database yet, the demo city is loaded so there is something to look at.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-env.sh runtime
if [ "$#" -eq 0 ]; then
  data_dir="$(.venv/bin/python -c 'from inspector.paths import data_dir; print(data_dir())')"
  if [ ! -e "$data_dir/inspector.db" ]; then
    .venv/bin/inspector demo
  fi
  exec .venv/bin/inspector stats
fi
exec .venv/bin/inspector "$@"
