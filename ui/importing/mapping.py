"""The column mapping of a roster: one row per register field with the column that feeds it (a combo
box), how sure the detection is, and a few values from that column to recognise it by."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QWidget

from competence.roster import ColumnInfo, FieldMatch, RosterInspection
from competence.roster.headers import header_data
from ui.i18n import current_language, fmt_percent
from ui.widgets.fields import ERROR_COLOUR

#: Confidence at or above which a detected column needs no second look.
SURE = 0.95


class MappingGrid(QWidget):
    """Field → column choices. :attr:`changed` fires when the user picks another column."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(1, 2)
        self.grid.setColumnStretch(3, 3)
        self.combos: dict[str, QComboBox] = {}
        self.sure: dict[str, QLabel] = {}
        self.samples: dict[str, QLabel] = {}
        self.matches: dict[str, FieldMatch] = {}
        self.columns: dict[str, ColumnInfo] = {}
        #: Groups of fields of which one must have a column (the number; the name in one or two columns).
        self.groups: tuple[tuple[str, ...], ...] = ()

    def show_inspection(self, inspection: RosterInspection) -> None:
        """One row per field, with the mapping the service found (detected, saved or chosen)."""
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.combos, self.sure, self.samples = {}, {}, {}
        self.matches = {m.field: m for m in inspection.mapping}
        self.columns = {c.letter: c for c in inspection.columns if not c.refused}
        self.groups = header_data().required
        starred = {group[0] for group in self.groups}
        lang = current_language()
        for column, title in enumerate(
            (
                self.tr("Felt i registeret"),
                self.tr("Kolonne i filen"),
                self.tr("Gjenkjent"),
                self.tr("Eksempler"),
            )
        ):
            heading = QLabel(f"<b>{title}</b>")
            self.grid.addWidget(heading, 0, column)
        for row, match in enumerate(inspection.mapping, start=1):
            label = QLabel(match.label(lang) + (" *" if match.field in starred else ""))
            combo = QComboBox()
            combo.setAccessibleName(self.tr("Kolonne for {field}").format(field=match.label(lang)))
            combo.addItem(self.tr("(ikke i bruk)"), None)
            for found in inspection.columns:
                if found.refused:
                    continue
                header = found.header or self.tr("(uten overskrift)")
                combo.addItem(f"{found.letter}: {header}", found.letter)
            combo.setCurrentIndex(max(combo.findData(match.letter), 0))
            label.setBuddy(combo)
            combo.currentIndexChanged.connect(lambda _i, f=match.field: self._picked(f))
            sure = QLabel()
            samples = QLabel()
            samples.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.combos[match.field] = combo
            self.sure[match.field] = sure
            self.samples[match.field] = samples
            self.grid.addWidget(label, row, 0)
            self.grid.addWidget(combo, row, 1)
            self.grid.addWidget(sure, row, 2)
            self.grid.addWidget(samples, row, 3)
        self._describe_all()
        self.grid.setRowStretch(len(inspection.mapping) + 1, 1)  # rows packed at the top

    def chosen(self, field: str) -> str | None:
        """The column letter chosen for ``field``, or None."""
        combo = self.combos.get(field)
        value = combo.currentData() if combo is not None else None
        return str(value) if value is not None else None

    def overrides(self) -> dict[str, str | None]:
        """The fields whose column the user changed from what the service found."""
        return {
            field: self.chosen(field)
            for field, match in self.matches.items()
            if self.chosen(field) != match.letter
        }

    def missing(self) -> list[tuple[str, ...]]:
        """Required field groups with no column chosen."""
        return [g for g in self.groups if not any(self.chosen(f) for f in g)]

    def _picked(self, field: str) -> None:
        letter = self.chosen(field)
        if letter is not None:  # a column feeds one field: take it from any other
            for other, combo in self.combos.items():
                if other != field and self.chosen(other) == letter:
                    with QSignalBlocker(combo):
                        combo.setCurrentIndex(0)
        self._describe_all()
        self.changed.emit()

    def _describe_all(self) -> None:
        for field in self.combos:
            self._describe(field)

    def _describe(self, field: str) -> None:
        match = self.matches[field]
        letter = self.chosen(field)
        sure, samples = self.sure[field], self.samples[field]
        column = self.columns.get(letter) if letter is not None else None
        samples.setText("  ·  ".join(column.samples) if column is not None else "")
        colour = ""
        if letter != match.letter:
            text = self.tr("valgt av deg")
        elif letter is None:
            unmet = any(field in group for group in self.missing())
            text = self.tr("ikke funnet") if unmet else ""
            colour = ERROR_COLOUR if unmet else ""
        elif match.source == "saved":
            text = self.tr("lagret fra forrige import")
        elif match.source == "user":
            text = self.tr("valgt av deg")
        elif match.confidence >= SURE:
            text = self.tr("sikker")
        else:
            text = self.tr("usikker ({percent}) – kontroller").format(
                percent=fmt_percent(match.confidence * 100, 0)
            )
            colour = "#8a5300"
        sure.setText(text)
        sure.setStyleSheet(f"color: {colour};" if colour else "")


def required_names(groups: Sequence[tuple[str, ...]]) -> str:
    """ "Ansattnummer og Navn (Etternavn, Fornavn) eller Fornavn eller Etternavn"."""
    data = header_data()
    lang = current_language()

    def label(field: str) -> str:
        spec = data.field(field)
        return spec.label_en if lang == "en" else spec.label_nb

    joiner_or = QCoreApplication.translate("Kolonnekobling", " eller ")
    joiner_and = QCoreApplication.translate("Kolonnekobling", " og ")
    return joiner_and.join(joiner_or.join(label(f) for f in group) for group in groups)
