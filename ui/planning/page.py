"""Planlegging: the strategic competence plan of a unit (docs/planning.md), after KS's method:
targets (have / need / short), the year's measures and the competence budget, the unit's 10-FAKTOR
results beside the municipality's, and heltidskultur. Everything is loaded in one action on a
worker (competence/planning/overview.py); each change is a dialog of its own."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from competence.changes import GAP_INPUTS, Changes
from competence.clock import today
from competence.planning.overview import PlanningData, load_planning
from competence.progress import CancelToken, Progress
from competence.uow import UnitOfWork
from db.planning import FIRST_YEAR, LAST_YEAR
from ui.context import AppContext
from ui.errors import show_error
from ui.i18n import fmt_int
from ui.pages.base import Page
from ui.planning.fulltime import FulltimeTab
from ui.planning.measures import MeasuresTab
from ui.planning.survey import FactorTable
from ui.planning.targets import TargetsTab
from ui.widgets.flow import FlowLayout, group
from ui.widgets.pickers import UnitPicker

UNIT_KEY = "planning/unit"
SUBUNITS_KEY = "planning/subunits"
DEBOUNCE_MS = 300


class PlanningPage(Page):
    # the plan, the people and competences it counts, and the budget's learning goals
    shows = GAP_INPUTS | Changes(planning=True, survey=True)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.data: PlanningData | None = None

        self.unit = UnitPicker(whole_text=self.tr("Hele kommunen"))
        self.unit.setAccessibleName(self.tr("Enhet"))
        self.unit.setMinimumContentsLength(22)
        self.subunits = QCheckBox(self.tr("Med &underenheter"))
        self.subunits.setChecked(str(ctx.preferences.settings.value(SUBUNITS_KEY, "true")).lower() != "false")
        self.year = QSpinBox()
        self.year.setRange(FIRST_YEAR, LAST_YEAR)
        self.year.setValue(today().year)
        self.year.setAccessibleName(self.tr("År"))
        self.status = QLabel()
        top_bar = QWidget()
        top = FlowLayout(top_bar, spacing=12)
        for text, widgets in (
            (self.tr("&Enhet:"), (self.unit, self.subunits)),
            (self.tr("Å&r:"), (self.year,)),
        ):
            label = QLabel(text)
            label.setBuddy(widgets[0])
            top.addWidget(group(label, *widgets))
        top.addWidget(self.status)

        self.targets = TargetsTab(ctx.tasks)
        self.measures = MeasuresTab(ctx.tasks)
        self.survey = FactorTable(self.tr("10-FAKTOR for enheten"), years_shown=4)
        survey_tab = QWidget()
        QVBoxLayout(survey_tab).addWidget(self.survey)
        self.fulltime = FulltimeTab()
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Planlegging"))
        self.tabs.addTab(self.targets, self.tr("&Mål"))
        self.tabs.addTab(self.measures, self.tr("Tiltak og &budsjett"))
        self.tabs.addTab(survey_tab, self.tr("&10-FAKTOR"))
        self.tabs.addTab(self.fulltime, self.tr("He&ltid"))

        layout = QVBoxLayout(self)
        layout.addWidget(top_bar)
        layout.addWidget(self.tabs, 1)

        self.year_timer = QTimer(self)
        self.year_timer.setSingleShot(True)
        self.year_timer.setInterval(DEBOUNCE_MS)
        self.year_timer.timeout.connect(self.refresh)
        self.unit.currentIndexChanged.connect(self._selection_changed)
        self.subunits.toggled.connect(self._selection_changed)
        self.year.valueChanged.connect(lambda _value: self.year_timer.start())

    # --- the selection ------------------------------------------------------------------------
    def _stored_unit(self) -> int | None:
        try:
            return int(str(self.ctx.preferences.settings.value(UNIT_KEY, 0) or 0)) or None
        except (TypeError, ValueError):
            return None

    def selected_unit(self) -> int | None:
        if self.data is None:
            return self._stored_unit()
        return self.unit.selected_id() if self.unit.has_choice() else None

    def _selection_changed(self) -> None:
        if not self.unit.has_choice():
            return
        settings = self.ctx.preferences.settings
        settings.setValue(UNIT_KEY, self.unit.selected_id() or 0)
        settings.setValue(SUBUNITS_KEY, "true" if self.subunits.isChecked() else "false")
        self.refresh()

    # --- loading ------------------------------------------------------------------------------
    def reload(self) -> None:
        unit_id, subunits, year = self.selected_unit(), self.subunits.isChecked(), self.year.value()
        self.status.setText(self.tr("Henter…"))

        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> PlanningData:
            return load_planning(uow, unit_id, subunits=subunits, year=year)

        def failed(exc: BaseException) -> None:
            self.status.setText(self.tr("Ikke hentet"))
            show_error(self, exc)

        self.ctx.tasks.run(
            job,
            on_done=self.show_data,
            on_error=failed,
            parent=self,
            label=self.tr("Henter planen…"),
            cancellable=True,
            latest="planning",
        )

    def show_data(self, data: PlanningData) -> None:
        self.data = data
        with QSignalBlocker(self.unit):
            self.unit.set_units(data.units, whole_text=self.tr("Hele kommunen"))
            self.unit.select_id(data.unit_id)
            if data.unit_id is None:
                self.unit.setCurrentIndex(0)
        self.subunits.setEnabled(data.unit_id is not None)
        unit = data.unit
        name = unit.label if unit is not None else self.tr("Hele kommunen")
        short = sum(1 for t in data.targets if t.short)
        self.status.setText(
            self.tr("{targets} mål, {short} under målet · {measures} tiltak i {year}").format(
                targets=fmt_int(len(data.targets)),
                short=fmt_int(short),
                measures=fmt_int(len(data.measures_of(data.year))),
                year=data.year,
            )
        )
        self.targets.load(data.unit_id, data.targets, data.competences, data.qualifications)
        table = self.measures.table
        table.unit_id, table.year, table.at = data.unit_id, data.year, data.at
        table.targets, table.competences, table.people = data.targets, data.competences, data.people
        table.set_rows(data.measures_of(data.year))
        table.new_button.setEnabled(data.unit_id is not None)
        self.measures.unit_id, self.measures.figures = data.unit_id, data.budget
        self.measures.budget.show_figures(data.budget, data.unit_id is not None)
        self.survey.show_view(data.survey, name)
        self.fulltime.show_report(data.fulltime)
        self.loaded.emit()

    def help_topic(self) -> str:
        return "planning"
