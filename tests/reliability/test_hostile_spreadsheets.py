"""Hostile spreadsheets are refused at once and within 200 MB of memory with a clear message, end to end
through ``import-roster`` in a process of their own (which must not die: an exit code 1, not an
abort), and nothing is imported.

The import's own guard tests (tests/roster/test_guard.py) check each guard in detail; this is the
user's view of the same files: the command, its exit code, its message, the time and the memory of
the whole process (the spreadsheet reader's native memory included), and the register afterwards.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import openpyxl
import pytest

from db.session import open_database
from tests.reliability.processes import start_worker
from tests.roster.builders import RosterSpec, simple_rows, write_roster
from tests.support.biff import write_xls
from tests.support.crafted import HEADER_ROW, patch_declared_size, sheet, xlsx

#: Not a speed target (those live in benchmarks/, these machines are shared and noisy): a guard that
#: fails to stop a file before it is read runs for minutes, or is stopped by the memory bound; a
#: refusal takes well under a second on an idle machine.
MAX_SECONDS = 30.0
MAX_MEMORY_MB = 200


def test_openpyxl_reads_xml_through_defusedxml() -> None:
    assert openpyxl.DEFUSEDXML is True


def _zip_bomb(folder: Path) -> Path:
    """256 MB of sheet XML in a file of well under a megabyte."""
    path = xlsx(folder / "bombe.xlsx", sheet(HEADER_ROW))
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z, z.open("xl/worksheets/sheet2.xml", "w") as fh:
        block = b" " * (1 << 20)
        for _ in range(256):
            fh.write(block)
    return path


def _lying_directory(folder: Path) -> Path:
    rows = "".join(f'<row r="{i}"><c r="A{i}"><v>{i}</v></c></row>' for i in range(3, 60_000))
    path = xlsx(folder / "liten-pa-papiret.xlsx", sheet(HEADER_ROW + rows))
    patch_declared_size(path, "xl/worksheets/sheet1.xml", 2048)
    return path


def _billion_laughs(folder: Path, where: str) -> Path:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    if where == "strings":
        strings = (
            f'<?xml version="1.0"?><!DOCTYPE lolz [{entities}]><sst xmlns="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>'
        )
        return xlsx(folder / "latter.xlsx", sheet(HEADER_ROW), {"xl/sharedStrings.xml": strings.encode()})
    body = sheet(HEADER_ROW + '<row r="3"><c r="A3" t="inlineStr"><is><t>&lol9;</t></is></c></row>')
    body = body.replace("<worksheet", f"<!DOCTYPE lolz [{entities}]><worksheet", 1)
    return xlsx(folder / "latter-i-arket.xlsx", body)


def _claims_whole_sheet(folder: Path) -> Path:
    cells = HEADER_ROW + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    return xlsx(folder / "hele-arket.xlsx", sheet(cells, "A1:XFD1048576"))


def _two_hundred_megabytes(folder: Path) -> Path:
    path = write_roster(folder / "stor.xlsx", RosterSpec(rows=simple_rows(5)))
    with path.open("r+b") as fh:
        fh.truncate(200 * 1024 * 1024)  # a real workbook at the start, 200 MB in all (sparse on disk)
    return path


def _renamed(folder: Path, name: str, content: str | None = None) -> Path:
    path = folder / name
    if content is None:
        real = write_roster(folder / "ekte.xlsx", RosterSpec(rows=simple_rows(5)))
        path.write_bytes(real.read_bytes())
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _four_billion_rows(folder: Path) -> Path:
    """An .xls whose DIMENSIONS record claims 4e9 rows: python-calamine would abort the process."""
    rows: list[list[str | float | None]] = [["Ansattnr", "Navn"], [1, "Aas, Anne"]]
    return write_xls(folder / "krasj.xls", rows, dimensions=(0, 0xFFFFFFF0, 0, 255))


WEB_PAGE = "<html><body><p>Eksporten feilet. Kontakt brukerstøtte.</p></body></html>"
HOSTILE = {
    "zip bomb": (_zip_bomb, "zip"),
    "zip directory lying about sizes": (_lying_directory, "zip"),
    "billion laughs in shared strings": (lambda f: _billion_laughs(f, "strings"), "DTD"),
    "billion laughs in the sheet": (lambda f: _billion_laughs(f, "sheet"), "DTD"),
    "sheet reaching XFD1048576": (_claims_whole_sheet, "1 048 576"),
    "200 MB file": (_two_hundred_megabytes, "200 MB"),
    "xlsx named .xls": (lambda f: _renamed(f, "liste.xls"), "filendelse"),
    "csv named .xlsx": (lambda f: _renamed(f, "liste.xlsx", "Ansattnr;Navn\n1;Aas, Anne\n"), "CSV"),
    "xls claiming four billion rows": (_four_billion_rows, "65 536"),
    "web page without a table named .xls": (lambda f: _renamed(f, "eksport.xls", WEB_PAGE), "HTML"),
}  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_file_is_refused_quickly_and_cheaply(case: str, tmp_path: Path) -> None:
    make, expected = HOSTILE[case]
    path = make(tmp_path)
    url = f"sqlite:///{tmp_path / 'register.db'}"
    open_database(url).dispose()
    proc = start_worker("import_attempt", url, str(path))
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    result = json.loads(out)
    assert result["exit"] == 1, result
    message = result["err"]
    assert message.startswith("Feil: ") and expected in message, message
    assert "Traceback" not in message and "Uventet feil" not in message
    assert result["seconds"] < MAX_SECONDS, f"{case}: {result['seconds']:.2f} s"
    if result["peak_mb"] is not None:
        assert result["peak_mb"] < MAX_MEMORY_MB, f"{case}: {result['peak_mb']:.0f} MB"
    assert result["people"] == 0


def test_the_message_is_there_in_english_too(tmp_path: Path) -> None:
    path = _billion_laughs(tmp_path, "strings")
    url = f"sqlite:///{tmp_path / 'register.db'}"
    proc = start_worker("import_attempt", url, str(path), "en")
    out, _err = proc.communicate(timeout=120)
    result = json.loads(out)
    assert result["exit"] == 1 and result["err"].startswith("Error: ") and "DTD" in result["err"], result
