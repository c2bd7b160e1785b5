"""The Kvalifikasjoner tab: the municipality's catalogue of formal qualifications (education,
fag-/svennebrev, authorisations, licences) that roles can require (docs/compliance.md). The built-in
entries are edited like the municipality's own; an entry in use cannot be deleted."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from competence.qualifications import (
    QualificationInput,
    QualificationView,
    create_qualification,
    delete_qualification,
    update_qualification,
)
from competence.uow import UnitOfWork
from db.codes import EducationLevel, QualificationKind
from ui.card.common import RecordTable
from ui.frameworks.dialogs import paragraph
from ui.i18n import current_language, fmt_int
from ui.widgets.forms import FormDialog
from ui.widgets.tables import Column
from ui.worker import TaskRunner


class QualificationDialog(FormDialog):
    def __init__(
        self,
        tasks: TaskRunner,
        qualification: QualificationView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Endre kvalifikasjon") if qualification else self.tr("Ny kvalifikasjon i katalogen")
        super().__init__(title, parent)
        self.tasks, self.qualification = tasks, qualification
        q = qualification
        lang = current_language()
        self.kind = QComboBox()
        for kind in QualificationKind.choices():
            self.kind.addItem(kind.label(lang), kind.value)
        self.kind.setCurrentIndex(max(self.kind.findData(q.kind), 0) if q else 0)
        self.name = QLineEdit(q.name if q else "")
        self.name.setMaxLength(300)
        self.name_en = QLineEdit(q.name_en or "" if q else "")
        self.name_en.setMaxLength(300)
        self.level = QComboBox()
        self.level.addItem(self.tr("(ikke oppgitt)"), None)
        for level in EducationLevel.choices():
            self.level.addItem(level.label(lang), level.value)
        self.level.setCurrentIndex(max(self.level.findData(q.education_level), 0) if q else 0)
        self.field = QLineEdit(q.field or "" if q else "")
        self.field.setMaxLength(200)
        self.legal_basis = QLineEdit(q.legal_basis or "" if q else "")
        self.legal_basis.setMaxLength(200)
        self.legal_basis.setPlaceholderText(self.tr("f.eks. helsepersonelloven § 48"))
        self.description = paragraph(q.description if q else None)
        self.add_row(self.tr("Type:"), self.kind, "kind")
        self.add_row(self.tr("Navn:"), self.name, "name")
        self.add_row(self.tr("Navn på engelsk:"), self.name_en, "name_en")
        self.add_row(self.tr("Utdanningsnivå:"), self.level, "education_level")
        self.add_row(self.tr("Fagområde:"), self.field, "field")
        self.add_row(self.tr("Hjemmel:"), self.legal_basis, "legal_basis")
        self.add_row(self.tr("Beskrivelse:"), self.description, "description")
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.resize(540, self.sizeHint().height())

    def _kind_changed(self) -> None:
        education = self.kind.currentData() == QualificationKind.EDUCATION.value
        self.level.setEnabled(education)
        if not education:
            self.level.setCurrentIndex(0)

    def submit(self) -> QualificationView:
        return self.tasks.now(self.save)

    def save(self, uow: UnitOfWork) -> QualificationView:
        data = QualificationInput(
            str(self.kind.currentData()),
            self.name.text(),
            self.name_en.text() or None,
            self.level.currentData(),
            self.field.text() or None,
            self.description.toPlainText() or None,
            self.legal_basis.text() or None,
        )
        if self.qualification is None:
            return create_qualification(uow, data)
        return update_qualification(
            uow, self.qualification.id, data, expected_version=self.qualification.version
        )


class QualificationsCatalogueTab(QWidget):
    """The catalogue as a table with its buttons, and a word on what it is for."""

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lang = current_language()
        self.table: RecordTable[QualificationView] = RecordTable(tasks)
        self.table.set_columns(
            [
                Column(
                    self.tr("Kvalifikasjon"), lambda q: q.display_name(lang), tooltip=lambda q: q.description
                ),
                Column(self.tr("Type"), lambda q: q.kind_label(lang)),
                Column(
                    self.tr("Nivå"),
                    lambda q: EducationLevel.label_of(q.education_level, lang) if q.education_level else "",
                ),
                Column(self.tr("Hjemmel"), lambda q: q.legal_basis or ""),
                Column(
                    self.tr("Har den"), lambda q: fmt_int(q.holders), lambda q: q.holders, align_right=True
                ),
                Column(
                    self.tr("Roller som krever den"),
                    lambda q: fmt_int(q.required_by),
                    lambda q: q.required_by,
                    align_right=True,
                ),
            ],
            self.tr("Kvalifikasjoner"),
            stretch=0,
        )
        self.new_button = self.table.add_button(self.tr("Ny &kvalifikasjon…"), self.add)
        self.edit_button = self.table.add_button(self.tr("Endre…"), self.edit, needs_row=True)
        self.delete_button = self.table.add_button(self.tr("Slett"), self.delete, needs_row=True)
        intro = QLabel(
            self.tr(
                "Formelle kvalifikasjoner en rolle kan kreve: utdanning, fag- og svennebrev, autorisasjoner "
                "og lisenser. Listen begynner med vanlige kvalifikasjoner i en kommune; endre dem og legg "
                "til kommunens egne."
            )
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)

    def show_catalogue(self, catalogue: Sequence[QualificationView]) -> None:
        self.table.set_rows(catalogue)

    def add(self) -> None:
        self.table.run_dialog(QualificationDialog(self.table.tasks, parent=self))

    def edit(self) -> None:
        q = self.table.selected()
        if q is not None:
            self.table.run_dialog(QualificationDialog(self.table.tasks, q, self))

    def delete(self) -> None:
        q = self.table.selected()
        if q is None:
            return
        self.table.delete_after_asking(
            self.tr("Slett kvalifikasjon"),
            self.tr("Slette «{name}» fra katalogen?").format(name=q.display_name(current_language())),
            lambda uow: delete_qualification(uow, q.id, expected_version=q.version),
        )
