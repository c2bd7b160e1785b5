"""CSV and TSV exports: the separator and the encoding found, quoted fields (line breaks in them
included) read with Python's own ``csv`` module, one sheet named after the file.

The separator is the one of ``;``, tab and ``,`` that splits the first lines into the same number of
fields most often (a Norwegian export writes "62,5" with a decimal comma inside ``;``-separated
fields, so the comma splits those lines unevenly); Excel's first line ``sep=;`` decides when it is
there. Cells stay text: the import's own rules read "004711", "62,5 %" and "15.01.2020" as a
spreadsheet program would.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from competence.roster.book import GrowingSheet, MemoryBook
from competence.roster.errors import refused
from competence.roster.limits import Limits
from competence.roster.probe import Probe
from competence.roster.textfile import decode

#: In order of preference when two split the lines equally well.
SEPARATORS = (";", "\t", ",")
_HINT = re.compile(r"\ufeff?sep=([;,\t|])[ \t]*(?:\r\n|\r|\n)")
_SAMPLE_LINES = 100


def _lines(text: str) -> Iterator[str]:
    """The physical lines with their endings (old Macintosh files end lines with a lone CR)."""
    if "\n" not in text and "\r" in text:
        for line in text.split("\r"):
            yield line + "\r"
        return
    for line in text.split("\n"):
        yield line + "\n"


def separator(text: str) -> str:
    """The separator that splits the first lines most consistently into two fields or more."""
    best: tuple[int, int] = (0, 0)
    chosen = SEPARATORS[0]
    for candidate in SEPARATORS:
        try:
            records = list(islice(csv.reader(_lines(text), delimiter=candidate), _SAMPLE_LINES))
        except csv.Error:
            continue
        widths = [len(r) for r in records if len(r) > 1 and any(field.strip() for field in r)]
        if not widths:
            continue
        width, times = Counter(widths).most_common(1)[0]
        if (times, width) > best:
            best, chosen = (times, width), candidate
    return chosen


def is_delimited(probe: Probe) -> bool:
    return probe.text is not None


def read_delimited(path: Path, limits: Limits) -> MemoryBook:
    text, _codec = decode(path.read_bytes())
    hint = _HINT.match(text)
    if hint is not None:
        sep, text = hint.group(1), text[hint.end() :]
    else:
        sep = separator(text)
    sheet = GrowingSheet(path.stem or path.name, limits)
    try:
        for record in csv.reader(_lines(text), delimiter=sep):
            sheet.add(list(record))
    except csv.Error:
        raise refused(
            "damaged",
            f"Filen {path.name} kan ikke leses som CSV: en verdi i anførselstegn avsluttes aldri, eller er "
            "lengre enn noen celle i et regneark. Åpne filen i Excel eller LibreOffice, lagre på nytt og "
            "prøv igjen.",
            f"The file {path.name} cannot be read as CSV: a quoted value never ends, or is longer than any "
            "spreadsheet cell. Open the file in Excel or LibreOffice, save it again and retry.",
        ) from None
    return MemoryBook([(sheet.name, True, sheet.rows)])
