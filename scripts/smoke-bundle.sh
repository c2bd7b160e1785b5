#!/usr/bin/env bash
# Smoke test of the self-contained app folder that scripts/build-app.sh makes:
#   scripts/smoke-bundle.sh [dist/Kompetanseregister]
#
# Runs the bundle as a PC without Python would: an empty environment (env -i) whose PATH holds no
# Python, a home folder and register paths with æøå and spaces. Checks that the command line
# (--version, --help in bokmål, demo-data, gap-report --json, employees, export-plan, export-plans
# in spawned worker processes as on Windows, export-matrix),
# the upgrade of a register made by release 0.1.0, and the desktop app (offscreen, in bokmål and in
# English, opening a register and quitting by itself; and the message when there is no display)
# all work from the files in the folder. Prints one line per check; exits non-zero on the first
# failure. Needs only bash, coreutils and grep (and sqlite3 for the 0.1.0 register, if present).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
bundle="$(cd "${1:-dist/Kompetanseregister}" && pwd)"
cli="$bundle/kompetanse"
app="$bundle/Kompetanseregister"
[[ -x "$cli" && -x "$app" ]] || { echo "Fant ikke programmene i $bundle (bygg med scripts/build-app.sh)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
home="$work/Åse Ødegård"
data="$home/Mine data"
out="$home/Eksport og utskrift"
register="$data/kompetanse register.db"
nopython="$work/tom sti"  # PATH for the bundle: an empty folder, so no python3 can be found
mkdir -p "$home" "$data" "$out" "$nopython"

run() {  # the bundle in an empty environment; extra VAR=value words before the program are kept
  env -i HOME="$home" PATH="$nopython" LANG=C.UTF-8 XDG_CONFIG_HOME="$home/.config" \
    XDG_DATA_HOME="$home/.local/share" XDG_STATE_HOME="$home/.local/state" XDG_RUNTIME_DIR="$work" "$@"
}
ok() { printf 'OK   %s\n' "$1"; }
fail() { printf 'FEIL %s\n' "$1" >&2; [[ -n "${2:-}" ]] && printf '%s\n' "$2" >&2; exit 1; }
started=$SECONDS

run sh -c 'command -v python3 || command -v python' >/dev/null 2>&1 && fail "python finnes på PATH i testmiljøet"
ok "ingen Python på PATH"

want="Kompetanseregister $(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$root/competence/__init__.py")"
got="$(run "$cli" --version)"
[[ "$got" == "$want" ]] || fail "kompetanse --version" "ventet «$want», fikk «$got»"
ok "kompetanse --version: $got"

help="$(run "$cli" --help)"
[[ "$help" == "bruk: kompetanse "* && "$help" == *"vis denne hjelpeteksten og avslutt"* ]] ||
  fail "kompetanse --help på bokmål" "$help"
[[ "$(run "$cli" --help --lang en)" == "usage: kompetanse "* ]] || fail "kompetanse --help --lang en"
ok "kompetanse --help på bokmål og engelsk"

result="$(run "$cli" demo-data --employees 60 --db "$register" 2>&1)" || fail "kompetanse demo-data" "$result"
[[ -f "$register" ]] || fail "demo-data laget ikke $register"
ok "kompetanse demo-data --employees 60 (i «$register»)"

json="$(run "$cli" gap-report --json --db "$register")" || fail "kompetanse gap-report --json" "$json"
grep -Eq '"people": ?5[0-9]' <<<"$json" || fail "gap-report --json mangler personene" "$(head -20 <<<"$json")"
grep -q '"heatmap"' <<<"$json" || fail "gap-report --json mangler kompetansekartet"
ok "kompetanse gap-report --json"

listing="$(run "$cli" employees --db "$register")" || fail "kompetanse employees" "$listing"
number="$(sed -n 2p <<<"$listing" | cut -d' ' -f1)"
[[ "$number" =~ ^[0-9]+$ ]] || fail "kompetanse employees gav ikke et ansattnummer" "$listing"
ok "kompetanse employees (første: $number)"

plan="$out/utviklingsplan for $number.pdf"
result="$(run "$cli" export-plan "$number" "$plan" --db "$register" 2>&1)" || fail "kompetanse export-plan" "$result"
[[ "$(head -c 5 "$plan")" == "%PDF-" ]] || fail "export-plan skrev ingen PDF"
if command -v pdffonts >/dev/null 2>&1; then
  pdffonts "$plan" | grep -q "DejaVuSans" || fail "utviklingsplanen mangler skriften fra pakken" "$(pdffonts "$plan")"
