"""Enheter: the gap analysis of a unit (with its sub-units) or the whole municipality.

A heatmap of units × required competences grouped under their strategy areas (colour: share
meeting the requirement; text: the share, the mean gap or the number not assessed), the people
behind a cell, the same pooled per strategy area, the vulnerable competences, the same
figures at an earlier date, and a trend line of the share met over the last two years; the unit's
competence targets and 10-FAKTOR's factors 4 and 7 (ui/units/targets.py).
Everything is computed on workers; a whole municipality shows a progress dialog that can cancel.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from competence.actions.figures import CellPeople, people_behind_cell, unit_figures, unit_trend
from competence.changes import COMPLIANCE_INPUTS
from competence.clock import today
from competence.gap import TrendPoint, can_patch, patch_report
from competence.progress import CancelToken, Progress
from competence.uow import UnitOfWork
from ui.context import AppContext
from ui.errors import show_error
from ui.i18n import current_language, fmt_date, fmt_int, fmt_percent, fmt_points, fmt_share
from ui.pages.base import Page
from ui.units.colours import Legend
from ui.units.data import UnitsData, patched_units_data, trend_dates, units_data
from ui.units.dispensations import DispensationsTab
from ui.units.drill import DrillPanel
from ui.units.model import HeatmapModel, Mode
from ui.units.targets import UnitPlanning
from ui.units.trend import TrendChart
from ui.units.view import HeatmapView
from ui.units.vulnerable import VulnerabilityTab
from ui.widgets.date_edit import DateEdit
from ui.widgets.flow import FlowLayout, group
from ui.widgets.pickers import UnitPicker

UNIT_KEY = "units/unit"
SUBUNITS_KEY = "units/subunits"
SPLITTER_KEY = "units_drill"
# Milliseconds to wait after a date is typed, or a cell chosen, before computing.
DEBOUNCE_MS = 300


class UnitsPage(Page):
    shows = COMPLIANCE_INPUTS

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.data: UnitsData | None = None
        self._trend_key: tuple[int | None, bool] | None = None

        # the selection --------------------------------------------------------------------------
        self.unit = UnitPicker(whole_text=self.tr("Hele kommunen"))
        self.unit.setAccessibleName(self.tr("Enhet"))
        self.unit.setMinimumContentsLength(22)
        self.subunits = QCheckBox(self.tr("Med &underenheter"))
        self.subunits.setChecked(self._stored_subunits())
        self.at = DateEdit(today(), latest=today())
        self.at.setAccessibleName(self.tr("Per dato"))
        self.at.setToolTip(self.tr("Vis tallene slik de var på en tidligere dato"))
        self.today_button = QPushButton(self.tr("&I dag"))
        self.mode = QComboBox()
        self.mode.setAccessibleName(self.tr("Tall i cellene"))
        self.mode.addItem(self.tr("Andel oppfylt"), Mode.SHARE.value)
        self.mode.addItem(self.tr("Snittavvik (prosentpoeng)"), Mode.GAP.value)
        self.mode.addItem(self.tr("Antall ikke vurdert"), Mode.NOT_ASSESSED.value)
        self.as_of = QLabel()
        # the choices wrap onto a second line in a narrow window
        top_bar = QWidget()
        top = FlowLayout(top_bar, spacing=12)
        for text, widgets in (
            (self.tr("&Enhet:"), (self.unit, self.subunits)),
            (self.tr("Per &dato:"), (self.at, self.today_button)),
            (self.tr("Ce&llene viser:"), (self.mode,)),
        ):
            label = QLabel(text)
            label.setBuddy(widgets[0])
            top.addWidget(group(label, *widgets))
        top.addWidget(self.as_of)

        # key figures and the trend ---------------------------------------------------------------
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAccessibleName(self.tr("Nøkkeltall"))
        self.trend = TrendChart(self.tr("Andel krav oppfylt de siste to årene"))
        self.trend.setToolTip(self.tr("Klikk på et punkt for å se tallene på den datoen"))
        trend_box = QGroupBox(self.tr("Andel oppfylt siste to år"))
        QVBoxLayout(trend_box).addWidget(self.trend)
        trend_box.setMaximumWidth(460)
        # the targets tab and 10-FAKTOR's factors 4 and 7: ui/units/targets.py
        self.planning = UnitPlanning(ctx, self)
        texts = QVBoxLayout()
        texts.addWidget(self.summary)
        texts.addWidget(self.planning.factors)
        texts.addStretch(1)
        figures = QHBoxLayout()
        figures.addLayout(texts, 1)
        figures.addWidget(trend_box)

        # the heatmap and the drill-down ---------------------------------------------------------
        self.model = HeatmapModel(self)
        self.heatmap = HeatmapView(self.tr("Kompetansekart: enheter og kompetanser"))
        self.heatmap.setModel(self.model)
        self.drill = DrillPanel()
        self.empty = QLabel(
            self.tr(
                "Ingen i utvalget har kompetansekrav ennå. Gi rollene krav under Rammeverk og roller, "
                "og gi de ansatte roller i stillingene sine."
            )
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.heatmap)
        splitter.addWidget(self.drill)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([600, 200])
        state = ctx.preferences.splitter_state(SPLITTER_KEY)
        if state is not None:
            splitter.restoreState(state)
        splitter.splitterMoved.connect(
            lambda _pos, _index: ctx.preferences.save_splitter_state(SPLITTER_KEY, splitter.saveState())
        )
        self.splitter = splitter
        heat_tab = QWidget()
        heat_layout = QVBoxLayout(heat_tab)
        self.legend = Legend(critical=True)
        heat_layout.addWidget(self.legend)
        heat_layout.addWidget(self.empty)
        heat_layout.addWidget(splitter, 1)

        # strategy areas --------------------------------------------------------------------------
        self.area_model = HeatmapModel(self)
        self.areas = HeatmapView(self.tr("Strategiområder per enhet"))
        self.areas.setModel(self.area_model)
        self.areas.header.setDefaultSectionSize(self.fontMetrics().horizontalAdvance(fmt_percent(100, 0)) * 2)
        area_tab = QWidget()
        area_layout = QVBoxLayout(area_tab)
        area_hint = QLabel(
            self.tr(
                "Kompetansene slått sammen per strategiområde. Enter eller dobbeltklikk viser "
                "kompetansene i området for enheten."
            )
        )
        area_hint.setWordWrap(True)
        area_layout.addWidget(area_hint)
        area_layout.addWidget(Legend())
        area_layout.addWidget(self.areas, 1)

        # vulnerability ---------------------------------------------------------------------------
        self.vulnerable = VulnerabilityTab()

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Avviksanalyse"))
        self.tabs.addTab(heat_tab, self.tr("&Kompetansekart"))
        self.tabs.addTab(area_tab, self.tr("S&trategiområder"))
        self.tabs.addTab(self.vulnerable, self.tr("Sår&barhet"))
        self.tabs.addTab(self.planning.tab, self.tr("&Mål"))
        self.dispensations = DispensationsTab()
        self.tabs.addTab(self.dispensations, self.tr("Dispensasjo&ner"))

        layout = QVBoxLayout(self)
        layout.addWidget(top_bar)
        layout.addLayout(figures)
        layout.addWidget(self.tabs, 1)

        # behaviour -------------------------------------------------------------------------------
        self.date_timer = QTimer(self)
        self.date_timer.setSingleShot(True)
        self.date_timer.setInterval(DEBOUNCE_MS)
        self.date_timer.timeout.connect(self.refresh)
        self.cell_timer = QTimer(self)
        self.cell_timer.setSingleShot(True)
        self.cell_timer.setInterval(DEBOUNCE_MS)
        self.cell_timer.timeout.connect(self.load_cell)
        self.unit.currentIndexChanged.connect(self._selection_changed)
        self.subunits.toggled.connect(self._selection_changed)
        self.at.date_committed.connect(lambda _date: self.date_timer.start())
        self.today_button.clicked.connect(lambda: self.show_date(today()))
        self.mode.currentIndexChanged.connect(self._mode_chosen)
        self.trend.date_chosen.connect(self.show_date)
        self.heatmap.selectionModel().currentChanged.connect(
            lambda _current, _previous: self.cell_timer.start()
        )
        self.heatmap.activated.connect(lambda _index: self.load_cell())
        self.areas.activated.connect(self._area_activated)
        self.vulnerable.cell_requested.connect(self._vulnerability_chosen)
        self.drill.employee_requested.connect(self.ctx.employee_requested)
        self.dispensations.employee_requested.connect(self.ctx.employee_requested)

    # --- the selection ------------------------------------------------------------------------
    def _stored_unit(self) -> int | None:
        try:
            return int(str(self.ctx.preferences.settings.value(UNIT_KEY, 0) or 0)) or None
        except (TypeError, ValueError):
            return None

    def _stored_subunits(self) -> bool:
        return str(self.ctx.preferences.settings.value(SUBUNITS_KEY, "true")).lower() != "false"

    def selected_unit(self) -> int | None:
        if self.data is None:  # the first load: the unit shown last time
            return self._stored_unit()
        return self.unit.selected_id() if self.unit.has_choice() else None

    def selected_date(self) -> dt.date:
        return self.at.date() or today()

    def show_date(self, day: dt.date) -> None:
        """Show the figures as they were on ``day`` (today: as they are)."""
        self.at.set_date(min(day, today()))
        self.date_timer.stop()
        self.refresh()

    def _selection_changed(self) -> None:
        if not self.unit.has_choice():
            return
        self.ctx.preferences.settings.setValue(UNIT_KEY, self.unit.selected_id() or 0)
        self.ctx.preferences.settings.setValue(SUBUNITS_KEY, "true" if self.subunits.isChecked() else "false")
        self.refresh()

    def _mode_chosen(self) -> None:
        mode = Mode(self.mode.currentData())
        self.model.set_mode(mode)
        self.area_model.set_mode(mode)

    # --- loading ------------------------------------------------------------------------------
    def reload(self) -> None:
        unit_id, subunits, at = self.selected_unit(), self.subunits.isChecked(), self.selected_date()
        lang = current_language()
        self.as_of.setText(self.tr("Beregner…"))

        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> UnitsData:
            data = units_data(unit_figures(uow, unit_id, subunits=subunits, at=at), lang)
            cancel.raise_if_cancelled()
            return data

        def done(data: UnitsData) -> None:
            self.show_data(data)
            if self._stale_trend(data.unit_id, data.subunits):  # after the map: it comes first
                self.load_trend(data.unit_id, data.subunits)

        def failed(exc: BaseException) -> None:
            self.as_of.setText(self.tr("Ikke beregnet"))
            show_error(self, exc)

        self.ctx.tasks.run(
            job,
            on_done=done,
            on_error=failed,
            parent=self,
            label=self.tr("Beregner avviksanalysen…"),
            cancellable=True,
            latest="figures",
        )
        self.planning.load(unit_id, subunits, at)

    def patch_levels(self, pairs: frozenset[tuple[int, int]]) -> bool:
        """A leader changed some levels: recompute only the cells and totals they touch
        (competence/gap/patch.py), and today's point of the trend from the new key figures."""
        data = self.data
        if data is None or not can_patch(pairs) or data.at != today() or self.selected_date() != today():
            return False
        lang, comps = current_language(), {c for _, c in pairs}

        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> UnitsData:
            report = patch_report(uow, data.report, pairs, unit_id=data.unit_id, subunits=data.subunits)
            return patched_units_data(data, report, comps, lang)

        def done(patched: UnitsData) -> None:
            self.show_data(patched)
            s = patched.report.summary
            points = [p for p in self.trend.points if p.at != patched.at]
            points.append(TrendPoint(patched.at, s.requirements, s.met, s.not_assessed, s.mean_gap))
            self.trend.set_points(points, self.selected_date())

        self.ctx.tasks.run(job, on_done=done, parent=self, latest="figures")
        self.planning.load(data.unit_id, data.subunits, data.at)
        return True

    def _stale_trend(self, unit_id: int | None, subunits: bool) -> bool:
        """The trend depends on the unit, not on the date shown: recompute it when the unit changed,
        and when the data changed (a refresh with the date left at today)."""
        return self._trend_key != (unit_id, subunits) or self.selected_date() == today()

    def load_trend(self, unit_id: int | None, subunits: bool) -> None:
        self._trend_key = (unit_id, subunits)
        self.trend.set_message(self.tr("Beregner utviklingen…"))
        dates = trend_dates(today())

        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> list[TrendPoint]:
            return unit_trend(uow, unit_id, subunits, dates, cancel)

        def done(points: list[TrendPoint]) -> None:
            self.trend.set_points(points, self.selected_date())

        self.ctx.tasks.run(job, on_done=done, parent=self, latest="trend")

    def show_data(self, data: UnitsData) -> None:
        previous = self._current_cell()
        self.data = data
        with QSignalBlocker(self.unit):
            self.unit.set_units(data.units, whole_text=self.tr("Hele kommunen"))
            self.unit.select_id(data.unit_id)
            if data.unit_id is None:
                self.unit.setCurrentIndex(0)
        self.subunits.setEnabled(data.unit_id is not None)
        chosen = next((u for u in data.units if u.id == data.unit_id), None)
        total = self.tr("Hele kommunen") if chosen is None else self.tr("Alle i utvalget")
        self.model.set_table(data.competences, total)
        self.area_model.set_table(data.areas, total)
        self.vulnerable.set_rows(data.report.vulnerabilities)
        self.dispensations.set_rows(data.dispensations)
        self._show_summary(data)
        self.trend.set_chosen(data.at)
        has_columns = bool(data.competences.columns)
        self.empty.setVisible(not has_columns)
        self.splitter.setVisible(has_columns)
        self._restore_cell(previous)
        self.loaded.emit()

    def _show_summary(self, data: UnitsData) -> None:
        s = data.report.summary
        self.as_of.setText(self.tr("Per {date}").format(date=fmt_date(data.at)))
        parts = [
            self.tr("{people} ansatte").format(people=fmt_int(s.people)),
            self.tr("{share} av {total} krav oppfylt").format(
                share=fmt_share(s.share_met), total=fmt_int(s.requirements)
            ),
            self.tr("{na} ikke vurdert").format(na=fmt_int(s.not_assessed)),
            self.tr("snittavvik {gap} prosentpoeng").format(gap=fmt_points(s.mean_gap)),
            self.tr("{count} sårbare kompetanser").format(count=fmt_int(s.vulnerable)),
        ]
        if data.at != today():
            parts.append(self.tr("tallene gjelder {date}").format(date=fmt_date(data.at)))
        self.summary.setText(" · ".join(parts))

    # --- the drill-down -----------------------------------------------------------------------
    def _current_cell(self) -> tuple[int, int] | None:
        """(unit id, competence id) of the current cell, to find it again after a reload."""
        index = self.heatmap.currentIndex()
        unit = self.model.unit_at(index.row()) if index.isValid() else None
        column = self.model.column_at(index.column()) if index.isValid() else None
        return (unit.id, column.id) if unit is not None and column is not None else None

    def _restore_cell(self, previous: tuple[int, int] | None) -> None:
        if previous is None or not self.select_cell(*previous):
            self.drill.clear(self.tr("Velg en celle i kartet for å se hvem som står bak tallene."))

    def select_cell(self, unit_id: int, competence_id: int) -> bool:
        """Make a cell current (the drill-down follows); False when it is not in the map."""
        row, column = self.model.row_of_unit(unit_id), self.model.column_of(competence_id)
        if row is None or column is None:
            return False
        index = self.model.index(row, column)
        self.heatmap.setCurrentIndex(index)
        self.heatmap.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.cell_timer.stop()
        self.load_cell()
        return True

    def load_cell(self) -> None:
        """Load the people behind the current cell (on a worker)."""
        self.cell_timer.stop()
        data, index = self.data, self.heatmap.currentIndex()
        if data is None or not index.isValid():
            return
        unit, column = self.model.unit_at(index.row()), self.model.column_at(index.column())
        figures = self.model.figures(index.row(), index.column())
        if column is None:
            return
        if unit is None:
            self.drill.clear(
                self.tr("Raden «{total}» samler alle; velg en enhet for å se personene.").format(
                    total=self.model.total_label
                )
            )
            return
        if figures is None:
            self.drill.clear(
                self.tr("Ingen i {unit} har krav om {competence}.").format(
                    unit=unit.name, competence=column.label
                )
            )
            return
        ref = next(c for c in data.report.heatmap.competences if c.id == column.id)
        at, certificate = data.at, ref.kind == "certificate"
        heading = self.tr("{unit} – {competence}: {met} av {people} oppfyller kravet").format(
            unit=unit.name, competence=column.label, met=fmt_int(figures.met), people=fmt_int(figures.people)
        )

        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> CellPeople:
            return people_behind_cell(uow, unit.id, column.id, at, certificate=certificate)

        self.ctx.tasks.run(
            job, on_done=lambda cell: self.drill.show_cell(cell, heading), parent=self, latest="cell"
        )

    def _area_activated(self, index: QModelIndex) -> None:
        """From an area cell to the heatmap, at the unit's row and the area's first competence."""
        data = self.data
        unit = self.area_model.unit_at(index.row())
        area = self.area_model.column_at(index.column())
        if data is None or area is None:
            return
        first = next((c for c in data.report.heatmap.competences if c.area_id == area.id), None)
        if first is None:
            return
        self.tabs.setCurrentIndex(0)
        if unit is not None:
            self.select_cell(unit.id, first.id)
        else:
            column = self.model.column_of(first.id)
            if column is not None:
                self.heatmap.setCurrentIndex(self.model.index(0, column))
        self.heatmap.setFocus(Qt.FocusReason.OtherFocusReason)

    def _vulnerability_chosen(self, unit_id: int, competence_id: int) -> None:
        self.tabs.setCurrentIndex(0)
        self.select_cell(unit_id, competence_id)
        self.heatmap.setFocus(Qt.FocusReason.OtherFocusReason)
