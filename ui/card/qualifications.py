"""Formal qualifications on the employee card: what the person's roles require (with the status of
each: met, met by a dispensation, missing with its deadline, overdue), what the person holds, and
their dispensations (docs/compliance.md)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QSplitter, QVBoxLayout, QWidget

from competence.clock import today
from competence.compliance.card import ComplianceCard
from competence.qualifications import (
    DispensationInput,
    DispensationView,
    HeldInput,
    HeldQualification,
    QualificationView,
    add_dispensation,
    add_held_qualification,
    delete_dispensation,
    delete_held_qualification,
    update_dispensation,
    update_held_qualification,
)
from competence.qualifications.standing import QualificationStanding
from competence.uow import UnitOfWork
from db.codes import QualificationKind, RequirementStatus
from ui import status_colours as tone
from ui.card.common import RecordTable
from ui.i18n import current_language, fmt_date
from ui.widgets.date_edit import DateEdit
from ui.widgets.forms import FormDialog
from ui.widgets.tables import Column, DataTable, RowTableModel
from ui.worker import TaskRunner


def status_text(s: QualificationStanding) -> str:
    """ "Oppfylt", "Oppfylt (dispensasjon til 31.07.2026)", "Mangler, frist 01.03.2027", "Forfalt"."""
    lang = current_language()
    if s.by_dispensation and s.dispensation is not None:
        return QCoreApplication.translate("Kvalifikasjoner", "Oppfylt (dispensasjon til {date})").format(
            date=fmt_date(s.dispensation.ends_on)
        )
    if s.status is RequirementStatus.MISSING and s.deadline is not None:
        return QCoreApplication.translate("Kvalifikasjoner", "Mangler, frist {date}").format(
            date=fmt_date(s.deadline)
        )
    return s.status.label(lang)


def status_shade(s: QualificationStanding) -> tone.Shade:
    """The status's colours, as in Oversikt's panel and the workbooks (ui/status_colours.py)."""
    return {
        RequirementStatus.MET: tone.MET,
        RequirementStatus.GAP: tone.GAP,
        RequirementStatus.NOT_ASSESSED: tone.NOT_ASSESSED,
        RequirementStatus.MISSING: tone.MISSING,
        RequirementStatus.OVERDUE: tone.OVERDUE,
    }[s.status]


def _picker(catalogue: Sequence[QualificationView], chosen: int | None) -> QComboBox:
    lang = current_language()
    combo = QComboBox()
    for q in catalogue:
        combo.addItem(f"{q.display_name(lang)} ({q.kind_label(lang)})", q.id)
    combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen is not None else -1)
    return combo


def _text(value: str | None, limit: int, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(value or "")
    edit.setMaxLength(limit)
    edit.setPlaceholderText(placeholder)
    return edit


def _paragraph(value: str | None) -> QPlainTextEdit:
    box = QPlainTextEdit(value or "")
    box.setTabChangesFocus(True)
    box.setFixedHeight(56)
    return box


def _chosen(combo: QComboBox) -> int:
    value = combo.currentData()
    if value is None:
        from competence.errors import ValidationError

        raise ValidationError("Velg en kvalifikasjon.", "Choose a qualification.", field="qualification_id")
    return int(value)


class HeldQualificationDialog(FormDialog):
    """A qualification the person holds: when obtained, until when, where the document is filed."""

    def __init__(
        self,
        tasks: TaskRunner,
        employee_id: int,
        catalogue: Sequence[QualificationView],
        held: HeldQualification | None = None,
        *,
        qualification_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Endre kvalifikasjon") if held else self.tr("Registrer kvalifikasjon"), parent
        )
        self.tasks, self.employee_id, self.held = tasks, employee_id, held
        self.qualification = _picker(catalogue, held.qualification_id if held else qualification_id)
        self.obtained = DateEdit(held.obtained_on if held else None, latest=today())
        self.expires = DateEdit(held.expires_on if held else None, optional=True)
        self.issuer = _text(held.issuer if held else None, 200, self.tr("f.eks. Helsedirektoratet, OsloMet"))
        self.document = _text(
            held.document_ref if held else None,
            300,
            self.tr("Hvor dokumentet er arkivert, f.eks. sak 2019/1234"),
        )
        self.note = _paragraph(held.note if held else None)
        self.add_row(self.tr("Kvalifikasjon:"), self.qualification, "qualification_id")
        self.add_row(self.tr("Oppnådd:"), self.obtained, "obtained_on")
        self.add_row(self.tr("Utløper:"), self.expires, "expires_on")
        self.add_row(self.tr("Utsteder:"), self.issuer, "issuer")
        self.add_row(self.tr("Dokumentreferanse:"), self.document, "document_ref")
        self.add_row(self.tr("Merknad:"), self.note, "note")
        hint = QLabel(
            self.tr(
                "Registeret holder bare en henvisning til dokumentet, aldri en kopi, og aldri fødselsnummer."
            )
        )
        hint.setWordWrap(True)
        hint.setEnabled(False)
        self.form.addRow(hint)
        self.resize(520, self.sizeHint().height())

    def submit(self) -> HeldQualification:
        return self.tasks.now(self.save)

    def save(self, uow: UnitOfWork) -> HeldQualification:
        data = HeldInput(
            _chosen(self.qualification),
            self.obtained.required_date(),
            self.expires.value(),
            self.issuer.text() or None,
            self.document.text() or None,
            self.note.toPlainText() or None,
        )
        if self.held is None:
            return add_held_qualification(uow, self.employee_id, data)
        return update_held_qualification(uow, self.held.id, data, expected_version=self.held.version)


class DispensationDialog(FormDialog):
    """Leave to hold the post without a qualification it requires, until an end date."""

    def __init__(
        self,
        tasks: TaskRunner,
        employee_id: int,
        catalogue: Sequence[QualificationView],
        dispensation: DispensationView | None = None,
        *,
        qualification_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Endre dispensasjon") if dispensation else self.tr("Ny dispensasjon")
        super().__init__(title, parent)
        self.tasks, self.employee_id, self.dispensation = tasks, employee_id, dispensation
        d = dispensation
        self.qualification = _picker(catalogue, d.qualification_id if d else qualification_id)
        self.starts = DateEdit(d.starts_on if d else today())
        self.ends = DateEdit(d.ends_on if d else None)
        self.granted_by = _text(
            d.granted_by if d else None, 200, self.tr("f.eks. Kommunedirektøren, sak 2026/77")
        )
        self.reason = _paragraph(d.reason if d else None)
        self.add_row(self.tr("Fra kravet om:"), self.qualification, "qualification_id")
        self.add_row(self.tr("Gjelder fra:"), self.starts, "starts_on")
        self.add_row(self.tr("Gjelder til:"), self.ends, "ends_on")
        self.add_row(self.tr("Innvilget av:"), self.granted_by, "granted_by")
        self.add_row(self.tr("Begrunnelse:"), self.reason, "reason")
        self.resize(520, self.sizeHint().height())

    def submit(self) -> DispensationView:
        return self.tasks.now(self.save)

    def save(self, uow: UnitOfWork) -> DispensationView:
        data = DispensationInput(
            _chosen(self.qualification),
            self.starts.required_date(),
            self.ends.required_date(),
            self.granted_by.text() or None,
            self.reason.toPlainText() or None,
        )
        if self.dispensation is None:
            return add_dispensation(uow, self.employee_id, data)
        return update_dispensation(
            uow, self.dispensation.id, data, expected_version=self.dispensation.version
        )


class HeldTable(RecordTable[HeldQualification]):
    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        lang = current_language()
        columns: list[Column[HeldQualification]] = [
            Column(self.tr("Kvalifikasjon"), lambda h: h.display_name(lang)),
            Column(self.tr("Type"), lambda h: h.kind_label(lang)),
            Column(self.tr("Oppnådd"), lambda h: fmt_date(h.obtained_on), lambda h: h.obtained_on),
            Column(
                self.tr("Utløper"),
                lambda h: fmt_date(h.expires_on) or self.tr("uten utløp"),
                lambda h: h.expires_on,
                background=lambda h: (
                    tone.GAP.fill if h.expires_on is not None and h.expires_on < today() else None
                ),
            ),
            Column(self.tr("Dokument"), lambda h: h.document_ref or "", tooltip=lambda h: h.document_ref),
        ]
        self.set_columns(columns, self.tr("Kvalifikasjoner personen har"), stretch=0)
        self.employee_id = 0
        self.catalogue: Sequence[QualificationView] = ()
        self.new_button = self.add_button(self.tr("Re&gistrer kvalifikasjon…"), self.add)
        self.edit_button = self.add_button(self.tr("Endre…"), self.edit, needs_row=True)
        self.delete_button = self.add_button(self.tr("Slett"), self.delete, needs_row=True)

    def add(self, qualification_id: int | None = None) -> None:
        self.run_dialog(
            HeldQualificationDialog(
                self.tasks,
                self.employee_id,
                self.catalogue,
                qualification_id=qualification_id,
                parent=self,
            )
        )

    def edit(self) -> None:
        held = self.selected()
        if held is not None:
            self.run_dialog(
                HeldQualificationDialog(self.tasks, self.employee_id, self.catalogue, held, parent=self)
            )

    def delete(self) -> None:
        held = self.selected()
        if held is None:
            return
        self.delete_after_asking(
            self.tr("Slett kvalifikasjon"),
            self.tr("Slette «{name}» fra personen?").format(name=held.display_name(current_language())),
            lambda uow: delete_held_qualification(uow, held.id, expected_version=held.version),
        )


class DispensationTable(RecordTable[DispensationView]):
    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        lang = current_language()
        columns: list[Column[DispensationView]] = [
            Column(self.tr("Fra kravet om"), lambda d: d.qualification_display(lang)),
            Column(self.tr("Fra"), lambda d: fmt_date(d.starts_on), lambda d: d.starts_on),
            Column(
                self.tr("Til"),
                lambda d: fmt_date(d.ends_on),
                lambda d: d.ends_on,
                background=lambda d: None if d.in_force(today()) else tone.NEAR.fill,
                tooltip=lambda d: None if d.in_force(today()) else self.tr("Gjelder ikke i dag"),
            ),
            Column(self.tr("Innvilget av"), lambda d: d.granted_by or "", tooltip=lambda d: d.reason),
        ]
        self.set_columns(columns, self.tr("Dispensasjoner"), stretch=0)
        self.employee_id = 0
        self.catalogue: Sequence[QualificationView] = ()
        self.new_button = self.add_button(self.tr("Ny d&ispensasjon…"), self.add)
        self.edit_button = self.add_button(self.tr("Endre…"), self.edit, needs_row=True)
        self.delete_button = self.add_button(self.tr("Slett"), self.delete, needs_row=True)

    def add(self, qualification_id: int | None = None) -> None:
        self.run_dialog(
            DispensationDialog(
                self.tasks,
                self.employee_id,
                self.catalogue,
                qualification_id=qualification_id,
                parent=self,
            )
        )

    def edit(self) -> None:
        d = self.selected()
        if d is not None:
            self.run_dialog(DispensationDialog(self.tasks, self.employee_id, self.catalogue, d, parent=self))

    def delete(self) -> None:
        d = self.selected()
        if d is None:
            return
        self.delete_after_asking(
            self.tr("Slett dispensasjon"),
            self.tr("Slette dispensasjonen fra «{name}»?").format(
                name=d.qualification_display(current_language())
            ),
            lambda uow: delete_dispensation(uow, d.id, expected_version=d.version),
        )


class QualificationsTab(QWidget):
    """The three parts, one above the other: required, held, dispensations."""

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lang = current_language()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        columns: list[Column[QualificationStanding]] = [
            Column(self.tr("Rollen krever"), lambda s: s.display_name(lang)),
            Column(self.tr("Type"), lambda s: QualificationKind.label_of(s.kind, lang)),
            Column(self.tr("Krav"), lambda s: self.tr("Obligatorisk") if s.mandatory else self.tr("Ønsket")),
            Column(
                self.tr("Status"),
                status_text,
                lambda s: list(RequirementStatus).index(s.status),
                background=lambda s: status_shade(s).fill,
                foreground=lambda s: status_shade(s).text,
                tooltip=lambda s: (
                    self.tr("Mangler siden {date}").format(date=fmt_date(s.lacking_since))
                    if s.lacking_since
                    else None
                ),
            ),
        ]
        self.required_model: RowTableModel[QualificationStanding] = RowTableModel(columns, parent=self)
        self.required = DataTable()
        self.required.setModel(self.required_model)
        self.required.setAccessibleName(self.tr("Kvalifikasjoner rollen krever"))
        self.required.verticalHeader().hide()
        self.required.horizontalHeader().setStretchLastSection(True)
        self.held = HeldTable(tasks)
        self.dispensations = DispensationTable(tasks)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        for widget in (self.required, self.held, self.dispensations):
            splitter.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)

    def load(self, employee_id: int, card: ComplianceCard) -> None:
        self.required_model.set_rows(card.standings)
        self.required.resizeColumnsToContents()
        for table in (self.held, self.dispensations):
            table.employee_id, table.catalogue = employee_id, card.catalogue
        self.held.set_rows(card.held)
        self.dispensations.set_rows(card.dispensations)
        lacking = [s for s in card.standings if s.status.lacking]
        if not card.standings:
            self.summary.setText(self.tr("Rollen til personen krever ingen formelle kvalifikasjoner."))
        elif lacking:
            self.summary.setText(
                self.tr(
                    "{lacking} av {total} lovpålagte eller obligatoriske kvalifikasjoner mangler."
                ).format(lacking=len(lacking), total=sum(1 for s in card.standings if s.mandatory))
            )
        else:
            self.summary.setText(self.tr("Personen har alle kvalifikasjonene rollen krever."))