fi
ok "kompetanse export-plan (PDF med DejaVu Sans fra pakken)"

plans="$out/planer for hele kommunen"
result="$(run KOMPETANSE_WORKER_START=spawn "$cli" export-plans "$plans" --unit 1000 --subunits \
  --combined "$out/alle planer.pdf" --db "$register" 2>&1)" || fail "kompetanse export-plans (egne prosesser)" "$result"
count="$(find "$plans" -name '*.pdf' | wc -l)"
[[ $count -ge 50 && "$(head -c 5 "$out/alle planer.pdf")" == "%PDF-" ]] ||
  fail "export-plans skrev $count planer" "$result"
ok "kompetanse export-plans: $count planer laget i nystartede arbeidsprosesser (spawn), som i Windows"

matrix="$out/kompetansematrise æøå.xlsx"
result="$(run "$cli" export-matrix "$matrix" --db "$register" 2>&1)" || fail "kompetanse export-matrix" "$result"
[[ "$(head -c 2 "$matrix")" == "PK" ]] || fail "export-matrix skrev ingen arbeidsbok"
ok "kompetanse export-matrix"

# the roster is read in a child process of the frozen program (competence/roster/isolation.py)
roster="$out/ansattliste æøå.csv"
printf 'Ansattnr;Etternavn;Fornavn;Enhet;Stilling;Stillingsprosent\n90001;Ødegård;Åse;1000;Rådgiver;80\n' >"$roster"
result="$(run "$cli" import-roster "$roster" --partial --json --db "$register" 2>&1)" || fail "kompetanse import-roster" "$result"
[[ "$result" == *'"created": 1'* || "$result" == *'"created":1'* ]] || fail "import-roster la ikke til personen" "$result"
ok "kompetanse import-roster (CSV, lest i en egen prosess av det pakkede programmet)"

if command -v sqlite3 >/dev/null 2>&1; then
  old="$data/fra versjon 0.1.0.db"
  sqlite3 "$old" <"$root/tests/fixtures/register-0.1.0.sql"
  result="$(run "$cli" employees --search ødegård --db "$old" 2>&1)" || fail "register fra 0.1.0" "$result"
  grep -q "Registeret er oppgradert" <<<"$result" || fail "oppgraderingen ble ikke meldt" "$result"
  grep -q "90001" <<<"$result" || fail "dataene fra 0.1.0 mangler etter oppgraderingen" "$result"
  compgen -G "$data/backups/fra versjon 0.1.0-before-*.db" >/dev/null || fail "ingen kopi før oppgraderingen"
  ok "register fra versjon 0.1.0 oppgradert, med kopi først"
fi

smoke="$(run QT_QPA_PLATFORM=offscreen "$app" --db "$register" --smoke-test 2>&1)" || fail "Kompetanseregister --smoke-test" "$smoke"
grep -q "^SMOKE-TEST OK: register=$register; ansatte=6[0-9]; " <<<"$smoke" || fail "programmet åpnet ikke registeret" "$smoke"
grep -q "språk=nb; qt-oversettelse=qtbase_nb.qm; .*pakket=ja" <<<"$smoke" || fail "bokmål i programmet" "$smoke"
grep -q "lisenstekster=[2-9][0-9];" <<<"$smoke" || fail "lisensene i Hjelp → Om mangler i pakken" "$smoke"
ok "Kompetanseregister åpner registeret og avslutter selv (bokmål, lisensene med)"

set +e
message="$(run "$app" --db "$register" 2>&1)"
code=$?
set -e
[[ $code -eq 1 && "$message" == "Fant ingen skjerm"* ]] || fail "uten skjerm (kode $code)" "$message"
ok "uten skjerm: melding på norsk, ikke Qts avbrudd"

mkdir -p "$home/.config/Kompetanseregister"
printf '[ui]\nlanguage=en\n' >"$home/.config/Kompetanseregister/Kompetanseregister.ini"
smoke="$(run QT_QPA_PLATFORM=offscreen "$app" --db "$register" --smoke-test 2>&1)" || fail "Kompetanseregister på engelsk" "$smoke"
grep -q "språk=en; qt-oversettelse=qtbase_en.qm;" <<<"$smoke" || fail "Qts engelske oversettelse fra pakken" "$smoke"
ok "Kompetanseregister på engelsk, med Qts egen oversettelse fra pakken"

echo "Røyktesten av $bundle gikk bra ($((SECONDS - started)) s)."
