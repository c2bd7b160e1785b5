"""Recognising Norwegian national identity numbers (fødselsnummer, D-nummer, H-nummer) in cells.

Eleven digits: birth date (day + 40 for a D-number; month + 40 for an H-number, + 80 for the
synthetic numbers of test registers), three individual digits and two mod-11 control digits. A
number stored as a number in a spreadsheet loses its leading zero and shows ten digits; that form
is recognised too. The control digits keep ordinary eleven-digit numbers (an account number, a long
employee number) from being taken for a person's identity: about one in thirty random numbers with
a plausible date passes. The first control digit is checked the way numbers issued from 2032 will be
(remainder 0-3), which accepts every number issued before as well.

Nothing here returns, logs or formats the number found: callers learn only that there was one.
"""

from __future__ import annotations

import re

_W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2, 1)
_W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1)
_IN_TEXT = re.compile(r"(?<!\d)(\d{6})[ \-.]?(\d{5})(?!\d)|(?<!\d)(\d{10})(?!\d)")
_MONTHS = frozenset(range(1, 13)) | frozenset(range(41, 53)) | frozenset(range(81, 93))
_DAYS = frozenset(range(1, 32)) | frozenset(range(41, 72))


def is_national_id(digits: str) -> bool:
    """True for eleven digits (or ten, a lost leading zero) that form a valid identity number."""
    if len(digits) == 10:
        digits = "0" + digits
    if len(digits) != 11 or not digits.isdigit():
        return False
    values = [ord(c) - 48 for c in digits]
    day = values[0] * 10 + values[1]
    month = values[2] * 10 + values[3]
    if day not in _DAYS or month not in _MONTHS:
        return False
    if sum(w * v for w, v in zip(_W2, values, strict=True)) % 11 != 0:
        return False
    return sum(w * v for w, v in zip(_W1, values[:10], strict=True)) % 11 in (0, 1, 2, 3)


def cell_holds_national_id(value: object) -> bool:
    """Does this cell hold an identity number, alone or inside text ("010170 12345", "Per 01017012345")?"""
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        if isinstance(value, float) and not value.is_integer():
            return False
        number = int(value)
        return 100_000_000 <= number < 100_000_000_000 and is_national_id(f"{number:011d}")
    if not isinstance(value, str) or len(value) < 10:
        return False
    for match in _IN_TEXT.finditer(value):
        digits = match.group(3) or (match.group(1) + match.group(2))
        if is_national_id(digits):
            return True
    return False
