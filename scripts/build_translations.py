"""Update the translation source and build the compiled translation.

    python scripts/build_translations.py          # lupdate ui/ -> .ts, then lrelease .ts -> .qm
                                                  # (and qtbase_nb.ts -> .qm, Qt's own widgets)
    python scripts/build_translations.py --check  # fail if a UI string lacks an English translation

Bokmål is the source language of every string in ``ui/``; ``resources/translations/
kompetanseregister_en.ts`` holds the English translations (edit it with Qt Linguist,
``pyside6-linguist``, or by hand) and the ``.qm`` built from it is committed and loaded at start.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "kompetanseregister_en.ts"
QM = TS.with_suffix(".qm")
#: Bokmål for Qt's own widgets (file dialogs, standard buttons, context menus): Qt ships no
#: ``qtbase_nb``. Written by hand from Qt's English source texts; only lrelease'd here.
QT_TS = ROOT / "resources" / "translations" / "qtbase_nb.ts"
QT_QM = QT_TS.with_suffix(".qm")


def tool(name: str) -> str:
    """The PySide6 tool next to this Python (the venv), or on PATH."""
    local = Path(sys.executable).parent / name
    if local.exists():
        return str(local)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (scripts/venv.sh)")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))


def lupdate(ts: Path) -> None:
    ts.parent.mkdir(parents=True, exist_ok=True)
    cmd = [
        tool("pyside6-lupdate"),
        *sources(),
        "-source-language",
        "nb_NO",
        "-target-language",
        "en_GB",
        "-no-obsolete",
        "-locations",
        "none",
        "-ts",
        str(ts),
    ]
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], cwd=ROOT, check=True, capture_output=True
    )


def untranslated(ts: Path) -> list[str]:
    """Source texts with no English translation (or still marked unfinished)."""
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            unfinished = translation is None or translation.get("type") in (
                "unfinished",
                "vanished",
                "obsolete",
            )
            if unfinished or not (translation is not None and (translation.text or "").strip()):
                missing.append(f"{name}: {message.findtext('source', '')}")
    return missing


def check() -> int:
    """Extract into a scratch copy of the .ts: every string in ui/ must have a translation."""
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp) / TS.name
        shutil.copy(TS, scratch)
        lupdate(scratch)
        missing = untranslated(scratch) + untranslated(QT_TS)
    for line in missing:
        print(f"mangler oversettelse: {line}")
    return 1 if missing else 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="only check that every string is translated")
    args = parser.parse_args()
    if args.check:
        return check()
    lupdate(TS)
    lrelease(TS, QM)
    lrelease(QT_TS, QT_QM)
    missing = untranslated(TS) + untranslated(QT_TS)
    for line in missing:
        print(f"mangler oversettelse: {line}")
    print(
        f"{TS.relative_to(ROOT)}: {len(missing)} uten oversettelse; "
        f"{QM.relative_to(ROOT)} og {QT_QM.relative_to(ROOT)} bygget"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
