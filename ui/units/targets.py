"""The Enheter screen's planning parts (docs/planning.md): a "Mål" tab with the competence targets of
the selection and their status on the date shown, and a line with 10-FAKTOR's factors 4 and 7 beside
the unit's competence figures. Loaded on a worker in one unit of work."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from competence.planning.overview import PlanningSummary, load_planning_summary
from competence.planning.targets import TargetStatus
from competence.progress import CancelToken, Progress
from competence.uow import UnitOfWork
from db.codes import COMPETENCE_FACTORS, TargetState
from ui.context import AppContext
from ui.i18n import current_language
from ui.planning.survey import mean_text
from ui.planning.targets import target_columns
from ui.widgets.tables import ColumnFitter, DataTable, RowTableModel

translate = QCoreApplication.translate


def factors_line(summary: PlanningSummary) -> str:
    """ "10-FAKTOR 2025: 4 Bruk av kompetanse 4,04 (kommunen 4,20) · 7 ..." or ""."""
    survey = summary.survey
    if not survey.has_results:
        return ""
    lang = current_language()
    parts = []
    for factor in COMPETENCE_FACTORS:
        figure = survey.factor(factor)
        text = f"{factor.numbered(lang)} {mean_text(figure.mean)}"
        if survey.unit_id is not None and figure.municipality is not None:
            text += " " + translate("Enheter", "(kommunen {mean})").format(
                mean=mean_text(figure.municipality)
            )
        parts.append(text)
    return f"10-FAKTOR {survey.year}: " + " · ".join(parts)


class TargetsTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lang = current_language()
        columns = target_columns(lang)
        self.model: RowTableModel[TargetStatus] = RowTableModel(columns, parent=self)
        self.view = DataTable()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Kompetansemål"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSortingEnabled(True)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.fitter = ColumnFitter(self.view, 1, cap=170, stretch_min=140)
        self.fitter.optional = [6, 2]
        self.hint = QLabel(
            self.tr(
                "Målene teller personene i enheten og enhetene under den som har kompetansen på minst "
                "det nivået målet sier, eller kvalifikasjonen gyldig, på datoen som vises (en dispensasjon "
                "teller ikke). Uten mål er en kritisk kompetanse som flere skal ha, sårbar når bare én "
                "eller ingen har den."
            )
        )
        self.hint.setWordWrap(True)
        self.plan_button = QPushButton(self.tr("Sett mål under &Planlegging"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.plan_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)


class UnitPlanning(QObject):
    """The tab and the 10-FAKTOR line, and their loading; the Enheter page places the widgets."""

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tab = TargetsTab()
        self.factors = QLabel()
        self.factors.setWordWrap(True)
        self.factors.setAccessibleName(self.tr("10-FAKTOR for kompetanse"))
        self.factors.setToolTip(
            self.tr("Faktor 4 og 7 i medarbeiderundersøkelsen 10-FAKTOR, snitt på skalaen 1–5")
        )
        self.factors.hide()
        self.summary: PlanningSummary | None = None
        self.tab.plan_button.clicked.connect(lambda: ctx.page_requested.emit("planning"))

    def load(self, unit_id: int | None, subunits: bool, at: dt.date) -> None:
        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> PlanningSummary:
            return load_planning_summary(uow, unit_id, subunits=subunits, at=at)

        parent = self.parent()
        assert isinstance(parent, QWidget)
        self.ctx.tasks.run(job, on_done=self.show, parent=parent, latest="planning")

    def show(self, summary: PlanningSummary) -> None:
        self.summary = summary
        self.tab.model.set_rows(
            sorted(summary.targets, key=lambda t: (t.state is TargetState.MET, t.unit_number))
        )
        line = factors_line(summary)
        self.factors.setText(line)
        self.factors.setVisible(bool(line))
