"""Files that must be refused, each for its true reason, and files that kill the reader: the
process that asked survives and says why (docs/import.md, "Guards" and "Formats")."""

from __future__ import annotations

import os
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from competence.roster import (
    ImportOptions,
    RosterFileError,
    RosterMappingError,
    inspect_roster,
    preview_import,
)
from competence.roster.guard import check_file
from competence.roster.limits import Limits
from competence.uow import UnitOfWork
from tests.roster.builders import RosterSpec
from tests.support.biff import write_xls
from tests.support.crafted import HEADER_ROW, sheet, xlsx

ROWS: list[list[str | float | None]] = [["Ansattnr", "Navn"], [1001, "Aas, Anne"], [1002, "Berg, Bo"]]
#: A DIMENSIONS record claiming four billion rows: python-calamine asks for 43 TB and aborts.
FOUR_BILLION_ROWS = (0, 0xFFFFFFF0, 0, 255)


def refusal(path: Path, uow: UnitOfWork | None = None) -> RosterFileError:
    with pytest.raises(RosterFileError) as info:
        if uow is None:
            check_file(path)
        else:
            inspect_roster(uow, path)
    assert info.value.message("nb") != info.value.message("en")
    return info.value


# --------------------------------------------------------------------------------------------
# A file that kills the reader
# --------------------------------------------------------------------------------------------


def test_a_dimensions_record_claiming_four_billion_rows_is_refused_before_the_reader(tmp_path: Path) -> None:
    path = write_xls(tmp_path / "krasj.xls", ROWS, dimensions=FOUR_BILLION_ROWS)
    error = refusal(path)
    assert error.code == "crafted"
    assert "4 294 967 280" in error.message("nb") and "65 536" in error.message("nb")
    assert "Ansatte" in error.message("nb")  # the sheet, by its name


def test_a_reader_that_aborts_becomes_a_refusal_and_this_process_lives_on(tmp_path: Path) -> None:
    """The same file read with the guards skipped: python-calamine aborts its process ("memory
    allocation of 43808666256000 bytes failed"). It runs in the reader's child process, so here it
    is a refusal saying why, and the test process carries on."""
    from competence.roster.isolation import call_in_child
    from tests.roster.unguarded import read_without_guards

    path = write_xls(tmp_path / "krasj.xls", ROWS, dimensions=FOUR_BILLION_ROWS)
    with pytest.raises(RosterFileError) as info:
        call_in_child(read_without_guards, path, limits=Limits(), file_name=path.name)
    assert info.value.code == "too_much_memory", info.value.message("en")
    assert "krasj.xls" in info.value.message("nb")
    fine = write_xls(tmp_path / "fin.xls", ROWS)
    assert call_in_child(read_without_guards, fine, limits=Limits(), file_name=fine.name) == 3


@pytest.mark.parametrize(
    ("child", "code"),
    [
        ("import os; os.abort()", "reader_crashed"),
        ("import os, signal; os.kill(os.getpid(), signal.SIGSEGV)", "reader_crashed"),
        ("import sys; sys.stdout.write('not an answer'); sys.exit(0)", "reader_crashed"),
        ("import time; time.sleep(30)", "too_slow"),
        ("raise MemoryError", "too_much_memory"),
    ],
)
def test_whatever_ends_the_reader_is_a_refusal_of_the_file(
    child: str, code: str, tmp_path: Path, sqlite_uow: UnitOfWork, monkeypatch: pytest.MonkeyPatch
) -> None:
    from competence.roster import isolation

    monkeypatch.setattr(isolation, "child_command", lambda: [sys.executable, "-c", child])
    path = write_xls(tmp_path / "liste.xls", ROWS)
    limits = Limits(reader_seconds=2.0)
    with pytest.raises(RosterFileError) as info:
        inspect_roster(sqlite_uow, path, limits=limits)
    assert info.value.code == code, info.value.message("en")
    assert "liste.xls" in info.value.message("nb")


def test_a_refusal_in_the_reader_comes_back_as_itself(tmp_path: Path, sqlite_uow: UnitOfWork) -> None:
    path = write_xls(tmp_path / "uten.xls", [["Nummer", "Navn"], [1001, "Aas, Anne"]])
    with pytest.raises(RosterMappingError) as info:
        preview_import(sqlite_uow, path)
    assert info.value.code == "mapping_incomplete"


# --------------------------------------------------------------------------------------------
# The true reason
# --------------------------------------------------------------------------------------------


