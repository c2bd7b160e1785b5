#!/usr/bin/env bash
# Create .venv (Python 3.11+) and install the project into it: scripts/venv.sh [extras]
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"
py="${PYTHON:-}"
if [[ -z "$py" ]]; then
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      py="$candidate"; break
    fi
  done
fi
[[ -n "$py" ]] || { echo "Fant ikke Python 3.11 eller nyere." >&2; exit 1; }
[[ -x .venv/bin/python ]] || "$py" -m venv .venv
stamp=".venv/.installed${extras:+-$extras}"
if [[ ! -f "$stamp" || pyproject.toml -nt "$stamp" ]]; then
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q -e ".${extras:+[$extras]}"
  touch "$stamp"
fi
