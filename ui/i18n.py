"""Language and locale: which translation is loaded, and how dates and numbers are written.

Bokmål is the source language of every UI string; English comes from
``resources/translations/kompetanseregister_en.qm``. Qt's own words (standard buttons, context
menus, the file dialog) follow the same language: Qt's ``qtbase_en.qm`` for English, and for bokmål,
which Qt does not ship, the app's ``resources/translations/qtbase_nb.qm``. Dates are dd.mm.yyyy and
decimals use a comma in Norwegian (``QLocale``), whatever the operating system's locale says.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLibraryInfo, QLocale, QTranslator

LANGUAGES = ("nb", "en")
TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"
QM_BASENAME = "kompetanseregister"

_DATE_FORMATS = {"nb": "dd.MM.yyyy", "en": "dd/MM/yyyy"}


def normalise_language(value: object) -> str:
    text = str(value or "").strip().lower()
    return "en" if text.startswith("en") else "nb"


def locale_for(lang: str) -> QLocale:
    if normalise_language(lang) == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return QLocale(QLocale.Language.NorwegianBokmal, QLocale.Country.Norway)


def qm_path(lang: str) -> Path:
    return TRANSLATIONS_DIR / f"{QM_BASENAME}_{lang}.qm"


def qt_translations_dir() -> Path:
    """Qt's own translations: in the PySide6 package, or in the bundle when frozen."""
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def qt_qm_path(lang: str) -> Path | None:
    """The translation of Qt's own words for ``lang``: the app's own first, then Qt's."""
    for folder in (TRANSLATIONS_DIR, qt_translations_dir()):
        path = folder / f"qtbase_{lang}.qm"
        if path.is_file():
            return path
    return None


_installed: list[QTranslator] = []


def install_language(app: QCoreApplication, lang: str) -> QTranslator | None:
    """Set the default locale, load the translation of Qt's own words and, for English, the app's
    translation (replacing those loaded before).

    Returns the app's translator, or None for bokmål (the source language needs none).
    """
    lang = normalise_language(lang)
    QLocale.setDefault(locale_for(lang))
    while _installed:
        app.removeTranslator(_installed.pop())
    qt_qm = qt_qm_path(lang)
    if qt_qm is not None:
        qt_translator = QTranslator(app)
        if qt_translator.load(str(qt_qm)):
            app.installTranslator(qt_translator)
            _installed.append(qt_translator)
    if lang == "nb":
        return None
    translator = QTranslator(app)
    if not translator.load(str(qm_path(lang))):
        return None
    app.installTranslator(translator)
    _installed.append(translator)
    return translator


def date_format(lang: str) -> str:
    return _DATE_FORMATS[normalise_language(lang)]


def current_language() -> str:
    """The language of the default locale, as set by :func:`install_language`."""
    return "en" if QLocale().language() == QLocale.Language.English else "nb"


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def fmt_date(day: dt.date | None) -> str:
    """dd.mm.yyyy in Norwegian (dd/mm/yyyy in English); empty for no date."""
    if day is None:
        return ""
    return to_qdate(day).toString(date_format(current_language()))


def fmt_number(value: float | None, decimals: int = 1) -> str:
    """A number in the UI locale (decimal comma in Norwegian), trailing ",0" dropped."""
    if value is None:
        return ""
    if decimals and float(value).is_integer():
        decimals = 0
    return QLocale().toString(float(value), "f", decimals)


def fmt_int(value: int) -> str:
    """An integer with the locale's digit grouping (50 000)."""
    return QLocale().toString(int(value))


def fmt_percent(value: float | None, decimals: int = 1) -> str:
    if value is None:
        return ""
    return f"{fmt_number(value, decimals)}\u00a0%"


def pick(pair: tuple[str, str], lang: str | None = None) -> str:
    """The bokmål or English half of a (nb, en) label pair from a service."""
    return pair[1] if normalise_language(lang or current_language()) == "en" else pair[0]
