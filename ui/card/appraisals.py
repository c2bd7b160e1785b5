"""Talks on the employee card: the medarbeidersamtale and the follow-up and life-phase talks beside
it, each with the goals agreed; when the next medarbeidersamtale is due (docs/compliance.md)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from competence.appraisals import (
    AppraisalInput,
    AppraisalView,
    delete_appraisal,
    record_appraisal,
    update_appraisal,
)
from competence.clock import today
from competence.goals import GoalView
from competence.talk_cycle import TalkStanding
from competence.uow import UnitOfWork
from db.codes import AppraisalKind, TalkDue
from ui import status_colours as tone
from ui.card.common import RecordTable
from ui.i18n import current_language, fmt_date
from ui.widgets.date_edit import DateEdit
from ui.widgets.forms import FormDialog
from ui.widgets.tables import Column
from ui.worker import TaskRunner


def _text_box(value: str | None, height: int) -> QPlainTextEdit:
    box = QPlainTextEdit(value or "")
    box.setTabChangesFocus(True)
    box.setMinimumHeight(height)
    return box


class AppraisalDialog(FormDialog):
    def __init__(
        self,
        tasks: TaskRunner,
        employee_id: int,
        goals: Sequence[GoalView],
        appraisal: AppraisalView | None = None,
        *,
        leader_name: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Endre medarbeidersamtale") if appraisal else self.tr("Ny medarbeidersamtale")
        super().__init__(title, parent)
        self.tasks, self.employee_id, self.appraisal = tasks, employee_id, appraisal
        self.held_on = DateEdit(appraisal.held_on if appraisal else today())
        self.kind = QComboBox()
        for kind in AppraisalKind.choices():
            self.kind.addItem(kind.label(current_language()), kind.value)
        if appraisal is not None:
            self.kind.setCurrentIndex(max(self.kind.findData(appraisal.kind), 0))
        self.leader = QLineEdit((appraisal.leader_name if appraisal else leader_name) or "")
        self.leader.setMaxLength(200)
        self.summary = _text_box(appraisal.summary if appraisal else None, 70)
        self.agreed = _text_box(appraisal.agreed if appraisal else None, 70)
        self.notes = _text_box(appraisal.notes if appraisal else None, 50)
        self.goals = QListWidget()
        self.goals.setMinimumHeight(90)
        linked = set(appraisal.goal_ids) if appraisal else set()
        for goal in goals:
            item = QListWidgetItem(goal.description.splitlines()[0] if goal.description else str(goal.id))
            item.setData(Qt.ItemDataRole.UserRole, goal.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if goal.id in linked else Qt.CheckState.Unchecked)
            self.goals.addItem(item)
        self.add_row(self.tr("Dato:"), self.held_on, "held_on")
        self.add_row(self.tr("Type samtale:"), self.kind, "kind")
        self.add_row(self.tr("Leder:"), self.leader, "leader_name")
        self.add_row(self.tr("Sammendrag:"), self.summary, "summary")
        self.add_row(self.tr("Avtalt:"), self.agreed, "agreed")
        self.add_row(self.tr("Notater:"), self.notes, "notes")
        if goals:
            self.add_row(self.tr("Avtalte mål:"), self.goals)
        else:
            hint = QLabel(
                self.tr("Ingen utviklingsmål ennå. Legg dem inn under Utviklingsmål og knytt dem hit.")
            )
            hint.setWordWrap(True)
            self.add_row(self.tr("Avtalte mål:"), hint)
        self.resize(560, self.sizeHint().height())

    def checked_goal_ids(self) -> tuple[int, ...]:
        ids = []
        for i in range(self.goals.count()):
            item = self.goals.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                ids.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return tuple(ids)

    def appraisal_input(self) -> AppraisalInput:
        return AppraisalInput(
            held_on=self.held_on.required_date(),
            leader_id=self.appraisal.leader_id if self.appraisal else None,
            leader_name=self.leader.text() or None,
            summary=self.summary.toPlainText() or None,
            agreed=self.agreed.toPlainText() or None,
            notes=self.notes.toPlainText() or None,
            goal_ids=self.checked_goal_ids(),
            kind=str(self.kind.currentData()),
        )

    def submit(self) -> AppraisalView:
        return self.tasks.now(self.save)

    def save(self, uow: UnitOfWork) -> AppraisalView:
        if self.appraisal is None:
            return record_appraisal(uow, self.employee_id, self.appraisal_input())
        return update_appraisal(
            uow, self.appraisal.id, self.appraisal_input(), expected_version=self.appraisal.version
        )


class AppraisalsTab(RecordTable[AppraisalView]):
    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        columns: list[Column[AppraisalView]] = [
            Column(self.tr("Dato"), lambda a: fmt_date(a.held_on), lambda a: a.held_on),
            Column(self.tr("Type"), lambda a: a.kind_label(current_language())),
            Column(self.tr("Leder"), lambda a: a.leader_name or ""),
            Column(
                self.tr("Avtalte mål"),
                lambda a: str(len(a.goal_ids)),
                lambda a: len(a.goal_ids),
                align_right=True,
            ),
            Column(self.tr("Sammendrag"), lambda a: (a.summary or "").splitlines()[0] if a.summary else ""),
        ]
        self.set_columns(
            columns, self.tr("Medarbeidersamtaler"), stretch=3, sort=(0, Qt.SortOrder.DescendingOrder)
        )
        self.employee_id = 0
        self.goals: Sequence[GoalView] = ()
        self.leader_name: str | None = None
        self.details = QTextBrowser()
        self.details.setAccessibleName(self.tr("Samtalen i sin helhet"))
        self.details.setOpenLinks(False)
        self.add_detail(self.details)
        self.new_button = self.add_button(self.tr("Ny samtale…"), self.add)
        self.edit_button = self.add_button(self.tr("Endre…"), self.edit, needs_row=True)
        self.delete_button = self.add_button(self.tr("Slett"), self.delete, needs_row=True)
        self.view.selectionModel().selectionChanged.connect(self._show_details)
        self.due = QLabel()
        self.due.setWordWrap(True)
        self.due.setAccessibleName(self.tr("Neste medarbeidersamtale"))
        layout = self.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(0, self.due)

    def load(
        self,
        employee_id: int,
        appraisals: Sequence[AppraisalView],
        goals: Sequence[GoalView],
        leader_name: str | None,
        talk: TalkStanding | None = None,
    ) -> None:
        self.employee_id, self.goals, self.leader_name = employee_id, goals, leader_name
        self.due.setText(self.due_text(talk))
        overdue = talk is not None and talk.status is TalkDue.OVERDUE
        self.due.setStyleSheet(f"{tone.WARNING_STYLE} font-weight: bold;" if overdue else "")
        self.set_rows(appraisals)
        if self.selected() is None and appraisals:
            self.view.selectRow(0)
        self._show_details()

    def due_text(self, talk: TalkStanding | None) -> str:
        """When the next medarbeidersamtale is due, and whether it is overdue."""
        if talk is None:
            return self.tr("Personen har ingen stilling i dag, og ingen medarbeidersamtale forfaller.")
        if talk.due_on is None:
            return self.tr(
                "Ingen medarbeidersamtale er registrert, og startdatoen er ukjent: samtalen er forfalt."
            )
        if talk.status is TalkDue.OVERDUE:
            text = self.tr("Neste medarbeidersamtale forfalt {date}").format(date=fmt_date(talk.due_on))
        elif talk.status is TalkDue.DUE_SOON:
            text = self.tr("Neste medarbeidersamtale forfaller snart: {date}").format(
                date=fmt_date(talk.due_on)
            )
        else:
            text = self.tr("Neste medarbeidersamtale: {date}").format(date=fmt_date(talk.due_on))
        if talk.last_held is None:
            return text + " " + self.tr("(ingen registrert ennå)")
        return text + " " + self.tr("(forrige {date})").format(date=fmt_date(talk.last_held))

    def _show_details(self) -> None:
        appraisal = self.selected()
        if appraisal is None:
            self.details.setPlainText("")
            return
        goal_text = {g.id: g.description.splitlines()[0] if g.description else "" for g in self.goals}
        # the texts are translated first and put into the HTML afterwards: pyside6-lupdate does not
        # see a tr() call inside an f-string, so such a text would never reach the translation
        heading = self.tr("{kind} {date}").format(
            kind=appraisal.kind_label(current_language()), date=fmt_date(appraisal.held_on)
        )
        leader = self.tr("Leder:")
        parts = [
            f"<h3>{_html(heading)}</h3>",
            f"<p><b>{_html(leader)}</b> {_html(appraisal.leader_name or '')}</p>",
        ]
        for title, text in (
            (self.tr("Sammendrag"), appraisal.summary),
            (self.tr("Avtalt"), appraisal.agreed),
            (self.tr("Notater"), appraisal.notes),
        ):
            if text:
                parts.append(f"<p><b>{_html(title)}</b><br>{_html(text)}</p>")
        if appraisal.goal_ids:
            agreed_goals = self.tr("Avtalte mål")
            items = "".join(f"<li>{_html(goal_text.get(i, str(i)))}</li>" for i in appraisal.goal_ids)
            parts.append(f"<p><b>{_html(agreed_goals)}</b></p><ul>{items}</ul>")
        self.details.setHtml("".join(parts))

    def add(self) -> None:
        self.run_dialog(
            AppraisalDialog(
                self.tasks,
                self.employee_id,
                self.goals,
                leader_name=self.leader_name,
                parent=self,
            )
        )

    def edit(self) -> None:
        appraisal = self.selected()
        if appraisal is not None:
            self.run_dialog(AppraisalDialog(self.tasks, self.employee_id, self.goals, appraisal, parent=self))

    def delete(self) -> None:
        appraisal = self.selected()
        if appraisal is None:
            return
        self.delete_after_asking(
            self.tr("Slett medarbeidersamtale"),
            self.tr("Slette samtalen {date}? Målene som ble avtalt beholdes.").format(
                date=fmt_date(appraisal.held_on)
            ),
            lambda uow: delete_appraisal(uow, appraisal.id, expected_version=appraisal.version),
        )


def _html(text: str) -> str:
    return escape(text).replace("\n", "<br>")
