"""Courses and certificates on the employee card, with their expiry."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from competence.certificates import (
    CertificateInput,
    CertificateView,
    add_certificate,
    delete_certificate,
    update_certificate,
)
from competence.clock import today
from competence.search import CompetenceOption
from competence.uow import UnitOfWork
from db.codes import CertificateStatus
from ui.card.common import RecordTable
from ui.i18n import current_language, fmt_date
from ui.widgets.date_edit import DateEdit
from ui.widgets.forms import FormDialog
from ui.widgets.pickers import CompetencePicker
from ui.widgets.tables import Column
from ui.worker import TaskRunner

EXPIRED = QColor(253, 226, 226)
EXPIRING = QColor(255, 243, 205)
COLOURS = {CertificateStatus.EXPIRED: EXPIRED, CertificateStatus.EXPIRING: EXPIRING}


class CertificateDialog(FormDialog):
    def __init__(
        self,
        tasks: TaskRunner,
        employee_id: int,
        courses: Sequence[CompetenceOption],
        certificate: CertificateView | None = None,
        parent: QWidget | None = None,
        *,
        skills: Sequence[CompetenceOption] = (),
    ) -> None:
        title = self.tr("Endre kurs/sertifikat") if certificate else self.tr("Nytt kurs/sertifikat")
        super().__init__(title, parent)
        self.tasks, self.employee_id, self.certificate = (
            tasks,
            employee_id,
            certificate,
        )
        self.course = CompetencePicker(courses, none_text=self.tr("(ingen)"))
        self.course.setToolTip(self.tr("Lovpålagt opplæring og andre kurs registret i rammeverkene"))
        self.name = QLineEdit(certificate.name if certificate else "")
        self.name.setMaxLength(300)
        self.name.setPlaceholderText(self.tr("Tomt: navnet på kurset over"))
        self.issuer = QLineEdit(certificate.issuer or "" if certificate else "")
        self.issuer.setMaxLength(200)
        self.completed = DateEdit(certificate.completed_on if certificate else today())
        self.valid_until = DateEdit(certificate.valid_until if certificate else None, optional=True)
        self.valid_until.setToolTip(self.tr("Tomt: regnes ut fra kursets gyldighet, eller gyldig uten utløp"))
        self.note = QPlainTextEdit(certificate.note or "" if certificate else "")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(56)
        if certificate is not None:
            self.course.select_id(certificate.competence_id)
        self.add_row(self.tr("Kurs:"), self.course, "competence_id")
        self.add_row(self.tr("Navn:"), self.name, "name")
        self.add_row(self.tr("Utsteder:"), self.issuer, "issuer")
        self.add_row(self.tr("Fullført:"), self.completed, "completed_on")
        self.add_row(self.tr("Gyldig til:"), self.valid_until, "valid_until")
        self.add_row(self.tr("Merknad:"), self.note, "note")
        # closing the loop: a course that gives a level in a competence records it with the certificate
        self.covers = CompetencePicker(skills, none_text=self.tr("(ingen)"))
        self.covers.setToolTip(self.tr("Kompetansen kurset gir, som vurderes på nivå"))
        self.covers_level = QComboBox()
        self.covers_level.setEnabled(False)
        self.covers.currentIndexChanged.connect(self._covers_changed)
        if skills:
            self.add_row(self.tr("Gir kompetanse i:"), self.covers, "covers_competence_id")
            self.add_row(self.tr("Nivå etter kurset:"), self.covers_level, "covers_level")
        self.resize(480, self.sizeHint().height())

    def _covers_changed(self) -> None:
        option = self.covers.selected()
        self.covers_level.clear()
        if option is not None:
            lang = current_language()
            for level in option.levels:
                self.covers_level.addItem(level.label(lang), level.ordinal)
        self.covers_level.setEnabled(option is not None)

    def certificate_input(self) -> CertificateInput:
        return CertificateInput(
            name=self.name.text(),
            completed_on=self.completed.required_date(),
            valid_until=self.valid_until.value(),
            competence_id=self.course.selected_id(),
            issuer=self.issuer.text() or None,
            note=self.note.toPlainText() or None,
            covers_competence_id=self.covers.selected_id(),
            covers_level=self.covers_level.currentData() if self.covers.selected_id() is not None else None,
        )

    def submit(self) -> CertificateView:
        return self.tasks.now(self.save)

    def save(self, uow: UnitOfWork) -> CertificateView:
        if self.certificate is None:
            return add_certificate(uow, self.employee_id, self.certificate_input())
        return update_certificate(
            uow, self.certificate.id, self.certificate_input(), expected_version=self.certificate.version
        )


class CertificatesTab(RecordTable[CertificateView]):
    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        self.window_days = 90

        def status_text(c: CertificateView) -> str:
            return c.status(today(), self.window_days).label(current_language())

        def colour(c: CertificateView) -> QColor | None:
            return COLOURS.get(c.status(today(), self.window_days))

        columns: list[Column[CertificateView]] = [
            Column(self.tr("Kurs/sertifikat"), lambda c: c.name),
            Column(self.tr("Utsteder"), lambda c: c.issuer or ""),
            Column(self.tr("Fullført"), lambda c: fmt_date(c.completed_on), lambda c: c.completed_on),
            Column(
                self.tr("Gyldig til"),
                lambda c: fmt_date(c.valid_until) or self.tr("uten utløp"),
                lambda c: c.valid_until,
            ),
            Column(self.tr("Status"), status_text, background=colour),
        ]
        self.set_columns(columns, self.tr("Kurs og sertifikater"), stretch=0)
        self.employee_id = 0
        self.courses: Sequence[CompetenceOption] = ()
        self.skills: Sequence[CompetenceOption] = ()
        self.new_button = self.add_button(self.tr("Registrer kurs/sertifikat…"), self.add)
        self.edit_button = self.add_button(self.tr("Endre…"), self.edit, needs_row=True)
        self.delete_button = self.add_button(self.tr("Slett"), self.delete, needs_row=True)

    def load(
        self,
        employee_id: int,
        certificates: Sequence[CertificateView],
        courses: Sequence[CompetenceOption],
        window_days: int,
        skills: Sequence[CompetenceOption] = (),
    ) -> None:
        self.employee_id, self.courses, self.window_days = employee_id, courses, window_days
        self.skills = skills
        self.set_rows(certificates)

    def add(self) -> None:
        self.run_dialog(
            CertificateDialog(self.tasks, self.employee_id, self.courses, parent=self, skills=self.skills)
        )

    def edit(self) -> None:
        cert = self.selected()
        if cert is not None:
            self.run_dialog(CertificateDialog(self.tasks, self.employee_id, self.courses, cert, self))

    def delete(self) -> None:
        cert = self.selected()
        if cert is None:
            return
        self.delete_after_asking(
            self.tr("Slett kurs/sertifikat"),
            self.tr("Slette «{name}»?").format(name=cert.name),
            lambda uow: delete_certificate(uow, cert.id, expected_version=cert.version),
        )
