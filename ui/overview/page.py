"""Oversikt: key figures for the chosen unit (with sub-units) or the whole municipality, from
:func:`competence.gap.gap_report`: people, share meeting requirements, largest gaps, vulnerable
competences, certificates expiring, overdue goals, coverage per strategy area; and the planning
panels (ui/overview/planning_panels.py): targets, heltidskultur and 10-FAKTOR."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex, QSignalBlocker
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from competence.actions.figures import UnitFigures, unit_figures
from competence.changes import COMPLIANCE_INPUTS, TALK_INPUTS
from competence.clock import today
from competence.gap import CertificateAlert, CompetenceGapRank, Vulnerability, can_patch, patch_report
from competence.progress import CancelToken, Progress
from competence.units import UnitView
from competence.uow import UnitOfWork
from db.codes import CertificateStatus
from ui import status_colours as tone
from ui.context import AppContext
from ui.i18n import current_language, fmt_date, fmt_int, fmt_percent, fmt_points, fmt_share
from ui.overview.compliance_panel import ComplianceDuePanel
from ui.overview.planning_panels import PlanningPanels
from ui.overview.talks_panel import TalksDuePanel
from ui.pages.base import Page
from ui.widgets.charts import Bar, BarChart
from ui.widgets.pickers import TreeIndentDelegate, add_unit
from ui.widgets.tables import ROW_ROLE, Column, ColumnFitter, DataTable, RowTableModel

#: the largest gaps listed
LARGEST_GAPS = 8


class KeyFigure(QFrame):
    """A number with a caption."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("–")
        font = QFont(self.value.font())
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        self.setAccessibleName(caption)

    def set(self, value: str, *, warn: bool = False, tooltip: str = "") -> None:
        self.value.setText(value)
        self.value.setStyleSheet(tone.WARNING_STYLE if warn else "")
        self.setToolTip(tooltip)
        self.setAccessibleDescription(value)


def _certificate_shade(alert: CertificateAlert) -> tone.Shade:
    """Expired pink, expiring yellow, as in the gap report's workbook."""
    return tone.GAP if alert.status == CertificateStatus.EXPIRED else tone.NEAR


def _table(name: str) -> QTableView:
    view = DataTable()
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.setAlternatingRowColors(True)
    view.setMinimumHeight(160)
    view.setWordWrap(False)
    return view


