"""Canonical identifiers: employee, unit and manager numbers.

An HR system exports 4711, a spreadsheet shows 4711.0, someone typed "004711": all are the same
person. The canonical form is the digits with leading zeros dropped, or the trimmed text when the
value is not a plain number (e.g. "A-17").
"""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import Decimal, InvalidOperation

_WS = re.compile(r"[\s\u00a0\u2007\u202f]+")
_DIGITS = re.compile(r"\d+")
_DECIMAL_ZERO = re.compile(r"(\d+)[.,]0+")


def clean_text(value: object) -> str:
    """Trim (NBSP and other spaces too), collapse inner runs of space and NFC-normalise."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value))
    return _WS.sub(" ", text).strip()


def canonical_number(value: object) -> str | None:
    """The canonical form of an identifier, or None when it is empty.

    >>> canonical_number(4711.0), canonical_number("004711"), canonical_number(" A-17 ")
    ('4711', '4711', 'A-17')
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return None
        if value.is_integer() and value >= 0:
            return str(int(value))
        return clean_text(repr(value))
    if isinstance(value, Decimal):
        if not value.is_finite():
            return None
        try:
            if value == value.to_integral_value() and value >= 0:
                return str(int(value))
        except InvalidOperation:
            return None
        return clean_text(str(value))
    text = clean_text(value)
    if not text:
        return None
    compact = text.replace(" ", "")
    if _DIGITS.fullmatch(compact):
        return compact.lstrip("0") or "0"
    match = _DECIMAL_ZERO.fullmatch(compact)
    if match:
        return match.group(1).lstrip("0") or "0"
    return text


_NB_COLLATION = str.maketrans({"æ": "{", "ä": "{", "ø": "|", "ö": "|", "å": "}"})


def collation_key(text: str) -> str:
    """A sort key that puts æ, ø, å after z, in that order (the Norwegian alphabet), ignoring case.

    Independent of the database's collation (SQLite sorts Å before Æ by code point) and cheap enough
    for 50,000 names.
    """
    return text.casefold().translate(_NB_COLLATION)
