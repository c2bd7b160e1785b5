"""Combo boxes for choosing a unit, a role, a competence or a formal qualification from lists the
caller has loaded.

Each can be typed into: units, roles and qualifications match any part of their text; competences
match every typed word anywhere in code, name (both languages), area or framework ("digcomp 4.2",
"personvern").
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSignalBlocker,
    QStringListModel,
    Qt,
)
from PySide6.QtWidgets import QComboBox, QCompleter, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from competence.employees import EmployeeRow
from competence.errors import ValidationError
from competence.qualifications import QualificationView
from competence.roles import RoleView
from competence.search import CompetenceOption
from competence.units import UnitView
from ui.i18n import current_language
from ui.widgets.qt import line_edit


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


#: Item data role: how deep a unit lies in the tree (its list item is indented by that much).
DEPTH_ROLE = Qt.ItemDataRole.UserRole + 20


class TreeIndentDelegate(QStyledItemDelegate):
    """Indents each item of a drop-down list by its depth in the unit tree. Only the open list is
    indented: the closed box shows the chosen unit's name as it is (the indentation used to be
    part of the text, so a closed box showed a sub-unit pushed to the right)."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        depth = index.data(DEPTH_ROLE)
        if isinstance(depth, int) and depth > 0:
            option.text = "\u2003" * depth + option.text


def add_unit(combo: QComboBox, unit: UnitView) -> None:
    """Add ``unit`` to ``combo`` (which has a :class:`TreeIndentDelegate`): its label, its depth."""
    combo.addItem(unit.label, unit.id)
    combo.setItemData(combo.count() - 1, unit.depth, DEPTH_ROLE)
    combo.setItemData(combo.count() - 1, unit.label, Qt.ItemDataRole.ToolTipRole)


class UnitPicker(_IdCombo):
    """Units in tree order, indented in the open list; type to search by number or name. With
    ``whole_text`` the first choice is the whole municipality (id None)."""

    def __init__(
        self, units: Sequence[UnitView] = (), parent: QWidget | None = None, *, whole_text: str | None = None
    ) -> None:
        super().__init__(parent)
        _searchable(self)
        self.setItemDelegate(TreeIndentDelegate(self))
        line_edit(self).setPlaceholderText(self.tr("Skriv eller velg enhet"))
        self.set_units(units, whole_text=whole_text)

    def set_units(self, units: Sequence[UnitView], *, whole_text: str | None = None) -> None:
        """Fill the list again, keeping the unit chosen if it is still there."""
        previous = self.selected_id() if self.currentIndex() >= 0 else -1
        with QSignalBlocker(self):
            self.clear()
            if whole_text is not None:
                self.addItem(whole_text, None)
            for unit in units:
                if unit.closed_on is None:
                    add_unit(self, unit)
            index = self.findData(previous) if isinstance(previous, int) and previous >= 0 else -1
            self.setCurrentIndex(index if index >= 0 or whole_text is None else 0)

    def has_choice(self) -> bool:
        """A choice of the list is shown (not nothing, nor half-typed text)."""
        index = self.currentIndex()
        return index >= 0 and self.currentText() == self.itemText(index)


