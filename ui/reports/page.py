"""Rapporter: every export (matrix, gap report, assessment template, one person's
development plan, a unit's plans as files and as one combined PDF, the unit competence plan).

Choose the report on the left and the unit or person on the right; "Lag rapport…" asks where to
save (a sensible name in the folder used last), runs the export on a worker with a progress
dialog that can cancel, and ends with buttons that open the file and its folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from competence.actions.screens import ReportChoices, load_report_choices
from competence.changes import Changes
from competence.clock import today
from competence.employees import EmployeeRow
from competence.errors import ValidationError
from competence.export.registry import Output
from competence.export.results import ExportResult
from competence.language import pick
from competence.progress import Cancelled
from db.errors import LocalizedError
from ui.context import AppContext
from ui.errors import error_message, show_error
from ui.i18n import current_language
from ui.pages.base import Page
from ui.reports.files import ask_folder, ask_save_path, excel_filter, open_path, pdf_filter
from ui.reports.kinds import EXPORTS, Choice, Export, UnitNeed, Written
from ui.reports.run import run_export
from ui.widgets.date_edit import DateEdit
from ui.widgets.fields import ERROR_STYLE, refuse_if_invalid
from ui.widgets.pickers import PersonPicker, UnitPicker
from ui.widgets.qt import line_edit
from ui.worker import Task

KIND_ROLE = Qt.ItemDataRole.UserRole + 1


class ReportsPage(Page):
    # the units and people a report can be made for
    shows = Changes(people=True, units=True)
    # An export finished; the argument is what it wrote (:class:`ui.reports.kinds.Written`).
    exported = Signal(object)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.choices = ReportChoices((), ())
        self.people: dict[int, EmployeeRow] = {}
        self.last: Written | None = None
        # the export running or run last
        self.task: Task[Written] | None = None

        self.kinds = QListWidget()
        self.kinds.setAccessibleName(self.tr("Rapporter"))
        self.kinds.setMaximumWidth(380)
        self.kinds.setMinimumWidth(200)
        self.kinds.setWordWrap(True)  # a long title takes two lines in a narrow window, not "…"
        lang = current_language()
        for kind in EXPORTS:
            item = QListWidgetItem(kind.label_in(lang))
            item.setData(KIND_ROLE, kind.key)
            item.setToolTip(pick(lang, *kind.description))
            item.setSizeHint(QSize(0, round(self.fontMetrics().height() * 2.6)))
            self.kinds.addItem(item)

        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.description = QLabel()
        self.description.setWordWrap(True)

        self.unit = UnitPicker()
        self.unit.setAccessibleName(self.tr("Enhet"))
        self.unit.setMinimumContentsLength(40)
        self.unit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.subunits = QCheckBox(self.tr("Ta med &underenhetene"))
        self.person = PersonPicker()
        self.person.setAccessibleName(self.tr("Ansatt"))
        self.person.setMinimumContentsLength(40)
        self.person.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.talk_on = DateEdit(today())
        self.talk_on.setAccessibleName(self.tr("Dato for samtalen"))
        self.combined = QCheckBox(self.tr("Lag også én &samlet PDF med alle planene"))
        self.combined.setChecked(True)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for text, widget in (
            (self.tr("&Enhet:"), self.unit),
            ("", self.subunits),
            (self.tr("&Ansatt:"), self.person),
            (self.tr("&Dato for samtalen:"), self.talk_on),
            ("", self.combined),
        ):
            if text:
                label = QLabel(text)
                label.setBuddy(widget)
                self.form.addRow(label, widget)
            else:
                self.form.addRow(widget)
        choice_box = QGroupBox(self.tr("Utvalg"))
        choice_box.setLayout(self.form)

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setAccessibleName(self.tr("Feilmelding"))
        self.error.hide()
        self.create_button = QPushButton(self.tr("&Lag rapport…"))
        self.create_button.setDefault(True)
        self.create_button.setAutoDefault(True)

        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.setAccessibleName(self.tr("Resultat"))
        self.open_file = QPushButton(self.tr("Å&pne filen"))
        self.open_folder = QPushButton(self.tr("Åpne &mappen"))
        result_buttons = QHBoxLayout()
        result_buttons.addWidget(self.open_file)
        result_buttons.addWidget(self.open_folder)
        result_buttons.addStretch(1)
        self.result_box = QGroupBox(self.tr("Ferdig"))
        result_layout = QVBoxLayout(self.result_box)
        result_layout.addWidget(self.result)
        result_layout.addLayout(result_buttons)
        self.result_box.hide()

        buttons = QHBoxLayout()
        buttons.addWidget(self.create_button)
        buttons.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.title)
        right.addWidget(self.description)
        right.addWidget(choice_box)
        right.addWidget(self.error)
        right.addLayout(buttons)
        right.addWidget(self.result_box)
        right.addStretch(1)
        form_side = self.form_side = QWidget()
        form_side.setLayout(right)
        form_side.setMaximumWidth(820)
        layout = QHBoxLayout(self)
        layout.addWidget(self.kinds)
        layout.addWidget(form_side, 1)
        layout.addStretch(0)

        self.kinds.currentRowChanged.connect(self._kind_chosen)
        self.unit.currentIndexChanged.connect(self._update_subunits)
        self.create_button.clicked.connect(self.make_report)
        self.open_file.clicked.connect(self._open_file)
        self.open_folder.clicked.connect(self._open_folder)
        self.kinds.setCurrentRow(0)

    # --- loading -----------------------------------------------------------------------------
    def reload(self) -> None:
        self.ctx.tasks.run(
            lambda uow, progress, cancel: load_report_choices(uow),
            on_done=self._choices_ready,
            parent=self,
            latest="choices",
        )

    def _choices_ready(self, choices: ReportChoices) -> None:
        self.choices = choices
        self.people = {p.id: p for p in choices.people}
        self.person.set_people(choices.people)
        self._fill_units(self.current_kind())
        self.loaded.emit()

    def focus_search(self) -> bool:
        kind = self.current_kind()
        target = self.person if kind.person else self.unit
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        line_edit(target).selectAll()
        return True

    # --- the form ----------------------------------------------------------------------------
    def current_kind(self) -> Export[ExportResult]:
        item = self.kinds.currentItem()
        key = item.data(KIND_ROLE) if item is not None else EXPORTS[0].key
        return next(k for k in EXPORTS if k.key == key)

    def select_kind(self, key: str) -> None:
        for row in range(self.kinds.count()):
            if self.kinds.item(row).data(KIND_ROLE) == key:
                self.kinds.setCurrentRow(row)
                return

    def _kind_chosen(self) -> None:
        kind = self.current_kind()
        lang = current_language()
        self.title.setText(kind.label_in(lang))
        self.description.setText(pick(lang, *kind.description))
        self.form.setRowVisible(self.unit, kind.unit is not UnitNeed.NONE)
        self.form.setRowVisible(self.subunits, kind.unit is not UnitNeed.NONE)
        self.form.setRowVisible(self.person, kind.person)
        self.form.setRowVisible(self.talk_on, kind.talk_date)
        batch = kind.output is Output.PDF_FOLDER
        self.form.setRowVisible(self.combined, batch)
        self.subunits.setChecked(kind.subunits_default)
        self.create_button.setText(
            self.tr("Velg mappe &og lag planene…") if batch else self.tr("&Lag rapport…")
        )
        self._fill_units(kind)
        self.error.hide()
        # what the last export wrote belongs to that report, not to the one chosen now
        self.result_box.hide()

    def _fill_units(self, kind: Export[ExportResult]) -> None:
        whole = self.tr("Hele kommunen") if kind.unit is UnitNeed.OPTIONAL else None
        self.unit.set_units(self.choices.units, whole_text=whole)
        self._update_subunits()

    def _update_subunits(self) -> None:
        whole = self.unit.has_choice() and self.unit.selected_id() is None
        self.subunits.setEnabled(not whole)

    def request(self, kind: Export[ExportResult]) -> Choice:
        """What the form says, checked; a :class:`ValidationError` names what is missing."""
        unit_number, scope_name = None, self.tr("hele kommunen")
        if kind.unit is not UnitNeed.NONE:
            unit_id = self.unit.selected_id() if self.unit.has_choice() else None
            if unit_id is None and (kind.unit is UnitNeed.REQUIRED or not self.unit.has_choice()):
                raise ValidationError("Velg en enhet.", "Choose a unit.", field="unit")
            unit = next((u for u in self.choices.units if u.id == unit_id), None)
            if unit is not None:
                unit_number, scope_name = unit.number, unit.name
        employee_no, person_name = None, ""
        if kind.person:
            person_id = self.person.checked_id("person")
            row = self.people.get(person_id) if person_id is not None else None
            if row is None:
                raise ValidationError("Velg en ansatt.", "Choose an employee.", field="person")
            employee_no, person_name = row.employee_no, f"{row.last_name} {row.first_name}".strip()
        return Choice(
            kind,
            unit_number=unit_number,
            scope_name=scope_name,
            subunits=self.subunits.isChecked() or unit_number is None,
            employee_no=employee_no,
            person_name=person_name,
            talk_on=self.talk_on.required_date() if kind.talk_date else None,
            combined=kind.output is Output.PDF_FOLDER and self.combined.isChecked(),
        )

    def _show_problem(self, exc: LocalizedError) -> None:
        self.error.setText(error_message(exc))
        self.error.show()
        field = exc.details.get("field")
        widget = {"unit": self.unit, "person": self.person}.get(str(field))
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- running -----------------------------------------------------------------------------
    def make_report(self) -> None:
        kind = self.current_kind()
        if refuse_if_invalid(self.form_side):
            self.error.setText(self.tr("Rett opp feltet som er merket med rødt."))
            self.error.show()
            return
        try:
            choice = self.request(kind)
        except ValidationError as exc:
            self._show_problem(exc)
            return
        self.error.hide()
        if kind.output is Output.PDF_FOLDER:
            target = ask_folder(self, self.ctx.preferences, self.tr("Velg mappen planene skal lagres i"))
        else:
            target = ask_save_path(
                self,
                self.ctx.preferences,
                self.tr("Lagre {title}").format(title=choice.title),
                choice.default_name(today()),
                pdf_filter() if kind.output.suffix == ".pdf" else excel_filter(),
            )
        if target is None:
            return
        self.start(choice, target)

    def start(self, choice: Choice, target: Path) -> None:
        """Run the export on a worker (the progress dialog appears after a moment; it can cancel)."""
        self.result_box.hide()
        self.create_button.setEnabled(False)
        self.task = run_export(self.ctx, self, choice, target, on_done=self._done, on_error=self._failed)
        self.task.finished.connect(lambda: self.create_button.setEnabled(True))

    def _done(self, written: Written) -> None:
        self.last = written
        self.result_box.setTitle(self.tr("Ferdig"))
        self.result.setText(
            self.tr("Lagret i {path}.\n{summary}").format(path=written.path, summary=written.summary)
        )
        self.open_file.setVisible(written.main_file is not None)
        self.open_folder.setVisible(True)
        self.result_box.show()
        (self.open_file if written.main_file is not None else self.open_folder).setFocus()
        self.ctx.status_message.emit(self.tr("Lagret: {path}").format(path=written.path))
        self.exported.emit(written)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self.last = None
            self.result_box.setTitle(self.tr("Avbrutt"))
            self.result.setText(self.tr("Eksporten ble avbrutt. Ingen fil ble lagret."))
            self.open_file.hide()
            self.open_folder.hide()
            self.result_box.show()
            return
        show_error(self, exc)

    def _open_file(self) -> None:
        if self.last is not None and self.last.main_file is not None:
            open_path(self.last.main_file)

    def _open_folder(self) -> None:
        if self.last is not None:
            open_path(self.last.folder)
