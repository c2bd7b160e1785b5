"""How numbers are rounded and written, in the app, the PDFs, the workbooks and the CLI alike.

One rule everywhere, so the same figure never reads 13 on the screen and 12 on paper:

* Rounding is half away from zero (12.5 → 13, as a person rounds and as Excel shows it), never
  Python's half-to-even (``f"{12.5:.0f}"`` is "12").
* Norwegian: decimal comma, a space between thousands and before the percent sign: ``12,5``,
  ``50 000``, ``51 %``. English: ``12.5``, ``50,000``, ``51%``. The spaces are non-breaking, so a
  figure never wraps apart from its sign.
* A gap (avvik) is in percentage points of the scale (prosentpoeng), shown with at most one
  decimal: DigComp's eight levels are 12.5 points apart, so a half point is real, not noise.
  Whole values lose their ",0".
* Shares (the share meeting a requirement) are whole percents.

Workbooks hold numbers, not text: :func:`excel_percent_format` and :data:`EXCEL_POINTS` are the
number formats that show them the same way (the spreadsheet supplies the decimal mark of its own
locale).
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

from competence.language import normalise_language

NBSP = "\u00a0"
#: decimal mark and thousands separator per language
_MARKS = {"nb": (",", NBSP), "en": (".", ",")}
_PERCENT_SIGN = {"nb": f"{NBSP}%", "en": "%"}
#: Decimals of a gap in percentage points.
POINTS_DECIMALS = 1
#: Workbook format of a gap or a mean gap: the stored value is already rounded by
#: :func:`round_points`, and "General" shows it as it is (12.5, 13), with the reader's decimal mark.
EXCEL_POINTS = "General"
#: Workbook format of a number with one decimal (hours, percentages of a scale as means).
EXCEL_ONE_DECIMAL = "0.0"


def round_half_up(value: float, decimals: int = 0) -> float:
    """``value`` rounded half away from zero. Binary noise is taken off first (62.5 - 50 may be
    12.499999999999998), so a value that is a half on paper rounds up."""
    clean = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-9), ROUND_HALF_EVEN)
    return float(clean.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP))


def round_points(gap: float) -> float:
    """A gap in percentage points as it is shown and exported: one decimal, half up."""
    return round_half_up(gap, POINTS_DECIMALS)


def format_number(value: float, decimals: int = 1, lang: str = "nb", *, keep_zeros: bool = False) -> str:
    """``value`` with up to ``decimals`` decimals (half up), digit groups and the language's marks.

    A whole value is written without decimals ("100", not "100,0") unless ``keep_zeros``.
    """
    point, group = _MARKS[normalise_language(lang)]
    rounded = round_half_up(value, decimals)
    if not keep_zeros and rounded.is_integer():
        decimals = 0
    text = f"{abs(rounded):,.{decimals}f}"
    whole, _, fraction = text.partition(".")
    whole = whole.replace(",", group)
    sign = "-" if rounded < 0 else ""
    return f"{sign}{whole}{point}{fraction}" if fraction else f"{sign}{whole}"


def format_int(value: int | float, lang: str = "nb") -> str:
    """A whole number with digit groups: ``50 000`` / ``50,000``."""
    return format_number(value, 0, lang)


def percent_sign(lang: str = "nb") -> str:
    """What follows a number to make it a percentage: " %" (non-breaking) or "%"."""
    return _PERCENT_SIGN[normalise_language(lang)]


def format_percent(value: float, decimals: int = 0, lang: str = "nb") -> str:
    """A value that is already in percent (0-100): ``51 %`` / ``51%``."""
    return format_number(value, decimals, lang) + percent_sign(lang)


def format_share(share: float, lang: str = "nb") -> str:
    """A share of 0-1 as a whole percent: 0.634 → ``63 %``."""
    return format_percent(share * 100.0, 0, lang)


def format_points(gap: float, lang: str = "nb") -> str:
    """A gap (or mean gap) in percentage points: ``12,5`` / ``12.5``; ``13``; no unit."""
    return format_number(round_points(gap), POINTS_DECIMALS, lang)


def excel_percent_format(lang: str = "nb", decimals: int = 0) -> str:
    """The workbook number format of a share (0-1) shown as a percentage, like :func:`format_share`."""
    digits = "0" + ("." + "0" * decimals if decimals else "")
    return f"{digits}\\ %" if normalise_language(lang) == "nb" else f"{digits}%"
