#!/usr/bin/env bash
# Set up everything and run the whole test suite (the README's test command).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-env.sh test
.venv/bin/ruff check inspector tests benchmarks
.venv/bin/lint-imports
exec .venv/bin/python -m pytest "$@"
