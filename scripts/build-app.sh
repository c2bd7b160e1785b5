#!/usr/bin/env bash
# Build the self-contained app folder dist/Kompetanseregister/ (PyInstaller, one folder):
#   Kompetanseregister   the desktop app
#   kompetanse           the command line
# Runs on a PC without Python: copy the folder anywhere (or pack it: tar, zip) and start it.
#
#   scripts/build-app.sh           build (installs PyInstaller into .venv first, like start.sh)
#   scripts/build-app.sh --smoke   build, then run scripts/smoke-bundle.sh on the result
#
# The same spec (packaging/kompetanseregister.spec) builds the Windows folder in
# .github/workflows/windows.yml; docs/install-windows.md describes the installer made from it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-system-deps.sh app
scripts/venv.sh build
started=$SECONDS
rm -rf dist/Kompetanseregister
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/kompetanseregister.spec
size="$(du -sm dist/Kompetanseregister | cut -f1)"
echo "Bygget dist/Kompetanseregister/ ($size MB) på $((SECONDS - started)) s." >&2
if [[ "${1:-}" == "--smoke" ]]; then
  scripts/smoke-bundle.sh dist/Kompetanseregister
fi
