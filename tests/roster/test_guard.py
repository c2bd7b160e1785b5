"""Crafted and wrong files are refused before the spreadsheet parser sees them: quickly, with little
memory, with a clear message in both languages, and with nothing written."""

from __future__ import annotations

import struct
import subprocess
import sys
import time
import tracemalloc
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from competence.roster import RosterFileError, inspect_roster, run_import
from competence.roster.guard import check_file
from competence.roster.limits import Limits
from competence.uow import UnitOfWork
from db.models import Employee, ImportRun
from tests.roster.builders import RosterSpec, simple_rows, write_roster
from tests.support.crafted import HEADER_ROW, patch_declared_size, sheet, xlsx


@pytest.fixture
def no_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if the spreadsheet parser is ever asked to open the file."""
    import competence.roster.reader as reader

    class Forbidden:
        @staticmethod
        def from_path(*args: object, **kwargs: object) -> None:
            raise AssertionError("the parser must not see a refused file")

    monkeypatch.setattr(reader, "CalamineWorkbook", Forbidden)


def refused(path: Path, code: str, *, limits: Limits | None = None) -> RosterFileError:
    """Check the file is refused with ``code`` within a second and 32 MB of Python memory."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(RosterFileError) as info:
            check_file(path, limits) if limits else check_file(path)
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert info.value.code == code, info.value.message("en")
    assert elapsed < 2.0, f"took {elapsed:.2f} s"
    assert peak < 32 * 1024 * 1024, f"peak {peak / 1e6:.0f} MB"
    assert info.value.message("nb") != info.value.message("en")
    return info.value


@pytest.fixture(scope="module")
def bomb_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("bombs")


def test_zip_bomb_is_refused_from_the_directory(bomb_dir: Path) -> None:
    filler = b" " * (64 * 1024 * 1024)
    body = sheet("").encode().replace(b"<sheetData>", b"<sheetData>" + filler)
    path = xlsx(bomb_dir / "bomb.xlsx", body)
    del filler, body
    assert path.stat().st_size < 2 * 1024 * 1024
    error = refused(path, "zip_bomb")
    assert "zip-bombe" in error.message("nb")


def test_zip_member_larger_than_declared_is_refused(bomb_dir: Path) -> None:
    rows = "".join(f'<row r="{i}"><c r="A{i}"><v>{i}</v></c></row>' for i in range(3, 40_000))
    path = xlsx(bomb_dir / "liar.xlsx", sheet(HEADER_ROW + rows))
    patch_declared_size(path, "xl/worksheets/sheet1.xml", 4096)
    refused(path, "zip_bomb")


def test_billion_laughs_is_refused(bomb_dir: Path) -> None:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    strings = (
        f'<?xml version="1.0"?><!DOCTYPE lolz [{entities}]><sst xmlns="http://schemas.openxmlformats.org/'
        'spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>'
    )
    path = xlsx(bomb_dir / "laughs.xlsx", sheet(HEADER_ROW), {"xl/sharedStrings.xml": strings.encode()})
    error = refused(path, "xml_attack")
    assert "DTD" in error.message("en")


def test_sheet_reaching_xfd1048576_is_refused(bomb_dir: Path) -> None:
    cells = HEADER_ROW + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    path = xlsx(bomb_dir / "claims.xlsx", sheet(cells, "A1:XFD1048576"))
    error = refused(path, "too_many_rows")
    assert "1 048 576" in error.message("nb") and "Ansatte" in error.message("nb")


def test_far_apart_cells_are_refused_by_the_rectangle_they_span(bomb_dir: Path) -> None:
    cells = HEADER_ROW + '<row r="100000"><c r="ZZ100000"><v>1</v></c></row>'
    refused(xlsx(bomb_dir / "far.xlsx", sheet(cells)), "too_many_cells")
    wide = HEADER_ROW + '<row r="3"><c r="AMK3"><v>1</v></c></row>'
    refused(xlsx(bomb_dir / "wide.xlsx", sheet(wide)), "too_many_columns")