class OverviewPage(Page):
    # the figures, and the panels of docs/compliance.md: qualifications, talks
    shows = COMPLIANCE_INPUTS | TALK_INPUTS

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.data: UnitFigures | None = None
        self.unit = QComboBox()
        self.unit.setItemDelegate(TreeIndentDelegate(self.unit))
        self.unit.setAccessibleName(self.tr("Enhet for oversikten"))
        self.unit.setMinimumContentsLength(30)
        self.unit.addItem(self.tr("Hele kommunen"), None)
        self.as_of = QLabel()
        unit_label = QLabel(self.tr("&Enhet:"))
        unit_label.setBuddy(self.unit)
        top = QHBoxLayout()
        top.addWidget(unit_label)
        top.addWidget(self.unit)
        top.addStretch(1)
        top.addWidget(self.as_of)

        self.people = KeyFigure(self.tr("ansatte"))
        self.share_met = KeyFigure(self.tr("av kompetansekravene er oppfylt"))
        self.not_assessed = KeyFigure(self.tr("krav er ikke vurdert ennå"))
        self.vulnerable = KeyFigure(self.tr("sårbare kompetanser"))
        self.expiring = KeyFigure(self.tr("sertifikater utløper snart"))
        self.expired = KeyFigure(self.tr("sertifikater er utløpt"))
        self.overdue = KeyFigure(self.tr("utviklingsmål har passert fristen"))
        figures = QGridLayout()
        for i, tile in enumerate(
            (
                self.people,
                self.share_met,
                self.not_assessed,
                self.vulnerable,
                self.expiring,
                self.expired,
                self.overdue,
            )
        ):
            figures.addWidget(tile, 0, i)

        self.areas = BarChart(self.tr("Dekning per strategiområde"))
        areas_box = QGroupBox(self.tr("Andel krav oppfylt per strategiområde"))
        QVBoxLayout(areas_box).addWidget(self.areas)
        self.areas_box = areas_box
        # targets, heltidskultur (each person's total FTE) and 10-FAKTOR: ui/overview/planning_panels.py
        self.planning = PlanningPanels(ctx, self)
        self.fte_box = self.planning.fulltime
        self.fte = self.planning.fulltime.chart

        lang = current_language()
        gap_columns: list[Column[CompetenceGapRank]] = [
            Column(
                self.tr("Kompetanse"),
                lambda g: g.competence.display_label(lang),
                tooltip=lambda g: self.tr("{area}; {people} med kravet").format(
                    area=g.competence.area_label(lang), people=fmt_int(g.people)
                ),
            ),
            Column(self.tr("Med krav"), lambda g: fmt_int(g.people), lambda g: g.people, align_right=True),
            Column(
                self.tr("Oppfylt"),
                lambda g: fmt_share(g.share_met),
                lambda g: g.share_met,
                align_right=True,
            ),
            Column(
                self.tr("Snittavvik"),
                lambda g: fmt_points(g.mean_gap),
                lambda g: g.mean_gap,
                align_right=True,
                header_tooltip=self.tr(
                    "Gjennomsnittlig avvik i prosentpoeng av skalaen blant dem med kravet "
                    "(ikke vurdert teller som {zero})"
                ).format(zero=fmt_percent(0, 0)),
            ),
        ]
        vuln_columns: list[Column[Vulnerability]] = [
            Column(self.tr("Enhet"), lambda v: v.unit.name),
            Column(self.tr("Kompetanse"), lambda v: v.display_label(lang), tooltip=lambda v: v.reason(lang)),
            Column(self.tr("Hvorfor"), lambda v: v.reason(lang), lambda v: -v.short),
            Column(
                self.tr("Innehavere"),
                lambda v: ", ".join(v.holders) or self.tr("ingen"),
                background=lambda v: None if v.holders else tone.GAP.fill,
            ),
        ]
        cert_columns: list[Column[CertificateAlert]] = [
            Column(self.tr("Navn"), lambda a: a.name, tooltip=lambda a: a.units),
            Column(self.tr("Enhet"), lambda a: a.units),
            Column(self.tr("Kurs/sertifikat"), lambda a: a.certificate),
            Column(
                self.tr("Gyldig til"),
                lambda a: fmt_date(a.valid_until),
                lambda a: a.valid_until,
                background=lambda a: _certificate_shade(a).fill,
            ),
        ]
        self.gaps_model: RowTableModel[CompetenceGapRank] = RowTableModel(gap_columns, parent=self)
        self.vuln_model: RowTableModel[Vulnerability] = RowTableModel(vuln_columns, parent=self)
        self.cert_model: RowTableModel[CertificateAlert] = RowTableModel(cert_columns, parent=self)
        self.gaps_view = _table(self.tr("Største avvik"))
        self.vuln_view = _table(self.tr("Sårbare kompetanser"))
        self.cert_view = _table(self.tr("Sertifikater som utløper"))
        self.cert_view.setToolTip(self.tr("Enter eller dobbeltklikk åpner ansattkortet"))
        boxes = []
        self.fitters: list[ColumnFitter] = []
        # on a narrow screen the columns also in a tooltip give way (ColumnFitter.optional): the people
        # with the requirement, why a competence is vulnerable, the certificate holder's unit
        for title, view, model, stretch, optional, cap in (
            (self.tr("Største avvik"), self.gaps_view, self.gaps_model, 0, [1], 140),
            (
                self.tr("Sårbare kompetanser (under målet, eller én eller ingen har dem)"),
                self.vuln_view,
                self.vuln_model,
                1,
                [2],
                120,  # names share the room with the competence's (or the course's) name
            ),
            (
                self.tr("Sertifikater som utløper eller er utløpt"),
                self.cert_view,
                self.cert_model,
                2,
                [1],
                120,
            ),
        ):
            view.setModel(model)
            fitter = ColumnFitter(view, stretch, cap=cap, stretch_min=120)
            fitter.optional = optional
            self.fitters.append(fitter)
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(view)
            boxes.append(box)
        gaps_box, vuln_box, cert_box = boxes
        # areas on the left; on the right the FTE mix and the largest gaps; then the two watch lists
        right = QVBoxLayout()
        right.addWidget(self.fte_box)
        right.addWidget(gaps_box, 1)
        middle = QHBoxLayout()
        middle.addWidget(self.areas_box, 3)
        middle.addLayout(right, 2)
        # the lists side by side share the width equally, whatever their titles' lengths, so that on
        # a narrow screen neither has to scroll sideways
        lists = QHBoxLayout()
        lists.addWidget(vuln_box, 1)
        lists.addWidget(cert_box, 1)
        plans = QHBoxLayout()
        plans.addWidget(self.planning.targets, 3)
        plans.addWidget(self.planning.survey, 2)
        # the panels of docs/compliance.md load their own figures for the unit shown
        self.compliance = ComplianceDuePanel(ctx)
        self.talks = TalksDuePanel(ctx)
        watch = QHBoxLayout()
        watch.addWidget(self.compliance, 1)
        watch.addWidget(self.talks, 1)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addLayout(top)
        layout.addLayout(figures)
        layout.addLayout(middle)
        layout.addLayout(lists, 1)
        layout.addLayout(watch, 1)
        layout.addLayout(plans, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self.unit.currentIndexChanged.connect(self._unit_chosen)
        self.cert_view.activated.connect(self._open_certificate_holder)

    # --- loading -----------------------------------------------------------------------------
    def selected_unit(self) -> int | None:
        value = self.unit.currentData()
        return int(value) if value is not None else None

    def _unit_to_show(self) -> int | None:
        if self.data is None:  # first load: the unit chosen last time
            return self.ctx.preferences.overview_unit
        return self.selected_unit()

    def reload(self) -> None:
        unit_id = self._unit_to_show()
        self.as_of.setText(self.tr("Beregner…"))

        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> UnitFigures:
            return unit_figures(uow, unit_id, largest=LARGEST_GAPS)

        self.ctx.tasks.run(job, on_done=self.show_data, parent=self, latest="figures")
        self.planning.load(unit_id)

    def patch_levels(self, pairs: frozenset[tuple[int, int]]) -> bool:
        """A leader changed some levels: recompute only the cells and totals they touch
        (competence/gap/patch.py); the panels of qualifications and talks do not read levels."""
        data = self.data
        if data is None or not can_patch(pairs) or data.report.heatmap.at != today():
            return False

        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> UnitFigures:
            report = patch_report(uow, data.report, pairs, unit_id=data.unit_id, subunits=data.subunits)
            return replace(data, report=report)

        self.ctx.tasks.run(
            job, on_done=lambda figures: self.show_data(figures, panels=False), parent=self, latest="figures"
        )
        self.planning.load(data.unit_id)  # the targets count who holds a competence at a level
        return True

    def _unit_chosen(self) -> None:
        self.ctx.preferences.overview_unit = self.selected_unit()
        self.refresh()

    def _fill_units(self, units: tuple[UnitView, ...], chosen: int | None) -> None:
        with QSignalBlocker(self.unit):
            self.unit.clear()
            self.unit.addItem(self.tr("Hele kommunen"), None)
            for unit in units:
                add_unit(self.unit, unit)
            self.unit.setCurrentIndex(max(self.unit.findData(chosen), 0) if chosen is not None else 0)

    def show_data(self, data: UnitFigures, *, panels: bool = True) -> None:
        """Show the figures; ``panels``: also load the panels of qualifications and talks again."""
        self.data = data
        self._fill_units(data.units, data.unit_id)
        report = data.report
        s = report.summary
        self.as_of.setText(self.tr("Per {date}").format(date=fmt_date(s.at)))
        self.people.set(fmt_int(s.people))
        self.share_met.set(
            fmt_share(s.share_met) if s.requirements else "–",
            tooltip=self.tr("{met} av {total} krav").format(
                met=fmt_int(s.met), total=fmt_int(s.requirements)
            ),
        )
        self.not_assessed.set(fmt_int(s.not_assessed), warn=s.not_assessed > 0)
        self.vulnerable.set(fmt_int(s.vulnerable), warn=s.vulnerable > 0)
        self.expiring.set(
            fmt_int(s.expiring),
            warn=s.expiring > 0,
            tooltip=self.tr("innen {days} dager").format(days=data.window_days),
        )
        self.expiring.caption.setText(
            self.tr("sertifikater utløper innen {days} dager").format(days=data.window_days)
        )
        self.expired.set(fmt_int(s.expired), warn=s.expired > 0)
        self.overdue.set(fmt_int(s.overdue_goals), warn=s.overdue_goals > 0)
        bars: list[Bar] = []
        framework = None
        lang = current_language()
        for a in report.areas:  # grouped by framework: area codes like "1" recur in several
            if a.framework_name != framework:
                framework = a.framework_name
                bars.append(Bar(a.framework_display(lang), heading=True))
            bars.append(
                Bar(
                    a.label(lang),
                    a.share_met * 100,
                    fmt_share(a.share_met),
                    self.tr("{area} ({framework}): {met} av {items} krav oppfylt, {na} ikke vurdert").format(
                        area=a.display_name(lang),
                        framework=a.framework_display(lang),
                        met=a.met,
                        items=a.items,
                        na=a.not_assessed,
                    ),
                )
            )
        self.areas.set_bars(bars, maximum=100.0, empty_text=self.tr("Ingen kompetansekrav i utvalget ennå."))
        self.gaps_model.set_rows(report.summary.largest_gaps)
        self.vuln_model.set_rows(report.vulnerabilities)
        self.cert_model.set_rows(report.certificates)
        if panels:
            self.compliance.show_for(data.unit_id)
            self.talks.show_for(data.unit_id)
        self.loaded.emit()

    def _open_certificate_holder(self, index: QModelIndex) -> None:
        if index.isValid():
            alert = self.cert_model.data(index, ROW_ROLE)
            if isinstance(alert, CertificateAlert):
                self.ctx.employee_requested.emit(alert.employee_id)
