"""Language and locale: which translation is loaded, and how dates and numbers are written.

Bokmål is the source language of every UI string; English comes from
``resources/translations/kompetanseregister_en.qm``. Qt's own widgets (file dialogs, standard
buttons) speak the same language through Qt's ``qtbase`` translation. Dates are dd.mm.yyyy and
decimals use a comma in Norwegian, whatever the operating system's locale says: numbers are written
by :mod:`competence.numbers`, the same rules as the exports.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLibraryInfo, QLocale, QTranslator

from competence import language, numbers

LANGUAGES = ("nb", "en")
#: Each language named in itself, as a language chooser shows them: never translated, so a user
#: who cannot read the current language still finds their own.
LANGUAGE_NAMES = {"nb": "Norsk (bokmål)", "en": "English"}
TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"
QM_BASENAME = "kompetanseregister"
#: Qt's translation of its own widgets (file dialogs, standard buttons, context menus).
QT_BASENAME = "qtbase"

log = logging.getLogger("kompetanseregister.ui")


def normalise_language(value: object) -> str:
    return language.normalise_language(value)


def locale_for(lang: str) -> QLocale:
    if normalise_language(lang) == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return QLocale(QLocale.Language.NorwegianBokmal, QLocale.Country.Norway)


def qm_path(lang: str) -> Path:
    return TRANSLATIONS_DIR / f"{QM_BASENAME}_{lang}.qm"


def qt_translation_dirs() -> list[Path]:
    """Where Qt's own translations (file dialogs, standard buttons, context menus) are looked for:
    Qt's translations folder as Qt itself reports it (inside PySide6, or inside the bundle when the
    app is packaged), then ``resources/translations``, which holds a bokmål ``qtbase_nb`` because
    Qt ships none (only nynorsk)."""
    folders = []
    reported = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if reported:
        folders.append(Path(reported))
    folders.append(TRANSLATIONS_DIR)
    return [folder for folder in folders if folder.is_dir()]


def qt_qm_path(lang: str) -> Path | None:
    """The file of Qt's own words in ``lang`` that :func:`install_language` loads, if any."""
    for folder in qt_translation_dirs():
        path = folder / f"{QT_BASENAME}_{lang}.qm"
        if path.is_file():
            return path
    return None


def _qt_translator(app: QCoreApplication, lang: str) -> QTranslator | None:
    """Qt's own strings in ``lang`` from the first folder that has them; None (and a line in the
    log) when none has: the app still runs, with Qt's English buttons."""
    for folder in qt_translation_dirs():
        translator = QTranslator(app)
        if translator.load(f"{QT_BASENAME}_{lang}", str(folder)):
            return translator
    log.info("Fant ingen Qt-oversettelse for %s i %s", lang, qt_translation_dirs())
    return None


_installed: list[QTranslator] = []


def install_language(app: QCoreApplication, lang: str) -> QTranslator | None:
    """Set the default locale, load Qt's own translation of its dialogs and buttons, and for
    English the app's translation (replacing whatever was loaded before).

    Returns the app's translator, or None for bokmål (the source language needs none).
    """
    lang = normalise_language(lang)
    QLocale.setDefault(locale_for(lang))
    while _installed:
        app.removeTranslator(_installed.pop())
    qt = _qt_translator(app, lang)
    if qt is not None:
        app.installTranslator(qt)
        _installed.append(qt)
    if lang == "nb":
        return None
    translator = QTranslator(app)
    if not translator.load(str(qm_path(lang))):
        return None
    app.installTranslator(translator)
    _installed.append(translator)
    return translator


def date_format(lang: str) -> str:
    return language.date_pattern(lang)


def current_language() -> str:
    """The language of the default locale, as set by :func:`install_language`."""
    return "en" if QLocale().language() == QLocale.Language.English else "nb"


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def fmt_date(day: dt.date | None) -> str:
    """dd.mm.yyyy in Norwegian (dd/mm/yyyy in English); empty for no date."""
    return language.format_date(day, current_language())


def fmt_number(value: float | None, decimals: int = 1) -> str:
    """A number in the UI language (decimal comma in Norwegian), trailing ",0" dropped; the rule
    of :mod:`competence.numbers`, shared with the exports."""
    if value is None:
        return ""
    return numbers.format_number(value, decimals, current_language())


def fmt_int(value: int) -> str:
    """An integer with the language's digit grouping (50 000)."""
    return numbers.format_int(value, current_language())


def fmt_percent(value: float | None, decimals: int = 1) -> str:
    """A value in percent (0-100): ``62,5 %`` in Norwegian, ``62.5%`` in English."""
    if value is None:
        return ""
    return numbers.format_percent(value, decimals, current_language())


def progress_format() -> str:
    """A progress bar's text (Qt's ``%p`` is the percentage): "40 %" in Norwegian, "40%" in
    English, as every other percentage; Qt's own "%p%" would write "40%" in both."""
    return "%p" + numbers.percent_sign(current_language())


def fmt_share(share: float) -> str:
    """A share of 0-1 as a whole percent (the share meeting a requirement)."""
    return numbers.format_share(share, current_language())


def fmt_points(gap: float) -> str:
    """A gap in percentage points, rounded as in the exports (12,5; 13)."""
    return numbers.format_points(gap, current_language())


def pick(pair: tuple[str, str], lang: str | None = None) -> str:
    """The bokmål or English half of a (nb, en) label pair from a service."""
    return pair[1] if normalise_language(lang or current_language()) == "en" else pair[0]