def test_cells_written_without_references_are_measured_too(bomb_dir: Path) -> None:
    """A writer may omit r="..."; the exact pass places such cells the way the parser does."""
    row = "<row>" + "<c><v>1</v></c>" * 1_200 + "</row>"
    refused(xlsx(bomb_dir / "noref.xlsx", sheet(HEADER_ROW + row)), "too_many_columns")
    prefixed = HEADER_ROW.replace("<c ", "<x:c ").replace("</c>", "</x:c>")
    far = prefixed + '<row r="300000"><x:c r="A300000"><v>1</v></x:c></row>'
    refused(xlsx(bomb_dir / "prefixed.xlsx", sheet(far)), "too_many_rows")


def test_a_lying_dimension_alone_is_harmless(bomb_dir: Path, sqlite_uow: UnitOfWork) -> None:
    """The declared dimension is not trusted either way: a sheet claiming A1:XFD1048576 with two rows
    is read as the two rows it holds, in a blink and without the memory the claim would need."""
    path = xlsx(bomb_dir / "claim-only.xlsx", sheet(HEADER_ROW, "A1:XFD1048576"))
    started = time.perf_counter()
    inspection = inspect_roster(sqlite_uow, path)
    assert time.perf_counter() - started < 2.0
    assert inspection.data_rows == 1 and inspection.ready


def test_ods_with_a_repeated_row_of_values_is_refused(bomb_dir: Path) -> None:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:'
        'opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
        '<table:table table:name="Ansatte"><table:table-row><table:table-cell office:value-type="string">'
        "<text:p>Ansattnr</text:p></table:table-cell></table:table-row>"
        '<table:table-row table:number-rows-repeated="1000000"><table:table-cell office:value-type="float" '
        'office:value="1" table:number-columns-repeated="100"/></table:table-row>'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    path = bomb_dir / "repeat.ods"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    refused(path, "too_many_rows")


def test_wrong_extensions_are_refused_with_what_the_file_is(tmp_path: Path) -> None:
    real = write_roster(tmp_path / "real.xlsx", RosterSpec(rows=simple_rows(2)))
    renamed = tmp_path / "roster.xls"
    renamed.write_bytes(real.read_bytes())
    error = refused(renamed, "wrong_extension")
    assert ".xlsx" in error.message("nb")
    csv = tmp_path / "roster.xlsx"
    csv.write_text("Ansattnr;Navn\n1;Aas, Anne\n", encoding="utf-8")
    error = refused(csv, "wrong_extension")
    assert "CSV" in error.message("en") and ".csv" in error.message("en")
    noise = tmp_path / "noise.ods"
    noise.write_bytes(bytes(range(256)) * 8)
    refused(noise, "not_a_spreadsheet")
    other = tmp_path / "roster.pdf"
    other.write_bytes(b"%PDF-1.7\n")
    assert ".csv" in refused(other, "unsupported_extension").message("nb")


def test_text_exports_named_like_spreadsheets_are_what_they_are(tmp_path: Path) -> None:
    """HR systems save CSV, HTML tables and Excel 2003 XML under the name .xls: read as such."""
    html = tmp_path / "export.xls"
    html.write_text("<html><body><table><tr><td>Ansattnr</td></tr></table></body></html>", encoding="utf-8")
    assert check_file(html).kind == "html"
    text = tmp_path / "export2.xls"
    text.write_text("Ansattnr;Navn\n1;Aas, Anne\n", encoding="utf-8")
    assert check_file(text).kind == "csv"
    xml = tmp_path / "export3.xls"
    workbook = '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>'
    xml.write_text(workbook, encoding="utf-8")
    assert check_file(xml).kind == "xml2003"


