"""The competence profile on the employee card: each competence the person's roles require, with
current level, requirement, gap and status ("ikke vurdert" shown as such, never as a silent gap),
a level edited in place, the assessment history, and a radar chart per strategy area."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from competence.assessments import AssessmentView, NewAssessment, history, record_assessment
from competence.clock import today
from competence.errors import ValidationError
from competence.gap import EmployeeProfile, ProfileItem
from competence.scales import LevelView
from db.codes import MANUAL_SOURCES, AssessmentSource
from ui import status_colours as tone
from ui.card.common import gap_explanation, level_text
from ui.card.radar import RadarChart, RadarPoint
from ui.errors import attempt, show_error
from ui.i18n import current_language, fmt_date, fmt_int, fmt_points
from ui.widgets.date_edit import DateEdit
from ui.widgets.flow import ElidedLabel
from ui.widgets.forms import FormDialog
from ui.widgets.screen import share_when_shown
from ui.widgets.tables import ROW_ROLE, Column, ColumnFitter, DataTable, RowTableModel
from ui.worker import TaskRunner

#: a mandatory course without a valid certificate: orange while its deadline lasts, dark red after
#: (ui/status_colours.py, as in the heatmap and the matrix)
SHADES = {
    "met": tone.MET,
    "gap": tone.GAP,
    "not_assessed": tone.NOT_ASSESSED,
    "missing": tone.MISSING,
    "overdue": tone.OVERDUE,
}
#: the order of the status column: what needs doing first
STATUS_ORDER = ("overdue", "missing", "gap", "not_assessed", "met")
CURRENT_COLUMN = 3


def competence_name(item: ProfileItem, lang: str) -> str:
    return item.competence.display_label(lang)


def status_text(item: ProfileItem) -> str:
    texts = {
        "met": QCoreApplication.translate("Kompetanseprofil", "Oppfylt"),
        "gap": QCoreApplication.translate("Kompetanseprofil", "Avvik"),
        "not_assessed": QCoreApplication.translate("Kompetanseprofil", "Ikke vurdert"),
        "missing": QCoreApplication.translate("Kompetanseprofil", "Mangler"),
        "overdue": QCoreApplication.translate("Kompetanseprofil", "Forfalt"),
    }
    if item.status == "missing" and item.deadline is not None:
        return QCoreApplication.translate("Kompetanseprofil", "Mangler, frist {date}").format(
            date=fmt_date(item.deadline)
        )
    return texts[item.status]


def current_text(item: ProfileItem, levels: Sequence[LevelView] = ()) -> str:
    if item.competence.kind == "certificate":
        if item.current_percent is None:
            return QCoreApplication.translate("Kompetanseprofil", "ikke registrert")
        if item.current_percent >= 100:
            return QCoreApplication.translate("Kompetanseprofil", "gyldig")
        return QCoreApplication.translate("Kompetanseprofil", "utløpt")
    if item.current_level is None:
        return QCoreApplication.translate("Kompetanseprofil", "ikke vurdert")
    return level_text(levels, item.current_level, item.current_level_name)


#: the employee's own level differs from the leader's
SELF_DIFFERS = QColor(221, 235, 247)


def self_text(item: ProfileItem) -> str:
    """ "4 Selvstendig (+1)": the employee's own level, and how far it is from the level that counts."""
    own = item.self_level
    if own is None:
        return ""
    text = own.label(current_language())
    difference = item.self_difference
    if difference:
        text += f" ({'+' if difference > 0 else '−'}{fmt_int(abs(difference))})"
    return text


def self_tooltip(item: ProfileItem) -> str | None:
    own = item.self_level
    if own is None:
        return None
    return QCoreApplication.translate("Kompetanseprofil", "Egenvurdering {date}").format(
        date=fmt_date(own.assessed_on)
    )


def status_shade(item: ProfileItem) -> tone.Shade:
    return SHADES[item.status]


class ProfileModel(RowTableModel[ProfileItem]):
    """The profile table; the current level of a skill is editable (a new assessment)."""

    def __init__(self, columns: Sequence[Column[ProfileItem]], parent: Any = None) -> None:
        super().__init__(columns, parent=parent)
        #: Called with (competence id, level ordinal) when the user picks a level in place.
        self.on_level_chosen: Callable[[int, int], bool] | None = None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        item = self.row_at(index.row()) if index.isValid() else None
        if item is not None and index.column() == CURRENT_COLUMN and item.competence.kind == "skill":
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        item = self.row_at(index.row()) if index.isValid() else None
        if item is None or role != Qt.ItemDataRole.EditRole or value is None or self.on_level_chosen is None:
            return False
        if item.current_level == int(value):
            return False
        return self.on_level_chosen(item.competence.id, int(value))


