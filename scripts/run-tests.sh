#!/usr/bin/env bash
# Set up everything and run the whole test suite (the README's test command).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-env.sh test
.venv/bin/ruff check inspector tests benchmarks
.venv/bin/lint-imports
# The sync tests need a real PostgreSQL: start a throw-away server unless one is given.
if [ -z "${INSPECTOR_TEST_PG_URL:-}" ]; then
  exec scripts/start-postgres.sh .venv/bin/python -m pytest "$@"
fi
exec .venv/bin/python -m pytest "$@"