class QualificationPicker(_IdCombo):
    """A qualification of the catalogue, shown as "name (kind)"; nothing chosen at first."""

    def __init__(self, catalogue: Sequence[QualificationView], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _searchable(self)
        line_edit(self).setPlaceholderText(self.tr("Skriv eller velg kvalifikasjon"))
        lang = current_language()
        for q in catalogue:
            self.addItem(f"{q.display_name(lang)} ({q.kind_label(lang).lower()})", q.id)
        self.setCurrentIndex(-1)

    def chosen_id(self) -> int | None:
        """The qualification shown, or None when nothing is, or only half-typed text."""
        index = self.currentIndex()
        if index < 0 or self.currentText() != self.itemText(index):
            return None
        return self.selected_id()


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
        line_edit(combo).textEdited.connect(self.update_matches)
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
            popup.hide() if (popup := self.popup()) is not None else None

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
        line_edit(self).setCursorPosition(0)
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
                label = f"{option.label(lang)} · {short_framework_name(option.framework_display(lang))}"
                self.addItem(label, option.id)
                self.setItemData(
                    self.count() - 1,
                    f"{option.framework_display(lang)} › {option.area_display(lang)}",
                    Qt.ItemDataRole.ToolTipRole,
                )
                items.append((label, option.search_text))
            self.word_completer.set_items(items)
            index = self.findData(previous) if previous is not None else -1
            self.setCurrentIndex(index if index >= 0 else 0)

    def selected(self) -> CompetenceOption | None:
        ident = self.selected_id()
        return self.options.get(ident) if ident is not None else None


class PersonPicker(QComboBox):
    """One person among the active employees ("Etternavn, Fornavn (ansattnr) – enhet"); type any
    part of the name, number or unit. Built for 50,000 people: the texts sit in one string list
    model (no item per person), which the completer filters in Qt.

    ``none_text`` adds a first choice meaning "nobody" (a manager may be left empty); it shows as
    an empty field with ``none_text`` greyed in it, so typing a name needs no erasing first.
    """

    def __init__(self, *, none_text: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self.none_text = none_text
        self.ids: list[int | None] = []
        self.texts = QStringListModel(self)
        self.setModel(self.texts)
        completer = QCompleter(self.texts, self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        hint = self.tr("Skriv navn, ansattnummer eller enhet")
        line_edit(self).setPlaceholderText(none_text or hint)
        self.setToolTip(hint)
        self.currentIndexChanged.connect(self._show_nobody)
        self.set_people(())

    def set_people(
        self, people: Sequence[EmployeeRow], *, exclude: int | None = None, keep: int | None = None
    ) -> None:
        """The active people of ``people`` except ``exclude`` (a person cannot lead themselves), in
        the order given (:func:`competence.employees.list_employees` sorts them in Norwegian
        alphabetical order); ``keep`` stays in the list even after leaving (the manager so far)."""
        previous = self.selected_id()
        chosen = [p for p in people if (p.left_on is None or p.id == keep) and p.id != exclude]
        ids: list[int | None] = [None] if self.none_text is not None else []
        texts = [self.none_text] if self.none_text is not None else []
        for person in chosen:
            ids.append(person.id)
            unit = f" – {person.units}" if person.units else ""
            texts.append(f"{person.sort_name} ({person.employee_no}){unit}")
        with QSignalBlocker(self):
            self.ids = ids
            self.texts.setStringList([str(t) for t in texts])
            self.setCurrentIndex(0 if self.none_text is not None else -1)
            line_edit(self).clear()
        self.select_id(previous)

    def _show_nobody(self, index: int) -> None:
        if self.none_text is not None and index == 0:
            line_edit(self).clear()

    def select_id(self, ident: int | None) -> bool:
        """Show ``ident``; False (and nothing changed) when that person is not in the list."""
        try:
            index = self.ids.index(ident)
        except ValueError:
            return False
        self.setCurrentIndex(index)
        self._show_nobody(index)  # also when it was chosen already (no signal then)
        return True

    def is_valid(self) -> bool:
        """The text names a choice of the list (not half-typed); empty means nobody, where allowed."""
        if not self.currentText().strip():
            return self.none_text is not None
        index = self.currentIndex()
        return index >= 0 and self.currentText() == self.itemText(index)

    def checked_id(self, field: str) -> int | None:
        """The chosen person (None: nobody); refuses half-typed text that names no one."""
        if not self.is_valid():
            raise ValidationError(
                "Velg en person fra listen (skriv en del av navnet og velg blant forslagene).",
                "Choose a person from the list (type part of the name and pick a suggestion).",
                field=field,
            )
        return self.selected_id()

    def selected_id(self) -> int | None:
        """The chosen person, or None for "nobody" or when the text matches no choice."""
        index = self.currentIndex()
        if not (0 <= index < len(self.ids)) or self.currentText() != self.itemText(index):
            return None  # empty (nobody), or text that names no one
        return self.ids[index]


def manager_picker(
    people: Sequence[EmployeeRow], current: int | None, employee_id: int | None
) -> PersonPicker:
    """A manager for ``employee_id``: any active person but the employee, or nobody."""
    picker = PersonPicker(none_text=QCoreApplication.translate("PersonPicker", "(ingen leder)"))
    picker.set_people(people, exclude=employee_id, keep=current)
    picker.select_id(current)
    return picker
