"""The planning panels of Oversikt (docs/planning.md): the competence targets' status (have / need /
short), heltidskultur counted by each person's total FTE, and 10-FAKTOR's factors 4 (bruk av
kompetanse) and 7 (relevant kompetanseutvikling) beside the municipality's. Loaded on a worker in
one unit of work (competence/planning/overview.py)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject
from PySide6.QtWidgets import QAbstractItemView, QGroupBox, QLabel, QVBoxLayout, QWidget

from competence.planning.overview import PlanningSummary, load_planning_summary
from competence.planning.targets import TargetStatus
from competence.progress import CancelToken, Progress
from competence.uow import UnitOfWork
from db.codes import COMPETENCE_FACTORS, TargetState
from ui.context import AppContext
from ui.i18n import current_language, fmt_int, fmt_percent, fmt_share
from ui.planning.fulltime import band_bars
from ui.planning.survey import change_text, mean_text
from ui.planning.targets import STATE_COLOURS, state_text
from ui.widgets.charts import BarChart
from ui.widgets.tables import Column, ColumnFitter, DataTable, RowTableModel


class TargetsPanel(QGroupBox):
    """The targets of the selection, those short of their number first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Kompetansemål"), parent)
        lang = current_language()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        columns: list[Column[TargetStatus]] = [
            Column(self.tr("Enhet"), lambda t: t.unit_name, tooltip=lambda t: t.unit_label),
            Column(
                self.tr("Kompetanse / kvalifikasjon"),
                lambda t: t.subject_label(lang),
                tooltip=lambda t: t.reason,
            ),
            Column(
                self.tr("Har / trenger"),
                lambda t: f"{fmt_int(t.have)} / {fmt_int(t.people_needed)}",
                lambda t: t.have - t.people_needed,
                align_right=True,
            ),
            Column(
                self.tr("Status"),
                lambda t: state_text(t, lang),
                lambda t: (t.state is TargetState.MET, -t.short),
                background=lambda t: STATE_COLOURS[t.state],
            ),
        ]
        self.model: RowTableModel[TargetStatus] = RowTableModel(columns, parent=self)
        self.view = DataTable()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Kompetansemål"))
        self.view.setToolTip(self.tr("Enter eller dobbeltklikk åpner Planlegging"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.setMinimumHeight(140)
        self.fitter = ColumnFitter(self.view, 1, cap=140, stretch_min=120)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)

    def show_targets(self, targets: tuple[TargetStatus, ...]) -> None:
        met = sum(1 for t in targets if t.state is TargetState.MET)
        overdue = sum(1 for t in targets if t.state is TargetState.OVERDUE)
        if not targets:
            self.summary.setText(self.tr("Ingen mål satt ennå. Mål settes under Planlegging."))
        else:
            self.summary.setText(
                self.tr("{count} mål: {met} oppfylt, {short} under målet ({overdue} etter fristen)").format(
                    count=fmt_int(len(targets)),
                    met=fmt_int(met),
                    short=fmt_int(len(targets) - met),
                    overdue=fmt_int(overdue),
                )
            )
        ordered = sorted(targets, key=lambda t: (t.state is TargetState.MET, -t.short, t.unit_number))
        self.model.set_rows(ordered)


class FulltimePanel(QGroupBox):
    """Heltidskultur: each person with their total FTE over all posts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Heltidskultur: samlet stillingsprosent"), parent)
        self.figures = QLabel()
        self.figures.setWordWrap(True)
        self.figures.setAccessibleName(self.tr("Nøkkeltall for heltidskultur"))
        self.chart = BarChart(self.tr("Stillingsstørrelse (heltidskultur)"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.figures)
        layout.addWidget(self.chart)

    def show_summary(self, summary: PlanningSummary) -> None:
        report = summary.fulltime
        f = report.figures
        self.figures.setText(
            self.tr(
                "{share} i heltid · snitt {mean} · {invol} ufrivillig deltid · {over} over {full}"
            ).format(
                share=fmt_share(f.share_full_time),
                mean=fmt_percent(f.mean_fte, 1),
                invol=fmt_int(f.involuntary),
                over=fmt_int(f.over_full_time),
                full=fmt_percent(100, 0),
            )
        )
        self.figures.setToolTip(
            self.tr(
                "Hver person telles med sin samlede stillingsprosent i alle enheter; {known} av {people} "
                "har oppgitt ønsket stillingsprosent."
            ).format(known=fmt_int(f.desired_known), people=fmt_int(f.people))
        )
        self.chart.set_bars(band_bars(f), empty_text=self.tr("Ingen stillinger."))


class SurveyPanel(QGroupBox):
    """Factors 4 and 7 of 10-FAKTOR, the latest year, beside the municipality's."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("10-FAKTOR: kompetanse i bruk og utvikling"), parent)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAccessibleName(self.tr("10-FAKTOR for kompetanse"))
        QVBoxLayout(self).addWidget(self.text)

    def show_summary(self, summary: PlanningSummary) -> None:
        survey = summary.survey
        lang = current_language()
        if not survey.has_results:
            self.text.setText(
                self.tr(
                    "Ingen 10-FAKTOR-resultater for utvalget (grupper under {minimum} svar vises aldri)."
                ).format(minimum=summary.minimum)
            )
            return
        lines = [
            self.tr("{year}, {count} svar").format(year=survey.year, count=fmt_int(survey.respondents or 0))
        ]
        for factor in COMPETENCE_FACTORS:
            figure = survey.factor(factor)
            line = f"<b>{factor.numbered(lang)}: {mean_text(figure.mean)}</b>"
            change = change_text(figure.mean, figure.previous)
            if change:
                line += " " + self.tr("({change} fra {year})").format(
                    change=change, year=survey.previous_year
                )
            if survey.unit_id is not None:
                line += " · " + self.tr("kommunen {mean}").format(mean=mean_text(figure.municipality))
            lines.append(line)
        self.text.setText("<br>".join(lines))


class PlanningPanels(QObject):
    """The three panels and their loading; the page places the widgets."""

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.targets = TargetsPanel()
        self.fulltime = FulltimePanel()
        self.survey = SurveyPanel()
        self.summary: PlanningSummary | None = None
        self.targets.view.activated.connect(self._open_planning)

    def load(self, unit_id: int | None) -> None:
        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> PlanningSummary:
            return load_planning_summary(uow, unit_id)

        parent = self.parent()
        assert isinstance(parent, QWidget)
        self.ctx.tasks.run(job, on_done=self.show, parent=parent, latest="planning")

    def show(self, summary: PlanningSummary) -> None:
        self.summary = summary
        self.targets.show_targets(summary.targets)
        self.fulltime.show_summary(summary)
        self.survey.show_summary(summary)

    def _open_planning(self, index: QModelIndex) -> None:
        if index.isValid():
            self.ctx.page_requested.emit("planning")