def test_oversized_empty_missing_and_damaged_files(tmp_path: Path) -> None:
    big = tmp_path / "big.xlsx"
    with big.open("wb") as fh:
        fh.truncate(65 * 1024 * 1024)  # sparse: no disk used, never read
    assert "65 MB" in refused(big, "too_large").message("nb")
    empty = tmp_path / "empty.xlsx"
    empty.touch()
    refused(empty, "empty")
    refused(tmp_path / "missing.xlsx", "not_found")
    real = write_roster(tmp_path / "real.xlsx", RosterSpec(rows=simple_rows(30)))
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(real.read_bytes()[: real.stat().st_size // 2])
    refused(cut, "damaged")


def test_too_many_members_and_encrypted_members(tmp_path: Path) -> None:
    many = xlsx(tmp_path / "many.xlsx", sheet(HEADER_ROW), {f"xl/media/{i}.xml": b"<a/>" for i in range(60)})
    refused(many, "too_many_members", limits=Limits(max_zip_members=50))
    locked = xlsx(tmp_path / "locked.xlsx", sheet(HEADER_ROW))
    data = bytearray(locked.read_bytes())
    position = data.find(b"PK\x01\x02")
    while position != -1:  # set the "encrypted" flag on every member in the central directory
        struct.pack_into("<H", data, position + 8, struct.unpack_from("<H", data, position + 8)[0] | 1)
        position = data.find(b"PK\x01\x02", position + 4)
    locked.write_bytes(bytes(data))
    refused(locked, "password_protected")


def test_refused_file_writes_nothing_but_a_failed_run(
    sqlite_uow: UnitOfWork, tmp_path: Path, no_parser: None
) -> None:
    path = xlsx(
        tmp_path / "far.xlsx", sheet(HEADER_ROW + '<row r="900000"><c r="A900000"><v>1</v></c></row>')
    )
    with pytest.raises(RosterFileError):
        run_import(sqlite_uow, path)
    with sqlite_uow:
        assert sqlite_uow.session.scalar(select(Employee.id)) is None
        run = sqlite_uow.session.scalar(select(ImportRun))
        assert run is not None and run.status == "failed" and run.counts == {"reason": "too_many_rows"}


def _chunks(data: bytes, size: int) -> Iterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]


@pytest.mark.parametrize("chunk", [1, 7, 4096])
def test_extent_scan_does_not_depend_on_chunk_boundaries(chunk: int) -> None:
    from competence.roster.extent import _xlsx_exact, _xlsx_fast

    xml = sheet(HEADER_ROW + '<row r="77"><c r="AB77" s="1"><v>2</v></c><c r="AC77" s="2"/></row>').encode()
    fast = _xlsx_fast(_chunks(xml, chunk), exact_rows=True)
    assert fast is not None and (fast.rows, fast.columns) == (77, 29)  # the empty styled AC77 counts here
    exact = _xlsx_exact(_chunks(xml, chunk))
    assert (exact.rows, exact.columns) == (77, 28)  # ...but not in the exact pass


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc for VmHWM")
def test_memory_of_a_refused_bomb_stays_small_in_a_child_process(bomb_dir: Path) -> None:
    """The parser's memory is outside Python's view; the child process's own high-water mark
    (VmHWM, reset by exec, unlike ru_maxrss) shows all of it."""
    cells = HEADER_ROW + '<row r="150000"><c r="ALL150000"><v>1</v></c></row>'
    path = xlsx(bomb_dir / "rss.xlsx", sheet(cells))
    script = (
        "import re, sys; from pathlib import Path; from competence.roster.guard import check_file\n"
        "from competence.roster.errors import RosterFileError\n"
        f"try:\n    check_file(Path({str(path)!r}))\n"
        "except RosterFileError:\n    pass\nelse:\n    sys.exit(3)\n"
        "print(re.search(r'VmHWM:\\s+(\\d+)', Path('/proc/self/status').read_text()).group(1))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    peak_mb = int(done.stdout.strip()) / 1024
    assert peak_mb < 150, f"{peak_mb:.0f} MB"
