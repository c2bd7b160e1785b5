#!/usr/bin/env bash
# Install everything the tests need and run the whole suite: lint, types, the self-contained app
# (built and smoke-tested: scripts/build-app.sh, scripts/smoke-bundle.sh), then pytest.
# Extra arguments go to pytest and run pytest alone, e.g. scripts/test.sh -k gap
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-system-deps.sh test
scripts/venv.sh test build
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
if [[ $# -eq 0 ]]; then
  scripts/build-app.sh --smoke
fi
# on every core the machine has (CI has two): each worker starts its own throwaway PostgreSQL
# (tests/support/pg.py); PYTEST_WORKERS=0 runs in one process
exec .venv/bin/python -m pytest -n "${PYTEST_WORKERS:-auto}" "$@"
