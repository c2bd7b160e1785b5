#!/usr/bin/env bash
# Create .venv (Python 3.11+) and install the project into it: scripts/venv.sh [extra ...]
#   scripts/venv.sh              the app (scripts/start.sh)
#   scripts/venv.sh test         the app and the test tools (scripts/test.sh)
#   scripts/venv.sh build        the app and PyInstaller (scripts/build-app.sh)
#
# One install serves all three: .venv/.installed records the extras installed and pyproject.toml's
# checksum. pip runs only when pyproject.toml changed or an extra is asked for that is not there
# yet, so start.sh after test.sh (or test.sh after test.sh) installs nothing; and a change keeps the
# extras installed before, so switching scripts never drops anything.
set -euo pipefail
cd "$(dirname "$0")/.."
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

stamp=".venv/.installed"
checksum="$(sha256sum pyproject.toml | cut -d' ' -f1)"
installed_checksum=""
installed_extras=()
if [[ -f "$stamp" ]]; then
  installed_checksum="$(sed -n 1p "$stamp")"
  read -r -a installed_extras <<<"$(sed -n 2p "$stamp")"
fi

# the extras wanted now: those already there (kept) and those asked for
declare -A wanted=()
for extra in "${installed_extras[@]}" "$@"; do
  [[ -n "$extra" ]] && wanted["$extra"]=1
done
missing=0
for extra in "$@"; do
  [[ " ${installed_extras[*]} " == *" $extra "* ]] || missing=1
done

if [[ "$installed_checksum" != "$checksum" || $missing -eq 1 ]]; then
  extras="$(printf '%s\n' "${!wanted[@]}" | sort | paste -sd, -)"
  echo "Installerer Python-pakkene i .venv${extras:+ (med $extras)}…" >&2
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q -e ".${extras:+[$extras]}"
  printf '%s\n%s\n' "$checksum" "${extras//,/ }" >"$stamp"
fi
