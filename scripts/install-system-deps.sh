#!/usr/bin/env bash
# Install the Debian packages Kompetanseregister needs, only those that are missing.
#   scripts/install-system-deps.sh app    Python venv support and Qt's system libraries
#   scripts/install-system-deps.sh test   the above, plus PostgreSQL, LibreOffice (headless),
#                                         poppler-utils (pdftoppm, pdffonts) and Xvfb for the tests
# Uses sudo when not root; without either it says what is missing and carries on.
set -euo pipefail
what="${1:-app}"
app_pkgs=(python3-venv python3-dev libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4
  libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libfontconfig1
  libdbus-1-3 fonts-dejavu-core)
# fonts-crosextra-carlito: Calibri's metrics, so workbooks print in LibreOffice as they do in Excel
test_pkgs=(postgresql poppler-utils xvfb xauth fonts-crosextra-carlito)
# Any LibreOffice with Calc serves the tests; the -nogui flavour is the smallest.
command -v soffice >/dev/null 2>&1 || test_pkgs+=(libreoffice-calc-nogui)
pkgs=("${app_pkgs[@]}")
if [[ "$what" == "test" ]]; then pkgs+=("${test_pkgs[@]}"); fi

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -eq 0 ]]; then sudo=""
elif command -v sudo >/dev/null 2>&1; then sudo="sudo"
else
  echo "Mangler Debian-pakker (kjør som root: apt-get install ${missing[*]})" >&2
  exit 0
fi
echo "Installerer Debian-pakker: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
