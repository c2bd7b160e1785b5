"""Finding Norwegian in the English app: what a screen shows, and which of its words are bokmål.

:func:`visible_texts` collects the texts a person sees (labels, buttons, titles, tabs, list and
table entries with their headers, tooltips, combo box entries, the charts' labels, accessible
names). :class:`NorwegianWords` knows the bokmål words of the app's own texts (the sources of the
.ts with an English translation) and of the frameworks' names that have English names, less the
words an English text or the register's own data (names of people, units, roles, goals …) uses.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from sqlalchemy import select

from competence.uow import UnitOfWork
from db.models import (
    Appraisal,
    Area,
    Certificate,
    Competence,
    Employee,
    Framework,
    LearningGoal,
    OrgUnit,
    Position,
    Role,
    Scale,
    ScaleLevel,
    Setting,
)

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "kompetanseregister_en.ts"
WORD = re.compile(r"[A-Za-zÆØÅæøåÉéÜü]{3,}")
MARKUP = re.compile(r"<[^>]*>|&[a-z]+;|\{[^}]*\}|&(?=\w)")
#: rows of a table or list read (the heading and the first screenful tell what language it is in)
ROWS = 25


def words(text: str) -> set[str]:
    return {w.casefold() for w in WORD.findall(MARKUP.sub(" ", text))}


@dataclass
class NorwegianWords:
    words: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, uow: UnitOfWork) -> NorwegianWords:
        norwegian: set[str] = set()
        english: set[str] = set()
        for message in ET.parse(TS).getroot().iter("message"):
            source = message.findtext("source", "") or ""
            translation = message.findtext("translation", "") or ""
            if translation and translation != source:
                norwegian |= words(source)
                english |= words(translation)
        data: set[str] = set()
        with uow:
            s = uow.session
            for nb, en in (
                (Framework.name, Framework.name_en),
                (Area.name, Area.name_en),
                (Competence.name, Competence.name_en),
                (ScaleLevel.name, ScaleLevel.name_en),
                (ScaleLevel.description, ScaleLevel.description_en),
                (Scale.name, Scale.name_en),
                (Competence.description, Competence.description_en),
            ):
                for name, name_en in s.execute(select(nb, en)):
                    if name_en and name_en != name:
                        norwegian |= words(name)
                        english |= words(name_en)
            for column in (
                Employee.first_name,
                Employee.last_name,
                Employee.email,
                OrgUnit.name,
                Role.name,
                Role.description,
                Position.title,
                LearningGoal.description,
                LearningGoal.result,
                Certificate.name,
                Certificate.issuer,
                Appraisal.summary,
                Appraisal.agreed,
                Appraisal.notes,
                Appraisal.leader_name,
                Setting.value,
                Framework.owner,
                Framework.description,
                Area.description,
                Competence.source_quote,
                Competence.source_ref,
            ):
                for value in s.scalars(select(column).where(column.is_not(None))):
                    data |= words(str(value))
            # names without an English twin are shown as they are: data, not the app's words
            for nb, en in (
                (Framework.name, Framework.name_en),
                (Area.name, Area.name_en),
                (Competence.name, Competence.name_en),
            ):
                for name, name_en in s.execute(select(nb, en)):
                    if not name_en or name_en == name:
                        data |= words(name)
        return cls(norwegian - english - data)

    def found_in(self, texts: Iterable[tuple[str, str]]) -> list[str]:
        """ "where: text" of every text holding a bokmål word."""
        hits = []
        for where, text in texts:
            bokmal = sorted(words(text) & self.words)
            if bokmal:
                hits.append(f"{where}: {text[:120]!r} ({', '.join(bokmal)})")
        return hits


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return int(model.columnCount(parent))
    except TypeError:  # the item widgets' own models keep it private: one column
        return 1


def _model_texts(model: QAbstractItemModel, where: str) -> Iterator[tuple[str, str]]:
    for column in range(_columns(model, QModelIndex())):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = model.headerData(column, Qt.Orientation.Horizontal, role)
            if isinstance(value, str):
                yield f"{where} header", value

    def rows(parent: QModelIndex, depth: int) -> Iterator[tuple[str, str]]:
        for row in range(min(model.rowCount(parent), ROWS)):
            for column in range(_columns(model, parent)):
                index = model.index(row, column, parent)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = index.data(role)
                    if isinstance(value, str):
                        yield f"{where} cell", value
                if column == 0 and depth < 3 and model.rowCount(index) > 0:
                    yield from rows(index, depth + 1)

    yield from rows(QModelIndex(), 0)


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of what a person sees in ``root`` and its visible children."""
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        where = f"{type(widget).__name__}"
        for text in (
            widget.windowTitle() if widget.isWindow() else "",
            widget.toolTip(),
            widget.accessibleName(),
        ):
            if text:
                yield where, text
        if isinstance(widget, QLabel | QAbstractButton):
            yield where, widget.text()
        elif isinstance(widget, QGroupBox):
            yield where, widget.title()
        elif isinstance(widget, QLineEdit):
            yield where, widget.placeholderText()
        elif isinstance(widget, QTextEdit | QPlainTextEdit):
            yield where, widget.toPlainText()
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                yield where, widget.tabText(i)
        elif isinstance(widget, QComboBox):
            for i in range(min(widget.count(), ROWS)):
                yield where, widget.itemText(i)
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            yield from _model_texts(widget.model(), where)
        # charts drawn with QPainter keep their texts on the widget
        for attribute in ("points", "bars"):
            for item in getattr(widget, attribute, ()) or ():
                label = getattr(item, "label", None)
                if isinstance(label, str):
                    yield f"{where} {attribute}", label