def test_an_encrypted_xls_is_password_protected_not_wide(tmp_path: Path) -> None:
    """The records after FILEPASS are noise: read as cells they reach column 60,000."""
    path = write_xls(tmp_path / "hemmelig.xls", ROWS * 20, encrypted=True)
    error = refusal(path)
    assert error.code == "password_protected" and "passordbeskyttet" in error.message("nb")


def test_excel_4_is_named_as_the_old_format_it_is(tmp_path: Path) -> None:
    path = tmp_path / "gammel.xls"
    path.write_bytes(b"\x09\x04\x06\x00\x00\x00\x10\x00\x00\x00" + b"\x00" * 200)  # a BIFF4 BOF record
    error = refusal(path)
    assert error.code == "old_excel"
    assert "gammelt Excel-format" in error.message("nb") and ".xlsx" in error.message("nb")


def test_an_unknown_code_page_is_named_not_called_damaged(tmp_path: Path, sqlite_uow: UnitOfWork) -> None:
    path = write_xls(tmp_path / "mac.xls", ROWS, codepage=10029)  # Mac Central European
    error = refusal(path, sqlite_uow)
    assert error.code == "unknown_codepage" and "kodeside" in error.message("nb")


def test_an_ods_without_its_mimetype_says_so(tmp_path: Path) -> None:
    path = tmp_path / "uten-mimetype.ods"
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
        'opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type='
        '"application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>'
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("content.xml", "<office:document-content/>")
        z.writestr("META-INF/manifest.xml", manifest)
    error = refusal(path)
    assert "OpenDocument" in error.message("nb") and "mimetype" in error.message("nb")


def _member_in(encoding: str, codec: str, body: str) -> bytes:
    return f'<?xml version="1.0" encoding="{encoding}"?>{body}'.encode(codec)


DTD = '<!DOCTYPE sst [<!ENTITY x "xxxxxxxxxx"><!ENTITY y "&x;&x;&x;&x;">]><sst><si><t>&y;</t></si></sst>'


@pytest.mark.parametrize(
    ("name", "member"),
    [
        ("UTF-16LE", "\ufeff".encode("utf-16-le") + _member_in("UTF-16", "utf-16-le", DTD)),
        ("UTF-7", b'<?xml version="1.0" encoding="UTF-7"?>' + DTD.encode("utf-7").replace(b"<", b"+ADw-")),
        ("EBCDIC", _member_in("IBM500", "cp500", DTD)),
    ],
)
def test_entity_attacks_hidden_in_other_encodings_are_named_as_attacks(
    name: str, member: bytes, tmp_path: Path
) -> None:
    path = xlsx(tmp_path / "angrep.xlsx", sheet(HEADER_ROW), {"xl/sharedStrings.xml": member})
    error = refusal(path)
    assert error.code == "xml_attack", error.message("en")
    assert name in error.message("nb")


def test_one_very_long_string_is_called_what_it_is(tmp_path: Path) -> None:
    strings = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>'
    text = os.urandom(25 * 1024 * 1024).hex().encode()  # 50 MB that compress like text, not like a bomb
    member = strings.encode() + text + b"</t></si></sst>"
    path = xlsx(tmp_path / "lang.xlsx", sheet(HEADER_ROW), {"xl/sharedStrings.xml": member})
    del member, text
    error = refusal(path)
    assert error.code == "text_too_long", error.message("en")
    assert "DTD" not in error.message("nb") and "16 MB" in error.message("nb")


def test_limit_messages_keep_their_punctuation(tmp_path: Path) -> None:
    wide = HEADER_ROW + '<row r="3"><c r="AMK3"><v>1</v></c></row>'
    error = refusal(xlsx(tmp_path / "bred.xlsx", sheet(wide)))
    assert error.code == "too_many_columns"
    assert "kolonner til høyre, lagre og prøv igjen" in error.message("nb")
    assert "1 025" in error.message("nb") and "1 000" in error.message("nb")


def test_a_sheet_whose_only_known_header_is_the_name_says_the_number_is_missing(
    make_roster: Callable[..., Path], sqlite_uow: UnitOfWork
) -> None:
    header = ("Name", "Kommentar", "Farge")
    path = make_roster(RosterSpec(header=header, rows=[["Aas, Anne", "Ny", "Blå"]], cover=False))
    with pytest.raises(RosterMappingError) as info:
        preview_import(sqlite_uow, path, ImportOptions())
    assert info.value.code == "mapping_incomplete"
    message = info.value.message("nb")
    assert "Ansattnummer" in message and "Navn" in message, message