class LevelDelegate(QStyledItemDelegate):
    """A drop-down of the competence's levels for editing the current level in place."""

    def __init__(self, levels: Callable[[int], Sequence[LevelView]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.levels = levels

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.setAccessibleName(self.tr("Nytt nivå"))
        model = index.model()
        item = model.data(index, ROW_ROLE)
        lang = current_language()
        if isinstance(item, ProfileItem):
            for level in self.levels(item.competence.id):
                combo.addItem(level.label(lang), level.ordinal)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        item = index.model().data(index, ROW_ROLE)
        if isinstance(editor, QComboBox) and isinstance(item, ProfileItem):
            position = editor.findData(item.current_level) if item.current_level is not None else -1
            editor.setCurrentIndex(position if position >= 0 else 0)

    def setModelData(self, editor: QWidget, model: Any, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class AssessDialog(FormDialog):
    """A new assessment with date, source and note (the full form of editing a level)."""

    def __init__(
        self,
        tasks: TaskRunner,
        employee_id: int,
        item: ProfileItem,
        levels: Sequence[LevelView],
        *,
        source: str = AssessmentSource.LEADER,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Vurder «{name}»").format(name=item.competence.display_label(current_language())), parent
        )
        self.tasks, self.employee_id, self.item = tasks, employee_id, item
        lang = current_language()
        self.level = QComboBox()
        for level in levels:
            self.level.addItem(level.label(lang), level.ordinal)
        if item.current_level is not None:
            self.level.setCurrentIndex(max(self.level.findData(item.current_level), 0))
        self.source = QComboBox()
        for choice in MANUAL_SOURCES:
            self.source.addItem(choice.label(lang), choice.value)
        self.source.setCurrentIndex(max(self.source.findData(source), 0))
        self.assessed_on = DateEdit(today(), latest=today())
        self.assessor = QLineEdit(tasks.actor or "")
        self.assessor.setMaxLength(200)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(70)
        required = QLabel(level_text(levels, item.required_level, item.required_level_name))
        self.add_row(self.tr("Krav:"), required)
        self.add_row(self.tr("Nivå:"), self.level, "level")
        self.add_row(self.tr("Kilde:"), self.source, "source")
        self.add_row(self.tr("Dato:"), self.assessed_on, "assessed_on")
        self.add_row(self.tr("Vurdert av (navn):"), self.assessor, "assessor")
        self.add_row(self.tr("Merknad:"), self.note, "note")
        self.resize(480, self.sizeHint().height())

    def submit(self) -> AssessmentView:
        if self.level.currentData() is None:
            raise ValidationError("Velg et nivå.", "Choose a level.", field="level")
        new = NewAssessment(
            employee_id=self.employee_id,
            competence_id=self.item.competence.id,
            level=int(self.level.currentData()),
            assessed_on=self.assessed_on.required_date(),
            source=str(self.source.currentData()),
            assessor=self.assessor.text() or None,
            note=self.note.toPlainText() or None,
        )
        return self.tasks.now(lambda uow: record_assessment(uow, new))


class ProfileTab(QWidget):
    #: Ask the card for a new learning goal for this competence.
    goal_requested = Signal(int)

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.employee_id = 0
        self.profile: EmployeeProfile | None = None
        self.levels: Mapping[int, Sequence[LevelView]] = {}
        self.lang = lang = current_language()

        def required(i: ProfileItem) -> str:
            if i.competence.kind == "certificate":
                return self.tr("sertifikat")
            return level_text(self.levels.get(i.competence.id, ()), i.required_level, i.required_level_name)

        def current(i: ProfileItem) -> str:
            return current_text(i, self.levels.get(i.competence.id, ()))

        columns: list[Column[ProfileItem]] = [
            Column(
                self.tr("Kompetanse"),
                lambda i: competence_name(i, lang),
                tooltip=lambda i: (
                    f"{i.competence.framework_display(lang)} › {i.competence.area_display(lang)}"
                ),
            ),
            Column(
                self.tr("Område"),
                lambda i: i.competence.area_code or i.competence.area_display(lang),
                tooltip=lambda i: i.competence.area_display(lang),
            ),
            Column(self.tr("Krav"), required, lambda i: i.required_percent),
            Column(
                self.tr("Nåværende"),
                current,
                lambda i: -1.0 if i.current_percent is None else i.current_percent,
                tooltip=lambda i: (
                    self.tr("Dobbeltklikk eller F2 for å endre nivået")
                    if i.competence.kind == "skill"
                    else None
                ),
            ),
            Column(
                self.tr("Egenvurdering"),
                self_text,
                lambda i: i.self_level.ordinal if i.self_level else -1,
                background=lambda i: SELF_DIFFERS if i.self_difference else None,
                tooltip=self_tooltip,
                header_tooltip=self.tr(
                    "Den ansattes egen vurdering ved siden av nivået som teller (lederens, med mindre "
                    "Innstillinger sier nyeste uansett kilde); tallet i parentes er forskjellen."
                ),
            ),
            Column(
                self.tr("Avvik"),
                lambda i: fmt_points(i.gap) if i.gap else "",
                lambda i: i.gap,
                align_right=True,
                tooltip=lambda i: gap_explanation(),
                header_tooltip=gap_explanation(),
            ),
            Column(
                self.tr("Status"),
                status_text,
                lambda i: STATUS_ORDER.index(i.status),
                background=lambda i: status_shade(i).fill,
                foreground=lambda i: status_shade(i).text,
            ),
            Column(self.tr("Vurdert"), lambda i: fmt_date(i.assessed_on), lambda i: i.assessed_on),
        ]
        self.model = ProfileModel(columns, self)
        self.model.on_level_chosen = self.record_in_place
        self.view = DataTable()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Kompetanseprofil"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.setItemDelegateForColumn(
            CURRENT_COLUMN, LevelDelegate(lambda cid: self.levels.get(cid, ()), self.view)
        )
        self.view.setSortingEnabled(True)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        # the names take the room; the area is a code (its name in the tooltip), level names are
        # cut where long: so the table needs no sideways scrolling
        self.fitter = ColumnFitter(self.view, 0, cap=110, stretch_min=150)
        self.fitter.caps[1] = self.fontMetrics().horizontalAdvance("Område") + 16
        self.fitter.caps[4] = 100  # the own level: its number and the difference show; the name is cut
        # the date is in the history, the area in the tooltip; the own level (last) in the history too
        self.fitter.optional = [7, 1, 4]

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.unit_note = QLabel(gap_explanation())
        self.unit_note.setWordWrap(True)
        self.unit_note.setEnabled(False)  # drawn muted: an explanation, not a figure
        self.as_leader = QRadioButton(self.tr("som &leder"))
        self.as_self = QRadioButton(self.tr("som &egenvurdering"))
        self.as_leader.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.as_leader)
        group.addButton(self.as_self)
        self.assess_button = QPushButton(self.tr("Vu&rder med dato og merknad…"))
        self.goal_button = QPushButton(self.tr("Nytt mål for kompe&tansen…"))
        source_row = QHBoxLayout()
        source_row.addWidget(QLabel(self.tr("Nivå endret i tabellen registreres")))
        source_row.addWidget(self.as_leader)
        source_row.addWidget(self.as_self)
        source_row.addStretch(1)
        button_row = QHBoxLayout()
        button_row.addWidget(self.assess_button)
        button_row.addWidget(self.goal_button)
        button_row.addStretch(1)

        self.radar = RadarChart()
        history_columns: list[Column[AssessmentView]] = [
            Column(
                self.tr("Dato"),
                lambda a: fmt_date(a.assessed_on),
                lambda a: a.assessed_on,
                tooltip=lambda a: " · ".join(
                    part for part in (AssessmentSource.label_of(a.source, lang), a.assessor) if part
                ),
            ),
            Column(
                self.tr("Nivå"),
                lambda a: level_text(self.levels.get(a.competence_id, ()), a.level_ordinal, a.level_name),
                lambda a: a.level_ordinal,
            ),
            Column(self.tr("Kilde"), lambda a: AssessmentSource.label_of(a.source, lang)),
            Column(self.tr("Vurdert av"), lambda a: a.assessor or ""),
            Column(self.tr("Merknad"), lambda a: a.note or "", tooltip=lambda a: a.note),
        ]
        self.history_model: RowTableModel[AssessmentView] = RowTableModel(history_columns, parent=self)
        self.history = DataTable()
        self.history.setModel(self.history_model)
        self.history.setAccessibleName(self.tr("Vurderingshistorikk"))
        self.history.verticalHeader().hide()
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_fitter = ColumnFitter(self.history, 4, cap=170, stretch_min=80)
        self.history_fitter.optional = [3, 2]  # on a narrow screen in the date's tooltip
        # a long competence name is cut, never widening the pane (that moved the splitter and
        # scrolled the table sideways each time a row was chosen)
        self.history_label = ElidedLabel(self.tr("Historikk: velg en kompetanse"))

        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.radar)
        history_box = QWidget()
        hb = QVBoxLayout(history_box)
        hb.setContentsMargins(0, 0, 0, 0)
        hb.addWidget(self.history_label)
        hb.addWidget(self.history)
        right.addWidget(history_box)
        splitter = QSplitter()
        splitter.addWidget(self.view)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        share_when_shown(splitter, (66, 34))
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addLayout(source_row)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.unit_note)
        layout.addLayout(button_row)

        self.assess_button.clicked.connect(self.assess)
        self.goal_button.clicked.connect(self._request_goal)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self._selection_changed()

    # --- data --------------------------------------------------------------------------------
    def load(
        self, employee_id: int, profile: EmployeeProfile, levels: Mapping[int, Sequence[LevelView]]
    ) -> None:
        selected = self.selected()
        self.employee_id, self.profile, self.levels = employee_id, profile, levels
        self.model.set_rows(profile.items)
        self.radar.set_points(
            [RadarPoint(a.label(self.lang), a.required_mean, a.current_mean) for a in profile.areas]
        )
        if profile.items:
            text = self.tr("{met} av {total} krav oppfylt · {gaps} med avvik · {na} ikke vurdert").format(
                met=profile.met, total=len(profile.items), gaps=profile.gaps, na=profile.not_assessed
            )
            if profile.lacking:
                text += self.tr(" · {lacking} lovpålagte kurs mangler ({overdue} forfalt)").format(
                    lacking=profile.lacking, overdue=profile.overdue
                )
            self.summary.setText(text)
        else:
            self.summary.setText(
                self.tr("Rollen til personen har ingen kompetansekrav ennå (se Rammeverk og roller).")
            )
        if selected is not None:
            for row, item in enumerate(profile.items):
                if item.competence.id == selected.competence.id:
                    self.view.selectRow(row)
                    break
        self._selection_changed()

    def selected(self) -> ProfileItem | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_competence(self, competence_id: int) -> bool:
        for row, item in enumerate(self.model.rows):
            if item.competence.id == competence_id:
                self.view.selectRow(row)
                return True
        return False

    def _selection_changed(self) -> None:
        item = self.selected()
        skill = item is not None and item.competence.kind == "skill"
        self.assess_button.setEnabled(skill)
        self.goal_button.setEnabled(item is not None)
        if item is None:
            self.history_model.set_rows([])
            self.history_label.setText(self.tr("Historikk: velg en kompetanse"))
            return
        self.history_label.setText(
            self.tr("Historikk for {name}").format(name=item.competence.display_label(self.lang))
        )
        try:
            employee_id, competence_id = self.employee_id, item.competence.id
            rows = self.tasks.now(lambda uow: history(uow, employee_id, competence_id))
        except Exception as exc:
            show_error(self, exc)
            return
        self.history_model.set_rows(rows)

    # --- actions -----------------------------------------------------------------------------
    @property
    def in_place_source(self) -> str:
        return "self" if self.as_self.isChecked() else "leader"

    def record_in_place(self, competence_id: int, level: int) -> bool:
        """A level picked in the table: a new assessment dated today, by the chosen source."""
        new = NewAssessment(
            employee_id=self.employee_id,
            competence_id=competence_id,
            level=level,
            assessed_on=today(),
            source=self.in_place_source,
            assessor=self.tasks.actor,
        )
        return attempt(self, lambda: self.tasks.now(lambda uow: record_assessment(uow, new)))

    def assess(self) -> None:
        item = self.selected()
        if item is None or item.competence.kind != "skill":
            return
        AssessDialog(
            self.tasks,
            self.employee_id,
            item,
            self.levels.get(item.competence.id, ()),
            source=self.in_place_source,
            parent=self,
        ).exec()

    def _request_goal(self) -> None:
        item = self.selected()
        if item is not None:
            self.goal_requested.emit(item.competence.id)
