"""Checks shared by the services, the imports and the exports."""

from __future__ import annotations

import datetime as dt
import re

from competence.errors import ValidationError
from competence.identifiers import clean_text

#: A cell starting with one of these would be run as a formula by a spreadsheet program.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\x00")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def looks_like_formula(value: str) -> bool:
    return value.startswith(FORMULA_PREFIXES)


def required_text(value: object, field: str, label_nb: str, label_en: str, *, max_len: int = 200) -> str:
    text = clean_text(value)
    if not text:
        raise ValidationError(f"{label_nb} må fylles ut.", f"{label_en} is required.", field=field)
    return limited_text(text, field, label_nb, label_en, max_len=max_len)


def limited_text(value: str, field: str, label_nb: str, label_en: str, *, max_len: int) -> str:
    if len(value) > max_len:
        raise ValidationError(
            f"{label_nb} kan ha høyst {max_len} tegn.",
            f"{label_en} can have at most {max_len} characters.",
            field=field,
        )
    return value


def optional_text(
    value: object, field: str, label_nb: str, label_en: str, *, max_len: int = 4000
) -> str | None:
    text = clean_text(value) if value is not None else ""
    return limited_text(text, field, label_nb, label_en, max_len=max_len) if text else None


def optional_email(value: object) -> str | None:
    text = clean_text(value)
    if not text:
        return None
    if not _EMAIL.match(text) or len(text) > 254:
        raise ValidationError(
            f"«{text}» er ikke en gyldig e-postadresse.",
            f"'{text}' is not a valid e-mail address.",
            field="email",
        )
    return text.lower()


def fte(value: float | int | None) -> float:
    if value is None:
        return 100.0
    number = float(value)
    if not 0 <= number <= 100:
        raise ValidationError(
            f"Stillingsprosent må være mellom 0 og 100 (fikk {number:g}).",
            f"FTE percent must be between 0 and 100 (got {number:g}).",
            field="fte_percent",
        )
    return number


def date_order(start: dt.date | None, end: dt.date | None, field: str) -> None:
    if start is not None and end is not None and end < start:
        raise ValidationError(
            f"Sluttdato ({end:%d.%m.%Y}) er før startdato ({start:%d.%m.%Y}).",
            f"The end date ({end:%d.%m.%Y}) is before the start date ({start:%d.%m.%Y}).",
            field=field,
        )
