"""Turning a roster cell, as a spreadsheet program left it, into the value the register stores.

Every normaliser accepts whatever a cell may hold (text, int, float, bool, date, datetime, time,
timedelta, None) and either returns the clean value, None for a blank, or raises
:class:`CellError` with a reason code and a bilingual message that never quotes more than the
cell's own short value (and never an identity number: those are caught before).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import TypeVar

from competence.identifiers import canonical_number, clean_text
from db.codes import EmploymentType

#: Cells that say "nothing here" in HR exports.
_BLANK_TEXT = frozenset({"", "-", "–", "—", "n/a", "N/A", "NULL", "null", "#N/A"})
_PERCENT_WORDS = re.compile(r"\s*(?:%|prosent|pst\.?|pct\.?|percent)$", re.IGNORECASE)
_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)")
_DMY = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})")
_YMD = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
#: Whitespace other than a single space, or two spaces in a row: what :func:`clean_text` would change.
_ODD_SPACE = re.compile(r"[^\S ]| {2}")
T = TypeVar("T")
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_FIRST_YEAR = 1900
_LAST_YEAR = 2100


class CellError(ValueError):
    """A cell that cannot become the value its column stands for."""

    def __init__(self, reason: str, message_nb: str, message_en: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.message_nb = message_nb
        self.message_en = message_en


def clean(value: str) -> str:
    """:func:`competence.identifiers.clean_text` for a string, without its cost when nothing changes.

    Most roster cells are already trimmed, NFC and single-spaced; checking that is several times
    cheaper than normalising, and a roster has half a million cells.
    """
    stripped = value.strip()
    if _ODD_SPACE.search(stripped) is None and (
        stripped.isascii() or unicodedata.is_normalized("NFC", stripped)
    ):
        return stripped
    return clean_text(stripped)


def is_blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return value == "" or value.strip() in _BLANK_TEXT
    return isinstance(value, float) and math.isnan(value)


def _shown(value: object, limit: int = 20) -> str:
    """A cell's value as a message may quote it: short, one line."""
    text = clean_text(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def text(value: object) -> str:
    """Trimmed (NBSP too), inner spaces collapsed, NFC; whole numbers without ".0"; blanks → ""."""
    if isinstance(value, str):
        return "" if is_blank(value) else clean(value)
    if is_blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return f"{value:%d.%m.%Y}"
    if isinstance(value, dt.date):
        return f"{value:%d.%m.%Y}"
    return clean_text(value)


def identifier(value: object) -> str | None:
    """An employee, unit or manager number in canonical form: 4711, 4711.0 and "004711" are "4711"."""
    if isinstance(value, float) and value.is_integer() and value >= 0:
        return str(int(value))
    if is_blank(value):
        return None
    if isinstance(value, str):
        value = clean(value)
        if value.isdigit() and value.isascii():
            return value.lstrip("0") or "0"
    return canonical_number(value)


def fte(value: object) -> float | None:
    """Stillingsprosent as 0-100.

    80, "80", "80 %", "80%", "62,5 %" → 80 / 62.5. A number from 0 to 1 without a percent sign is a
    fraction (0.8 from a percent-formatted cell → 80; 1 → 100): nobody holds a 1 % position, many
    hold 100 %. A percent sign means what it says ("1 %" is 1).
    """
    if is_blank(value):
        return None
    explicit = False
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise _fte_invalid(value)
    if isinstance(value, str):
        raw = clean(value)
        stripped = _PERCENT_WORDS.sub("", raw)
        explicit = stripped != raw
        if not _NUMBER.fullmatch(stripped):
            raise _fte_invalid(value)
        number = float(stripped.replace(",", "."))
    else:
        number = float(value)
    if math.isnan(number) or math.isinf(number):
        raise _fte_invalid(value)
    if not explicit and 0 < number <= 1:
        number *= 100
    number = round(number, 4)
    if not 0 <= number <= 100:
        raise CellError(
            "fte_range",
            f"Stillingsprosent må være mellom 0 og 100 (fikk {number:g}).",
            f"FTE percent must be between 0 and 100 (got {number:g}).",
        )
    return number


def _fte_invalid(value: object) -> CellError:
    shown = _shown(value)
    return CellError(
        "fte_invalid",
        f"Stillingsprosent «{shown}» er ikke et tall.",
        f"FTE percent '{shown}' is not a number.",
    )


def date(value: object, *, today: dt.date | None = None) -> dt.date | None:
    """A date cell, or text as dd.mm.yyyy (also d.m.yy, dd/mm/yyyy, yyyy-mm-dd), or an Excel serial."""
    if is_blank(value):
        return None
    if isinstance(value, dt.datetime):
        return _in_range(value.date(), value)
    if isinstance(value, dt.date):
        return _in_range(value, value)
    if isinstance(value, bool | dt.time | dt.timedelta):
        raise _date_invalid(value)
    if isinstance(value, int | float):
        if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
            raise _date_invalid(value)
        if not 1 <= value < 2_958_466:
            raise _date_invalid(value)
        return _in_range(_EXCEL_EPOCH + dt.timedelta(days=int(value)), value)
    written = clean(str(value))
    raw = written.replace(" ", "")
    match = _DMY.fullmatch(raw)
    if match:
        day, month, year = (int(g) for g in match.groups())
        if len(match.group(3)) == 2:
            pivot = ((today or dt.date.today()).year + 1) % 100
            year += 2000 if year <= pivot else 1900
        return _build(year, month, day, value)
    match = _YMD.fullmatch(raw) or _YMD.fullmatch(written)
    if match:
        year, month, day = (int(g) for g in match.groups())
        return _build(year, month, day, value)
    raise _date_invalid(value)


def _build(year: int, month: int, day: int, value: object) -> dt.date:
    try:
        built = dt.date(year, month, day)
    except ValueError:
        shown = _shown(value)
        raise CellError(
            "date_impossible",
            f"Datoen «{shown}» finnes ikke.",
            f"The date '{shown}' does not exist.",
        ) from None
    return _in_range(built, value)


def _in_range(day: dt.date, value: object) -> dt.date:
    if not _FIRST_YEAR <= day.year <= _LAST_YEAR:
        shown = _shown(value)
        raise CellError(
            "date_impossible",
            f"Datoen «{shown}» er ikke mulig (år {day.year}).",
            f"The date '{shown}' is not possible (year {day.year}).",
        )
    return day


def _date_invalid(value: object) -> CellError:
    shown = _shown(value)
    return CellError(
        "date_invalid",
        f"«{shown}» er ikke en dato (bruk dd.mm.åååå).",
        f"'{shown}' is not a date (use dd.mm.yyyy).",
    )


def split_name(value: object) -> tuple[str, str]:
    """(first name, last name) from one name cell.

    "Hansen, Kari Marie" → ("Kari Marie", "Hansen"): the form HR systems export. Without a comma,
    "Kari Marie Hansen" → ("Kari Marie", "Hansen"). A single word is a last name.
    """
    full = text(value)
    if "," in full:
        last, _, first = full.partition(",")
        return first.strip(), last.strip()
    first, _, last = full.rpartition(" ")
    return first, last


# --------------------------------------------------------------------------------------------
# Whole columns at once: the same normalisers with the common cases decided inline, since a
# roster has half a million cells and a function call per cell is most of the cost.
# --------------------------------------------------------------------------------------------


def _clean_or_blank(value: str) -> str:
    stripped = value.strip()
    return "" if stripped in _BLANK_TEXT else clean(stripped)


def _column_is_clean(strings: list[str]) -> bool:
    """True when no cell needs trimming, space collapsing or NFC: decided over the column joined with
    NUL, by the string methods (each one pass in C; a regular expression for the same is ten times
    slower). What :func:`clean` would change: a space at a cell's start or end, two spaces in a row,
    or any other whitespace (tabs, line breaks, NBSP), which ``split`` finds."""
    joined = "\x00".join(strings)
    if "  " in joined or " \x00" in joined or "\x00 " in joined or joined[:1] == " " or joined[-1:] == " ":
        return False
    unspaced = joined.replace(" ", "")
    words = unspaced.split(None, 1)
    if unspaced and (len(words) != 1 or len(words[0]) != len(unspaced)):
        return False
    return joined.isascii() or unicodedata.is_normalized("NFC", joined)


def text_column(values: Sequence[object]) -> list[str]:
    """:func:`text` per cell."""
    kinds = set(map(type, values))
    if kinds <= {str} and _column_is_clean(values):  # type: ignore[arg-type]
        if _BLANK_TEXT.isdisjoint(values):
            return list(values)  # type: ignore[arg-type]
        return [("" if v in _BLANK_TEXT else v) for v in values]  # type: ignore[misc]
    return [
        ("" if v == "" else _clean_or_blank(v)) if type(v) is str else ("" if v is None else text(v))
        for v in values
    ]


def split_name_column(written: Sequence[str]) -> tuple[list[str], list[str]]:
    """:func:`split_name` per cell of a column already cleaned: (first names, last names)."""
    parts = [w.partition(",") for w in written]
    first = [p[2].strip() if p[1] else w.rpartition(" ")[0] for p, w in zip(parts, written, strict=True)]
    last = [p[0].strip() if p[1] else w.rpartition(" ")[2] for p, w in zip(parts, written, strict=True)]
    return first, last


def identifier_column(values: Sequence[object]) -> list[str | None]:
    """:func:`identifier` per cell: number cells and text such as "4711" (as CSV files hold them)
    decided inline."""
    return [
        str(int(v))
        if type(v) is float and v.is_integer() and v >= 0
        else v
        if type(v) is str and v.isdigit() and v.isascii() and v[0] != "0"
        else (None if v == "" else identifier(v))
        for v in values
    ]


def attempt(normalise: Callable[[object], T], value: object) -> T | CellError:
    try:
        return normalise(value)
    except CellError as exc:
        return exc


def _fte_text(value: str) -> float | None:
    """ "80", "62,5 %", "0,8": the common spellings in a text file, read without the general
    parser; None for anything else (which :func:`fte` then reads, or refuses)."""
    number = value.strip()
    explicit = number.endswith("%")
    if explicit:
        number = number[:-1].rstrip()
    if not number.replace(",", "", 1).replace(".", "", 1).isdigit():
        return None
    try:
        share = float(number.replace(",", "."))
    except ValueError:
        return None
    if not explicit and 0 < share <= 1:
        share *= 100
    share = round(share, 4)
    return share if 0 <= share <= 100 else None


def fte_column(values: Sequence[object]) -> list[float | CellError | None]:
    """:func:`fte` per cell; a cell that fails holds its :class:`CellError`."""
    return [
        round(float(v), 4)
        if (type(v) is float or type(v) is int) and 1 < v <= 100
        else round(v * 100, 4)
        if type(v) is float and 0 < v <= 1
        else _fte_cell(v)
        for v in values
    ]


def _fte_cell(value: object) -> float | CellError | None:
    found = _fte_text(value) if type(value) is str else None
    return found if found is not None else attempt(fte, value)


def _dmy_text(value: str) -> dt.date | None:
    """ "15.01.2020", the usual spelling in a text file, read without the general parser; None for
    anything else (which :func:`date` then reads, or refuses)."""
    if len(value) != 10 or value[2] != "." or value[5] != "." or not value.replace(".", "").isdigit():
        return None
    try:
        day = dt.date(int(value[6:]), int(value[3:5]), int(value[:2]))
    except ValueError:
        return None
    return day if _FIRST_YEAR <= day.year <= _LAST_YEAR else None


def date_column(values: Sequence[object]) -> list[dt.date | CellError | None]:
    """:func:`date` per cell; a cell that fails holds its :class:`CellError`."""
    return [
        v if type(v) is dt.date and _FIRST_YEAR <= v.year <= _LAST_YEAR else _date_cell(v) for v in values
    ]


def _date_cell(value: object) -> dt.date | CellError | None:
    found = _dmy_text(value) if type(value) is str else None
    return found if found is not None else attempt(date, value)


# --------------------------------------------------------------------------------------------
# Position details: employment type, main-position flag, codes
# --------------------------------------------------------------------------------------------

#: What HR systems write for each employment type (folded: lower case, no punctuation).
_EMPLOYMENT_TYPES = {
    EmploymentType.PERMANENT: (
        "fast",
        "fastansatt",
        "fast ansatt",
        "fast stilling",
        "fast ansettelse",
        "permanent",
        "f",
    ),
    EmploymentType.TEMPORARY: (
        "midlertidig",
        "midl",
        "midlertidig ansatt",
        "midlertidig stilling",
        "temporary",
        "m",
    ),
    EmploymentType.SUBSTITUTE: ("vikar", "vikariat", "vikariat stilling", "substitute", "v"),
    EmploymentType.PROJECT: (
        "engasjement",
        "prosjekt",
        "prosjektstilling",
        "fixed term",
        "fixed-term",
        "project",
        "e",
    ),
}
_EMPLOYMENT_TYPE_OF = {
    spelling: kind for kind, spellings in _EMPLOYMENT_TYPES.items() for spelling in spellings
}
_YES = frozenset(
    {"ja", "j", "yes", "y", "x", "1", "true", "sann", "hoved", "hovedstilling", "main", "primary"}
)
_NO = frozenset({"nei", "n", "no", "0", "false", "usann", "bi", "bistilling", "secondary"})
_FOLD = re.compile(r"[\s.]+")
_LEADING_CODE = re.compile(r"(\d[\d .]*\d|\d)(?:\s+\D.*)?")


def _folded(value: object) -> str:
    return _FOLD.sub(" ", text(value).casefold()).strip()


def employment_type(value: object) -> EmploymentType | None:
    """An :class:`~db.codes.EmploymentType` from what an HR system writes (fast, midlertidig, vikar
    or engasjement: "Fast ansatt", "Vikariat", "Midl."); None for a blank."""
    if is_blank(value):
        return None
    found = _EMPLOYMENT_TYPE_OF.get(_folded(value))
    if found is None:
        shown = _shown(value)
        raise CellError(
            "employment_type_unknown",
            f"Ansettelsesformen «{shown}» er ikke kjent (fast, midlertidig, vikar eller engasjement).",
            f"The employment type '{shown}' is not known (fast, midlertidig, vikar or engasjement).",
        )
    return found


def yes_no(value: object) -> bool | None:
    """Ja/Nei, J/N, X, 1/0, a boolean cell, "Hoved"/"Bi" → True/False; None for a blank."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return value
    folded = _folded(value)
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    shown = _shown(value)
    raise CellError(
        "main_position_invalid",
        f"«{shown}» er verken ja eller nei.",
        f"'{shown}' is neither yes nor no.",
    )


def code(value: object, lengths: tuple[int, ...], label_nb: str, label_en: str) -> str | None:
    """A numeric code of one of ``lengths`` digits: 7174, "7174", "7174 Sykepleier", "2223.101"."""
    if is_blank(value):
        return None
    written = str(int(value)) if isinstance(value, float) and value.is_integer() else text(value)
    found = _LEADING_CODE.fullmatch(written)
    digits = re.sub(r"[ .]", "", found.group(1)) if found else ""
    if len(digits) not in lengths:
        shown = _shown(value)
        allowed = " eller ".join(str(n) for n in lengths)
        allowed_en = " or ".join(str(n) for n in lengths)
        raise CellError(
            "code_invalid",
            f"{label_nb} «{shown}» er ikke {allowed} siffer.",
            f"{label_en} '{shown}' is not {allowed_en} digits.",
        )
    return digits
