"""The user's own choices (kept in QSettings): role and language."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QWidget

from ui.i18n import LANGUAGE_NAMES
from ui.preferences import USER_ROLES, Preferences, role_label


class UserBox(QGroupBox):
    role_changed = Signal(str)

    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Deg som bruker"), parent)
        self.preferences = preferences
        self.role = QComboBox()
        self.role.setAccessibleName(self.tr("Din rolle"))
        for role in USER_ROLES:
            self.role.addItem(role_label(role), role)
        self.role.setCurrentIndex(max(self.role.findData(preferences.user_role), 0))
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Språk"))
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(preferences.language), 0))
        self.language_note = QLabel()
        self.language_note.setWordWrap(True)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("&Rolle:"), self.role)
        form.addRow(self.tr("Spr&åk:"), self.language)
        form.addRow("", self.language_note)
        self.role.currentIndexChanged.connect(self._role_chosen)
        self.language.currentIndexChanged.connect(self._language_chosen)

    def _role_chosen(self) -> None:
        role = str(self.role.currentData())
        self.preferences.user_role = role
        self.role_changed.emit(role)

    def _language_chosen(self) -> None:
        self.preferences.language = str(self.language.currentData())
        self.language_note.setText(
            self.tr(
                "Språket endres neste gang du starter programmet. / The language changes at the next start."
            )
        )
