"""The user's language for what the program writes outside the window: exports and the CLI.

Bokmål (``"nb"``) is the source language; ``"en"`` is English. The desktop app passes the language
chosen in Innstillinger, the CLI its ``--lang``. Framework names come in both languages from the
framework files (``name`` / ``name_en``, docs/frameworks.md); :func:`pick_name` chooses one.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

Language = Literal["nb", "en"]
LANGUAGES: tuple[Language, ...] = ("nb", "en")


def normalise_language(value: object) -> Language:
    """``"en"``, ``"en_GB"``, ``"English"`` → ``"en"``; anything else → ``"nb"``."""
    return "en" if str(value or "").strip().lower().startswith("en") else "nb"


def pick(lang: str, nb: str, en: str) -> str:
    """The text in the user's language."""
    return en if normalise_language(lang) == "en" else nb


def pick_name(lang: str, name: str, name_en: str | None) -> str:
    """A name in the user's language: the English name where there is one, else the Norwegian."""
    return name_en if normalise_language(lang) == "en" and name_en else name


def coded(code: str | None, name: str) -> str:
    """ "§13 HMS": the code before the name, unless the name already starts with it."""
    return f"{code} {name}" if code and not name.startswith(code) else name


_DATE_FORMATS = {"nb": "%d.%m.%Y", "en": "%d/%m/%Y"}


def format_date(day: dt.date | None, lang: str = "nb") -> str:
    """dd.mm.yyyy in Norwegian, dd/mm/yyyy in English (as the app shows dates); empty for none."""
    return day.strftime(_DATE_FORMATS[normalise_language(lang)]) if day is not None else ""


def date_pattern(lang: str = "nb") -> str:
    """The date's pattern as Qt and spreadsheets write it: ``dd.MM.yyyy`` / ``dd/MM/yyyy``."""
    return "dd/MM/yyyy" if normalise_language(lang) == "en" else "dd.MM.yyyy"
