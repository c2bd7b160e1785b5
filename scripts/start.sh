#!/usr/bin/env bash
# Install (if needed) and start Kompetanseregister on the embedded SQLite database.
# Extra arguments go to the app, e.g. scripts/start.sh --demo
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-system-deps.sh app
scripts/venv.sh
exec .venv/bin/python main.py "$@"
