"""Heltidskultur on the Planlegging screen: the figures of competence/fulltime/figures.py, the FTE
distribution, the trend of the share in full time, and per unit, the people above 100 % and those
who want a larger post."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from competence.fulltime.figures import Figures, PersonFte, UnitFigures
from competence.fulltime.service import FulltimeReport
from ui.i18n import fmt_date, fmt_int, fmt_number, fmt_percent, fmt_share
from ui.widgets.charts import Bar, BarChart
from ui.widgets.tables import Column, ColumnFitter, DataTable, RowTableModel

translate = QCoreApplication.translate
BANDS = ("100", "75-99", "50-74", "<50")


def band_labels() -> dict[str, str]:
    return {
        "100": translate("Heltid", "{full} eller mer").format(full=fmt_percent(100, 0)),
        "75-99": f"{fmt_number(75, 0)}–{fmt_percent(99, 0)}",
        "50-74": f"{fmt_number(50, 0)}–{fmt_percent(74, 0)}",
        "<50": translate("Heltid", "under {share}").format(share=fmt_percent(50, 0)),
    }


def band_bars(figures: Figures) -> list[Bar]:
    labels = band_labels()
    return [
        Bar(labels[band], figures.bands.get(band, 0), fmt_int(figures.bands.get(band, 0))) for band in BANDS
    ]


def key_figures_text(report: FulltimeReport) -> str:
    """The figures a leader asks for first, in a few lines."""
    f = report.figures
    lines = [
        translate(
            "Heltid",
            "{people} personer · {full} i heltid ({share}) · gjennomsnittlig stillingsstørrelse {mean}",
        ).format(
            people=fmt_int(f.people),
            full=fmt_int(f.full_time),
            share=fmt_share(f.share_full_time),
            mean=fmt_percent(f.mean_fte, 1),
        ),
        translate(
            "Heltid",
            "{invol} av {part} i deltid ønsker større stilling · {known} har oppgitt ønsket stillingsprosent",
        ).format(invol=fmt_int(f.involuntary), part=fmt_int(f.part_time), known=fmt_int(f.desired_known)),
        translate(
            "Heltid",
            "{permanent} fast ansatt · {temporary} kun midlertidig · {several} med flere stillinger · "
            "{over} over {full}",
        ).format(
            full=fmt_percent(100, 0),
            permanent=fmt_int(f.permanent),
            temporary=fmt_int(f.temporary),
            several=fmt_int(f.several_posts),
            over=fmt_int(f.over_full_time),
        ),
    ]
    return "\n".join(lines)


def _table(name: str) -> DataTable:
    view = DataTable()
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.setSortingEnabled(True)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    return view


def _posts(person: PersonFte) -> str:
    return "; ".join(f"{p.unit_name}: {fmt_percent(p.fte, 1)}" for p in person.posts)


class FulltimeTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figures = QLabel()
        self.figures.setWordWrap(True)
        self.figures.setAccessibleName(self.tr("Nøkkeltall for heltidskultur"))
        self.bands = BarChart(self.tr("Samlet stillingsprosent per person"))
        self.trend = BarChart(self.tr("Andel i heltid de siste to årene"))
        bands_box = QGroupBox(self.tr("Samlet stillingsprosent per person"))
        QVBoxLayout(bands_box).addWidget(self.bands)
        trend_box = QGroupBox(self.tr("Andel i heltid (fra stillingshistorikken)"))
        QVBoxLayout(trend_box).addWidget(self.trend)
        left = QVBoxLayout()
        left.addWidget(bands_box)
        left.addWidget(trend_box)
        left.addStretch(1)

        unit_columns: list[Column[UnitFigures]] = [
            Column(
                self.tr("Enhet"),
                lambda u: "  " * u.depth + f"{u.number} {u.name}",
                lambda u: u.number,
                tooltip=lambda u: self.tr("Snitt {mean}; midlertidige: {temporary}").format(
                    mean=fmt_percent(u.figures.mean_fte, 1), temporary=fmt_int(u.figures.temporary)
                ),
            ),
            Column(
                self.tr("Personer"),
                lambda u: fmt_int(u.figures.people),
                lambda u: u.figures.people,
                align_right=True,
            ),
            Column(
                self.tr("Heltid"),
                lambda u: fmt_share(u.figures.share_full_time),
                lambda u: u.figures.share_full_time,
                align_right=True,
            ),
            Column(
                self.tr("Snitt"),
                lambda u: fmt_percent(u.figures.mean_fte, 1),
                lambda u: u.figures.mean_fte,
                align_right=True,
                header_tooltip=self.tr("Gjennomsnittlig samlet stillingsprosent per person"),
            ),
            Column(
                self.tr("Ønsker mer"),
                lambda u: fmt_int(u.figures.involuntary),
                lambda u: u.figures.involuntary,
                align_right=True,
                header_tooltip=self.tr("Ufrivillig deltid: i deltid og ønsker større stilling"),
            ),
            Column(
                self.tr("Midlertidig"),
                lambda u: fmt_int(u.figures.temporary),
                lambda u: u.figures.temporary,
                align_right=True,
            ),
        ]
        person_columns: list[Column[PersonFte]] = [
            Column(self.tr("Navn"), lambda p: p.name),
            Column(self.tr("Ansattnr."), lambda p: p.employee_no),
            Column(self.tr("Samlet"), lambda p: fmt_percent(p.total, 1), lambda p: p.total, align_right=True),
            Column(
                self.tr("Ønsket"),
                lambda p: fmt_percent(p.desired, 1) if p.desired is not None else "",
                lambda p: p.desired or 0,
                align_right=True,
            ),
            Column(self.tr("Stillinger"), _posts),
        ]
        self.unit_model: RowTableModel[UnitFigures] = RowTableModel(unit_columns, parent=self)
        self.over_model: RowTableModel[PersonFte] = RowTableModel(person_columns, parent=self)
        self.wish_model: RowTableModel[PersonFte] = RowTableModel(person_columns, parent=self)
        self.unit_view = _table(self.tr("Heltidskultur per enhet"))
        self.over_view = _table(self.tr("Over {full} til sammen").format(full=fmt_percent(100, 0)))
        self.wish_view = _table(self.tr("Ønsker større stilling"))
        self.fitters = []
        # on a narrow screen the per-unit mean and the temporary posts give way (in the unit's tooltip)
        for view, model, stretch, optional in (
            (self.unit_view, self.unit_model, 0, [5, 3]),
            (self.over_view, self.over_model, 4, []),
            (self.wish_view, self.wish_model, 4, []),
        ):
            view.setModel(model)
            fitter = ColumnFitter(view, stretch, cap=200, stretch_min=120)
            fitter.optional = optional
            self.fitters.append(fitter)
        self.lists = QTabWidget()
        self.lists.setAccessibleName(self.tr("Heltidskultur i detalj"))
        self.lists.addTab(self.unit_view, self.tr("Per enhet"))
        self.lists.addTab(self.over_view, self.tr("Over {full}").format(full=fmt_percent(100, 0)))
        self.lists.addTab(self.wish_view, self.tr("Ønsker større stilling"))
        note = QLabel(
            self.tr(
                "Hver person telles med sin samlede stillingsprosent i alle enheter: {here} her og {there} "
                "der er heltid i begge. Ufrivillig deltid bygger på ønsket stillingsprosent fra "
                "personallisten eller ansattkortet."
            ).format(here=fmt_percent(60, 0), there=fmt_percent(40, 0))
        )
        note.setWordWrap(True)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addWidget(self.lists, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.figures)
        layout.addLayout(body, 1)
        layout.addWidget(note)

    def show_report(self, report: FulltimeReport) -> None:
        self.figures.setText(key_figures_text(report))
        self.bands.set_bars(band_bars(report.figures), empty_text=self.tr("Ingen stillinger."))
        self.trend.set_bars(
            [
                Bar(fmt_date(p.at), p.share_full_time * 100, fmt_share(p.share_full_time))
                for p in report.trend
                if p.people
            ],
            maximum=100.0,
            empty_text=self.tr("Ingen stillinger i perioden."),
        )
        self.unit_model.set_rows(report.units)
        self.over_model.set_rows(report.over_full_time)
        self.wish_model.set_rows(report.involuntary)
        self.lists.setTabText(
            1,
            self.tr("Over {full} ({count})").format(
                full=fmt_percent(100, 0), count=fmt_int(len(report.over_full_time))
            ),
        )
        self.lists.setTabText(
            2, self.tr("Ønsker større stilling ({count})").format(count=fmt_int(len(report.involuntary)))
        )
