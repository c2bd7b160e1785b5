"""The formats a roster file can be in: one table, one entry per format (docs/import.md, "Formats").

Each entry says how the format is recognised from the file's content (never from its name alone),
what is checked before any parser sees the file, and how it is read into the same rows
(:class:`competence.roster.book.Book`). Entries without a reader are recognised only to be refused
with the true reason (a binary .xlsb, a password-protected workbook, an Excel 4 file, a Word file),
rather than "not a spreadsheet". The first entry whose recogniser says yes is the file's format;
adding a format is adding an entry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from competence.roster import delimited, htmltables, ooxml, opendocument, spreadsheetml, xls
from competence.roster.book import Book
from competence.roster.limits import Limits
from competence.roster.probe import Probe
from competence.roster.reader import read_with_calamine

Recognise = Callable[[Probe], bool]
Check = Callable[[Probe, Limits], None]
Read = Callable[[Path, Limits], Book]


@dataclass(frozen=True)
class Format:
    kind: str
    #: Extensions a file of this format may have (the first is the one to suggest).
    extensions: tuple[str, ...]
    #: What the file is, as a message says it ("innholdet er ...").
    name_nb: str
    name_en: str
    recognise: Recognise
    #: Raises :class:`competence.roster.errors.RosterFileError` for a file that must not be parsed.
    check: Check
    #: ``read(path, limits) -> Book``; None for a format recognised only to be refused by ``check``.
    read: Read | None = None
    #: The reader is native code that lets Python run beside it (python-calamine): in the reader's
    #: child process it reads while ``check`` runs, and a refusal by ``check`` still wins
    #: (competence/roster/loading.py).
    read_while_checking: bool = False


def _is_zip(probe: Probe) -> bool:
    return probe.zip is not None


def _checked_as_read(probe: Probe, limits: Limits) -> None:
    """Nothing to look at first: the program's own reader parses this format without entities or
    network, and holds the limits on rows, columns and cells row by row as it reads."""


FORMATS: tuple[Format, ...] = (
    Format(
        "ods", (".ods",), "et OpenDocument-regneark (.ods)", "an OpenDocument spreadsheet (.ods)",
        opendocument.is_spreadsheet, opendocument.check_spreadsheet, read_with_calamine, True,
    ),
    Format(
        "xlsb", (".xlsb",), "en binær Excel-arbeidsbok (.xlsb)", "a binary Excel workbook (.xlsb)",
        ooxml.is_binary_workbook, ooxml.refuse_binary_workbook,
    ),
    Format(
        "xlsx", (".xlsx", ".xlsm"), "en Excel-arbeidsbok (.xlsx)", "an Excel workbook (.xlsx)",
        ooxml.is_workbook, ooxml.check_workbook, read_with_calamine, True,
    ),
    Format(
        "office", (".docx", ".pptx"), "et Office-dokument", "an Office document",
        ooxml.is_office_document, ooxml.refuse_office_document,
    ),
    Format(
        "zip", (".zip",), "en zip-fil", "a zip archive",
        _is_zip, opendocument.refuse_other_zip,
    ),
    Format(
        "encrypted", (".xlsx",), "en passordbeskyttet arbeidsbok", "a password-protected workbook",
        xls.is_encrypted_office, xls.refuse_encrypted,
    ),
    Format(
        "xls", (".xls",), "en eldre Excel-arbeidsbok (.xls)", "an older Excel workbook (.xls)",
        xls.is_workbook, xls.check_workbook, read_with_calamine, True,
    ),
    Format(
        "compound", (".doc",), "et eldre Office-dokument", "an older Office document",
        xls.is_compound, xls.refuse_other_document,
    ),
    Format(
        "old_excel", (".xls",), "en Excel 2-4-arbeidsbok", "an Excel 2-4 workbook",
        xls.is_old_excel, xls.refuse_old_excel,
    ),
    Format(
        "xml2003", (".xml", ".xls"), "et XML-regneark fra Excel 2003", "an Excel 2003 XML spreadsheet",
        spreadsheetml.is_spreadsheetml, spreadsheetml.check_xml, spreadsheetml.read_spreadsheetml,
    ),
    Format(
        "html", (".html", ".htm", ".xls"), "en nettside (HTML)", "a web page (HTML)",
        htmltables.is_html, _checked_as_read, htmltables.read_tables,
    ),
    Format(
        "xml", (".xml",), "en XML-fil", "an XML file",
        spreadsheetml.is_other_xml, spreadsheetml.refuse_other_xml,
    ),
    Format(
        "csv", (".csv", ".tsv", ".txt", ".xls"), "en tekstfil (CSV)", "a text file (CSV)",
        delimited.is_delimited, _checked_as_read, delimited.read_delimited,
    ),
)  # fmt: skip

#: Every extension a readable format may have: other files are refused before they are opened.
EXTENSIONS = frozenset(e for f in FORMATS if f.read is not None for e in f.extensions) | {".xlsb"}
BY_KIND = {f.kind: f for f in FORMATS}


def identify(probe: Probe) -> Format | None:
    """The file's format, from its content; None when no entry recognises it."""
    for candidate in FORMATS:
        if candidate.recognise(probe):
            return candidate
    return None
