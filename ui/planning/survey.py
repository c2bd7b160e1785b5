"""10-FAKTOR on the Planlegging screen (and, smaller, on Oversikt): the unit's ten factors, year by
year, beside the municipality's; factor 4 (bruk av kompetanse) and 7 (relevant kompetanseutvikling)
marked, as they sit beside the unit's competence figures."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QLabel, QVBoxLayout, QWidget

from competence.numbers import format_number
from competence.tenfactor.results import SurveyView
from db.codes import COMPETENCE_FACTORS, Factor
from ui import status_colours as tone
from ui.i18n import current_language, fmt_int
from ui.widgets.tables import Column, ColumnFitter, DataTable, RowTableModel

translate = QCoreApplication.translate
COMPETENCE_ROW = QColor(232, 240, 254)
BETTER = tone.MET.fill
WORSE = tone.GAP.fill


@dataclass(frozen=True)
class FactorRow:
    factor: Factor
    #: the unit's mean per year of ``years``
    means: tuple[float | None, ...]
    municipality: float | None

    @property
    def latest(self) -> float | None:
        return self.means[-1] if self.means else None


def two_decimals(value: float) -> str:
    """A 10-FAKTOR mean or change, always with two decimals ("4,00", "0,30"), as the survey writes them."""
    return format_number(value, 2, current_language(), keep_zeros=True)


def mean_text(value: float | None) -> str:
    return "–" if value is None else two_decimals(value)


def change_text(new: float | None, old: float | None) -> str:
    """ "▲ 0,3", "▼ 0,12", "= 0" from one year to the next; "" when either is missing."""
    if new is None or old is None:
        return ""
    change = round(new - old, 2)
    arrow = "▲" if change > 0 else "▼" if change < 0 else "="
    return f"{arrow} {two_decimals(abs(change))}"


def factor_rows(view: SurveyView, years: Sequence[int]) -> list[FactorRow]:
    rows = []
    for factor in Factor:
        by_year = dict(view.trend.get(factor, ()))
        rows.append(FactorRow(factor, tuple(by_year.get(y) for y in years), view.factor(factor).municipality))
    return rows


def survey_heading(view: SurveyView, name: str) -> str:
    """What the table shows: whose results, which year, how many answered."""
    if not view.has_results:
        return translate(
            "10-FAKTOR",
            "{name}: ingen 10-FAKTOR-resultater. Grupper med færre enn {minimum} svar blir aldri lest inn "
            "eller vist.",
        ).format(name=name, minimum=view.minimum)
    text = translate("10-FAKTOR", "{name}: {year}, {count} svar").format(
        name=name, year=view.year, count=fmt_int(view.respondents or 0)
    )
    if view.computed:
        text += translate("10-FAKTOR", " (beregnet fra enhetene under, vektet etter antall svar)")
    return text


class FactorTable(QWidget):
    """The ten factors: a column per year (the last ``years_shown``), the change, the municipality."""

    def __init__(self, accessible_name: str, *, years_shown: int = 3, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.years_shown = years_shown
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.model: RowTableModel[FactorRow] = RowTableModel([], parent=self)
        self.view = DataTable()
        self.view.setModel(self.model)
        self.view.setAccessibleName(accessible_name)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        self.view.setAlternatingRowColors(False)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(False)
        self.fitter = ColumnFitter(self.view, 0, cap=140, stretch_min=150)
        self.note = QLabel(
            self.tr(
                "Snitt på skalaen 1–5. Faktor 4 og 7 (uthevet) hører sammen med enhetens kompetansetall. "
                "Bare resultater per enhet lagres, aldri svar fra den enkelte."
            )
        )
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note)

    def show_view(self, view: SurveyView, name: str) -> None:
        lang = current_language()
        years = list(view.years[-self.years_shown :])
        self.heading.setText(survey_heading(view, name))

        def mark(row: FactorRow) -> QColor | None:
            return COMPETENCE_ROW if row.factor in COMPETENCE_FACTORS else None

        columns: list[Column[FactorRow]] = [
            Column(
                self.tr("Faktor"), lambda r: r.factor.numbered(lang), lambda r: int(r.factor), background=mark
            )
        ]
        for index, year in enumerate(years):
            columns.append(_year_column(year, index, mark))
        if len(years) >= 2:
            columns.append(
                Column(
                    self.tr("Endring"),
                    lambda r: change_text(r.means[-1], r.means[-2]),
                    lambda r: (r.means[-1] or 0) - (r.means[-2] or 0),
                    align_right=True,
                    background=mark,
                    header_tooltip=self.tr("Fra {old} til {new}").format(old=years[-2], new=years[-1]),
                )
            )
        if view.unit_id is not None:
            columns.append(
                Column(
                    self.tr("Kommunen {year}").format(year=view.year or ""),
                    lambda r: mean_text(r.municipality),
                    lambda r: r.municipality or 0.0,
                    align_right=True,
                    background=mark,
                )
            )
            columns.append(
                Column(
                    self.tr("Forskjell"),
                    lambda r: change_text(r.latest, r.municipality).replace("▲", "+").replace("▼", "−"),
                    lambda r: (r.latest or 0) - (r.municipality or 0),
                    align_right=True,
                    background=lambda r: _difference_colour(r) or mark(r),
                    header_tooltip=self.tr("Enhetens snitt minus kommunens"),
                )
            )
        self.model.beginResetModel()
        self.model.columns = columns
        self.model.endResetModel()
        self.model.set_rows(factor_rows(view, years) if view.has_results else [])
        self.view.resizeColumnsToContents()
        self.fitter.fit()


def _difference_colour(row: FactorRow) -> QColor | None:
    if row.latest is None or row.municipality is None:
        return None
    difference = row.latest - row.municipality
    return BETTER if difference >= 0.2 else WORSE if difference <= -0.2 else None


def _year_column(year: int, index: int, mark: Callable[[FactorRow], QColor | None]) -> Column[FactorRow]:
    def text(row: FactorRow) -> str:
        return mean_text(row.means[index])

    def key(row: FactorRow) -> float:
        return row.means[index] or 0.0

    return Column(str(year), text, key, align_right=True, background=mark)
