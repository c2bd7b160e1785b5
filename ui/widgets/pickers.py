"""Combo boxes for choosing a unit, a role or a competence from lists the caller has loaded.

Each can be typed into: units and roles match any part of their text; competences match every
typed word anywhere in code, name (both languages), area or framework ("digcomp 4.2", "personvern").
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSignalBlocker, QStringListModel, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from competence.roles import RoleView
from competence.search import CompetenceOption
from competence.units import UnitView
from ui.i18n import current_language


def _searchable(combo: QComboBox) -> None:
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = QCompleter(combo.model(), combo)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    combo.setCompleter(completer)


def short_framework_name(name: str) -> str:
    """ "DigComp 2.2 – rammeverk for digital kompetanse" → "DigComp 2.2"."""
    return name.split(" – ")[0].strip()


class _IdCombo(QComboBox):
    def selected_id(self) -> int | None:
        value = self.currentData()
        return int(value) if value is not None else None

    def select_id(self, ident: int | None) -> None:
        index = self.findData(ident)
        if index >= 0:
            self.setCurrentIndex(index)


class UnitPicker(_IdCombo):
    """Units in tree order, indented; type to search by number or name."""

    def __init__(self, units: Sequence[UnitView], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _searchable(self)
        for unit in units:
            if unit.closed_on is None:
                self.addItem("\u2003" * unit.depth + unit.label, unit.id)
                self.setItemData(self.count() - 1, unit.label, Qt.ItemDataRole.ToolTipRole)
        self.setCurrentIndex(-1)
        self.lineEdit().setPlaceholderText(self.tr("Skriv eller velg enhet"))


class RolePicker(_IdCombo):
    """A role, or none."""

    def __init__(self, roles: Sequence[RoleView], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _searchable(self)
        self.addItem(self.tr("(ingen rolle)"), None)
        for role in roles:
            self.addItem(role.name, role.id)


class WordCompleter(QCompleter):
    """Completes a combo box's text from its items by every typed word, in any order."""

    def __init__(self, combo: QComboBox) -> None:
        super().__init__(combo)
        self.combo = combo
        self.haystacks: list[tuple[str, str]] = []  # (item text, what it matches)
        self.matches = QStringListModel(self)
        self.setModel(self.matches)
        self.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setMaxVisibleItems(12)
        combo.lineEdit().textEdited.connect(self.update_matches)
        self.activated.connect(self.choose)

    def set_items(self, items: Sequence[tuple[str, str]]) -> None:
        self.haystacks = list(items)

    def update_matches(self, text: str) -> None:
        words = text.casefold().split()
        found = [label for label, hay in self.haystacks if all(w in hay for w in words)] if words else []
        self.matches.setStringList(found)
        if found:
            self.complete()
        else:
            self.popup().hide()

    def choose(self, text: str) -> None:
        index = self.combo.findText(text)
        if index >= 0:
            self.combo.setCurrentIndex(index)


class CompetencePicker(_IdCombo):
    """A competence, shown as "code name · framework"; ``none_text`` adds a "none" choice first."""

    def __init__(
        self,
        options: Sequence[CompetenceOption] = (),
        *,
        none_text: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.none_text = none_text
        self.word_completer = WordCompleter(self)
        self.setCompleter(self.word_completer)
        self.options: dict[int, CompetenceOption] = {}
        self.set_options(options)
        # long names: show their beginning, with the full text in the tooltip
        self.currentIndexChanged.connect(self._show_start)

    def _show_start(self) -> None:
        self.lineEdit().setCursorPosition(0)
        self.setToolTip(self.currentText())

    def set_options(self, options: Sequence[CompetenceOption]) -> None:
        previous = self.selected_id()
        lang = current_language()
        self.options = {o.id: o for o in options}
        items: list[tuple[str, str]] = []
        with QSignalBlocker(self):
            self.clear()
            if self.none_text is not None:
                self.addItem(self.none_text, None)
            for option in options:
                label = f"{option.label(lang)} · {short_framework_name(option.framework_name)}"
                self.addItem(label, option.id)
                self.setItemData(
                    self.count() - 1,
                    f"{option.framework_name} › {option.area_name}",
                    Qt.ItemDataRole.ToolTipRole,
                )
                items.append((label, option.search_text))
            self.word_completer.set_items(items)
            index = self.findData(previous) if previous is not None else -1
            self.setCurrentIndex(index if index >= 0 else 0)

    def selected(self) -> CompetenceOption | None:
        ident = self.selected_id()
        return self.options.get(ident) if ident is not None else None
