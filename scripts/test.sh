#!/usr/bin/env bash
# Install everything the tests need and run the whole suite: lint, types, then pytest.
# Extra arguments go to pytest, e.g. scripts/test.sh -k gap
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-system-deps.sh test
scripts/venv.sh test
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
exec .venv/bin/python -m pytest "$@"
